"""The main journey by keyboard alone: skip link, search, result, project timeline."""

import pytest

from tests.factories_search import minzhucun

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.browser]

FOCUSED = """() => {
  const el = document.activeElement;
  const style = getComputedStyle(el);
  return {id: el.id, tag: el.tagName, text: el.innerText || el.value || "",
          outline: style.outlineStyle, outlineWidth: parseFloat(style.outlineWidth)};
}"""


def tab_until(page, wanted, limit=60):
    """Press Tab until `wanted(focused)` holds; every element on the way shows its focus."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        focused = page.evaluate(FOCUSED)
        assert focused["outline"] != "none" and focused["outlineWidth"] >= 2, focused
        if wanted(focused):
            return focused
    raise AssertionError("never reached the element by Tab")


def test_skip_link_is_first_and_moves_focus_to_the_content(page):
    page.goto(page.base_url + "/")
    focused = tab_until(page, lambda f: True, limit=1)
    assert focused["text"] == "跳到正文"
    assert page.get_by_role("link", name="跳到正文").is_visible()
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"


def test_resident_searches_and_reads_a_timeline_by_keyboard_alone(page):
    minzhucun()
    page.goto(page.base_url + "/")
    tab_until(page, lambda f: f["id"] == "site-search-q")
    page.keyboard.type("民主村")
    page.keyboard.press("Enter")
    page.wait_for_url("**/search/?q=*")
    tab_until(page, lambda f: f["tag"] == "A" and f["text"] == "民主村片区")
    page.keyboard.press("Enter")
    page.wait_for_url("**/projects/minzhucun-pianqu/")
    assert "示范街开街" in page.get_by_role("region", name="进展时间线").inner_text()


def test_elder_mode_can_be_switched_on_by_keyboard(page):
    page.goto(page.base_url + "/")
    tab_until(page, lambda f: f["tag"] == "BUTTON" and f["text"] == "长者模式")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.locator("html.elder").count() == 1
