"""The figures list's tiles, from Indicator.objects.for_tiles() rows.

The list shows every indicator (hundreds); per tile, the zh filter's language lookup, the
display_name property and the value's display through an IndicatorValue cost more than the
markup itself, so the language is looked up once and the tile is built from the row's fields.
"""

from html import escape

from django import template
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from jiulongpo.templatetags.content_lang import CJK
from livelihood.numbers import cn_quantity
from livelihood.templatetags.livelihood_tags import links_by

register = template.Library()

TILE = (
    '<li><a href="{}"><span class="figure-value">{}</span> '
    '<span class="figure-name">{}</span></a>{}</li>'
)


@register.simple_tag
def indicator_tiles(indicators):
    """One <li> per indicator with its newest published value."""
    link = links_by("figures:detail", "code")
    language = get_language() or ""
    english, chinese = language.startswith("en"), language.startswith("zh")
    no_value, year_suffix = escape(_("暂无数值")), _("年")
    tiles = []
    for indicator in indicators:
        # Indicator.display_name, then the zh filter (Chinese text marked on other pages).
        name = indicator.name_en if english and indicator.name_en else indicator.name
        name = escape(name)
        if name and not chinese and CJK.search(name):
            name = f'<span lang="zh-Hans">{name}</span>'
        year = indicator.newest_year
        if year is None:
            value = no_value
            meta = ""
        else:
            # IndicatorValue.display
            number = indicator.newest_value
            value = escape(
                indicator.newest_value_text
                if number is None
                else cn_quantity(number, indicator.unit, indicator.newest_qualifier)
            )
            period = indicator.newest_period_note
            when = f"{year}{year_suffix}，{period}" if period else f"{year}{year_suffix}"
            meta = f'<span class="meta">{escape(when)}</span>'
        tiles.append(TILE.format(escape(link(indicator.code)), value, name, meta))
    # Every value above was escaped.
    return mark_safe("\n".join(tiles))  # noqa: S308
