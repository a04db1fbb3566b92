import pytest
from django.template import Context, Template

from tests.factories import ProjectFactory

pytestmark = pytest.mark.django_db


def render_map_attrs():
    return Template('{% load maps %}<div {% map_attrs "things" %}></div>').render(Context())


def test_openstreetmap_is_the_default_tile_provider(settings):
    settings.MAP_TILE_PROVIDER = "osm"
    assert 'data-tiles="https://tile.openstreetmap.org/{z}/{x}/{y}.png"' in render_map_attrs()


def test_tianditu_tiles_carry_the_key_from_settings(settings):
    settings.MAP_TILE_PROVIDER = "tianditu"
    settings.TIANDITU_KEY = "k123"
    html = render_map_attrs()
    assert "tianditu.gov.cn/vec_w/wmts" in html and "tk=k123" in html


def test_project_list_lists_located_projects_beside_the_map(client):
    ProjectFactory(name="有坐标项目", latitude="29.510000", longitude="106.510000")
    ProjectFactory(name="无坐标项目")
    html = client.get("/projects/").content.decode()
    section = html[html.index('id="project-map-heading"') :]
    assert 'data-lat="29.510000" data-lng="106.510000"><a href="/projects/' in section
    assert "无坐标项目" not in section


def test_project_list_without_coordinates_says_there_is_no_map(client):
    ProjectFactory()
    assert "都还没有录入坐标，所以不在地图上" in client.get("/projects/").content.decode()
