"""Cards of a list: ids first, then only the cards not already rendered.

A list page whose whole page the cache misses (a new filter combination, or any save, since a
list shows every row) still needs a page of cards. It asks the database for the page's ids
alone, which is cheap, fetches the cards already rendered in one cache round trip, and loads
and renders only the missing ones.

Each card is kept under the versions of its own tags (a project's card under that project's,
jiulongpo/page_tags.py), read before its data is: an editor saving one project re-renders that
project's card, and every other card of the list is reused.
"""

import hashlib

from django.conf import settings
from django.core.cache import caches
from django.template.loader import get_template
from django.utils.safestring import SafeString
from django.utils.translation import get_language

from jiulongpo.invalidation import versions_with_request


def render_cards(tags_by_id, load, template_name, as_name, request=None):
    """HTML of each card, in the order of `tags_by_id` ({id: the tags of its card});
    `load(ids)` gives {id: object} to render. The versions of the cards' tags and of the
    request's page (for its fragments) are read in one round trip."""
    card = get_template(template_name)
    ids = list(tags_by_id)
    if not settings.FRAGMENT_CACHE_ENABLED:
        objects = load(ids)
        return [_render(card, as_name, objects[pk]) for pk in ids if pk in objects]
    versions = versions_with_request(request, set().union(*tags_by_id.values()))
    prefix = f"card:{get_language()}:{template_name}"
    keys = {pk: _key(prefix, pk, tags, versions) for pk, tags in tags_by_id.items()}
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


def _key(prefix, pk, tags, versions):
    stamp = "-".join(versions[tag][0] for tag in sorted(tags))
    digest = hashlib.md5(stamp.encode(), usedforsecurity=False).hexdigest()
    return f"{prefix}:{pk}:{digest}"


def _render(card, as_name, obj):
    return card.render({as_name: obj})
