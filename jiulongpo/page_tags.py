"""Which pages show what: the tags of a page, and the tags a changed row touches.

A project's page (and its printable card) depends on that project alone, plus the place
names every page shows, so an editor saving one project leaves the other 9,999 project pages
cached. Every other page depends on "content", which any change at all bumps: correct by
default, exact where a rule here says which rows a page shows.

The rule for a row names every page the row shows on (jiulongpo/invalidation.py also applies
it to the row as it was before the save, for a row that moved). A model that shows on a
project page and has no rule here would leave that page stale:
tests/test_cache_exact_invalidation.py renders a full project page and checks that every
model it reads has one.
"""

import re

from django.conf import settings

EVERYTHING = "everything"  # every page; bumped when a scheduled publication time comes
CONTENT = "content"  # bumped by every change; pages without a finer rule depend on it
PLACES = "places"  # subdistrict and department names, shown on every project page

_LANGUAGE_PREFIX = "|".join(re.escape(code) for code, _name in settings.LANGUAGES)
_PROJECT_PAGE = re.compile(rf"^(?:/(?:{_LANGUAGE_PREFIX}))?/projects/([-\w]+)/(?:card/)?$")


def project_page(slug):
    return f"project:{slug}"


def for_path(path):
    """The tags of the page at `path` (without the query string)."""
    found = _PROJECT_PAGE.match(path)
    if found:
        return frozenset({EVERYTHING, PLACES, project_page(found[1])})
    return frozenset({EVERYTHING, CONTENT})


def _project_pages(project_ids):
    """The pages of these projects and of their parents: a parent's page lists its phases with
    their status and progress."""
    from projects.models import Project

    rows = Project._base_manager.filter(pk__in=[pk for pk in project_ids if pk is not None])
    return {
        project_page(slug)
        for own, parent in rows.values_list("slug", "parent__slug")
        for slug in (own, parent)
        if slug
    }


def _project(project):
    from projects.models import Project

    # Its own page, its parent's (which lists it) and its phases' (whose breadcrumbs name it).
    phases = Project._base_manager.filter(parent_id=project.pk).values_list("slug", flat=True)
    return (
        _project_pages([project.parent_id])
        | {project_page(project.slug)}
        | {project_page(slug) for slug in (phases if project.pk else ())}
    )


def _task(task):
    if task.pk is None:
        return set()
    return _project_pages(task.projects.values_list("pk", flat=True))


def _task_list(task_list):
    from livelihood.models import Task

    # Project pages name the list of each task they carry out.
    linked = Task.projects.through._base_manager.filter(task__task_list_id=task_list.pk)
    return _project_pages(linked.values_list("project_id", flat=True))


RULES = {
    "projects.project": _project,
    "projects.progressupdate": lambda update: _project_pages([update.project_id]),
    "projects.photo": lambda photo: _project_pages([photo.project_id]),
    "projects.subdistrict": lambda row: {PLACES},
    "projects.department": lambda row: {PLACES},
    "livelihood.task": _task,
    "livelihood.tasklist": _task_list,
}


def has_rule(model):
    return model._meta.label_lower in RULES


def changed_by(row):
    """The tags of the pages `row` shows on, other than the pages depending on "content"."""
    rule = RULES.get(row._meta.label_lower)
    return rule(row) if rule else set()
