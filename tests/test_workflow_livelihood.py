"""Tasks, parks and figures follow the same workflow, history and department rules."""

from datetime import date

import pytest
from django.urls import reverse
from django.utils import timezone

from jiulongpo.publishing import PublicationState
from jiulongpo.roles import EDITOR, REVIEWER, STATISTICIAN
from tests.admin_forms import post_admin_form
from tests.factories_editorial import DepartmentFactory, staff
from tests.factories_livelihood import (
    IndicatorFactory,
    IndicatorValueFactory,
    ParkFactory,
    TaskFactory,
    TaskListFactory,
    TaskUpdateFactory,
)

pytestmark = pytest.mark.django_db

REVIEW, PUBLISHED = PublicationState.REVIEW, PublicationState.PUBLISHED


@pytest.fixture
def department():
    return DepartmentFactory(name="区教委")


def admin_url(obj, view, *args):
    opts = obj._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_{view}", args=[obj.pk, *args])


def test_an_editors_change_to_a_published_task_waits_for_review(client, department):
    task = TaskFactory(department=department, title="新建幼儿园")
    client.force_login(staff(EDITOR, department))
    post_admin_form(client, admin_url(task, "change"), {"title": "新建和改扩建幼儿园"})
    task.refresh_from_db()
    assert task.title == "新建幼儿园"
    assert "新建和改扩建幼儿园" in client.get(admin_url(task, "change")).content.decode()


def test_a_reviewer_publishes_the_pending_task_change(client, department):
    task = TaskFactory(department=department, title="新建幼儿园")
    client.force_login(staff(EDITOR, department))
    post_admin_form(client, admin_url(task, "change"), {"title": "新建和改扩建幼儿园"})
    client.force_login(staff(REVIEWER))
    client.post(admin_url(task, "workflow", "publish"))
    task.refresh_from_db()
    assert task.title == "新建和改扩建幼儿园"


def test_an_editor_cannot_open_another_departments_task_or_park(client, department):
    task = TaskFactory(department=DepartmentFactory())
    park = ParkFactory(department=DepartmentFactory())
    client.force_login(staff(EDITOR, department))
    assert client.get(admin_url(task, "change")).status_code == 302
    assert client.get(admin_url(park, "change")).status_code == 302


def test_an_editors_task_update_edited_inline_waits_for_review(client, department):
    task = TaskFactory(department=department)
    update = TaskUpdateFactory(task=task, title="已发布的实事进展")
    client.force_login(staff(EDITOR, department))
    post_admin_form(client, admin_url(task, "change"), {"updates-0-title": "改过的进展"})
    update.refresh_from_db()
    assert update.title == "已发布的实事进展"


def test_an_editor_cannot_publish_a_park(client, department):
    park = ParkFactory(department=department, publication_state=REVIEW)
    client.force_login(staff(EDITOR, department))
    client.post(admin_url(park, "workflow", "publish"))
    park.refresh_from_db()
    assert park.publication_state == REVIEW


def test_a_reviewer_publishes_a_park_and_residents_see_it(client, department):
    park = ParkFactory(department=department, publication_state=REVIEW, name="待发布公园")
    client.force_login(staff(REVIEWER))
    client.post(admin_url(park, "workflow", "publish"))
    assert client.get(park.get_absolute_url()).status_code == 200


def test_park_changes_are_recorded_with_their_author(client, department):
    park = ParkFactory(department=department, summary="旧简介")
    reviewer = staff(REVIEWER)
    client.force_login(reviewer)
    post_admin_form(client, admin_url(park, "change"), {"summary": "新简介"})
    assert park.history.first().history_user == reviewer
    assert "旧简介" in client.get(admin_url(park, "history")).content.decode()


def test_a_statisticians_new_figure_waits_for_a_reviewer(client):
    indicator = IndicatorFactory()
    client.force_login(staff(STATISTICIAN))
    post_admin_form(
        client,
        reverse("admin:livelihood_indicatorvalue_add"),
        {"indicator": indicator.pk, "year": "2022", "value": "300", "publication_state": PUBLISHED},
    )
    value = indicator.values.get()
    assert value.publication_state == PublicationState.DRAFT


def test_a_statisticians_change_to_a_published_figure_in_the_table_waits(client):
    value = IndicatorValueFactory(value="100", year=2022)
    client.force_login(staff(STATISTICIAN))
    post_admin_form(
        client,
        reverse("admin:livelihood_indicator_change", args=[value.indicator.pk]),
        {"values-0-value": "999"},
    )
    value.refresh_from_db()
    assert value.value == 100


def test_a_statistician_cannot_publish_a_figure(client):
    value = IndicatorValueFactory(publication_state=REVIEW)
    client.force_login(staff(STATISTICIAN))
    client.post(admin_url(value, "workflow", "publish"))
    value.refresh_from_db()
    assert value.publication_state == REVIEW


def test_editors_cannot_touch_figures(client, department):
    value = IndicatorValueFactory()
    client.force_login(staff(EDITOR, department))
    assert client.get(admin_url(value, "change")).status_code == 403


def test_the_dashboard_lists_this_years_tasks_behind_schedule(client, department):
    this_year = TaskListFactory(year=timezone.localdate().year)
    TaskFactory(task_list=this_year, department=department, title="滞后的实事", status="delayed")
    TaskFactory(task_list=this_year, department=department, title="完成的实事", status="completed")
    client.force_login(staff(REVIEWER))
    html = client.get(reverse("admin:index")).content.decode()
    assert "滞后的实事" in html and "完成的实事" not in html


def test_a_task_far_behind_the_calendar_counts_as_behind(client, department):
    year = timezone.localdate().year
    task = TaskFactory(
        task_list=TaskListFactory(year=year), department=department, title="进度为零的实事"
    )
    TaskUpdateFactory(task=task, percent=0, date=date(year, 1, 1))
    client.force_login(staff(EDITOR, department))
    html = client.get(reverse("admin:index")).content.decode()
    # On 1 January nothing is behind yet; on any later day a task at 0% is.
    assert ("进度为零的实事" in html) is (timezone.localdate() > date(year, 1, 1))
