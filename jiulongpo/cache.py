"""Whole-page cache for residents that is never stale.

Every anonymous GET page is cached under the current *content generation*. Saving, publishing
or deleting any content row (a signal), any successful back-office write (a staff POST), and
the moment a scheduled publication time arrives each start a new generation, so every page
cached before is simply never looked up again and expires on its own. A resident therefore
never gets a page older than the last change, and pages cost a cache look-up when nothing
changed. Conditional GET: cached pages carry an ETag and Last-Modified and answer 304.

The generation lives in the "generation" cache, which every process of a server shares
(Redis, or a file cache on one host), so a save in one gunicorn worker is seen by all.
"""

import hashlib
import math
import time

from django.apps import apps
from django.conf import settings
from django.core.cache import caches
from django.db import DatabaseError, transaction
from django.db.models import Min
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpResponse
from django.utils import timezone
from django.utils.cache import get_conditional_response
from django.utils.http import http_date

from jiulongpo.publishing import PublicationState, Publishable

GENERATION_KEY = "content-generation"
# Rows of these apps never show on a public page; their saves (a session touched on every
# staff request, a login attempt) must not empty the cache.
NON_CONTENT_APPS = {
    "admin",
    "auth",
    "axes",
    "contenttypes",
    "otp_static",
    "otp_totp",
    "sessions",
}
CACHEABLE_METHODS = {"GET", "HEAD"}
MAX_CACHED_BYTES = 2 * 1024 * 1024
# Every header the inner middleware set (Content-Security-Policy, X-Frame-Options, Vary …) is
# kept with the page, except what belongs to one response only.
UNKEPT_HEADERS = {"set-cookie", "date", "x-page-cache"}


def _new_generation(previous, next_publish):
    # Whole seconds, each generation later than the one before, so Last-Modified (which HTTP
    # states in seconds) changes with every generation even for two saves in one second.
    changed_at = max(math.ceil(time.time()), (previous or {}).get("changed_at", 0) + 1)
    return {
        "version": f"{time.time_ns():x}",
        "changed_at": changed_at,
        "next_publish": next_publish,
    }


def next_scheduled_publication():
    """The earliest future publication time of any published row, as a Unix time, or None."""
    now = timezone.now()
    soonest = None
    for model in apps.get_models():
        if not issubclass(model, Publishable):
            continue
        found = model._base_manager.filter(
            publication_state=PublicationState.PUBLISHED, published_at__gt=now
        ).aggregate(at=Min("published_at"))["at"]
        if found and (soonest is None or found < soonest):
            soonest = found
    return soonest.timestamp() if soonest else None


def bump_generation(recheck_schedule=True):
    """Start a new content generation: every page cached so far is out of reach."""
    store = caches["generation"]
    previous = store.get(GENERATION_KEY)
    if recheck_schedule:
        try:
            next_publish = next_scheduled_publication()
        except DatabaseError:
            next_publish = time.time() + 60
    else:
        next_publish = (previous or {}).get("next_publish")
    generation = _new_generation(previous, next_publish)
    store.set(GENERATION_KEY, generation, timeout=None)
    return generation


_UNREAD = object()


def current_generation(fetched=_UNREAD):
    """The current generation; `fetched` is its value when the caller already read it."""
    generation = caches["generation"].get(GENERATION_KEY) if fetched is _UNREAD else fetched
    if generation is None:
        return bump_generation()
    next_publish = generation["next_publish"]
    if next_publish is not None and time.time() >= next_publish:
        # A scheduled publication time has come: the pages must now show that row.
        return bump_generation()
    return generation


def request_generation(request):
    """The generation this request started with, fetched once per request."""
    if request is None:
        return current_generation()
    if not hasattr(request, "content_generation"):
        request.content_generation = current_generation()
    return request.content_generation


def content_changed(sender, **kwargs):
    if sender._meta.app_label in NON_CONTENT_APPS:
        return
    # Now, so this process stops serving old pages at once; and again after the commit, so a
    # page rendered by another worker from not-yet-committed data is not kept either.
    bump_generation(recheck_schedule=False)
    transaction.on_commit(bump_generation)


def connect_signals():
    for signal in (post_save, post_delete, m2m_changed):
        signal.connect(content_changed, dispatch_uid=f"content-generation-{signal}")


def _page_key(request):
    # Cookies that change what a page looks like (elder mode's large text) are part of the key.
    variants = "|".join(request.COOKIES.get(name, "") for name in settings.PAGE_CACHE_VARY_COOKIES)
    url = f"{request.META.get('HTTP_HOST', '')}{request.get_full_path()}|{variants}"
    digest = hashlib.md5(url.encode(), usedforsecurity=False).hexdigest()
    # The generation is stored with the page rather than in its key: one look-up can then
    # fetch both, and a page of an older generation is overwritten, not left to expire.
    return f"page:{request.method == 'HEAD'}:{digest}"


def _lookup(request, key):
    """(generation, cached page or None); one round trip when both live in one store."""
    if settings.CACHES.get("generation") == settings.CACHES.get("default"):
        found = caches["default"].get_many([GENERATION_KEY, key])
        generation = current_generation(found.get(GENERATION_KEY))
        cached = found.get(key)
    else:
        generation = current_generation()
        cached = caches["default"].get(key)
    request.content_generation = generation
    if cached is not None and cached[0] != generation["version"]:
        cached = None
    return generation, cached


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


def _validators(response, generation):
    digest = hashlib.md5(response.content, usedforsecurity=False).hexdigest()
    response["ETag"] = f'"{digest}"'
    response["Last-Modified"] = http_date(generation["changed_at"])
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
        generation, cached = _lookup(request, key)
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
            _validators(response, generation)
            headers = [
                (name, value)
                for name, value in response.items()
                if name.lower() not in UNKEPT_HEADERS
            ]
            page = (generation["version"], response.status_code, headers, response.content)
            caches["default"].set(key, page, settings.PAGE_CACHE_SECONDS)
            response["X-Page-Cache"] = "miss"
        return get_conditional_response(
            request,
            etag=response["ETag"],
            last_modified=generation["changed_at"],
            response=response,
        )

    @staticmethod
    def _note_back_office_write(request, response):
        """A catch-all: a staff write that changed rows without signals (a bulk update)."""
        user = getattr(request, "user", None)
        if (
            request.method not in CACHEABLE_METHODS
            and response.status_code < 400
            and user is not None
            and user.is_staff
        ):
            bump_generation()
