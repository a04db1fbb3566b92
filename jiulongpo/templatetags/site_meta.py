"""Head tags for sharing and discovery (canonical, hreflang, OpenGraph, JSON-LD) and the
language-aware display of names."""

import json
from functools import lru_cache

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils.encoding import escape_uri_path
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, override

register = template.Library()

JSON_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


@register.simple_tag(takes_context=True)
def canonical_url(context):
    request = context["request"]
    return request.build_absolute_uri(request.path)


@register.simple_tag(takes_context=True)
def absolute_url(context, url):
    return context["request"].build_absolute_uri(url) if url else ""


@lru_cache(maxsize=4096)
def _translated_path(path, from_language, to_language):
    # The URL patterns are fixed for the life of the process, so a path's twin in another
    # language is too; working it out (resolve, then reverse) costs more than the rest of <head>.
    with override(from_language):
        return translate_url(path, to_language)


def _in_language(request, language):
    return _translated_path(escape_uri_path(request.path), get_language(), language)


@register.simple_tag(takes_context=True)
def language_alternates(context):
    """(language code, absolute URL) of this page in each language, for hreflang links."""
    request = context["request"]
    return [
        (code, request.build_absolute_uri(_in_language(request, code)))
        for code, _ in settings.LANGUAGES
    ]


@register.simple_tag(takes_context=True)
def path_in_language(context, language):
    """This page's path (with its query) in another language, for the language switcher.

    Worked out here, where the page's own language is active: Django's set_language runs
    under the default language and cannot resolve an /en/ path to translate it back.
    """
    request = context["request"]
    path = _in_language(request, language)
    query = request.META.get("QUERY_STRING", "")
    return f"{path}?{query}" if query else path


@register.filter
def localized_name(obj, field="name"):
    """The English name when the page is in English and one is recorded, else the Chinese."""
    if get_language() == "en":
        english = getattr(obj, f"{field}_en", "")
        if english:
            return english
    return getattr(obj, field, "")


@register.simple_tag
def json_ld(data):
    """A schema.org block; the JSON is escaped so no text can close the script element."""
    encoded = json.dumps(data, ensure_ascii=False).translate(JSON_SCRIPT_ESCAPES)
    # The payload cannot contain markup: <, > and & were escaped above.
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(encoded))  # noqa: S308


def _place(obj, kind="Place"):
    """Where a project or park is: its subdistrict and, when known, its coordinates."""
    place = {
        "@type": kind,
        "address": {
            "@type": "PostalAddress",
            "addressLocality": "九龙坡区",
            "addressRegion": "重庆市",
            "addressCountry": "CN",
        },
    }
    if obj.subdistrict_id:
        place["containedInPlace"] = {"@type": "Place", "name": obj.subdistrict.name}
    if obj.has_location:
        place["geo"] = {
            "@type": "GeoCoordinates",
            "latitude": float(obj.latitude),
            "longitude": float(obj.longitude),
        }
    return place


def _described(request, obj, data):
    """Fields projects and parks share: English name, summary, cover photo, department."""
    if obj.name_en:
        data["alternateName"] = obj.name_en
    if obj.summary:
        data["description"] = obj.summary
    if obj.cover_photo_id and obj.cover_photo.image:
        data["image"] = request.build_absolute_uri(obj.cover_photo.image.url)
    return data


@register.simple_tag(takes_context=True)
def project_json_ld(context, project):
    request = context["request"]
    data = {
        "@context": "https://schema.org",
        "@type": "Project",
        "name": project.name,
        "url": request.build_absolute_uri(project.get_absolute_url()),
        "inLanguage": "zh-Hans",
        "location": _place(project),
    }
    if project.department_id:
        data["parentOrganization"] = {
            "@type": "GovernmentOrganization",
            "name": project.department.name,
        }
    if project.updated_at:
        data["dateModified"] = project.updated_at.isoformat()
    return json_ld(_described(request, project, data))


@register.simple_tag(takes_context=True)
def park_json_ld(context, park):
    request = context["request"]
    data = {
        "@context": "https://schema.org",
        **_place(park, "Park"),
        "name": park.name,
        "url": request.build_absolute_uri(park.get_absolute_url()),
    }
    if park.address:
        data["address"]["streetAddress"] = park.address
    if park.facility_list:
        data["amenityFeature"] = [
            {"@type": "LocationFeatureSpecification", "name": name, "value": True}
            for name in park.facility_list
        ]
    return json_ld(_described(request, park, data))
