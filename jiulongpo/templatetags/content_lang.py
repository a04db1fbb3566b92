"""Mark Chinese content on English pages so screen readers read it with a Chinese voice.

`{{ project|localized_name|zh }}` renders `<span lang="zh-Hans">…</span>` on /en/ pages when
the text is Chinese (no English recorded); otherwise the plain text. Use it only in the page
body (headings, cards, lists): <title> and attributes cannot hold elements.
"""

import re

from django import template
from django.utils.html import format_html
from django.utils.translation import get_language

register = template.Library()

CJK = re.compile(r"[\u3400-\u9fff]")


@register.filter
def zh(text):
    language = get_language() or ""
    if text and not language.startswith("zh") and CJK.search(str(text)):
        return format_html('<span lang="zh-Hans">{}</span>', text)
    return text
