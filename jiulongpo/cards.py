"""Cards of a list: ids first, then only the cards not already rendered.

A list page whose whole page the cache misses (a new filter combination) still needs a page
of cards. It asks the database for the page's ids alone, which is cheap, fetches the cards
rendered under the current versions of the page's content in one cache round trip, and loads
and renders only the missing ones. The key holds those versions, so a saved row never shows an
old card (jiulongpo/invalidation.py).
"""

from django.conf import settings
from django.core.cache import caches
from django.template.loader import get_template
from django.utils.safestring import SafeString
from django.utils.translation import get_language

from jiulongpo.invalidation import request_version


def render_cards(request, ids, load, template_name, as_name):
    """HTML of each card, in the order of `ids`; `load(ids)` gives {id: object} to render."""
    card = get_template(template_name)
    if not settings.FRAGMENT_CACHE_ENABLED:
        objects = load(ids)
        return [_render(card, as_name, objects[pk]) for pk in ids if pk in objects]
    version = request_version(request)
    keys = {pk: f"card:{version}:{get_language()}:{template_name}:{pk}" for pk in ids}
    store = caches["default"]
    found = store.get_many(keys.values())
    missing = [pk for pk in ids if keys[pk] not in found]
    if missing:
        objects = load(missing)
        rendered = {keys[pk]: _render(card, as_name, obj) for pk, obj in objects.items()}
        store.set_many(rendered, settings.PAGE_CACHE_SECONDS)
        found.update(rendered)
    # Each part is template output, escaped as it was rendered.
    return [SafeString(found[keys[pk]]) for pk in ids if keys[pk] in found]


def _render(card, as_name, obj):
    return card.render({as_name: obj})
