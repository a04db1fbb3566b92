import pytest
from django.urls import reverse

from tests.factories import ProjectFactory, SubdistrictFactory
from tests.factories_data import read_csv, read_json, read_xlsx

pytestmark = pytest.mark.django_db

FILTERS = {"kind": "area", "status": "construction", "subdistrict": "yangjiaping"}


@pytest.fixture
def mixed_projects():
    place = SubdistrictFactory(slug="yangjiaping")
    for n in range(14):
        ProjectFactory(kind="area", status="construction", subdistrict=place, name=f"片区{n:02}")
    ProjectFactory(kind="street", status="construction", subdistrict=place)
    ProjectFactory(kind="area", status="open", subdistrict=place)
    ProjectFactory(kind="area", status="construction")


@pytest.mark.parametrize("fmt", ["csv", "xlsx", "json"])
def test_each_format_has_as_many_rows_as_the_filtered_page(client, mixed_projects, fmt):
    page = client.get(reverse("projects:list"), FILTERS)
    response = client.get(reverse("data:download", args=["projects", fmt]), FILTERS)
    if fmt == "csv":
        count = len(read_csv(response)) - 1
    elif fmt == "xlsx":
        count = read_xlsx(response).worksheets[0].max_row - 1
    else:
        count = len(read_json(response)["rows"])
    assert count == page.context["paginator"].count == 14


def test_text_search_filters_the_export_like_the_page(client, mixed_projects):
    data = read_json(
        client.get(reverse("data:download", args=["projects", "json"]), {"q": "片区0"})
    )
    assert data["count"] == 10


def test_download_links_on_the_list_carry_its_current_filters(client, mixed_projects):
    html = client.get(reverse("projects:list"), {**FILTERS, "page": 2}).content.decode()
    assert (
        '/data/projects.xlsx?kind=area&amp;status=construction&amp;subdistrict=yangjiaping"' in html
    )
    assert "/data/projects.csv?kind=area" in html


def test_project_page_links_its_timeline_as_data(client):
    project = ProjectFactory(slug="minzhucun")
    html = client.get(project.get_absolute_url()).content.decode()
    assert "/data/progress-updates.csv?project=minzhucun" in html


@pytest.mark.parametrize("rows", [2, 40])
def test_export_queries_do_not_grow_with_rows(client, django_assert_max_num_queries, rows):
    place = SubdistrictFactory()
    ProjectFactory.create_batch(rows, subdistrict=place)
    with django_assert_max_num_queries(4):
        read_csv(client.get(reverse("data:download", args=["projects", "csv"])))
