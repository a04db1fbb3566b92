"""The park pages' rows come from compiled queries and plain rows: the same parks, in the same
order, filtered, paginated and published as the ORM's queries would have them."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation

from jiulongpo.publishing import PublicationState
from livelihood import geo
from livelihood.models import Park
from livelihood.views.parks import ParkPoint
from tests.factories import SubdistrictFactory
from tests.factories_livelihood import (
    IndicatorFactory,
    IndicatorValueFactory,
    ParkFactory,
    ParkPhotoFactory,
)

pytestmark = pytest.mark.django_db

ORIGIN = {"lat": "29.500000", "lng": "106.500000"}


@pytest.fixture
def parks():
    """Enough parks for two pages, of several kinds, statuses and places, some unlocated."""
    places = [SubdistrictFactory(slug="huangjueping"), SubdistrictFactory(slug="yangjiaping")]
    for n in range(40):
        ParkFactory(
            name=f"公园{(n * 7) % 40:02d}",
            kind=["city", "sports", "pocket", ""][n % 4],
            status=["open", "planned", ""][n % 3],
            subdistrict=places[n % 2] if n % 5 else None,
            latitude=None if n % 6 == 0 else f"{29.5 + n * 0.001:.6f}",
            longitude=None if n % 6 == 0 else "106.500000",
        )
    ParkFactory(name="公园草稿", publication_state=PublicationState.DRAFT)
    ParkFactory(name="公园将来", published_at=timezone.now() + timedelta(hours=1))


def orm_rows(**filters):
    return list(Park.objects.published().filter(**filters).order_by("name"))


QUERIES = [
    ({}, {}),
    ({"page": "2"}, {}),
    ({"kind": "sports"}, {"kind": "sports"}),
    ({"kind": "city", "status": "open"}, {"kind": "city", "status": "open"}),
    ({"subdistrict": "huangjueping"}, {"subdistrict__slug": "huangjueping"}),
    (
        {"status": "planned", "subdistrict": "yangjiaping"},
        {"status": "planned", "subdistrict__slug": "yangjiaping"},
    ),
    ({"q": "公园1"}, {"name__icontains": "公园1"}),
    ({"kind": "nonsense"}, {}),
]


@pytest.mark.parametrize(("query", "filters"), QUERIES)
def test_the_list_shows_the_orms_parks_in_name_order_page_by_page(client, parks, query, filters):
    response = client.get("/parks/", query)
    expected = orm_rows(**filters)
    start = (int(query.get("page", 1)) - 1) * 30
    assert [p.pk for p in response.context["object_list"]] == [
        p.pk for p in expected[start : start + 30]
    ]
    assert response.context["paginator"].count == len(expected)


@pytest.mark.parametrize(("query", "filters"), QUERIES)
def test_near_me_ranks_every_park_the_filters_keep_as_before(client, parks, query, filters):
    context = client.get("/parks/", {**query, **ORIGIN}).context
    expected = orm_rows(**filters)
    nearby, unlocated = geo.parks_near(expected, Decimal("29.5"), Decimal("106.5"))
    nearby, left_out = geo.shortlist(nearby)
    assert [(n.park.pk, n.metres, n.minutes) for n in context["nearby"]] == [
        (n.park.pk, n.metres, n.minutes) for n in nearby
    ]
    assert [p.pk for p in context["unlocated"]] == [p.pk for p in unlocated]
    assert context["nearby_left_out"] == left_out


@pytest.mark.parametrize(("query", "filters"), QUERIES)
def test_near_me_keeps_the_list_below_paginated(client, parks, query, filters):
    response = client.get("/parks/", {**query, **ORIGIN})
    expected = orm_rows(**filters)
    start = (int(query.get("page", 1)) - 1) * 30
    assert [p.pk for p in response.context["object_list"]] == [
        p.pk for p in expected[start : start + 30]
    ]
    assert response.context["paginator"].count == len(expected)


def test_a_ranked_park_has_the_parks_own_name_link_and_location():
    park = ParkFactory(name="凌江园", name_en="Lingjiang Garden", latitude="29.512345")
    point = ParkPoint(Park.objects.values_list(*ParkPoint.POINT_FIELDS).get())
    with translation.override("en"):
        assert (point.display_name, point.get_absolute_url()) == (
            park.display_name,
            park.get_absolute_url(),
        )
    assert (point.latitude, point.longitude, point.has_location) == (
        Decimal("29.512345"),
        Decimal("106.500000"),
        True,
    )


def test_draft_and_scheduled_parks_never_show(client):
    ParkFactory(
        name="草稿公园", slug="draft", kind="city", publication_state=PublicationState.DRAFT
    )
    ParkFactory(
        name="将来公园", slug="later", kind="city", published_at=timezone.now() + timedelta(hours=1)
    )
    pages = [
        client.get("/parks/", query).content.decode()
        for query in ({}, {"kind": "city"}, {"q": "公园"}, ORIGIN)
    ]
    assert not any("草稿公园" in html or "将来公园" in html for html in pages)
    assert client.get("/parks/draft/").status_code == client.get("/parks/later/").status_code == 404


def test_a_scheduled_park_shows_once_its_time_comes(client, monkeypatch):
    ParkFactory(
        name="将来公园", slug="later", kind="city", published_at=timezone.now() + timedelta(hours=1)
    )
    ParkFactory(
        name="草稿公园", slug="draft", kind="city", publication_state=PublicationState.DRAFT
    )
    assert client.get("/parks/later/").status_code == 404
    later = timezone.now() + timedelta(hours=2)
    monkeypatch.setattr(timezone, "now", lambda: later)
    pages = [
        client.get("/parks/", query).content.decode() for query in ({}, {"kind": "city"}, ORIGIN)
    ]
    assert all("将来公园" in html and "草稿公园" not in html for html in pages)
    assert client.get("/parks/later/").status_code == 200


def test_a_park_page_shows_its_photos_in_their_order(client):
    park = ParkFactory()
    ParkPhotoFactory(park=park, caption="第二张", position=2)
    ParkPhotoFactory(park=park, caption="第一张", position=1)
    ParkPhotoFactory(park=ParkFactory(), caption="别的公园")
    photos = client.get(park.get_absolute_url()).context["photos"]
    assert [photo.caption for photo in photos] == ["第一张", "第二张"]


def test_a_park_without_photos_is_one_query(client):
    park = ParkFactory()
    client.get(park.get_absolute_url())
    with CaptureQueriesContext(connection) as queries:
        assert client.get(park.get_absolute_url()).status_code == 200
    assert len(queries) == 1


def test_the_district_total_is_the_newest_published_value(client, monkeypatch):
    indicator = IndicatorFactory(code="parks-and-gardens", unit="个")
    IndicatorValueFactory(indicator=indicator, year=2021, value=150)
    IndicatorValueFactory(indicator=indicator, year=2022, value=168)
    IndicatorValueFactory(
        indicator=indicator, year=2023, value=190, published_at=timezone.now() + timedelta(hours=1)
    )
    IndicatorValueFactory(
        indicator=indicator, year=2024, value=200, publication_state=PublicationState.DRAFT
    )
    assert "全区已建成公园游园168个" in client.get("/parks/").content.decode()
    later = timezone.now() + timedelta(hours=2)
    monkeypatch.setattr(timezone, "now", lambda: later)
    assert "全区已建成公园游园190个" in client.get("/parks/").content.decode()
