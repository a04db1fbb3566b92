"""The figures list reads every indicator with its newest published value in one query and
builds the tiles in Python, with the markup the template loop made."""

import re
from datetime import timedelta

import pytest
from django.template import engines
from django.utils import timezone, translation

from jiulongpo.publishing import PublicationState
from livelihood.models import Indicator
from livelihood.templatetags.figures_tags import indicator_tiles
from livelihood.views.figures import indicator_tile_rows
from tests.factories_livelihood import IndicatorFactory, IndicatorValueFactory

pytestmark = pytest.mark.django_db

# The tiles as a template loop over Indicator.objects.with_latest_published_value() made them
# (templates/figures/indicator_list.html before the loop became a tag), one <li> per line.
TILE_LOOP = """{% load i18n content_lang %}{% for indicator in indicators %}\
{% if not forloop.first %}
{% endif %}{% with latest=indicator.latest_value %}<li><a href="{{ indicator.get_absolute_url }}">\
<span class="figure-value">{% if latest %}{{ latest.display }}{% else %}\
{% translate "暂无数值" %}{% endif %}</span> <span class="figure-name">\
{{ indicator.display_name|zh }}</span></a>{% if latest %}<span class="meta">{{ latest.year }}\
{% translate "年" %}{% if latest.period_note %}，{{ latest.period_note }}{% endif %}</span>\
{% endif %}</li>{% endwith %}{% endfor %}"""


def later(**delta):
    return timezone.now() + timedelta(**delta)


def tile_of(html, indicator):
    match = re.search(rf'<li><a href="[^"]*/{indicator.code}/">.*?</li>', html)
    return match.group(0) if match else None


def figures_page(client):
    return client.get("/figures/").content.decode()


def every_kind_of_tile():
    over = IndicatorFactory(name="空气<优良>天数 & 比例", name_en="Good-air days", unit="天")
    IndicatorValueFactory(indicator=over, year=2021, value="290")
    IndicatorValueFactory(
        indicator=over, year=2022, value="300", qualifier="over", period_note="截至<年底>"
    )
    plus = IndicatorFactory(name="新增停车位", unit="个", category="roads", position=2)
    IndicatorValueFactory(indicator=plus, year=2023, value="10000", qualifier="plus")
    about = IndicatorFactory(name="城市更新投资", name_en='Renewal\'s "spend"', unit="元")
    IndicatorValueFactory(indicator=about, year=2020, value="320000000.5", qualifier="about")
    water = IndicatorFactory(name="长江水质", unit="", category="ecology")
    IndicatorValueFactory(indicator=water, year=2022, value=None, value_text="稳定达到Ⅱ类")
    empty = IndicatorFactory(name="尚无数值的指标", category="culture")
    IndicatorValueFactory(indicator=empty, year=2024, publication_state=PublicationState.DRAFT)
    IndicatorValueFactory(indicator=empty, year=2025, published_at=later(days=1))
    small = IndicatorFactory(name="人均公园绿地面积", unit="平方米", category="greenery")
    IndicatorValueFactory(indicator=small, year=2022, value="16.125")


@pytest.mark.parametrize("language", ["zh-hans", "en"])
def test_the_tiles_are_the_markup_the_template_loop_made(language):
    every_kind_of_tile()
    loop = engines["django"].from_string(TILE_LOOP)
    with translation.override(language):
        expected = loop.render({"indicators": Indicator.objects.with_latest_published_value()})
        assert indicator_tiles(indicator_tile_rows()) == expected


def test_each_indicator_shows_its_newest_published_year(client):
    indicator = IndicatorFactory(unit="个")
    for year, value in [(2020, "120"), (2022, "168"), (2021, "150")]:
        IndicatorValueFactory(indicator=indicator, year=year, value=value)
    tile = tile_of(figures_page(client), indicator)
    assert '<span class="figure-value">168个</span>' in tile
    assert '<span class="meta">2022年</span>' in tile


def test_a_newer_draft_or_scheduled_value_never_shows(client):
    indicator = IndicatorFactory(unit="个")
    IndicatorValueFactory(indicator=indicator, year=2021, value="168")
    IndicatorValueFactory(
        indicator=indicator, year=2022, value="777", publication_state=PublicationState.DRAFT
    )
    IndicatorValueFactory(indicator=indicator, year=2023, value="999", published_at=later(hours=1))
    tile = tile_of(figures_page(client), indicator)
    assert "168个" in tile and "777" not in tile and "999" not in tile


def test_a_scheduled_value_shows_once_its_time_comes(client, monkeypatch):
    indicator = IndicatorFactory(unit="个")
    IndicatorValueFactory(indicator=indicator, year=2021, value="168")
    IndicatorValueFactory(indicator=indicator, year=2022, value="999", published_at=later(hours=1))
    assert "999" not in tile_of(figures_page(client), indicator)

    two_hours_on = later(hours=2)
    monkeypatch.setattr(timezone, "now", lambda: two_hours_on)
    assert '<span class="figure-value">999个</span>' in tile_of(figures_page(client), indicator)


def test_an_indicator_without_published_values_says_so(client):
    indicator = IndicatorFactory(name="尚无数值的指标")
    IndicatorValueFactory(indicator=indicator, year=2022, publication_state=PublicationState.DRAFT)
    tile = tile_of(figures_page(client), indicator)
    assert '<span class="figure-value">暂无数值</span>' in tile and "meta" not in tile


def test_tiles_are_grouped_by_category_in_the_categories_order_then_by_position(client):
    late = IndicatorFactory(category="greenery", position=2, code="a-late")
    first = IndicatorFactory(category="greenery", position=1, code="z-first")
    air = IndicatorFactory(category="ecology", code="air")
    culture = IndicatorFactory(category="culture", code="museums")
    html = figures_page(client)
    headings = re.findall(r'<h2 id="cat-(\w+)">', html)
    assert headings == ["ecology", "greenery", "culture"]
    order = [html.index(tile_of(html, i)) for i in (air, first, late, culture)]
    assert order == sorted(order)


@pytest.mark.parametrize("years", [1, 12])
def test_the_figures_list_runs_one_query_however_many_years(
    client, django_assert_max_num_queries, years
):
    for indicator in IndicatorFactory.create_batch(3):
        for year in range(2000, 2000 + years):
            IndicatorValueFactory(indicator=indicator, year=year)
    with django_assert_max_num_queries(1):
        client.get("/figures/")
