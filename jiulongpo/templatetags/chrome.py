"""The site's chrome (navigation, search box, footer, style sheets), rendered once per process.

These parts show no data: they vary only with the language, the elder mode, the site's name
and the URL prefix, so what was rendered once stays true until the code changes, which
restarts the process. Rendering them on every page cost a third of base.html.

A chrome template gets only SITE_NAME, LANGUAGE_CODE and elder in its context, never the
request, so it cannot come to depend on one page by accident.
"""

from django import template
from django.conf import settings
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.template.loader import render_to_string
from django.urls import get_script_prefix
from django.utils.translation import get_language

from jiulongpo.elder import elder_mode_on

register = template.Library()

_rendered = {}


@register.simple_tag(takes_context=True)
def chrome(context, template_name):
    elder = elder_mode_on(context.get("request"))
    language = get_language()
    key = (template_name, language, elder, get_script_prefix())
    html = _rendered.get(key)
    if html is None or settings.DEBUG:
        # DEBUG: a developer's edit to the template shows on the next request.
        html = render_to_string(
            template_name,
            {"SITE_NAME": settings.SITE_NAME, "LANGUAGE_CODE": language, "elder": elder},
        )
        _rendered[key] = html
    return html


@receiver(setting_changed)
def forget_rendered_chrome(**kwargs):
    # Settings change only in tests (override_settings): the site's name, say.
    _rendered.clear()
