import datetime
from decimal import Decimal

import pytest
from django.urls import reverse

from jiulongpo.publishing import PublicationState
from tests.factories import ProgressUpdateFactory, ProjectFactory, SubdistrictFactory
from tests.factories_data import read_csv, read_json, read_xlsx

pytestmark = pytest.mark.django_db


def url(dataset, fmt, **params):
    from urllib.parse import urlencode

    base = reverse("data:download", kwargs={"dataset": dataset, "fmt": fmt})
    return f"{base}?{urlencode(params)}" if params else base


@pytest.fixture
def minzhucun():
    project = ProjectFactory(
        name="民主村片区",
        slug="minzhucun-pianqu",
        kind="area",
        status="construction",
        investment=Decimal("12345.50"),
        planned_start=datetime.date(2021, 3, 1),
    )
    ProgressUpdateFactory(project=project, date=datetime.date(2022, 9, 30), percent=40)
    return project


def test_csv_opens_with_a_bom_and_chinese_headers(client, minzhucun):
    rows = read_csv(client.get(url("projects", "csv")))
    assert rows[0][:2] == ["项目名称", "网址名"]
    assert rows[1][0] == "民主村片区"


def test_csv_has_iso_dates_and_plain_numbers(client, minzhucun):
    rows = read_csv(client.get(url("projects", "csv", header="en")))
    record = dict(zip(rows[0], rows[1], strict=True))
    assert record["planned_start"] == "2021-03-01"
    assert record["investment"] == "12345.5"
    assert record["progress"] == "40"


def test_csv_header_en_gives_machine_names(client, minzhucun):
    rows = read_csv(client.get(url("projects", "csv", header="en")))
    assert rows[0][:3] == ["name", "slug", "parent"]


def test_csv_is_an_attachment_streamed_from_the_database(client, minzhucun):
    response = client.get(url("projects", "csv"))
    assert response.streaming
    assert response["Content-Disposition"].startswith("attachment;")


def test_xlsx_has_typed_cells_and_a_frozen_header(client, minzhucun):
    sheet = read_xlsx(client.get(url("projects", "xlsx"))).worksheets[0]
    header = [cell.value for cell in sheet[1]]
    row = dict(zip(header, [cell.value for cell in sheet[2]], strict=True))
    assert sheet.freeze_panes == "A2"
    assert row["总投资（万元）"] == 12345.5 and row["最新进度（%）"] == 40
    assert row["计划开工"] == datetime.datetime(2021, 3, 1)


def test_xlsx_columns_have_widths(client, minzhucun):
    sheet = read_xlsx(client.get(url("projects", "xlsx"))).worksheets[0]
    assert sheet.column_dimensions["A"].width == 28


def test_xlsx_data_dictionary_states_filters_count_and_time(client, minzhucun):
    ProjectFactory(kind="street")
    book = read_xlsx(client.get(url("projects", "xlsx", kind="area")))
    facts = {row[0]: row[1] for row in book.worksheets[1].iter_rows(values_only=True) if row}
    assert facts["筛选条件"] == "kind=area" and facts["行数"] == 1
    assert facts["数据截至"].startswith(str(datetime.date.today().year))


def test_xlsx_data_dictionary_explains_every_column(client, minzhucun):
    book = read_xlsx(client.get(url("projects", "xlsx")))
    keys = [row[1] for row in book.worksheets[1].iter_rows(values_only=True) if row]
    assert {"name", "investment", "updated_at"} <= set(keys)


def test_json_has_a_stable_shape_with_metadata(client, minzhucun):
    data = read_json(client.get(url("projects", "json", status="construction")))
    assert set(data) >= {"dataset", "filters", "count", "generated_at", "licence", "rows"}
    assert data["filters"] == {"status": "construction"} and data["count"] == 1
    assert data["rows"][0]["investment"] == 12345.5


def test_json_dates_are_iso_strings(client, minzhucun):
    data = read_json(client.get(url("projects", "json")))
    assert data["rows"][0]["planned_start"] == "2021-03-01"


def test_drafts_are_never_exported(client, minzhucun):
    ProjectFactory(name="草稿项目", publication_state=PublicationState.DRAFT)
    data = read_json(client.get(url("projects", "json")))
    assert [row["name"] for row in data["rows"]] == ["民主村片区"]


def test_an_unknown_dataset_is_not_found(client):
    assert client.get(url("nothing", "csv")).status_code == 404


def test_progress_updates_export_follows_the_project_filter(client, minzhucun):
    ProgressUpdateFactory(title="别的项目的进展")
    rows = read_csv(client.get(url("progress-updates", "csv", project="minzhucun-pianqu")))
    assert len(rows) == 2 and rows[1][0] == "民主村片区"


def test_progress_updates_of_draft_projects_stay_hidden(client):
    hidden = ProjectFactory(publication_state=PublicationState.DRAFT)
    ProgressUpdateFactory(project=hidden)
    assert read_json(client.get(url("progress-updates", "json")))["count"] == 0


def test_subdistrict_filter_uses_the_slug_like_the_page(client):
    place = SubdistrictFactory(slug="yangjiaping")
    ProjectFactory(subdistrict=place)
    ProjectFactory()
    assert read_json(client.get(url("projects", "json", subdistrict="yangjiaping")))["count"] == 1


def test_an_invalid_filter_is_ignored_like_on_the_page_and_not_reported(client, minzhucun):
    data = read_json(client.get(url("projects", "json", kind="bogus", status="construction")))
    assert data["filters"] == {"status": "construction"} and data["count"] == 1
