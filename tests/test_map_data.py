"""Maps fetch coordinates of every match as small JSON, and a marker's details on click."""

from decimal import Decimal

import pytest
from django.urls import reverse

from jiulongpo.publishing import PublicationState
from tests.factories import ProjectFactory, SubdistrictFactory
from tests.factories_livelihood import ParkFactory
from tests.factories_maps import LocatedProjectFactory

pytestmark = pytest.mark.django_db

DRAFT = PublicationState.DRAFT
MAX_QUERIES = 5


def points(client, name, query=""):
    response = client.get(reverse(name) + query)
    assert response["Content-Type"] == "application/json"
    return response.json()


def test_project_points_are_id_lat_lng_triples_of_located_published_projects(client):
    project = ProjectFactory(latitude=Decimal("29.51"), longitude=Decimal("106.52"))
    ProjectFactory(latitude=None, longitude=None)
    assert points(client, "projects:map-points") == [[project.pk, 29.51, 106.52]]


def test_project_points_leave_out_drafts(client):
    LocatedProjectFactory(publication_state=DRAFT)
    assert points(client, "projects:map-points") == []


def test_project_points_cover_every_match_not_just_one_page(client):
    LocatedProjectFactory.create_batch(30)
    assert len(points(client, "projects:map-points")) == 30


def test_project_points_honour_the_list_filters(client):
    place = SubdistrictFactory(slug="xiejiawan")
    kept = LocatedProjectFactory(subdistrict=place, status="construction", name="谢家湾项目")
    LocatedProjectFactory(status="construction")
    LocatedProjectFactory(subdistrict=place, status="completed")
    query = "?subdistrict=xiejiawan&status=construction&q=谢家湾"
    assert [row[0] for row in points(client, "projects:map-points", query)] == [kept.pk]


def test_the_project_list_map_asks_for_its_filters_but_not_the_page(client):
    html = client.get(reverse("projects:list") + "?status=construction&page=1").content.decode()
    assert 'data-points="/projects/map.json?status=construction"' in html
    assert 'data-details="/projects/map/{id}.json"' in html


def test_the_park_map_leaves_near_me_out_of_its_points_address(client):
    html = client.get(reverse("parks:list") + "?kind=pocket&lat=29.5&lng=106.5").content.decode()
    assert 'data-points="/parks/map.json?kind=pocket"' in html


def test_park_points_honour_filters_and_leave_out_drafts(client):
    kept = ParkFactory(kind="pocket")
    ParkFactory(kind="pocket", publication_state=DRAFT)
    ParkFactory(kind="city")
    assert [row[0] for row in points(client, "parks:map-points", "?kind=pocket")] == [kept.pk]


def test_a_project_marker_details_give_name_link_and_status(client):
    project = LocatedProjectFactory(name="民主村片区", status="construction")
    details = client.get(reverse("projects:map-details", kwargs={"pk": project.pk})).json()
    assert details == {"name": "民主村片区", "url": project.get_absolute_url(), "status": "建设中"}


def test_a_park_marker_details_give_its_name_and_link(client):
    park = ParkFactory(name="彩云湖国家湿地公园")
    details = client.get(reverse("parks:map-details", kwargs={"pk": park.pk})).json()
    assert details["name"] == "彩云湖国家湿地公园" and details["url"] == park.get_absolute_url()


@pytest.mark.parametrize(
    ("name", "make"),
    [
        ("projects:map-details", lambda: LocatedProjectFactory(publication_state=DRAFT)),
        ("parks:map-details", lambda: ParkFactory(publication_state=DRAFT)),
        ("projects:map-details", lambda: ProjectFactory()),
    ],
    ids=["draft-project", "draft-park", "project-without-a-point"],
)
def test_details_of_a_draft_or_unlocated_row_are_not_found(client, name, make):
    assert client.get(reverse(name, kwargs={"pk": make().pk})).status_code == 404


@pytest.mark.parametrize(
    ("name", "make"),
    [
        ("projects:map-points", LocatedProjectFactory.create_batch),
        ("parks:map-points", ParkFactory.create_batch),
    ],
)
def test_points_take_the_same_few_queries_at_any_size(
    client, django_assert_max_num_queries, name, make
):
    query = "?status=open&subdistrict=" + SubdistrictFactory().slug
    make(3)
    client.get(reverse(name) + query)  # warm up one-off look-ups
    with django_assert_max_num_queries(MAX_QUERIES):
        client.get(reverse(name) + query)
    make(200)
    with django_assert_max_num_queries(MAX_QUERIES):
        assert client.get(reverse(name)).status_code == 200


def test_details_take_a_fixed_few_queries(client, django_assert_max_num_queries):
    url = reverse("projects:map-details", kwargs={"pk": LocatedProjectFactory().pk})
    client.get(url)
    with django_assert_max_num_queries(MAX_QUERIES):
        assert client.get(url).status_code == 200


def test_points_are_served_from_the_page_cache(client, page_cache):
    LocatedProjectFactory()
    client.get(reverse("projects:map-points"))
    assert client.get(reverse("projects:map-points"))["X-Page-Cache"] == "hit"


def test_publishing_a_located_draft_puts_it_on_the_cached_map(client, page_cache):
    draft = LocatedProjectFactory(publication_state=DRAFT)
    assert points(client, "projects:map-points") == []
    draft.publication_state = PublicationState.PUBLISHED
    draft.save()
    assert [row[0] for row in points(client, "projects:map-points")] == [draft.pk]


def test_english_marker_details_give_the_english_name_when_recorded(client):
    project = LocatedProjectFactory(name="民主村片区", name_en="Minzhu Village", status="completed")
    details = client.get(f"/en/projects/map/{project.pk}.json").json()
    assert details["name"] == "Minzhu Village" and details["url"].startswith("/en/projects/")
