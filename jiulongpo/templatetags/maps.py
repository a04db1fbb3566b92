"""Map containers for Leaflet: the tile provider is a setting, the markers come from a list.

A map never holds anything the plain list beside it does not: markers carry only
coordinates and a link, read by static/js/map.js from the list's data attributes. A map given
a points view (issue 7) instead fetches the coordinates of every matching row as JSON and each
marker's name and link only when it is clicked (jiulongpo/mapdata.py).
"""

import re

from django import template
from django.conf import settings
from django.urls import reverse

from jiulongpo.mapdata import details_url_template, url_around
from jiulongpo.markup import format_html, format_html_join

register = template.Library()

TIANDITU = (
    "https://t{s}.tianditu.gov.cn/{layer}_w/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0"
    "&LAYER={layer}&STYLE=default&TILEMATRIXSET=w&FORMAT=tiles"
    "&TILEMATRIX={{z}}&TILEROW={{y}}&TILECOL={{x}}&tk={key}"
)


def tile_layers():
    """[(url template, attribution, subdomains)] for the configured provider."""
    if settings.MAP_TILE_PROVIDER == "tianditu":
        key = settings.TIANDITU_KEY
        attribution = "© 天地图"
        return [
            (TIANDITU.format(s="{s}", layer="vec", key=key), attribution, "01234567"),
            (TIANDITU.format(s="{s}", layer="cva", key=key), attribution, "01234567"),
        ]
    return [
        (
            "https://tile.openstreetmap.org/{z}/{x}/{y}.png",
            "© OpenStreetMap contributors",
            "",
        )
    ]


@register.simple_tag
def map_attrs(list_id, pick_form="", points="", query=""):
    """Data attributes that turn a <div> into a map of the list with id list_id.

    `points` names a URL pattern "app:map-points" with a matching "app:map-details": the map
    then shows every row they answer for (filtered by `query`), not just the list's.
    """
    (url, attribution, subdomains), *overlays = tile_layers()
    overlay = overlays[0][0] if overlays else ""
    points_url = details_url = ""
    if points:
        points_url = reverse(points) + (f"?{query}" if query else "")
        details_url = details_url_template(points.replace("map-points", "map-details"))
    return format_html(
        'data-map-list="{}" data-tiles="{}" data-tiles-overlay="{}" data-attribution="{}" '
        'data-subdomains="{}" data-pick-form="{}" data-points="{}" data-details="{}"',
        list_id,
        url,
        overlay,
        attribution,
        subdomains,
        pick_form,
        points_url,
        details_url,
    )


@register.simple_tag
def leaflet_installed():
    """True when Leaflet was installed from npm; without it pages stay plain lists."""
    return any(
        isinstance(entry, tuple) and entry[0] == "vendor/leaflet"
        for entry in settings.STATICFILES_DIRS
    )


@register.filter
def located(items):
    """Only the items (projects, parks) that have a map point."""
    return [item for item in items if getattr(item, "has_location", False)]


SLUG = re.compile(r"[-a-zA-Z0-9_]+")


@register.simple_tag
def point_items(items, viewname):
    """The <li> of each item in a map's plain list: its point and a link to its page.

    Built in Python: through the template engine a page's dozen items cost more than the rest
    of the list page's own template. `viewname` takes the item's slug, as the item's
    get_absolute_url does; the URL is reversed once and the slugs put in.
    """
    head, tail = url_around(viewname, slug="slug-mark")
    return format_html_join(
        "",
        '\n      <li data-lat="{}" data-lng="{}"><a href="{}">{}</a></li>\n    ',
        (
            (
                str(item.latitude),
                str(item.longitude),
                # A slug the URL pattern would refuse raises, as get_absolute_url does.
                f"{head}{item.slug}{tail}"
                if SLUG.fullmatch(item.slug)
                else item.get_absolute_url(),
                item.name,
            )
            for item in items
        ),
    )
