import pytest

from jiulongpo.publishing import PublicationState
from tests.factories import SubdistrictFactory
from tests.factories_livelihood import (
    IndicatorFactory,
    IndicatorValueFactory,
    ParkFactory,
    ParkPhotoFactory,
)

pytestmark = pytest.mark.django_db


def test_park_list_shows_published_parks_only(client):
    ParkFactory(name="天宝公园")
    ParkFactory(name="草稿公园", publication_state=PublicationState.DRAFT)
    html = client.get("/parks/").content.decode()
    assert "天宝公园" in html and "草稿公园" not in html


def test_park_list_filters_by_kind_status_and_subdistrict(client):
    place = SubdistrictFactory(slug="huangjueping")
    ParkFactory(name="体育公园甲", kind="sports", status="open", subdistrict=place)
    ParkFactory(name="体育公园乙", kind="sports", status="planned", subdistrict=place)
    ParkFactory(name="专类园", kind="theme", status="open", subdistrict=place)
    response = client.get(
        "/parks/", {"kind": "sports", "status": "open", "subdistrict": "huangjueping"}
    )
    assert [p.name for p in response.context["object_list"]] == ["体育公园甲"]


def test_located_parks_carry_coordinates_for_the_map(client):
    ParkFactory(name="有坐标", latitude="29.512345", longitude="106.512345")
    html = client.get("/parks/").content.decode()
    assert 'data-lat="29.512345" data-lng="106.512345"' in html


def test_a_park_without_location_is_listed_with_a_note(client):
    ParkFactory(name="凌江园", latitude=None, longitude=None)
    html = client.get("/parks/").content.decode()
    assert "凌江园" in html and "暂无坐标，未在地图上显示" in html


def test_park_list_gives_the_district_total_from_the_figures(client):
    indicator = IndicatorFactory(code="parks-and-gardens", unit="个")
    IndicatorValueFactory(indicator=indicator, value=168, year=2022)
    assert "全区已建成公园游园168个" in client.get("/parks/").content.decode()


def test_park_page_shows_facts_and_photos(client):
    park = ParkFactory(
        name="天宝公园", facilities="运动器械、步道", address="天宝路与南北大道下穿道交汇处"
    )
    ParkPhotoFactory(park=park, caption="九龙坡天宝公园")
    html = client.get(park.get_absolute_url()).content.decode()
    assert "运动器械、步道" in html and "天宝路与南北大道下穿道交汇处" in html
    assert "九龙坡天宝公园" in html


def test_park_page_says_when_the_location_is_unknown(client):
    park = ParkFactory(latitude=None, longitude=None)
    assert "尚未录入，所以不在地图上" in client.get(park.get_absolute_url()).content.decode()


def test_draft_park_page_is_not_found(client):
    park = ParkFactory(publication_state=PublicationState.DRAFT)
    assert client.get(park.get_absolute_url()).status_code == 404


@pytest.mark.parametrize("rows", [2, 25])
def test_park_list_query_count_does_not_grow(client, django_assert_max_num_queries, rows):
    place = SubdistrictFactory()
    ParkFactory.create_batch(rows, subdistrict=place)
    with django_assert_max_num_queries(8):
        assert client.get("/parks/", {"lat": "29.5", "lng": "106.5"}).status_code == 200


@pytest.mark.parametrize("rows", [1, 10])
def test_park_page_query_count_does_not_grow_with_photos(
    client, django_assert_max_num_queries, rows
):
    park = ParkFactory()
    ParkPhotoFactory.create_batch(rows, park=park)
    with django_assert_max_num_queries(3):
        assert client.get(park.get_absolute_url()).status_code == 200
