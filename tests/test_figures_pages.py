import re
import xml.etree.ElementTree as ET

import pytest

from jiulongpo.publishing import PublicationState
from tests.factories_livelihood import IndicatorFactory, IndicatorValueFactory

pytestmark = pytest.mark.django_db

SVG = "{http://www.w3.org/2000/svg}"


def chart_of(html):
    match = re.search(r"<svg.*?</svg>", html, re.S)
    return ET.fromstring(match.group(0))


def test_figures_are_grouped_by_category_with_their_latest_value(client):
    green = IndicatorFactory(name="园林绿地面积", category="greenery", unit="平方米")
    IndicatorValueFactory(indicator=green, year=2021, value="40000000")
    IndicatorValueFactory(indicator=green, year=2022, value="50590000")
    air = IndicatorFactory(name="空气质量优良天数", category="ecology", unit="天")
    IndicatorValueFactory(indicator=air, year=2022, value="300", qualifier="over")
    html = client.get("/figures/").content.decode()
    assert (
        html.index('id="cat-ecology"') < html.index("超过300天") < html.index('id="cat-greenery"')
    )
    assert "5059万平方米" in html and "4000万平方米" not in html


def test_draft_values_are_not_shown(client):
    indicator = IndicatorFactory(unit="个")
    IndicatorValueFactory(indicator=indicator, year=2022, value="168")
    IndicatorValueFactory(
        indicator=indicator, year=2023, value="999", publication_state=PublicationState.DRAFT
    )
    html = client.get(indicator.get_absolute_url()).content.decode()
    assert "168" in html and "999" not in html


def test_chart_is_valid_svg_holding_every_value(client):
    indicator = IndicatorFactory(code="park-green-per-capita", name="人均公园绿地面积")
    for year, value in [(2020, "15.2"), (2021, "16.1"), (2022, "16.8")]:
        IndicatorValueFactory(indicator=indicator, year=year, value=value)
    svg = chart_of(client.get("/figures/park-green-per-capita/").content.decode())
    bars = svg.findall(f"{SVG}g/{SVG}rect")
    assert [bar.get("data-value") for bar in bars] == ["15.2", "16.1", "16.8"]
    assert svg.find(f"{SVG}title").text == "人均公园绿地面积（单位：平方米）"


def test_chart_describes_itself_for_screen_readers(client):
    indicator = IndicatorFactory(name="园林绿地面积")
    IndicatorValueFactory(indicator=indicator, year=2021, value="40000000")
    IndicatorValueFactory(indicator=indicator, year=2022, value="50590000")
    html = client.get(indicator.get_absolute_url()).content.decode()
    sentence = "园林绿地面积从2021年的4000万平方米变为2022年的5059万平方米。"
    assert chart_of(html).find(f"{SVG}desc").text == sentence
    assert f'<p class="chart-sentence">{sentence}</p>' in html


def test_chart_draws_a_target_line_where_one_is_set(client):
    indicator = IndicatorFactory(target_value="20", unit="平方米")
    IndicatorValueFactory(indicator=indicator, year=2022, value="16.8")
    svg = chart_of(client.get(indicator.get_absolute_url()).content.decode())
    target = svg.find(f"{SVG}g[@class='chart-target']")
    assert target.find(f"{SVG}text").text == "目标 20平方米"
    bar_top = float(svg.find(f"{SVG}g/{SVG}rect").get("y"))
    assert float(target.find(f"{SVG}line").get("y1")) < bar_top


def test_data_table_keeps_full_precision(client):
    indicator = IndicatorFactory(unit="平方米")
    IndicatorValueFactory(indicator=indicator, year=2022, value="50591234.5")
    html = client.get(indicator.get_absolute_url()).content.decode()
    assert '<td class="num">50,591,234.5</td>' in html
    assert "5059.12万平方米" in html


def test_a_figure_in_words_has_a_table_but_no_chart(client):
    indicator = IndicatorFactory(name="长江九龙坡段水质", unit="")
    IndicatorValueFactory(indicator=indicator, value=None, value_text="稳定达到地表水Ⅱ类")
    html = client.get(indicator.get_absolute_url()).content.decode()
    assert "<svg" not in html and "稳定达到地表水Ⅱ类" in html


def test_unknown_figure_code_is_not_found(client):
    assert client.get("/figures/no-such-figure/").status_code == 404


@pytest.mark.parametrize("rows", [2, 20])
def test_figures_list_query_count_does_not_grow(client, django_assert_max_num_queries, rows):
    for _ in range(rows):
        IndicatorValueFactory()
    with django_assert_max_num_queries(3):
        assert client.get("/figures/").status_code == 200


@pytest.mark.parametrize("rows", [1, 20])
def test_figure_page_query_count_does_not_grow(client, django_assert_max_num_queries, rows):
    indicator = IndicatorFactory()
    IndicatorValueFactory.create_batch(rows, indicator=indicator)
    with django_assert_max_num_queries(3):
        assert client.get(indicator.get_absolute_url()).status_code == 200
