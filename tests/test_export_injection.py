import pytest
from django.urls import reverse

from tests.factories import ProjectFactory
from tests.factories_data import read_csv, read_json, read_xlsx

pytestmark = pytest.mark.django_db

HOSTILE = ['=HYPERLINK("http://evil","点我")', "+1+2", "-2+3", "@SUM(A1:A2)"]


@pytest.fixture
def hostile_projects():
    for n, text in enumerate(HOSTILE):
        ProjectFactory(name=f"项目{n}", summary=text)


def summaries(rows):
    index = rows[0].index("summary")
    return [row[index] for row in rows[1:]]


def test_csv_cells_that_look_like_formulas_start_with_an_apostrophe(client, hostile_projects):
    rows = read_csv(
        client.get(reverse("data:download", args=["projects", "csv"]), {"header": "en"})
    )
    assert summaries(rows) == [f"'{text}" for text in HOSTILE]


def test_xlsx_keeps_formula_like_text_as_text_not_formulas(client, hostile_projects):
    sheet = read_xlsx(client.get(reverse("data:download", args=["projects", "xlsx"]))).worksheets[0]
    column = [cell.value for cell in sheet[1]].index("摘要")
    cells = [row[column] for row in sheet.iter_rows(min_row=2)]
    assert {cell.data_type for cell in cells} == {"s"}
    assert [cell.value for cell in cells] == HOSTILE


def test_json_keeps_the_text_exactly(client, hostile_projects):
    data = read_json(client.get(reverse("data:download", args=["projects", "json"])))
    assert [row["summary"] for row in data["rows"]] == HOSTILE
