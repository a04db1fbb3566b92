"""A map marker carries only a point; clicking it fetches the name for its popup (issue 7)."""

from decimal import Decimal

import pytest
from playwright.sync_api import expect

from jiulongpo.publishing import PublicationState
from tests.browser.guards import watch
from tests.factories_livelihood import ParkFactory
from tests.factories_maps import LocatedProjectFactory

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.browser]


def test_clicking_a_project_marker_shows_its_fetched_name(desktop_page):
    project = LocatedProjectFactory(name="民主村片区更新", status="construction")
    watch(desktop_page)
    desktop_page.goto(desktop_page.base_url + "/projects/")
    with desktop_page.expect_response(f"**/projects/map/{project.pk}.json"):
        desktop_page.locator("#project-points-map .leaflet-marker-icon").click()
    popup = desktop_page.locator(".leaflet-popup-content")
    # The popup is filled after the JSON is parsed: wait for it, don't sample it.
    expect(popup.get_by_role("link", name="民主村片区更新")).to_be_visible()
    expect(popup).to_contain_text("建设中")
    assert desktop_page.evaluate("window.__csp") == []


def test_the_project_map_shows_matches_beyond_the_first_page(desktop_page):
    LocatedProjectFactory.create_batch(15)  # the list shows 12 a page
    desktop_page.goto(desktop_page.base_url + "/projects/")
    markers = desktop_page.locator("#project-points-map .leaflet-marker-icon")
    markers.first.wait_for()
    assert markers.count() == 15


def test_the_park_map_shows_only_parks_matching_the_filter(desktop_page):
    ParkFactory(kind="pocket", latitude=Decimal("29.5"), longitude=Decimal("106.5"))
    ParkFactory(kind="city", latitude=Decimal("29.52"), longitude=Decimal("106.5"))
    ParkFactory(kind="pocket", publication_state=PublicationState.DRAFT)
    desktop_page.goto(desktop_page.base_url + "/parks/?kind=pocket")
    markers = desktop_page.locator("#park-list-map .leaflet-marker-icon")
    markers.first.wait_for()
    assert markers.count() == 1
