import datetime

import pytest
from django.urls import reverse

from jiulongpo.imports.models import ImportRecord
from projects.models import ProgressUpdate
from tests.factories import ProgressUpdateFactory, ProjectFactory
from tests.factories_data import (
    confirm_import,
    csv_upload,
    import_problems,
    preview_import,
    xlsx_upload,
)

pytestmark = pytest.mark.django_db

MODEL = "projects_progressupdate"
HEADER = ["项目网址名", "日期", "标题", "完成百分比", "内容", "资料来源"]


@pytest.fixture
def minzhucun():
    return ProjectFactory(slug="minzhucun", name="民主村片区")


def rows(*data):
    return [HEADER, *data]


def test_preview_shows_each_rows_outcome_and_writes_nothing(staff_client, minzhucun):
    ProgressUpdateFactory(project=minzhucun, date="2022-06-01", title="主体完成", percent=60)
    ProgressUpdateFactory(project=minzhucun, date="2022-03-01", title="开工", percent=10)
    upload = csv_upload(
        rows(
            ["minzhucun", "2022-06-01", "主体完成", "60", "", ""],
            ["minzhucun", "2022-03-01", "开工", "20", "", ""],
            ["minzhucun", "2022-09-30", "示范街开街", "40", "", ""],
        )
    )
    response = preview_import(staff_client, MODEL, upload)
    previewed = response.context["result"].valid_rows()
    assert [(row.number + 1, row.import_type) for row in previewed] == [
        (2, "skip"),
        (3, "update"),
        (4, "new"),
    ]
    assert "未变" in response.content.decode() and "新增" in response.content.decode()
    assert ProgressUpdate.objects.count() == 2


def test_confirming_writes_every_row_and_records_the_import(staff_client, minzhucun):
    upload = xlsx_upload(
        rows(
            ["minzhucun", "2022-03-01", "开工", 10, "", "区住房城乡建委"],
            ["minzhucun", datetime.date(2022, 9, 30), "示范街开街", 40, "", ""],
        ),
        name="民主村进展.xlsx",
    )
    confirm_import(staff_client, MODEL, preview_import(staff_client, MODEL, upload, "xlsx"))
    record = ImportRecord.objects.get()
    assert sorted(minzhucun.updates.values_list("percent", flat=True)) == [10, 40]
    assert (record.file_name, record.new_rows, record.imported_by.username) == (
        "民主村进展.xlsx",
        2,
        "editor",
    )


def test_imported_updates_wait_as_drafts_for_review(staff_client, minzhucun):
    upload = csv_upload(rows(["minzhucun", "2022-03-01", "开工", "10", "", ""]))
    confirm_import(staff_client, MODEL, preview_import(staff_client, MODEL, upload))
    assert ProgressUpdate.objects.get().publication_state == "draft"


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("约30", "“约30”不是数字"),
        ("N/A", "“N/A”不是数字"),
        ("", "不能为空"),
        ("130", "大于允许的最大值 100"),
        ("30.5", "必须是整数"),
    ],
)
def test_a_number_that_is_not_clearly_a_number_is_refused(staff_client, minzhucun, cell, expected):
    upload = csv_upload(
        rows(
            ["minzhucun", "2022-03-01", "开工", "10", "", ""],
            ["minzhucun", "2022-04-01", "进场", cell, "", ""],
        )
    )
    problems = import_problems(preview_import(staff_client, MODEL, upload))
    assert len(problems) == 1
    assert problems[0].startswith("第 3 行 完成百分比：") and expected in problems[0]


def test_an_unknown_project_is_named_in_the_error(staff_client, minzhucun):
    upload = csv_upload(rows(["no-such-project", "2022-03-01", "开工", "10", "", ""]))
    problems = import_problems(preview_import(staff_client, MODEL, upload))
    assert "找不到“no-such-project”" in problems[0]


def test_one_bad_row_means_no_confirm_button_and_nothing_written(staff_client, minzhucun):
    upload = csv_upload(
        rows(
            ["minzhucun", "2022-03-01", "开工", "10", "", ""],
            ["minzhucun", "2022-13-01", "错日期", "10", "", ""],
        )
    )
    response = preview_import(staff_client, MODEL, upload)
    assert "confirm_form" not in response.context
    assert ProgressUpdate.objects.count() == 0


def test_a_row_that_fails_at_commit_rolls_back_the_whole_import(staff_client, minzhucun):
    other = ProjectFactory(slug="other")
    upload = csv_upload(
        rows(
            ["minzhucun", "2022-03-01", "开工", "10", "", ""],
            ["other", "2022-04-01", "进场", "20", "", ""],
        )
    )
    preview = preview_import(staff_client, MODEL, upload)
    other.delete()  # the data changed between preview and confirm
    response = confirm_import(staff_client, MODEL, preview)
    assert ProgressUpdate.objects.count() == 0 and ImportRecord.objects.count() == 0
    assert "没有写入任何数据" in response.content.decode()


def test_templates_download_with_the_expected_headers(staff_client):
    response = staff_client.get(reverse(f"admin:{MODEL}_import_template", args=["csv"]))
    assert response.content.decode("utf-8") == "\ufeff" + ",".join(HEADER) + "\r\n"


def test_import_page_links_the_templates(staff_client):
    html = staff_client.get(reverse(f"admin:{MODEL}_import")).content.decode()
    assert reverse(f"admin:{MODEL}_import_template", args=["xlsx"]) in html


def test_reviewers_see_each_import_in_the_admin(staff_client, minzhucun):
    upload = csv_upload(rows(["minzhucun", "2022-03-01", "开工", "10", "", ""]), name="三月.csv")
    confirm_import(staff_client, MODEL, preview_import(staff_client, MODEL, upload))
    html = staff_client.get(reverse("admin:imports_importrecord_changelist")).content.decode()
    assert "三月.csv" in html and "editor" in html


@pytest.mark.parametrize(
    "model", ["projects_progressupdate", "livelihood_task", "livelihood_indicatorvalue"]
)
def test_each_importable_list_in_the_admin_links_its_import_page(staff_client, model):
    html = staff_client.get(reverse(f"admin:{model}_changelist")).content.decode()
    assert reverse(f"admin:{model}_import") in html


def test_staff_without_permission_to_add_updates_cannot_import(client, django_user_model):
    from django.contrib.auth.models import Permission

    user = django_user_model.objects.create_user("viewer", password="x" * 16, is_staff=True)
    user.user_permissions.add(Permission.objects.get(codename="view_progressupdate"))
    client.force_login(user)
    assert client.get(reverse(f"admin:{MODEL}_import")).status_code == 403


def test_a_preview_with_a_bad_row_still_shows_the_other_rows_outcomes(staff_client, minzhucun):
    upload = csv_upload(
        rows(
            ["minzhucun", "2022-03-01", "开工", "10", "", ""],
            ["minzhucun", "2022-04-01", "进场", "约30", "", ""],
        )
    )
    html = preview_import(staff_client, MODEL, upload).content.decode()
    assert "其余各行的检查结果" in html and "<td>2</td>" in html
