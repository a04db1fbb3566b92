"""Whole-page cache for residents that is never stale.

Every anonymous GET page is cached with the versions of the tags it depends on
(jiulongpo/page_tags.py: a detail page on its own row and what it shows, lists and other pages
on all content) and is served only while none of them changed (jiulongpo/invalidation.py). A
resident therefore never gets a page older than the last change to what it shows, and pages
cost one cache round trip when nothing changed. Conditional GET: cached pages carry an ETag
and Last-Modified and answer 304.
"""

import hashlib

from django.conf import settings
from django.core.cache import caches
from django.http import HttpResponse
from django.utils.cache import get_conditional_response
from django.utils.http import http_date

from jiulongpo import page_tags
from jiulongpo.invalidation import CLOCK_KEY, bump, current_versions, last_changed, tag_keys

CACHEABLE_METHODS = {"GET", "HEAD"}
MAX_CACHED_BYTES = 2 * 1024 * 1024
# Every header the inner middleware set (Content-Security-Policy, X-Frame-Options, Vary …) is
# kept with the page, except what belongs to one response only.
UNKEPT_HEADERS = {"set-cookie", "date", "x-page-cache"}


def _page_key(request):
    # Cookies that change what a page looks like (elder mode's large text) are part of the key.
    variants = "|".join(request.COOKIES.get(name, "") for name in settings.PAGE_CACHE_VARY_COOKIES)
    url = f"{request.META.get('HTTP_HOST', '')}{request.get_full_path()}|{variants}"
    digest = hashlib.md5(url.encode(), usedforsecurity=False).hexdigest()
    # The tag versions are stored with the page rather than in its key: one look-up can then
    # fetch both, and a page of older versions is overwritten, not left to expire.
    return f"page:{request.method == 'HEAD'}:{digest}"


def _lookup(request, key):
    """(tag versions, cached page or None); one round trip when both live in one store."""
    tags = page_tags.for_path(request.path_info)
    if settings.CACHES.get("generation") == settings.CACHES.get("default"):
        found = caches["default"].get_many([CLOCK_KEY, *tag_keys(tags), key])
        cached = found.pop(key, None)
        versions = current_versions(tags, found)
    else:
        versions = current_versions(tags)
        cached = caches["default"].get(key)
    # Read before the page reads any data: a change committed meanwhile bumps them again.
    request.content_versions = versions
    if cached is not None and cached[0] != _fingerprint(versions):
        cached = None
    return versions, cached


def _fingerprint(versions):
    return {tag: version for tag, (version, _changed_at) in versions.items()}


def _skipped_path(path):
    admin = "/" + settings.ADMIN_PATH.lstrip("/")
    return path.startswith((admin, "/healthz", "/markdownx/", "/i18n/", "/bench/", "/static/"))


def _cacheable_request(request):
    return (
        settings.PAGE_CACHE_ENABLED
        and request.method in CACHEABLE_METHODS
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and not _skipped_path(request.path)
    )


def _cacheable_response(request, response):
    cache_control = response.get("Cache-Control", "")
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
        and "private" not in cache_control
        and "no-store" not in cache_control
        and len(response.content) <= MAX_CACHED_BYTES
    )


def _validators(response, versions):
    digest = hashlib.md5(response.content, usedforsecurity=False).hexdigest()
    response["ETag"] = f'"{digest}"'
    response["Last-Modified"] = http_date(last_changed(versions))
    # Browsers and proxies may keep the page but must ask every time; a 304 costs nothing.
    response["Cache-Control"] = "max-age=0, must-revalidate"


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not _cacheable_request(request):
            response = self.get_response(request)
            self._note_back_office_write(request, response)
            return response
        key = _page_key(request)
        versions, cached = _lookup(request, key)
        if cached is not None:
            _version, status, headers, content = cached
            response = HttpResponse(content, status=status)
            for name, value in headers:
                response[name] = value
            response["X-Page-Cache"] = "hit"
        else:
            response = self.get_response(request)
            if not _cacheable_response(request, response):
                return response
            _validators(response, versions)
            headers = [
                (name, value)
                for name, value in response.items()
                if name.lower() not in UNKEPT_HEADERS
            ]
            page = (_fingerprint(versions), response.status_code, headers, response.content)
            caches["default"].set(key, page, settings.PAGE_CACHE_SECONDS)
            response["X-Page-Cache"] = "miss"
        return get_conditional_response(
            request,
            etag=response["ETag"],
            last_modified=last_changed(versions),
            response=response,
        )

    @staticmethod
    def _note_back_office_write(request, response):
        """A catch-all for pages without a finer rule: a staff write that changed rows without
        signals (a bulk update). Pages with one rely on signals and invalidation.invalidate."""
        user = getattr(request, "user", None)
        if (
            request.method not in CACHEABLE_METHODS
            and response.status_code < 400
            and user is not None
            and user.is_staff
        ):
            bump({page_tags.CONTENT})
