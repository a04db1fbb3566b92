"""Cached fragments: the filter form of a list and other parts, kept while what the page shows
is unchanged (jiulongpo/invalidation.py).

Cards of a list are rendered by jiulongpo.cards (from a view); this module holds the template
tag for any other part of a page.
"""

import hashlib

from django import template
from django.conf import settings
from django.core.cache import caches
from django.utils.translation import get_language

from jiulongpo.invalidation import request_version

register = template.Library()


@register.tag("fragment")
def do_fragment(parser, token):
    """{% fragment "name" value … %}…{% endfragment %}: kept per version of the page's
    content, language and the given values (a filter form under its query string, say)."""
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
        version = request_version(context.get("request"))
        parts = [version, get_language(), *(str(v.resolve(context)) for v in self.vary_on)]
        digest = hashlib.md5("\x1f".join(parts).encode(), usedforsecurity=False).hexdigest()
        key = f"fragment:{digest}"
        store = caches["default"]
        html = store.get(key)
        if html is None:
            html = self.nodelist.render(context)
            store.set(key, html, settings.PAGE_CACHE_SECONDS)
        return html
