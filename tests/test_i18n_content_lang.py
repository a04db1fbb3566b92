"""On English pages, Chinese content without an English version is marked lang="zh-Hans",
so a screen reader reads it with a Chinese voice; Chinese pages and English names stay plain."""

import pytest

from tests.factories import ProjectFactory
from tests.factories_livelihood import (
    IndicatorFactory,
    IndicatorValueFactory,
    ParkFactory,
    TaskFactory,
)

pytestmark = pytest.mark.django_db

ZH = '<span lang="zh-Hans">'


def test_a_chinese_project_name_and_summary_are_marked_chinese_on_the_english_page(client):
    project = ProjectFactory(name="红育坡片区", name_en="", summary="坡坎崖绿化美化。")
    html = client.get(f"/en{project.get_absolute_url()}").content.decode()
    assert f"<h1>{ZH}红育坡片区</span></h1>" in html
    assert f'<p class="lede">{ZH}坡坎崖绿化美化。</span></p>' in html


def test_project_cards_on_the_english_list_mark_chinese_names(client):
    ProjectFactory(name="红育坡片区", name_en="")
    assert f"{ZH}红育坡片区</span></a></h3>" in client.get("/en/projects/").content.decode()


def test_an_english_name_is_not_marked_chinese(client):
    project = ProjectFactory(name="民主村片区", name_en="Minzhu Village Area")
    html = client.get(f"/en{project.get_absolute_url()}").content.decode()
    assert "<h1>Minzhu Village Area</h1>" in html


def test_the_chinese_page_needs_no_marking(client):
    project = ProjectFactory(name="红育坡片区")
    assert ZH not in client.get(project.get_absolute_url()).content.decode()


def test_park_and_task_headings_are_marked_chinese_on_english_pages(client):
    park_url = ParkFactory(name="彩云湖湿地公园").get_absolute_url()
    task_url = TaskFactory(title="新建学校").get_absolute_url()
    assert f"<h1>{ZH}彩云湖湿地公园</span></h1>" in client.get(f"/en{park_url}").content.decode()
    assert f"{ZH}新建学校</span></h1>" in client.get(f"/en{task_url}").content.decode()


def test_chinese_text_is_escaped_inside_the_marking(client):
    project = ProjectFactory(name="<b>片区</b>", name_en="")
    html = client.get(f"/en{project.get_absolute_url()}").content.decode()
    assert f"<h1>{ZH}&lt;b&gt;片区&lt;/b&gt;</span></h1>" in html


def test_search_results_mark_chinese_titles_and_snippets_on_english_pages(client):
    ProjectFactory(name="红育坡片区", name_en="", summary="坡坎崖绿化美化。")
    html = client.get("/en/search/", {"q": "红育坡"}).content.decode()
    assert f"{ZH}<mark>红育坡</mark>片区</span></a></h2>" in html
    assert f'<p class="snippet">{ZH}' in html


def test_search_results_show_english_titles_plain(client):
    ProjectFactory(name="民主村片区", name_en="Minzhu Village Area")
    html = client.get("/en/search/", {"q": "民主村"}).content.decode()
    assert "Minzhu Village Area</a></h2>" in html
    assert f"{ZH}Minzhu" not in html


def test_indicator_names_are_marked_chinese_on_english_figure_pages(client):
    value = IndicatorValueFactory(indicator=IndicatorFactory(name="公园绿地面积", name_en=""))
    detail = client.get(f"/en{value.indicator.get_absolute_url()}").content.decode()
    assert f"<h1>{ZH}公园绿地面积</span></h1>" in detail
    tiles = client.get("/en/figures/").content.decode()
    assert f'<span class="figure-name">{ZH}公园绿地面积</span></span>' in tiles
