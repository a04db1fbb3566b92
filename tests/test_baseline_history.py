"""The district's data arrives with a baseline history record, so editors' changes to it
show up as changes from the report's values."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse

from jiulongpo.history import PRIVATE_FIELDS, history_model
from jiulongpo.management.commands.load_district import district_fixtures, loaded_rows
from jiulongpo.roles import REVIEWER
from projects.models import Project
from tests.admin_forms import post_admin_form
from tests.factories_editorial import staff

pytestmark = pytest.mark.django_db

# 陈家坪立交, as the report describes it.
REPORT_SUMMARY = "2022年策划并启动的重大城市更新项目之一。"
EDITED_SUMMARY = "2022年策划并启动的重大城市更新项目之一，立交改造已经开工。"


def load_district(*args):
    call_command("load_district", *args, stdout=StringIO())


def history_counts():
    """{(model, primary key): number of history records} for every tracked fixture row."""
    counts = {}
    for model, pks in loaded_rows(district_fixtures()).items():
        if not hasattr(model._meta, "simple_history_manager_attribute"):
            continue
        records = history_model(model)._default_manager
        for pk in pks:
            counts[model, pk] = records.filter(**{model._meta.pk.attname: pk}).count()
    return counts


@pytest.fixture
def district(db):
    load_district()


@pytest.fixture
def report_project(district):
    return Project.objects.get(slug="chenjiaping-lijiao")


@pytest.fixture
def reviewer(client):
    user = staff(REVIEWER)
    client.force_login(user)
    return user


def edit_in_the_admin(client, project, **changes):
    response = post_admin_form(
        client, reverse("admin:projects_project_change", args=[project.pk]), changes
    )
    assert response.status_code == 302, response.content.decode()


def test_every_loaded_row_of_a_tracked_model_gets_one_baseline_record(district):
    counts = history_counts()
    assert {model.__name__ for model, _ in counts} >= {"Project", "Task", "Park"}
    assert set(counts.values()) == {1}


def test_the_baseline_record_is_the_row_as_loaded_with_no_user(report_project):
    baseline = report_project.history.get()
    assert (baseline.history_type, baseline.history_user) == ("+", None)
    assert baseline.summary == REPORT_SUMMARY
    assert baseline.history_change_reason == "载入九龙坡区2022年民生报道的数据"


def test_loading_twice_adds_no_second_baseline_record(district):
    load_district()
    load_district("--force")
    assert set(history_counts().values()) == {1}


def test_a_row_with_history_keeps_it_when_the_data_is_loaded_again(
    client, reviewer, report_project
):
    edit_in_the_admin(client, report_project, summary=EDITED_SUMMARY)
    load_district("--force")
    assert report_project.history.count() == 2


def test_an_unedited_report_project_shows_only_its_first_publication(client, report_project):
    html = client.get(report_project.get_absolute_url()).content.decode()
    assert "首次发布" in html
    assert "更新了" not in html and "内容有更新" not in html


def test_an_edit_in_the_admin_names_the_changed_field_on_the_public_page(
    client, reviewer, report_project
):
    edit_in_the_admin(client, report_project, summary=EDITED_SUMMARY)
    client.logout()
    html = client.get(report_project.get_absolute_url()).content.decode()
    assert "更新了：摘要</li>" in html and "首次发布" in html
    assert "内容有更新" not in html


def test_saving_a_report_project_unchanged_adds_no_entry_to_its_public_record(
    client, reviewer, district
):
    project = Project.objects.get(slug="minzhucun-pianqu")
    edit_in_the_admin(client, project)
    client.logout()
    assert "更新了" not in client.get(project.get_absolute_url()).content.decode()


def test_an_edit_in_the_admin_is_recorded_against_the_reports_value(
    client, reviewer, report_project
):
    edit_in_the_admin(client, report_project, summary=EDITED_SUMMARY)
    latest, baseline = report_project.history.all()
    changes = [
        (c.field, c.old, c.new)
        for c in latest.diff_against(baseline, excluded_fields=PRIVATE_FIELDS).changes
    ]
    assert changes == [("summary", REPORT_SUMMARY, EDITED_SUMMARY)]


def test_the_admin_history_shows_the_reports_value_and_the_new_one(
    client, reviewer, report_project
):
    edit_in_the_admin(client, report_project, summary=EDITED_SUMMARY)
    url = reverse("admin:projects_project_history", args=[report_project.pk])
    html = client.get(url).content.decode()
    assert f"<del>{REPORT_SUMMARY}</del> → <ins>{EDITED_SUMMARY}</ins>" in html


@pytest.mark.parametrize("edited", [False, True])
def test_a_report_project_page_reads_its_change_record_in_one_more_query(
    client, reviewer, report_project, django_assert_num_queries, edited
):
    if edited:
        edit_in_the_admin(client, report_project, summary=EDITED_SUMMARY)
    client.logout()
    client.get(report_project.get_absolute_url())  # one-off look-ups
    # Three without history (tests/test_performance_detail_page.py), one for the record.
    with django_assert_num_queries(4):
        response = client.get(report_project.get_absolute_url())
    assert response.status_code == 200
