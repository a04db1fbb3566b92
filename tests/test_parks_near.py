from decimal import Decimal

import pytest

from livelihood.geo import WALK_CIRCLE_MINUTES, distance_km, walking_minutes
from tests.factories import SubdistrictFactory
from tests.factories_livelihood import ParkFactory

pytestmark = pytest.mark.django_db

ORIGIN = {"lat": "29.500000", "lng": "106.500000"}


def test_one_degree_of_latitude_is_about_111_km():
    assert distance_km(29, 106.5, 30, 106.5) == pytest.approx(111.2, abs=0.1)


def test_walking_time_rounds_up_at_four_and_a_half_km_an_hour():
    assert walking_minutes(1.125) == 15
    assert walking_minutes(1.13) == 16
    assert walking_minutes(0.01) == 1


def test_parks_are_sorted_by_straight_line_distance(client):
    ParkFactory(name="远公园", latitude=Decimal("29.520000"), longitude=Decimal("106.5"))
    ParkFactory(name="近公园", latitude=Decimal("29.501000"), longitude=Decimal("106.5"))
    ParkFactory(name="中公园", latitude=Decimal("29.505000"), longitude=Decimal("106.5"))
    nearby = client.get("/parks/", ORIGIN).context["nearby"]
    assert [n.park.name for n in nearby] == ["近公园", "中公园", "远公园"]


def test_each_park_shows_its_distance_and_walking_time(client):
    # 0.009° of latitude is about 1,001 m: 14 minutes at 4.5 km/h.
    ParkFactory(name="步行公园", latitude=Decimal("29.509000"), longitude=Decimal("106.5"))
    html = client.get("/parks/", ORIGIN).content.decode()
    assert "直线约 1001 米，步行约 14 分钟" in html


def test_fifteen_minute_cut_separates_parks_within_the_circle(client):
    ParkFactory(name="圈内", latitude=Decimal("29.510000"), longitude=Decimal("106.5"))  # ~1.11 km
    ParkFactory(name="圈外", latitude=Decimal("29.511000"), longitude=Decimal("106.5"))  # ~1.22 km
    nearby = client.get("/parks/", ORIGIN).context["nearby"]
    assert [(n.park.name, n.within_circle) for n in nearby] == [("圈内", True), ("圈外", False)]
    assert nearby[0].minutes <= WALK_CIRCLE_MINUTES < nearby[1].minutes


def test_parks_without_a_location_are_named_but_not_ranked(client):
    ParkFactory(name="有坐标")
    ParkFactory(name="无坐标公园", latitude=None, longitude=None)
    response = client.get("/parks/", ORIGIN)
    assert [n.park.name for n in response.context["nearby"]] == ["有坐标"]
    assert "另有 1 个公园尚未录入坐标，无法计算距离" in response.content.decode()


def test_a_subdistrict_centre_can_be_the_starting_point(client):
    SubdistrictFactory(
        name="杨家坪", slug="yangjiaping", latitude=Decimal("29.5"), longitude=Decimal("106.5")
    )
    ParkFactory(name="附近公园", latitude=Decimal("29.501000"), longitude=Decimal("106.5"))
    html = client.get("/parks/", {"near": "yangjiaping"}).content.decode()
    assert "从杨家坪中心出发" in html and "附近公园" in html


def test_bad_coordinates_get_a_clear_error_in_chinese(client):
    html = client.get("/parks/", {"lat": "abc", "lng": "106.5"}).content.decode()
    assert "纬度要填数字" in html


def test_half_a_point_asks_for_both_coordinates(client):
    html = client.get("/parks/", {"lat": "29.5"}).content.decode()
    assert "经度和纬度要一起填写" in html


def test_the_walking_assumption_is_stated_on_the_page(client):
    html = client.get("/parks/").content.decode()
    assert "每小时 4.5 公里的步速" in html


def test_far_parks_beyond_the_first_ten_are_counted_not_listed(client):
    ParkFactory(name="圈内公园", latitude=Decimal("29.501000"), longitude=Decimal("106.5"))
    for n in range(12):
        ParkFactory(latitude=Decimal(f"{29.6 + n * 0.01:.6f}"), longitude=Decimal("106.5"))
    response = client.get("/parks/", ORIGIN)
    assert len(response.context["nearby"]) == 11
    assert "更远的 2 个公园没有列出" in response.content.decode()
