"""Every change is recorded; reviewers read a diff and roll back; residents see 更新记录."""

import pytest
from django.urls import reverse

from jiulongpo.publishing import PublicationState
from jiulongpo.roles import EDITOR, REVIEWER
from jiulongpo.workflow import services
from tests.admin_forms import post_admin_form
from tests.factories import ProgressUpdateFactory, ProjectFactory
from tests.factories_editorial import DepartmentFactory, staff

pytestmark = pytest.mark.django_db


@pytest.fixture
def department():
    return DepartmentFactory()


@pytest.fixture
def reviewer(client):
    user = staff(REVIEWER)
    client.force_login(user)
    return user


def history_url(project):
    return reverse("admin:projects_project_history", args=[project.pk])


def test_a_change_records_who_made_it_and_the_old_and_new_values(client, reviewer, department):
    project = ProjectFactory(department=department, summary="原来的摘要")
    post_admin_form(
        client,
        reverse("admin:projects_project_change", args=[project.pk]),
        {"summary": "新的摘要"},
    )
    latest, previous = project.history.all()[:2]
    change = latest.diff_against(previous).changes
    assert latest.history_user == reviewer
    assert ("summary", "原来的摘要", "新的摘要") in [(c.field, c.old, c.new) for c in change]


def test_the_history_page_shows_a_readable_diff(client, reviewer, department):
    project = ProjectFactory(department=department, summary="原来的摘要")
    project.summary = "新的摘要"
    project.save()
    page = client.get(history_url(project)).content.decode()
    assert "原来的摘要" in page and "新的摘要" in page
    assert "摘要" in page


def test_a_reviewer_rolls_back_to_an_earlier_version(client, reviewer, department):
    project = ProjectFactory(department=department, summary="正确的摘要")
    first_version = project.history.earliest()
    project.summary = "写错的摘要"
    project.save()
    url = reverse("admin:projects_project_simple_history", args=[project.pk, first_version.pk])
    post_admin_form(client, url)
    project.refresh_from_db()
    assert project.summary == "正确的摘要"


def test_an_editor_may_read_history_but_not_roll_back(client, department):
    project = ProjectFactory(department=department, summary="正确的摘要")
    first_version = project.history.earliest()
    project.summary = "后来的摘要"
    project.save()
    client.force_login(staff(EDITOR, department))
    url = reverse("admin:projects_project_simple_history", args=[project.pk, first_version.pk])
    response = client.post(url, {"summary": "正确的摘要"})
    project.refresh_from_db()
    assert response.status_code == 403
    assert project.summary == "后来的摘要"


def test_progress_updates_have_history_too(department):
    update = ProgressUpdateFactory(project__department=department, title="第一稿")
    update.title = "第二稿"
    update.save()
    assert [h.title for h in update.history.all()] == ["第二稿", "第一稿"]


def test_the_project_page_lists_published_changes_with_their_fields(client, department):
    project = ProjectFactory(department=department, status="started")
    project.status = "construction"
    project.save()
    html = client.get(project.get_absolute_url()).content.decode()
    assert "更新记录" in html
    assert "更新了：项目状态" in html and "首次发布" in html


def test_pending_and_draft_changes_stay_out_of_the_public_record(client, department):
    project = ProjectFactory(department=department, publication_state=PublicationState.DRAFT)
    project.summary = "草稿阶段的修改"
    project.save()
    reviewer = staff(REVIEWER)
    services.publish(project, reviewer)
    editor = staff(EDITOR, department)
    project.refresh_from_db()
    project.summary = "待审核的修改"
    services.save_edit(project, editor)
    html = client.get(project.get_absolute_url()).content.decode()
    assert "首次发布" in html
    assert "更新了" not in html


@pytest.mark.parametrize("changes", [2, 30])
def test_the_change_record_costs_the_same_queries_however_long(
    client, department, django_assert_max_num_queries, changes
):
    project = ProjectFactory(department=department)
    for n in range(changes):
        project.summary = f"第{n}次修改"
        project.save()
    with django_assert_max_num_queries(8):
        client.get(project.get_absolute_url())


def test_a_project_loaded_without_history_is_not_called_newly_published(client, department):
    project = ProjectFactory(department=department)
    project.history.all().delete()  # as after loaddata, which records no history
    project.summary = "第一次在后台修改"
    project.save()
    html = client.get(project.get_absolute_url()).content.decode()
    assert "内容有更新" in html and "首次发布" not in html


def test_publishing_an_editors_change_names_the_editor_in_the_history(client, reviewer, department):
    project = ProjectFactory(department=department, summary="已发布的摘要")
    editor = staff(EDITOR, department, username="zhang-editor")
    project.summary = "编辑的修改"
    services.save_edit(project, editor)
    services.publish(project, staff(REVIEWER))
    page = client.get(history_url(project)).content.decode()
    assert "发布 zhang-editor 的修改" in page
