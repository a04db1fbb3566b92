"""Markup of the park list built in Python, or kept as a fragment, is what the template made."""

from decimal import Decimal

import pytest
from django.conf import settings
from django.template import Context, Template
from django.utils import translation

from livelihood import geo
from livelihood.models import Park
from livelihood.templatetags.livelihood_tags import nearby_items, park_links
from tests.factories import SubdistrictFactory
from tests.factories_livelihood import ParkFactory

pytestmark = pytest.mark.django_db

# The template loops the tags replaced, as they were.
NEARBY_LOOP = """{% load i18n content_lang %}{% for item in nearby %}
    <li class="{% if item.within_circle %}within{% else %}beyond{% endif %}" data-lat="{{ item.park.latitude|stringformat:'s' }}" data-lng="{{ item.park.longitude|stringformat:'s' }}">
      <a href="{{ item.park.get_absolute_url }}">{{ item.park.display_name|zh }}</a>
      — {% blocktranslate with m=item.metres minutes=item.minutes %}直线约 {{ m }} 米，步行约 {{ minutes }} 分钟{% endblocktranslate %}
      {% if item.within_circle %}<strong class="badge">{% blocktranslate %}{{ walk_minutes }}分钟内{% endblocktranslate %}</strong>{% endif %}
    </li>
    {% endfor %}"""  # noqa: E501
LINKS_LOOP = (
    "{% load content_lang %}{% for park in unlocated %}"
    '<a href="{{ park.get_absolute_url }}">{{ park.display_name|zh }}</a>'
    "{% if not forloop.last %}、{% endif %}{% endfor %}"
)


@pytest.fixture
def parks():
    ParkFactory(name="近处<公园>", name_en="Near & Dear Park", latitude="29.501000")
    ParkFactory(name="中间公园", latitude="29.509000")
    ParkFactory(name="远处公园", name_en="Far Park", latitude="29.530000")
    ParkFactory(name="无坐标公园", latitude=None, longitude=None)
    ParkFactory(name="无坐标'园\"", name_en="No <Place>", latitude=None, longitude=None)
    return geo.parks_near(list(Park.objects.all()), Decimal("29.5"), Decimal("106.5"))


@pytest.mark.parametrize("language", ["zh-hans", "en"])
def test_nearby_rows_are_the_templates(parks, language):
    nearby, _unlocated = parks
    with translation.override(language):
        expected = Template(NEARBY_LOOP).render(Context({"nearby": nearby, "walk_minutes": 15}))
        assert nearby_items(nearby, 15) == expected


@pytest.mark.parametrize("language", ["zh-hans", "en"])
def test_links_to_unlocated_parks_are_the_templates(parks, language):
    _nearby, unlocated = parks
    with translation.override(language):
        expected = Template(LINKS_LOOP).render(Context({"unlocated": unlocated}))
        assert park_links(unlocated) == expected


PAGES = [
    "/parks/",
    "/parks/?kind=city&page=1&lat=abc&lng=106.5",
    "/en/parks/?subdistrict=yangjiaping&lat=29.5",
    "/parks/?kind=nonsense&near=yangjiaping",
]


@pytest.mark.parametrize("path", PAGES)
def test_the_forms_are_the_same_from_the_fragment_cache(client, page_cache, path):
    SubdistrictFactory(slug="yangjiaping", latitude="29.5", longitude="106.5")
    ParkFactory(name="天宝公园")
    settings.PAGE_CACHE_ENABLED = settings.FRAGMENT_CACHE_ENABLED = False
    rendered = client.get(path).content.decode()
    settings.FRAGMENT_CACHE_ENABLED = True
    client.get(path)  # fills the fragments
    assert client.get(path).content.decode() == rendered


def test_the_near_form_offers_subdistricts_as_soon_as_one_has_coordinates(client, page_cache):
    settings.PAGE_CACHE_ENABLED = False
    place = SubdistrictFactory(name="杨家坪街道", slug="yangjiaping")
    assert 'id="id_near"' not in client.get("/parks/").content.decode()
    place.latitude, place.longitude = Decimal("29.5"), Decimal("106.5")
    place.save()
    assert 'id="id_near"' in client.get("/parks/").content.decode()
