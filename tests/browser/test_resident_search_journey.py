import pytest

from tests.factories_search import minzhucun

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.browser]


def test_resident_searches_for_minzhucun_opens_the_project_and_reads_its_timeline(page):
    minzhucun()
    page.goto(page.base_url + "/")
    page.get_by_role("search", name="全站搜索").get_by_label("搜索").fill("民主村")
    page.keyboard.press("Enter")
    page.wait_for_url("**/search/?q=*")
    assert "找到 2 条结果" in page.get_by_role("status").inner_text()
    page.get_by_role("link", name="民主村片区", exact=True).click()
    page.wait_for_url("**/projects/minzhucun-pianqu/")
    assert "示范街开街" in page.get_by_role("region", name="进展时间线").inner_text()


def test_a_search_with_no_results_offers_words_to_try(page):
    minzhucun()
    page.goto(page.base_url + "/search/?q=火星基地")
    page.get_by_role("link", name="民主村").click()
    page.wait_for_url("**/search/?q=*")
    assert page.get_by_role("link", name="民主村片区", exact=True).is_visible()
