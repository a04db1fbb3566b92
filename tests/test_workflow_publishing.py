"""Draft → in review → published: editors draft and submit, reviewers publish or send back."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from jiulongpo.publishing import PublicationState
from jiulongpo.roles import EDITOR, REVIEWER
from projects.models import Photo
from tests.admin_forms import post_admin_form
from tests.factories import PhotoFactory, ProgressUpdateFactory, ProjectFactory, image_upload
from tests.factories_editorial import DepartmentFactory, staff

pytestmark = pytest.mark.django_db

DRAFT, REVIEW, PUBLISHED = (
    PublicationState.DRAFT,
    PublicationState.REVIEW,
    PublicationState.PUBLISHED,
)


@pytest.fixture
def department():
    return DepartmentFactory(name="区住房城乡建委")


@pytest.fixture
def editor(client, department):
    user = staff(EDITOR, department)
    client.force_login(user)
    return user


@pytest.fixture
def reviewer(department):
    return staff(REVIEWER)


def change_url(obj):
    opts = obj._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk])


def step_url(obj, step):
    opts = obj._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_workflow", args=[obj.pk, step])


def test_an_editors_new_project_is_a_draft_even_if_the_form_says_published(
    client, editor, department
):
    url = reverse("admin:projects_project_add")
    post_admin_form(
        client,
        url,
        {"name": "编辑新建的项目", "department": department.pk, "publication_state": PUBLISHED},
    )
    project = department.projects.get()
    assert project.publication_state == DRAFT
    assert client.get(reverse("projects:list")).content.decode().count("编辑新建的项目") == 0


def test_an_editor_submits_a_draft_for_review_with_one_button(client, editor, department):
    project = ProjectFactory(department=department, publication_state=DRAFT)
    post_admin_form(client, change_url(project), _submit_review="1")
    project.refresh_from_db()
    assert project.publication_state == REVIEW


def test_an_editor_cannot_publish_through_the_workflow_url(client, editor, department):
    project = ProjectFactory(department=department, publication_state=REVIEW)
    response = client.post(step_url(project, "publish"))
    project.refresh_from_db()
    assert project.publication_state == REVIEW
    assert response.status_code in (302, 403)


def test_an_editor_has_no_publish_action_on_the_list(client, editor):
    response = client.get(reverse("admin:projects_project_changelist"))
    actions = [value for value, _label in response.context["action_form"].fields["action"].choices]
    assert "publish_selected" not in actions
    assert "submit_selected" in actions


def test_a_reviewer_publishes_and_the_site_records_who_and_when(client, reviewer, department):
    project = ProjectFactory(department=department, publication_state=REVIEW, name="待发布项目")
    client.force_login(reviewer)
    client.post(step_url(project, "publish"))
    project.refresh_from_db()
    assert project.publication_state == PUBLISHED
    assert project.published_by == reviewer
    assert "待发布项目" in client.get(reverse("projects:list")).content.decode()


def test_publishing_from_the_list_publishes_every_selected_item(client, reviewer, department):
    projects = ProjectFactory.create_batch(3, department=department, publication_state=REVIEW)
    client.force_login(reviewer)
    client.post(
        reverse("admin:projects_project_changelist"),
        {"action": "publish_selected", "_selected_action": [p.pk for p in projects]},
    )
    assert {p.publication_state for p in type(projects[0]).objects.all()} == {PUBLISHED}


def test_a_reviewer_sends_back_with_a_note_the_editor_then_sees(
    client, editor, reviewer, department
):
    project = ProjectFactory(department=department, publication_state=REVIEW)
    client.force_login(reviewer)
    client.post(step_url(project, "send_back"), {"_review_note": "请补充开工日期的出处。"})
    client.force_login(editor)
    page = client.get(change_url(project)).content.decode()
    project.refresh_from_db()
    assert project.publication_state == DRAFT
    assert "请补充开工日期的出处。" in page and "被退回修改" in page


def test_sending_back_without_a_note_is_refused_in_chinese(client, reviewer, department):
    project = ProjectFactory(department=department, publication_state=REVIEW)
    client.force_login(reviewer)
    response = client.post(step_url(project, "send_back"), {"_review_note": " "}, follow=True)
    project.refresh_from_db()
    assert project.publication_state == REVIEW
    assert "请写明审核意见" in response.content.decode()


def test_an_editors_change_to_published_content_waits_for_review(client, editor, department):
    project = ProjectFactory(department=department, name="旧名称", summary="已发布的摘要")
    response = post_admin_form(client, change_url(project), {"summary": "编辑改过的摘要"})
    page = client.get(project.get_absolute_url()).content.decode()
    assert response.status_code == 302
    assert "已发布的摘要" in page and "编辑改过的摘要" not in page


def test_the_editor_sees_their_pending_change_in_the_form(client, editor, department):
    project = ProjectFactory(department=department, summary="已发布的摘要")
    post_admin_form(client, change_url(project), {"summary": "编辑改过的摘要"})
    page = client.get(change_url(project)).content.decode()
    assert "编辑改过的摘要" in page
    assert "居民看到的仍是已发布的版本" in page


def test_publishing_a_pending_change_shows_it_to_residents(client, editor, reviewer, department):
    project = ProjectFactory(department=department, summary="已发布的摘要")
    post_admin_form(client, change_url(project), {"summary": "编辑改过的摘要"}, _submit_review="1")
    client.force_login(reviewer)
    client.post(step_url(project, "publish"))
    page = client.get(project.get_absolute_url()).content.decode()
    assert "编辑改过的摘要" in page


def test_a_pending_change_sent_back_keeps_the_published_version_live(
    client, editor, reviewer, department
):
    project = ProjectFactory(department=department, summary="已发布的摘要")
    post_admin_form(client, change_url(project), {"summary": "编辑改过的摘要"}, _submit_review="1")
    client.force_login(reviewer)
    client.post(step_url(project, "send_back"), {"_review_note": "摘要太长。"})
    project.refresh_from_db()
    assert project.summary == "已发布的摘要"
    assert project.publication_state == PUBLISHED


def test_an_editors_change_to_a_published_update_inline_also_waits(client, editor, department):
    project = ProjectFactory(department=department)
    update = ProgressUpdateFactory(project=project, title="已发布的进展")
    url = change_url(project)
    post_admin_form(client, url, {"updates-0-title": "编辑改过的进展"})
    update.refresh_from_db()
    assert update.title == "已发布的进展"


def test_a_reviewer_unpublishes_and_residents_no_longer_see_it(client, reviewer, department):
    project = ProjectFactory(department=department)
    client.force_login(reviewer)
    client.post(step_url(project, "unpublish"))
    assert client.get(project.get_absolute_url()).status_code == 404


def test_a_future_dated_update_appears_only_from_its_publication_time(client, reviewer, department):
    project = ProjectFactory(department=department)
    update = ProgressUpdateFactory(
        project=project,
        title="定时发布的进展",
        publication_state=REVIEW,
        published_at=timezone.now() + timedelta(days=2),
    )
    client.force_login(reviewer)
    client.post(step_url(update, "publish"))
    before = client.get(project.get_absolute_url()).content.decode()
    type(update).objects.filter(pk=update.pk).update(published_at=timezone.now())
    after = client.get(project.get_absolute_url()).content.decode()
    assert "定时发布的进展" not in before
    assert "定时发布的进展" in after


def test_a_past_publication_time_becomes_the_moment_of_publishing(client, reviewer, department):
    update = ProgressUpdateFactory(
        project__department=department,
        publication_state=REVIEW,
        published_at=timezone.now() - timedelta(days=30),
    )
    client.force_login(reviewer)
    client.post(step_url(update, "publish"))
    update.refresh_from_db()
    assert update.published_at > timezone.now() - timedelta(minutes=5)


def test_an_editor_cannot_add_photos_straight_onto_a_published_project(client, editor, department):
    project = ProjectFactory(department=department)
    response = client.get(change_url(project))
    inline = [f for f in response.context["inline_admin_formsets"] if f.opts.model is Photo][0]
    assert not inline.has_add_permission


def test_an_editors_photo_on_a_draft_update_waits_for_the_update(client, editor, department):
    project = ProjectFactory(department=department, slug="with-photo")
    url = reverse("admin:projects_progressupdate_add")
    post_admin_form(
        client,
        url,
        {
            "project": project.pk,
            "title": "带照片的进展",
            "date": "2022-06-01",
            "photos-0-image": image_upload(),
            "photos-0-alt_text": "新照片",
        },
    )
    update = project.updates.get()
    assert update.photos.count() == 1 and update.publication_state == DRAFT
    assert "新照片" not in client.get(project.get_absolute_url()).content.decode()


def test_an_editor_cannot_put_a_photo_directly_on_a_published_project(client, editor, department):
    project = ProjectFactory(department=department)
    url = reverse("admin:projects_photo_add")
    response = post_admin_form(
        client, url, {"project": project.pk, "alt_text": "直接挂的照片", "image": image_upload()}
    )
    assert "尚未发布的进展更新" in response.content.decode()
    assert not project.photos.exists()


def test_an_editor_cannot_change_a_photo_residents_already_see(client, editor, department):
    photo = PhotoFactory(project=ProjectFactory(department=department))
    url = reverse("admin:projects_photo_change", args=[photo.pk])
    post_admin_form(client, url, {"caption": "改过的图注"})
    photo.refresh_from_db()
    assert photo.caption != "改过的图注"


def test_a_reviewer_may_publish_by_choosing_the_state_and_is_recorded(client, reviewer, department):
    project = ProjectFactory(department=department, publication_state=REVIEW)
    client.force_login(reviewer)
    post_admin_form(client, change_url(project), {"publication_state": PUBLISHED})
    project.refresh_from_db()
    assert project.publication_state == PUBLISHED
    assert project.published_by == reviewer


def test_an_editor_is_not_offered_the_state_field(client, editor, department):
    project = ProjectFactory(department=department, publication_state=DRAFT)
    form = client.get(change_url(project)).context["adminform"].form
    assert "publication_state" not in form.fields
