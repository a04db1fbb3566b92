"""Each role × each model × view/add/change/delete/publish, in and across departments."""

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from jiulongpo.publishing import PublicationState
from jiulongpo.roles import ADMINISTRATOR, EDITOR, REVIEWER, STATISTICIAN
from jiulongpo.workflow import services
from tests.admin_forms import post_admin_form
from tests.factories import PhotoFactory, ProgressUpdateFactory, ProjectFactory
from tests.factories_editorial import DepartmentFactory, staff
from tests.factories_livelihood import (
    IndicatorValueFactory,
    ParkFactory,
    TaskFactory,
    TaskUpdateFactory,
)

pytestmark = pytest.mark.django_db

ALL = "view add change delete publish"
FIGURES = "view add change delete"
LIVELIHOOD = ["task", "taskupdate", "park", "indicatorvalue"]
# What each role may do to content of its own department ("same") and of another ("other").
EXPECTED = {
    EDITOR: {
        "project": {"same": "view add change", "other": "add"},
        "progressupdate": {"same": "view add change delete", "other": "add"},
        "photo": {"same": "view add change delete", "other": "add"},
        "task": {"same": "view add change", "other": "add"},
        "taskupdate": {"same": "view add change delete", "other": "add"},
        "park": {"same": "view add change", "other": "add"},
        "indicatorvalue": {"same": "", "other": ""},
    },
    REVIEWER: {
        "project": {"same": ALL, "other": ALL},
        "progressupdate": {"same": ALL, "other": ALL},
        "photo": {"same": "view add change delete", "other": "view add change delete"},
        **{name: {"same": ALL, "other": ALL} for name in LIVELIHOOD},
    },
    STATISTICIAN: {
        "project": {"same": "", "other": ""},
        "progressupdate": {"same": "", "other": ""},
        "photo": {"same": "", "other": ""},
        "task": {"same": "", "other": ""},
        "taskupdate": {"same": "", "other": ""},
        "park": {"same": "", "other": ""},
        "indicatorvalue": {"same": FIGURES, "other": FIGURES},
    },
    ADMINISTRATOR: {
        "project": {"same": ALL, "other": ALL},
        "progressupdate": {"same": ALL, "other": ALL},
        "photo": {"same": "view add change delete", "other": "view add change delete"},
        **{name: {"same": ALL, "other": ALL} for name in LIVELIHOOD},
    },
}
TEXT_FIELD = {
    "project": "summary",
    "progressupdate": "title",
    "photo": "caption",
    "task": "title",
    "taskupdate": "title",
    "park": "summary",
    "indicatorvalue": "source_note",
}
ACTIONS = ALL.split()


def make(model_name, department):
    review = PublicationState.REVIEW
    if model_name == "task":
        return TaskFactory(department=department, publication_state=review)
    if model_name == "taskupdate":
        return TaskUpdateFactory(task__department=department, publication_state=review)
    if model_name == "park":
        return ParkFactory(department=department, publication_state=review)
    if model_name == "indicatorvalue":
        return IndicatorValueFactory(publication_state=review)
    project = ProjectFactory(department=department, publication_state=review)
    if model_name == "project":
        return project
    if model_name == "progressupdate":
        return ProgressUpdateFactory(project=project, publication_state=PublicationState.REVIEW)
    return PhotoFactory(project=project)


def admin_url(obj, view, *args):
    opts = obj._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_{view}", args=args)


def attempt(client, obj, action):
    model = type(obj)
    if action == "view":
        return client.get(admin_url(obj, "change", obj.pk)).status_code == 200
    if action == "add":
        return client.get(admin_url(obj, "add")).status_code == 200
    if action == "change":
        field = TEXT_FIELD[obj._meta.model_name]
        if client.get(admin_url(obj, "change", obj.pk)).status_code != 200:
            return False
        post_admin_form(client, admin_url(obj, "change", obj.pk), {field: "矩阵测试改过"})
        obj.refresh_from_db()
        return getattr(obj, field) == "矩阵测试改过"
    if action == "delete":
        client.post(admin_url(obj, "delete", obj.pk), {"post": "yes"})
        return not model.objects.filter(pk=obj.pk).exists()
    client.post(admin_url(obj, "workflow", obj.pk, "publish"))
    obj.refresh_from_db()
    return obj.publication_state == PublicationState.PUBLISHED


CASES = [
    pytest.param(role, model_name, where, action, id=f"{role}-{model_name}-{where}-{action}")
    for role, models in EXPECTED.items()
    for model_name, expected in models.items()
    for where in ("same", "other")
    for action in ACTIONS
    if not (model_name == "photo" and action == "publish")
]


@pytest.mark.parametrize(("role", "model_name", "where", "action"), CASES)
def test_the_permission_matrix_holds(client, role, model_name, where, action):
    own, other = DepartmentFactory(), DepartmentFactory()
    client.force_login(staff(role, own))
    obj = make(model_name, own if where == "same" else other)
    allowed = action in EXPECTED[role][model_name][where].split()
    assert attempt(client, obj, action) is allowed


def test_an_editor_cannot_create_a_project_for_another_department(client):
    own, other = DepartmentFactory(), DepartmentFactory()
    client.force_login(staff(EDITOR, own))
    response = post_admin_form(
        client, reverse("admin:projects_project_add"), {"name": "越权项目", "department": other.pk}
    )
    assert response.status_code == 200
    assert not other.projects.exists()


def test_an_editor_cannot_move_a_project_to_another_department(client):
    own, other = DepartmentFactory(), DepartmentFactory()
    project = ProjectFactory(department=own, publication_state=PublicationState.DRAFT)
    client.force_login(staff(EDITOR, own))
    post_admin_form(client, admin_url(project, "change", project.pk), {"department": other.pk})
    project.refresh_from_db()
    assert project.department == own


def test_an_editor_cannot_attach_an_update_to_another_departments_project(client):
    own, other = DepartmentFactory(), DepartmentFactory()
    foreign = ProjectFactory(department=other)
    client.force_login(staff(EDITOR, own))
    post_admin_form(
        client,
        reverse("admin:projects_progressupdate_add"),
        {"project": foreign.pk, "title": "越权进展", "date": "2022-05-01"},
    )
    assert not foreign.updates.exists()


def test_an_editor_cannot_delete_published_content_of_their_own_department(client):
    own = DepartmentFactory()
    update = ProgressUpdateFactory(project__department=own)
    client.force_login(staff(EDITOR, own))
    client.post(admin_url(update, "delete", update.pk), {"post": "yes"})
    assert type(update).objects.filter(pk=update.pk).exists()


def test_an_editor_without_a_department_changes_nothing(client):
    project = ProjectFactory(department=DepartmentFactory(), publication_state="draft")
    client.force_login(staff(EDITOR))
    assert client.get(admin_url(project, "change", project.pk)).status_code == 302


def test_saving_outside_the_editors_departments_is_refused_below_the_admin_too():
    own, other = DepartmentFactory(), DepartmentFactory()
    project = ProjectFactory(department=other, publication_state=PublicationState.DRAFT)
    project.summary = "越权修改"
    with pytest.raises(PermissionDenied):
        services.save_edit(project, staff(EDITOR, own))
