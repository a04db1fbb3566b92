"""Elder mode and English, switched with plain forms: they work with JavaScript off."""

import pytest

from tests.browser.conftest import _tab
from tests.factories_search import minzhucun

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.browser]


@pytest.fixture
def no_js_page(browser, request, live_server, viewport):
    with _tab(browser, request, live_server, viewport, java_script_enabled=False) as page:
        yield page


def root_font_size(page):
    return page.evaluate("parseFloat(getComputedStyle(document.documentElement).fontSize)")


def test_resident_turns_on_elder_mode_and_text_grows_on_every_page(page):
    minzhucun()
    page.goto(page.base_url + "/projects/")
    before = root_font_size(page)
    with page.expect_navigation():
        page.get_by_role("button", name="长者模式").click()
    assert root_font_size(page) > before * 1.15
    with page.expect_navigation():
        page.get_by_role("link", name="民主村片区", exact=True).first.click()
    assert page.get_by_role("button", name="退出长者模式").is_visible()


def test_elder_mode_buttons_are_large_touch_targets(page):
    page.goto(page.base_url + "/")
    with page.expect_navigation():
        page.get_by_role("button", name="长者模式").click()
    box = page.get_by_role("button", name="退出长者模式").bounding_box()
    assert box["height"] >= 48


def test_elder_mode_works_without_javascript(no_js_page):
    page = no_js_page
    page.goto(page.base_url + "/")
    page.get_by_role("button", name="长者模式").click()
    assert page.locator("html.elder").count() == 1


def test_resident_switches_to_english_and_back_without_javascript(no_js_page):
    page = no_js_page
    project = minzhucun()
    page.goto(page.base_url + project.get_absolute_url())
    page.get_by_role("button", name="English").click()
    page.wait_for_url("**/en/projects/minzhucun-pianqu/")
    assert page.get_by_role("heading", level=1).inner_text() == "Minzhu Village Area"
    assert page.locator("html").get_attribute("lang") == "en"
    with page.expect_navigation():
        page.get_by_role("button", name="中文").click()
    assert page.url == page.base_url + "/projects/minzhucun-pianqu/"
    assert page.get_by_role("heading", level=1).inner_text() == "民主村片区"
