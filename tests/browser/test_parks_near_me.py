from decimal import Decimal

import pytest

from tests.factories import ProjectFactory, SubdistrictFactory
from tests.factories_livelihood import ParkFactory

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.browser]


@pytest.fixture
def parks():
    ParkFactory(name="近处公园", latitude=Decimal("29.501000"), longitude=Decimal("106.5"))
    ParkFactory(name="远处公园", latitude=Decimal("29.540000"), longitude=Decimal("106.5"))
    ParkFactory(name="无坐标公园", latitude=None, longitude=None)


def test_the_park_map_shows_a_marker_for_each_located_park(desktop_page, parks):
    desktop_page.goto(desktop_page.base_url + "/parks/")
    desktop_page.locator(".leaflet-marker-icon").first.wait_for()  # points arrive as JSON
    assert desktop_page.locator("#park-list-map").is_visible()
    assert desktop_page.locator(".leaflet-marker-icon").count() == 2


def test_resident_uses_their_location_to_find_the_nearest_park(browser, live_server, parks):
    context = browser.new_context(
        locale="zh-CN",
        geolocation={"latitude": 29.5, "longitude": 106.5},
        permissions=["geolocation"],
    )
    page = context.new_page()
    page.goto(live_server.url + "/parks/")
    page.get_by_role("button", name="使用我的位置").click()
    page.wait_for_url("**lat=29.5*")
    first = page.locator("#nearby-list li").first
    assert "近处公园" in first.inner_text() and "15分钟内" in first.inner_text()
    context.close()


def test_without_javascript_a_subdistrict_is_the_starting_point(browser, live_server, parks):
    SubdistrictFactory(
        name="杨家坪", slug="yangjiaping", latitude=Decimal("29.5"), longitude=Decimal("106.5")
    )
    context = browser.new_context(locale="zh-CN", java_script_enabled=False)
    page = context.new_page()
    page.goto(live_server.url + "/parks/")
    page.get_by_label("从哪个街镇出发").select_option("yangjiaping")
    page.get_by_role("button", name="查找").click()
    assert page.locator("#nearby-list li").first.inner_text().startswith("近处公园")
    assert not page.locator("#park-list-map").is_visible()
    context.close()


def test_the_project_list_maps_its_located_projects(desktop_page):
    ProjectFactory(name="有坐标项目", latitude=Decimal("29.51"), longitude=Decimal("106.51"))
    ProjectFactory(name="无坐标项目")
    desktop_page.goto(desktop_page.base_url + "/projects/")
    desktop_page.locator(".leaflet-marker-icon").first.wait_for()  # points arrive as JSON
    assert desktop_page.locator("#project-points-map").is_visible()
    assert desktop_page.locator(".leaflet-marker-icon").count() == 1
