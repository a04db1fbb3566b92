"""Cached fragments: a list's cards rendered once per content generation, fetched together.

A page the whole-page cache misses (a new filter combination, a signed-in editor) still reuses
each card's HTML: one get_many for all cards on the page, the missing ones rendered and stored.
The key holds the content generation, so a saved row never shows an old card (jiulongpo/cache.py).
"""

import hashlib

from django import template
from django.conf import settings
from django.core.cache import caches
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from jiulongpo.cache import request_generation

register = template.Library()


@register.simple_tag(takes_context=True)
def cached_cards(context, objects, template_name, as_name):
    """Render template_name once for each object (named as_name), from the cache when kept."""
    card = context.template.engine.get_template(template_name)
    if not settings.FRAGMENT_CACHE_ENABLED:
        return mark_safe("".join(_render(context, card, as_name, obj) for obj in objects))
    version = request_generation(context.get("request"))["version"]
    keys = {f"card:{version}:{get_language()}:{template_name}:{obj.pk}": obj for obj in objects}
    store = caches["default"]
    found = store.get_many(keys)
    missing = {
        key: _render(context, card, as_name, obj) for key, obj in keys.items() if key not in found
    }
    if missing:
        store.set_many(missing, settings.PAGE_CACHE_SECONDS)
    # Each part is template output, escaped as it was rendered.
    return mark_safe("".join(found.get(key) or missing[key] for key in keys))  # noqa: S308


def _render(context, card, as_name, obj):
    with context.push(**{as_name: obj}):
        return card.render(context)


@register.tag("fragment")
def do_fragment(parser, token):
    """{% fragment "name" value … %}…{% endfragment %}: kept per content generation, language
    and the given values (a filter form under its query string, say)."""
    bits = token.split_contents()[1:]
    nodelist = parser.parse(("endfragment",))
    parser.delete_first_token()
    return FragmentNode(nodelist, [parser.compile_filter(bit) for bit in bits])


class FragmentNode(template.Node):
    def __init__(self, nodelist, vary_on):
        self.nodelist = nodelist
        self.vary_on = vary_on

    def render(self, context):
        if not settings.FRAGMENT_CACHE_ENABLED:
            return self.nodelist.render(context)
        version = request_generation(context.get("request"))["version"]
        parts = [version, get_language(), *(str(v.resolve(context)) for v in self.vary_on)]
        digest = hashlib.md5("\x1f".join(parts).encode(), usedforsecurity=False).hexdigest()
        key = f"fragment:{digest}"
        store = caches["default"]
        html = store.get(key)
        if html is None:
            html = self.nodelist.render(context)
            store.set(key, html, settings.PAGE_CACHE_SECONDS)
        return html
