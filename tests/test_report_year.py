from decimal import Decimal
from pathlib import Path

import pytest
from django.urls import reverse

from jiulongpo.publishing import PublicationState
from tests.factories_livelihood import (
    IndicatorFactory,
    IndicatorValueFactory,
    TaskFactory,
    TaskListFactory,
)

pytestmark = pytest.mark.django_db


def report(client, year=2022):
    return client.get(reverse("year_report", args=[year]))


def test_report_lists_the_years_tasks_with_target_and_progress(client):
    TaskFactory(title="新增停车位", target_value=Decimal("1000"), achieved_value=500, unit="个")
    html = report(client).content.decode()
    assert "新增停车位" in html and "1000个" in html
    assert 'value="50"' in html


def test_report_shows_key_figures_with_a_chart_over_the_years(client):
    TaskListFactory()
    air = IndicatorFactory(name="空气质量优良天数", unit="天")
    IndicatorValueFactory(indicator=air, year=2021, value=290)
    IndicatorValueFactory(indicator=air, year=2022, value=300, qualifier="over")
    html = report(client).content.decode()
    assert "空气质量优良天数</th><td>超过300天</td>" in html
    assert html.count("<rect") == 2


def test_report_is_laid_out_for_a4_printing(client):
    TaskListFactory()
    html = report(client).content.decode()
    assert (
        "css/print.css" in html and "数据截至" in html and 'class="report-section new-page"' in html
    )


def test_print_stylesheet_sets_a4_pages_and_breaks(client):
    from django.contrib.staticfiles import finders

    css = Path(finders.find("css/print.css")).read_text(encoding="utf-8")
    assert "size: A4" in css and "break-before: page" in css and "break-inside: avoid" in css


def test_a_year_without_a_published_list_is_not_found(client):
    TaskListFactory(year=2030, publication_state=PublicationState.DRAFT)
    assert report(client, 2030).status_code == 404


def test_draft_tasks_are_left_out_of_the_report(client):
    TaskFactory(title="草稿任务", publication_state=PublicationState.DRAFT)
    assert "草稿任务" not in report(client).content.decode()


@pytest.mark.parametrize("rows", [1, 15])
def test_report_query_count_is_fixed(client, django_assert_max_num_queries, rows):
    TaskFactory.create_batch(rows, unit="个", target_value=10)
    IndicatorValueFactory.create_batch(rows, year=2022)
    with django_assert_max_num_queries(6):
        assert report(client).status_code == 200


def test_catalogue_links_each_years_printable_report(client):
    TaskListFactory(year=2022)
    assert (
        reverse("year_report", args=[2022])
        in client.get(reverse("data:catalogue")).content.decode()
    )
