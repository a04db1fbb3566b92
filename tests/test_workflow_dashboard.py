"""The admin index is the editors' dashboard: review queue, sent back, stale projects."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from jiulongpo.publishing import PublicationState
from jiulongpo.roles import EDITOR, REVIEWER
from tests.factories import ProgressUpdateFactory, ProjectFactory
from tests.factories_editorial import DepartmentFactory, staff

pytestmark = pytest.mark.django_db


@pytest.fixture
def department():
    return DepartmentFactory(name="区城市管理局")


def dashboard_html(client, user):
    client.force_login(user)
    return client.get(reverse("admin:index")).content.decode()


def test_reviewers_see_what_awaits_review(client, department):
    ProjectFactory(name="等待审核的项目", department=department, publication_state="review")
    assert "等待审核的项目" in dashboard_html(client, staff(REVIEWER))


def test_editors_see_what_was_sent_back_with_the_note(client, department):
    ProjectFactory(
        name="退回的项目",
        department=department,
        publication_state=PublicationState.DRAFT,
        review_note="请核对投资额。",
    )
    html = dashboard_html(client, staff(EDITOR, department))
    assert "退回的项目" in html and "请核对投资额。" in html


def test_projects_without_news_for_sixty_days_are_listed_as_stale(client, department):
    stale = ProjectFactory(name="很久没更新的项目", department=department)
    fresh = ProjectFactory(name="刚更新的项目", department=department)
    long_ago = timezone.now() - timedelta(days=61)
    type(stale).objects.filter(pk__in=[stale.pk, fresh.pk]).update(updated_at=long_ago)
    ProgressUpdateFactory(project=fresh, date=timezone.localdate())
    html = dashboard_html(client, staff(REVIEWER))
    assert "很久没更新的项目" in html
    assert "刚更新的项目" not in html


def test_an_editor_sees_only_their_departments_items(client, department):
    ProjectFactory(
        name="别的部门待审核", department=DepartmentFactory(), publication_state="review"
    )
    ProjectFactory(name="本部门待审核", department=department, publication_state="review")
    html = dashboard_html(client, staff(EDITOR, department))
    assert "本部门待审核" in html
    assert "别的部门待审核" not in html


@pytest.mark.parametrize("rows", [1, 15])
def test_the_dashboard_costs_the_same_queries_however_many_items(
    client, department, django_assert_max_num_queries, rows
):
    ProjectFactory.create_batch(rows, department=department, publication_state="review")
    user = staff(REVIEWER)
    client.force_login(user)
    with django_assert_max_num_queries(40):
        client.get(reverse("admin:index"))
