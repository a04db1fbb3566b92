"""Residents' pages, maps and charts included, work under the CSP: nothing is blocked."""

import pytest

from tests.browser.guards import csp_violations, watch
from tests.factories import ProjectFactory
from tests.factories_livelihood import IndicatorValueFactory, ParkFactory, TaskFactory

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.browser]


@pytest.fixture
def content():
    ProjectFactory(slug="demo", latitude="29.50", longitude="106.50")
    park = ParkFactory(slug="demo-park")
    task = TaskFactory(task_list__year=2022)
    value = IndicatorValueFactory(year=2022)
    return {"park": park, "task": task, "indicator": value.indicator}


@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/projects/",
        "/projects/demo/",
        "/parks/",
        "/parks/demo-park/",
        "/livelihood/",
        "/figures/",
        "/data/",
        "/projects/demo/card/",
        "/livelihood/2022/report/",
    ],
)
def test_public_pages_raise_no_csp_violation(desktop_page, content, path):
    page = watch(desktop_page)
    response = page.goto(page.base_url + path)
    page.wait_for_load_state("networkidle")
    assert response.ok
    assert csp_violations(page) == []


def test_a_figure_page_raises_no_csp_violation(desktop_page, content):
    page = watch(desktop_page)
    page.goto(page.base_url + content["indicator"].get_absolute_url())
    page.wait_for_load_state("networkidle")
    assert csp_violations(page) == []
