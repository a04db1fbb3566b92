"""Lists of indicators load one value per indicator: the newest published one."""

import datetime

import pytest
from django.utils import timezone

from jiulongpo.publishing import PublicationState
from livelihood.models import Indicator
from tests.factories_livelihood import IndicatorFactory, IndicatorValueFactory

pytestmark = pytest.mark.django_db


def latest_years():
    indicators = Indicator.objects.with_latest_published_value()
    return {i.code: i.latest_value.year if i.latest_value else None for i in indicators}


def test_each_indicator_keeps_only_its_newest_published_year():
    first, second = IndicatorFactory(code="first"), IndicatorFactory(code="second")
    for year in (2020, 2022, 2021):
        IndicatorValueFactory(indicator=first, year=year)
    IndicatorValueFactory(indicator=second, year=2019)
    assert latest_years() == {"first": 2022, "second": 2019}


def test_a_newer_draft_or_scheduled_value_does_not_hide_the_published_one():
    indicator = IndicatorFactory(code="green")
    IndicatorValueFactory(indicator=indicator, year=2021)
    IndicatorValueFactory(indicator=indicator, year=2022, publication_state=PublicationState.DRAFT)
    IndicatorValueFactory(
        indicator=indicator,
        year=2023,
        published_at=timezone.now() + datetime.timedelta(days=1),
    )
    assert latest_years() == {"green": 2021}


def test_an_indicator_without_published_values_has_no_latest_value():
    IndicatorFactory(code="empty")
    assert latest_years() == {"empty": None}


def test_the_figures_page_shows_the_latest_value_and_its_year(client):
    indicator = IndicatorFactory(name="园林绿地面积", unit="平方米")
    IndicatorValueFactory(indicator=indicator, year=2021, value="40000000")
    IndicatorValueFactory(indicator=indicator, year=2022, value="50590000", period_note="截至年底")
    html = client.get("/figures/").content.decode()
    assert (
        f'<a href="{indicator.get_absolute_url()}"><span class="figure-value">5059万平方米</span>'
        in html
    )
    assert '<span class="meta">2022年，截至年底</span>' in html


def test_an_indicator_without_values_says_so_on_the_figures_page(client):
    IndicatorFactory(name="尚无数值的指标")
    assert "暂无数值" in client.get("/figures/").content.decode()


@pytest.mark.parametrize("years", [1, 12])
def test_the_figures_page_query_count_does_not_grow_with_years(
    client, django_assert_max_num_queries, years
):
    for indicator in IndicatorFactory.create_batch(3):
        for year in range(2000, 2000 + years):
            IndicatorValueFactory(indicator=indicator, year=year)
    with django_assert_max_num_queries(4):
        client.get("/figures/")
