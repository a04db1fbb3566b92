"""Versions of what pages show, so a change invalidates exactly the pages that show it.

A *tag* names something pages show (one project's page, the place names, "content" at large;
jiulongpo/page_tags.py says which). Each tag has a version in the "generation" cache, which
every process of a server shares (Redis, or a file cache on one host). A page is cached with
the versions of its tags and served only while all of them are unchanged.

Saving, publishing or deleting a content row bumps the tags of every page that shows it: at
once, so this process stops serving old pages, and again after the commit, so a page another
worker rendered from not-yet-committed data is not kept either. The moment a scheduled
publication time arrives bumps every tag a page can have.
"""

import math
import secrets
import time

from django.apps import apps
from django.core.cache import caches
from django.db import DatabaseError, transaction
from django.db.models import Min
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete, pre_save
from django.utils import timezone

from jiulongpo import page_tags
from jiulongpo.publishing import PublicationState, Publishable

CLOCK_KEY = "content-clock"
TAG_PREFIX = "content-tag:"
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


def _store():
    return caches["generation"]


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


def bump(tags, recheck_schedule=True):
    """New versions for `tags`: every page cached with an older one is out of reach."""
    store = _store()
    clock = store.get(CLOCK_KEY) or {}
    # Whole seconds, later than any change before, so Last-Modified (which HTTP states in
    # seconds) moves forward with every change even for two saves in one second.
    changed_at = max(math.ceil(time.time()), clock.get("changed_at", 0) + 1)
    if recheck_schedule:
        try:
            next_publish = next_scheduled_publication()
        except DatabaseError:
            next_publish = time.time() + 60
    else:
        next_publish = clock.get("next_publish")
    store.set(CLOCK_KEY, {"changed_at": changed_at, "next_publish": next_publish}, timeout=None)
    store.set_many({TAG_PREFIX + tag: _stamp(changed_at) for tag in tags}, timeout=None)


def bump_everything():
    bump({page_tags.EVERYTHING, page_tags.CONTENT})


def _stamp(changed_at):
    # Unique across processes: two changes must never give a tag the same version.
    return (f"{time.time_ns():x}{secrets.token_hex(4)}", changed_at)


def tag_keys(tags):
    return [TAG_PREFIX + tag for tag in tags]


def current_versions(tags, found=None):
    """{tag: (version, changed_at)} now; `found` holds what a get_many already fetched
    (the clock and the tags' keys)."""
    store = _store()
    if found is None:
        found = store.get_many([CLOCK_KEY, *tag_keys(tags)])
    clock = found.get(CLOCK_KEY)
    next_publish = clock and clock["next_publish"]
    if clock is None or (next_publish is not None and time.time() >= next_publish):
        # A scheduled publication time has come (or the store was emptied): every page must
        # be rendered anew.
        bump_everything()
        found = store.get_many(tag_keys(tags))
    versions = {tag: found.get(TAG_PREFIX + tag) for tag in tags}
    missing = [tag for tag, stamp in versions.items() if stamp is None]
    if missing:
        # A tag never bumped, or evicted: a fresh version, never one a page was cached with.
        changed_at = (store.get(CLOCK_KEY) or {}).get("changed_at", math.ceil(time.time()))
        for tag in missing:
            store.add(TAG_PREFIX + tag, _stamp(changed_at), timeout=None)
        versions.update(
            (key.removeprefix(TAG_PREFIX), stamp)
            for key, stamp in store.get_many(tag_keys(missing)).items()
        )
    return versions


def versions_for_request(request):
    """The versions of the request's page tags, read once, before the page reads any data."""
    if request is None:  # rendered outside a request: depends on all content
        return current_versions(page_tags.for_path(""))
    if not hasattr(request, "content_versions"):
        request.content_versions = current_versions(page_tags.for_path(request.path_info))
    return request.content_versions


def versions_with_request(request, tags):
    """Versions of `tags`; the request's page tags come in the same round trip if they were not
    read yet (a page whose whole-page cache is off, where only its fragments ask for them)."""
    if request is None or hasattr(request, "content_versions"):
        return current_versions(tags)
    page = set(page_tags.for_path(request.path_info))
    versions = current_versions(set(tags) | page)
    request.content_versions = {tag: versions[tag] for tag in page}
    return versions


def request_version(request):
    """One string that changes whenever anything the request's page shows changes."""
    versions = versions_for_request(request)
    return "-".join(versions[tag][0] for tag in sorted(versions))


def last_changed(versions):
    return max(changed_at for _version, changed_at in versions.values())


def invalidate(row, extra_tags=()):
    """Bump the tags of the pages that show `row`; for writes that send no signal."""
    tags = {page_tags.CONTENT, *page_tags.changed_by(row), *extra_tags}
    bump(tags, recheck_schedule=False)
    transaction.on_commit(lambda: bump(tags))


def _is_content(model):
    return model._meta.app_label not in NON_CONTENT_APPS


def _note_pages_before_save(sender, instance, raw=False, **kwargs):
    # A row that moves (a phase to another project, an update to another phase) leaves the
    # page it was on: that page is found from the row as it was before the save.
    if raw or instance.pk is None or not page_tags.has_rule(sender):
        return
    old = sender._base_manager.filter(pk=instance.pk).first()
    instance._pages_before_change = page_tags.changed_by(old) if old else set()


def _note_pages_before_delete(sender, instance, **kwargs):
    # Links to the row (a task's projects) are deleted before post_delete is sent.
    if page_tags.has_rule(sender):
        instance._pages_before_change = page_tags.changed_by(instance)


def _row_changed(sender, instance, **kwargs):
    if _is_content(sender):
        invalidate(instance, getattr(instance, "_pages_before_change", ()))


def _links_changed(sender, instance, action, model, pk_set, **kwargs):
    if not _is_content(type(instance)):
        return
    if action == "pre_clear":
        # After a clear the links are gone: the pages they were on are found before it.
        instance._pages_before_clear = _pages_of(
            model._base_manager.filter(pk__in=_linked_ids(sender, instance))
        )
    elif action == "post_clear":
        invalidate(instance, getattr(instance, "_pages_before_clear", ()))
    elif action in ("post_add", "post_remove"):
        invalidate(instance, _pages_of(model._base_manager.filter(pk__in=pk_set)))


def _linked_ids(through, instance):
    """Ids of the rows linked to `instance` through the link table `through`."""
    own, other = sorted(
        (f for f in through._meta.get_fields() if f.many_to_one),
        key=lambda f: f.related_model is not type(instance),
    )
    return through._base_manager.filter(**{own.name: instance}).values(other.attname)


def _pages_of(rows):
    return {tag for row in rows for tag in page_tags.changed_by(row)}


def connect_signals():
    pre_save.connect(_note_pages_before_save, dispatch_uid="content-tags-before-save")
    pre_delete.connect(_note_pages_before_delete, dispatch_uid="content-tags-before-delete")
    for signal in (post_save, post_delete):
        signal.connect(_row_changed, dispatch_uid=f"content-tags-{signal}")
    m2m_changed.connect(_links_changed, dispatch_uid="content-tags-links")
