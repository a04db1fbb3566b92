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


@pytest.mark.parametrize("fmt", ["csv", "xlsx", "json"])
@pytest.mark.parametrize("rows", [2, 40])
def test_export_queries_do_not_grow_with_rows(client, django_assert_max_num_queries, rows, fmt):
    place = SubdistrictFactory()
    ProjectFactory.create_batch(rows, subdistrict=place)
    with django_assert_max_num_queries(4):
        response = client.get(reverse("data:download", args=["projects", fmt]))
        b"".join(response.streaming_content)


def test_livelihood_pages_link_their_data_with_their_filters(client):
    from tests.factories_livelihood import IndicatorFactory, ParkFactory, TaskFactory

    TaskFactory()
    ParkFactory()
    IndicatorFactory(code="good-air-days")
    assert "/data/tasks.csv?year=2022" in client.get("/livelihood/2022/").content.decode()
    assert "/data/parks.xlsx?kind=city" in client.get("/parks/", {"kind": "city"}).content.decode()
    detail = client.get("/figures/good-air-days/").content.decode()
    assert "/data/indicator-values.json?indicator=good-air-days" in detail


def test_parks_export_has_as_many_rows_as_the_filtered_parks_page(client):
    from tests.factories_livelihood import ParkFactory

    ParkFactory.create_batch(3, kind="pocket")
    ParkFactory(kind="city")
    page = client.get("/parks/", {"kind": "pocket"})
    data = read_json(
        client.get(reverse("data:download", args=["parks", "json"]), {"kind": "pocket"})
    )
    assert data["count"] == page.context["paginator"].count == 3


def test_english_pages_offer_the_same_downloads(client):
    ProjectFactory()
    response = client.get("/en/data/projects.json")
    assert read_json(response)["count"] == 1


def download_links(html):
    return html.split('<aside class="data-downloads"', 1)[1].split("</aside>", 1)[0]


def test_download_links_name_their_dataset_and_offer_files_to_save(client):
    ProjectFactory()
    links = download_links(client.get(reverse("projects:list"), {"page": 1}).content.decode())
    assert 'aria-label="下载数据：城市更新项目"' in links
    assert "下载全部数据：" in links
    assert '<a href="/data/projects.csv" download>CSV</a>' in links
    assert '<a href="/data/projects.json">JSON</a>' in links


def test_english_download_links_are_labelled_in_english(client):
    ProjectFactory()
    links = download_links(client.get("/en/projects/", {"kind": "area"}).content.decode())
    assert "Download data:" in links
    assert '<a href="/en/data/projects.xlsx?kind=area" download>XLSX</a>' in links
