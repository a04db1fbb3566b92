from django import template
from django.utils.safestring import mark_safe

from jiulongpo.markdown import render_markdown

register = template.Library()


@register.filter
def markdown(text):
    # render_markdown sanitizes with nh3, so its output is safe by construction.
    return mark_safe(render_markdown(text))  # noqa: S308


@register.simple_tag(takes_context=True)
def query_with(context, **changes):
    """The current query string with some parameters changed: keeps filters across pages."""
    params = context["request"].GET.copy()
    for key, value in changes.items():
        if value in (None, ""):
            params.pop(key, None)
        else:
            params[key] = value
    encoded = params.urlencode()
    return f"?{encoded}" if encoded else "?"
