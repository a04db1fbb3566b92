import functools

from django import template
from django.dispatch import receiver
from django.template.loader import render_to_string
from django.utils.autoreload import file_changed
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from jiulongpo.markdown import render_markdown

register = template.Library()


@register.filter
def markdown(text):
    # render_markdown sanitizes with nh3, so its output is safe by construction.
    return mark_safe(render_markdown(text))  # noqa: S308


@register.filter
def body_html(obj):
    """The HTML stored with obj.body at save time; rows bulk-created or loaded raw may lack it."""
    # body_html holds render_markdown's sanitized output only (never editable).
    return mark_safe(obj.body_html or render_markdown(obj.body))  # noqa: S308


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


@register.simple_tag
def progress_bar(percent):
    """includes/progress_bar.html for one percent, as `{% include %}` would render it."""
    return _rendered_progress_bar(get_language(), percent)


# The partial reads nothing but the percent and the language, and timelines, cards and
# task lists show it many times a page: rendering it once per language and value (at most
# 2 × 102) saves most of its template time.
@functools.lru_cache(maxsize=256)
def _rendered_progress_bar(language, percent):
    return render_to_string("includes/progress_bar.html", {"percent": percent})


@receiver(file_changed, dispatch_uid="project-page-progress-bar")
def _forget_rendered_progress_bars(sender, file_path, **kwargs):
    # runserver reloads templates without restarting: an edited partial shows at once.
    _rendered_progress_bar.cache_clear()
