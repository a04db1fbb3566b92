from decimal import Decimal

import pytest
from django.urls import reverse

from jiulongpo.publishing import PublicationState
from tests.factories_data import (
    read_csv,
    read_json,
    read_xlsx,
)
from tests.factories_livelihood import (
    IndicatorFactory,
    IndicatorValueFactory,
    ParkFactory,
    TaskFactory,
    TaskListFactory,
)

pytestmark = pytest.mark.django_db


def download(client, dataset, fmt, **params):
    return client.get(reverse("data:download", args=[dataset, fmt]), params)


def test_tasks_export_carries_targets_and_progress(client):
    TaskFactory(
        title="新增停车位", target_value=Decimal("1000"), achieved_value=Decimal("500"), unit="个"
    )
    row = read_json(download(client, "tasks", "json"))["rows"][0]
    assert (row["year"], row["target_value"], row["unit"], row["progress"]) == (
        2022,
        1000,
        "个",
        50,
    )


def test_tasks_export_filters_by_year_and_sector(client):
    TaskFactory(sector="health")
    TaskFactory(sector="education")
    TaskFactory(sector="health", task_list=TaskListFactory(year=2023))
    data = read_json(download(client, "tasks", "json", year=2022, sector="health"))
    assert data["count"] == 1 and data["filters"] == {"year": "2022", "sector": "health"}


def test_tasks_of_an_unpublished_list_stay_hidden(client):
    TaskFactory(task_list=TaskListFactory(year=2030, publication_state=PublicationState.DRAFT))
    assert read_json(download(client, "tasks", "json"))["count"] == 0


def test_parks_export_opens_in_excel_with_area_as_a_number(client):
    ParkFactory(name="彩云湖国家湿地公园", area=Decimal("1050000"), kind="city")
    sheet = read_xlsx(download(client, "parks", "xlsx")).worksheets[0]
    header = [cell.value for cell in sheet[1]]
    row = dict(zip(header, [cell.value for cell in sheet[2]], strict=True))
    assert row["名称"] == "彩云湖国家湿地公园" and row["面积（平方米）"] == 1050000


def test_parks_export_filters_by_kind(client):
    ParkFactory(kind="city")
    ParkFactory(kind="pocket")
    assert len(read_csv(download(client, "parks", "csv", kind="pocket"))) == 2


def test_indicator_values_export_keeps_the_qualifier_next_to_the_value(client):
    indicator = IndicatorFactory(code="good-air-days", name="空气质量优良天数", unit="天")
    IndicatorValueFactory(indicator=indicator, value=300, qualifier="over")
    rows = read_csv(download(client, "indicator-values", "csv", indicator="good-air-days"))
    record = dict(zip(rows[0], rows[1], strict=True))
    assert (record["限定词"], record["数值"], record["单位"]) == ("超过", "300", "天")


def test_draft_indicator_values_are_not_exported(client):
    IndicatorValueFactory(publication_state=PublicationState.DRAFT)
    assert read_json(download(client, "indicator-values", "json"))["count"] == 0


def test_indicators_export_lists_each_indicator_once(client):
    indicator = IndicatorFactory()
    IndicatorValueFactory(indicator=indicator, year=2021)
    IndicatorValueFactory(indicator=indicator, year=2022)
    assert read_json(download(client, "indicators", "json"))["count"] == 1


def test_catalogue_offers_every_list(client):
    slugs = [e["dataset"].slug for e in client.get(reverse("data:catalogue")).context["entries"]]
    assert slugs == [
        "projects",
        "progress-updates",
        "tasks",
        "parks",
        "indicators",
        "indicator-values",
    ]
