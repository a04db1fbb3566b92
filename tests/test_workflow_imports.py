"""Spreadsheet imports obey the workflow: no publishing, no editing published rows, no
rows for another department, unless the importer may publish."""

import pytest
from django.contrib.auth.models import Group

from jiulongpo.roles import EDITOR, REVIEWER, STATISTICIAN
from projects.models import ProgressUpdate
from tests.factories import ProgressUpdateFactory, ProjectFactory
from tests.factories_data import csv_upload, import_problems, preview_import
from tests.factories_editorial import DepartmentFactory, staff

pytestmark = pytest.mark.django_db

MODEL = "projects_progressupdate"
HEADER = ["项目网址名", "日期", "标题", "完成百分比", "内容", "资料来源"]


@pytest.fixture
def department():
    return DepartmentFactory()


def upload(*rows):
    return csv_upload([HEADER, *rows])


def test_an_editor_cannot_change_a_published_update_by_import(client, department):
    project = ProjectFactory(slug="minzhucun", department=department)
    ProgressUpdateFactory(project=project, date="2022-06-01", title="主体完成", percent=60)
    client.force_login(staff(EDITOR, department))
    response = preview_import(
        client, MODEL, upload(["minzhucun", "2022-06-01", "主体完成", "90", "", ""])
    )
    assert any("经审核才能修改" in text for text in import_problems(response))
    assert ProgressUpdate.objects.get().percent == 60


def test_an_editor_cannot_import_into_another_departments_project(client, department):
    ProjectFactory(slug="elsewhere", department=DepartmentFactory())
    client.force_login(staff(EDITOR, department))
    response = preview_import(
        client, MODEL, upload(["elsewhere", "2022-06-01", "越权", "10", "", ""])
    )
    assert any("不属于您所在的部门" in text for text in import_problems(response))


def test_a_reviewer_may_correct_a_published_update_by_import(client, department):
    project = ProjectFactory(slug="minzhucun", department=department)
    ProgressUpdateFactory(project=project, date="2022-06-01", title="主体完成", percent=60)
    client.force_login(staff(REVIEWER))
    response = preview_import(
        client, MODEL, upload(["minzhucun", "2022-06-01", "主体完成", "90", "", ""])
    )
    assert import_problems(response) == []


def test_a_statistician_may_import_figures_and_read_the_import_records():
    codenames = set(
        Group.objects.get(name=STATISTICIAN).permissions.values_list("codename", flat=True)
    )
    assert {"add_indicatorvalue", "change_indicatorvalue", "view_importrecord"} <= codenames
