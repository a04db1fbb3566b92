"""Each row of the park list: link, kind, status, subdistrict and the map's coordinates."""

import pytest

from tests.factories import SubdistrictFactory
from tests.factories_livelihood import ParkFactory

pytestmark = pytest.mark.django_db


def test_a_row_names_kind_status_and_subdistrict(client):
    place = SubdistrictFactory(name="黄桷坪")
    ParkFactory(name="体育公园", slug="tiyu", kind="sports", status="open", subdistrict=place)
    html = client.get("/parks/").content.decode()
    assert '<a href="/parks/tiyu/">体育公园</a>' in html
    assert '<span class="meta">社区体育公园 · 已开放 · 黄桷坪</span>' in html


def test_a_park_without_a_status_says_so(client):
    ParkFactory(status="", kind="")
    assert '<span class="meta">状态未公布</span>' in client.get("/parks/").content.decode()


def test_chinese_park_names_are_marked_on_english_pages(client):
    ParkFactory(name="凌江园", slug="lingjiang")
    html = client.get("/en/parks/").content.decode()
    assert '<a href="/en/parks/lingjiang/"><span lang="zh-Hans">凌江园</span></a>' in html


def test_names_are_escaped(client):
    ParkFactory(name="<b>公园</b>")
    html = client.get("/parks/").content.decode()
    assert "&lt;b&gt;公园&lt;/b&gt;" in html and "<b>公园</b>" not in html
