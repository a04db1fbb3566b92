"""XSS payloads in every text and Markdown field never run, in a real browser."""

import pytest

from jiulongpo.publishing import PublicationState
from jiulongpo.roles import REVIEWER
from tests.browser.guards import csp_violations, log_in, traces_of_injection, watch
from tests.factories import ProjectFactory
from tests.factories_editorial import PASSWORD, staff
from tests.xss_payloads import PAYLOADS, payload_text
from tests.xss_payloads import hostile_project as make_hostile_project

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.browser]


@pytest.fixture
def hostile_project():
    return make_hostile_project()


@pytest.mark.parametrize("path", ["/projects/hostile/", "/projects/", "/"])
def test_payloads_never_run_on_residents_pages(page, hostile_project, path):
    watch(page)
    page.goto(page.base_url + path)
    page.mouse.move(10, 10)
    assert page.dialogs == []
    assert traces_of_injection(page) == []


def test_the_payload_is_visible_as_plain_text(desktop_page, hostile_project):
    desktop_page.goto(desktop_page.base_url + "/projects/hostile/")
    assert "window.__xss=1;alert(1)" in desktop_page.locator("main").inner_text()


@pytest.fixture
def reviewer_page(desktop_page, hostile_project):
    watch(desktop_page)
    user = staff(REVIEWER)
    log_in(desktop_page, user.username, PASSWORD)
    return desktop_page


@pytest.mark.parametrize(
    "path",
    [
        "projects/project/{pk}/change/",
        "projects/project/",
        "projects/project/{pk}/history/",
        "projects/progressupdate/",
        "projects/photo/",
        "",
    ],
)
def test_payloads_never_run_in_the_admin(reviewer_page, hostile_project, path):
    ProjectFactory(
        name="待审核的恶意项目",
        publication_state=PublicationState.DRAFT,
        review_note=PAYLOADS[0],
    )
    reviewer_page.goto(reviewer_page.base_url + "/admin/" + path.format(pk=hostile_project.pk))
    assert reviewer_page.dialogs == []
    assert traces_of_injection(reviewer_page) == []
    assert csp_violations(reviewer_page) == []


def test_the_markdown_preview_of_payloads_runs_nothing(reviewer_page, hostile_project):
    reviewer_page.goto(
        f"{reviewer_page.base_url}/admin/projects/project/{hostile_project.pk}/change/"
    )
    reviewer_page.fill("#id_body", "**预览成功**\n\n" + payload_text())
    preview = reviewer_page.locator(".markdownx-preview").first
    preview.locator("strong", has_text="预览成功").wait_for()
    assert reviewer_page.dialogs == []
    assert traces_of_injection(reviewer_page) == []
