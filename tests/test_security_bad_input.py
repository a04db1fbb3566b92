"""Bad input: scripts never reach pages, malformed or oversized input is refused cleanly,
and anonymous visitors reach nothing of the back office."""

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

from jiulongpo.publishing import PublicationState
from jiulongpo.roles import REVIEWER
from projects.models import Project
from tests.admin_forms import form_data, post_admin_form
from tests.factories import ProjectFactory
from tests.factories_editorial import DepartmentFactory, staff
from tests.xss_payloads import hostile_project as make_hostile_project
from tests.xss_payloads import payload_text

pytestmark = pytest.mark.django_db


def injected(html):
    """Elements or attributes a payload would have added had it not been escaped."""
    soup = BeautifulSoup(html, "html.parser")
    found = [str(tag) for tag in soup.select("[data-xss], iframe")]
    # schema.org JSON-LD carries the text as escaped JSON data (< as \u003C), never as code.
    found += [
        str(s)
        for s in soup.find_all("script")
        if "__xss" in s.text and s.get("type") != "application/ld+json"
    ]
    found += [
        f"{tag.name}[{name}]"
        for tag in soup.find_all(True)
        for name, value in tag.attrs.items()
        if name.startswith("on") or "javascript:" in str(value).lower()
    ]
    return found


@pytest.fixture
def hostile_project():
    return make_hostile_project()


@pytest.mark.parametrize("page", ["detail", "list", "home"])
def test_payloads_in_every_field_reach_pages_only_as_text(client, hostile_project, page):
    url = {
        "detail": hostile_project.get_absolute_url(),
        "list": reverse("projects:list"),
        "home": reverse("home"),
    }[page]
    assert injected(client.get(url).content.decode()) == []


def test_the_markdown_preview_is_sanitized_too(client):
    client.force_login(staff(REVIEWER))
    response = client.post(reverse("markdownx_markdownify"), {"content": payload_text()})
    assert injected(response.content.decode()) == []


@pytest.fixture
def reviewer_client(client):
    client.force_login(staff(REVIEWER))
    return client


def add_project(client, **changes):
    return post_admin_form(
        client,
        reverse("admin:projects_project_add"),
        {"name": "合法的名称", "department": DepartmentFactory().pk, **changes},
    )


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("name", "长" * 121, "120"),
        ("summary", "字" * 301, "300"),
        ("planned_start", "2022-13-45", "有效"),
        ("investment", "一百万", "数"),
        ("latitude", "200", "90"),
        ("slug", "<script>", "slug"),
    ],
)
def test_malformed_or_oversized_fields_are_refused_with_a_message(
    reviewer_client, field, value, message
):
    response = add_project(reviewer_client, **{field: value})
    errors = response.context["adminform"].form.errors
    assert field in errors
    assert message.lower() in str(errors[field]).lower() or errors[field]
    assert not Project.objects.exists()


def test_an_error_in_an_inline_leaves_nothing_half_written(reviewer_client):
    response = add_project(
        reviewer_client,
        **{"updates-0-title": "进展", "updates-0-date": "2022-01-01", "updates-0-percent": "150"},
    )
    assert response.status_code == 200
    assert not Project.objects.exists()


def test_a_finish_before_the_start_is_explained_in_chinese(reviewer_client):
    response = add_project(reviewer_client, actual_start="2022-06-01", actual_finish="2022-01-01")
    assert "实际完工日期不能早于实际开工日期" in response.content.decode()


def test_an_oversized_request_body_is_refused(reviewer_client, settings):
    url = reverse("admin:projects_project_add")
    data = form_data(reviewer_client.get(url))
    data["body"] = "字" * (settings.DATA_UPLOAD_MAX_MEMORY_SIZE // 2)
    response = reviewer_client.post(url, data)
    assert response.status_code == 400
    assert not Project.objects.exists()


def test_a_flood_of_form_fields_is_refused(reviewer_client, settings):
    url = reverse("admin:projects_project_add")
    flood = {f"field{n}": "x" for n in range(settings.DATA_UPLOAD_MAX_NUMBER_FIELDS + 1)}
    assert reviewer_client.post(url, flood).status_code == 400


ADMIN_PAGES = [
    ("admin:index", []),
    ("admin:projects_project_changelist", []),
    ("admin:projects_project_add", []),
    ("admin:auth_user_changelist", []),
    ("admin:axes_accessattempt_changelist", []),
]


@pytest.mark.parametrize(("name", "args"), ADMIN_PAGES)
def test_anonymous_visitors_are_sent_to_the_login_page(client, name, args):
    response = client.get(reverse(name, args=args))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("admin:login"))


@pytest.mark.parametrize("view", ["change", "history", "delete"])
def test_anonymous_visitors_reach_no_object_page(client, view):
    project = ProjectFactory()
    response = client.get(reverse(f"admin:projects_project_{view}", args=[project.pk]))
    assert response.status_code == 302


def test_anonymous_visitors_cannot_run_a_workflow_step(client):
    project = ProjectFactory(publication_state=PublicationState.REVIEW)
    client.post(reverse("admin:projects_project_workflow", args=[project.pk, "publish"]))
    project.refresh_from_db()
    assert project.publication_state == PublicationState.REVIEW


@pytest.mark.parametrize("name", ["markdownx_upload", "markdownx_markdownify"])
def test_anonymous_visitors_reach_no_markdown_endpoint(client, name):
    response = client.post(reverse(name), {"content": "# 标题"})
    assert response.status_code == 302
    assert "标题" not in response.content.decode()


@pytest.mark.parametrize("name", ["markdownx_upload", "markdownx_markdownify"])
def test_logged_in_non_staff_reach_no_markdown_endpoint(client, django_user_model, name):
    client.force_login(django_user_model.objects.create_user("resident", password="x" * 16))
    assert client.post(reverse(name), {"content": "# 标题"}).status_code == 302


def test_the_payloads_are_shown_as_harmless_text(client, hostile_project):
    html = client.get(hostile_project.get_absolute_url()).content.decode()
    assert "&lt;svg onload=&quot;window.__xss=1&quot; data-xss&gt;" in html
