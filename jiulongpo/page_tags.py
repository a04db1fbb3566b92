"""Which pages show what: the tags of a page, and the tags a changed row touches.

Each public detail page depends on its own tag, plus the place names (subdistricts and
departments) where it shows them, so an editor saving one thing leaves every unrelated
detail page cached:

- a project's page, its printable card and its card in lists (``project:<slug>``, places):
  the project, its parent and phases, its updates, the photos of the project, of its updates
  and of its cover, the livelihood tasks it carries out and their year's list;
- a park's page (``park:<slug>``, places): the park and its photos (one of them its cover);
- a figure's page (``indicator:<code>``): the indicator and its values;
- a livelihood task's page (``task:<year>/<number>``, places; its address, not its pk, since
  the tag is read from the path): the task, its year's list, its updates, and the projects
  it is carried out by with their status and latest progress;
- a year's task list (``tasklist:<year>``, places): the list, its tasks with their latest
  progress, and the years of every list (the year navigation).

Every other page (lists, home, search, feeds, the printable year report) depends on
"content", which any change at all bumps: correct by default, exact where a rule here says
which rows a page shows.

The rule for a row names every page the row shows on (jiulongpo/invalidation.py also applies
it to the row as it was before the save, for a row that moved, and to the rows at both ends
of a many-to-many link). A model that shows on one of these pages and has no rule naming it
would leave that page stale: tests/test_cache_exact_invalidation.py and
tests/test_cache_exact_invalidation_detail_pages.py render each page and check that every
model it reads has one.
"""

import re

from django.conf import settings
from django.db.models import Q

EVERYTHING = "everything"  # every page; bumped when a scheduled publication time comes
CONTENT = "content"  # bumped by every change; pages without a finer rule depend on it
PLACES = "places"  # subdistrict and department names, shown on detail pages

_LANGUAGE_PREFIX = "|".join(re.escape(code) for code, _name in settings.LANGUAGES)


def _page(pattern):
    return re.compile(rf"^(?:/(?:{_LANGUAGE_PREFIX}))?{pattern}$")


def project_page(slug):
    return f"project:{slug}"


def for_project(slug):
    """The tags of a project's page, and of its card in lists (which shows part of it)."""
    return frozenset({EVERYTHING, PLACES, project_page(slug)})


def park_page(slug):
    return f"park:{slug}"


def indicator_page(code):
    return f"indicator:{code}"


# The URLs take the year and number as <int:…>: /livelihood/02022/ is 2022's page, so the
# tags hold the numbers, not the text of the path.
def task_list_page(year):
    return f"tasklist:{int(year)}"


def task_page(year, number):
    return f"task:{int(year)}/{int(number)}"


# (path pattern, the tags of a page it matches, from the pattern's groups)
_PAGES = [
    (_page(r"/projects/([-\w]+)/(?:card/)?"), for_project),
    (_page(r"/parks/([-\w]+)/"), lambda slug: {PLACES, park_page(slug)}),
    (_page(r"/figures/([-\w]+)/"), lambda code: {indicator_page(code)}),
    (_page(r"/livelihood/([0-9]+)/"), lambda year: {PLACES, task_list_page(year)}),
    (
        _page(r"/livelihood/([0-9]+)/([0-9]+)/"),
        lambda year, number: {PLACES, task_page(year, number)},
    ),
]


def for_path(path):
    """The tags of the page at `path` (without the query string)."""
    for pattern, tags in _PAGES:
        found = pattern.match(path)
        if found:
            return frozenset({EVERYTHING, *tags(*found.groups())})
    return frozenset({EVERYTHING, CONTENT})


def _project_pages(project_ids):
    """The pages of these projects and of their parents."""
    return _pages_of_projects_where(Q(pk__in=[pk for pk in project_ids if pk is not None]))


def _pages_of_projects_where(condition):
    """The pages of the projects matching `condition` and of their parents: a parent's page
    lists its phases with their status and progress."""
    from projects.models import Project

    rows = Project._base_manager.filter(condition)
    return {
        project_page(slug)
        for own, parent in rows.values_list("slug", "parent__slug")
        for slug in (own, parent)
        if slug
    }


def _task_pages(tasks):
    """The pages of these tasks (a Task queryset)."""
    return {task_page(*row) for row in tasks.values_list("task_list__year", "number")}


def _pages_of_tasks_carried_out_by(project_ids):
    """A task's page lists the projects carrying it out, with their status and progress."""
    from livelihood.models import Task

    ids = [pk for pk in project_ids if pk is not None]
    return _task_pages(Task._base_manager.filter(projects__in=ids)) if ids else set()


def _project(project):
    from projects.models import Project

    # Its own page, its parent's (which lists it), its phases' (whose breadcrumbs name it)
    # and those of the tasks it carries out.
    phases = Project._base_manager.filter(parent_id=project.pk).values_list("slug", flat=True)
    return (
        _project_pages([project.parent_id])
        | {project_page(project.slug)}
        | {project_page(slug) for slug in (phases if project.pk else ())}
        | _pages_of_tasks_carried_out_by([project.pk])
    )


def _progress_update(update):
    # The latest percent is the project's progress: on its page, its parent's and its tasks'.
    return _project_pages([update.project_id]) | _pages_of_tasks_carried_out_by([update.project_id])


def _project_photo(photo):
    # Its project's gallery, the timeline of its update's project (an editor may hang it on
    # another project's update), and the pages and cards whose cover it is: deleting a cover
    # empties Project.cover_photo without a signal (SET_NULL), and a cover may be any photo.
    shown_by = Q(pk=photo.project_id)
    if photo.update_id is not None:
        shown_by |= Q(updates=photo.update_id)
    if photo.pk is not None:
        shown_by |= Q(cover_photo_id=photo.pk)
    return _pages_of_projects_where(shown_by)


def _task_and_list_pages(year, number):
    # A task shows on its page and, as a card, on its year's list.
    return {task_page(year, number), task_list_page(year)}


def _task(task):
    from livelihood.models import TaskList

    # The year is looked up rather than read from task.task_list: a fixture may load a task
    # before its list (raw saves), and the rule must not fail then.
    years = TaskList._base_manager.filter(pk=task.task_list_id).values_list("year", flat=True)
    pages = {page for year in years for page in _task_and_list_pages(year, task.number)}
    if task.pk is not None:
        # Project pages name the tasks they carry out.
        pages |= _project_pages(task.projects.values_list("pk", flat=True))
    return pages


def _task_update(update):
    from livelihood.models import Task

    # The latest percent is the task's progress, on its page and on its card.
    tasks = Task._base_manager.filter(pk=update.task_id)
    return {
        page
        for year, number in tasks.values_list("task_list__year", "number")
        for page in _task_and_list_pages(year, number)
    }


def _task_list(task_list):
    from livelihood.models import Task, TaskList

    # Every year's list names the years of all lists (the year navigation); each of its
    # tasks' pages names it (and moves with its year); project pages name the list of each
    # task they carry out.
    years = TaskList._base_manager.values_list("year", flat=True)
    numbers = Task._base_manager.filter(task_list_id=task_list.pk).values_list("number", flat=True)
    linked = Task.projects.through._base_manager.filter(task__task_list_id=task_list.pk)
    return (
        {task_list_page(year) for year in (*years, task_list.year)}
        | {task_page(task_list.year, number) for number in numbers}
        | _project_pages(linked.values_list("project_id", flat=True))
    )


def _park_photo(photo):
    from livelihood.models import Park

    # Its park's gallery, and the page whose cover it is (og:image): deleting a cover photo
    # empties Park.cover_photo without a signal (SET_NULL), and an editor may pick another
    # park's photo as a cover.
    shown_by = Q(pk=photo.park_id)
    if photo.pk is not None:
        shown_by |= Q(cover_photo_id=photo.pk)
    slugs = Park._base_manager.filter(shown_by).values_list("slug", flat=True)
    return {park_page(slug) for slug in slugs}


def _indicator_value(value):
    from livelihood.models import Indicator

    codes = Indicator._base_manager.filter(pk=value.indicator_id).values_list("code", flat=True)
    return {indicator_page(code) for code in codes}


RULES = {
    "projects.project": _project,
    "projects.progressupdate": _progress_update,
    "projects.photo": _project_photo,
    "projects.subdistrict": lambda row: {PLACES},
    "projects.department": lambda row: {PLACES},
    "livelihood.task": _task,
    "livelihood.taskupdate": _task_update,
    "livelihood.tasklist": _task_list,
    "livelihood.park": lambda park: {park_page(park.slug)} if park.slug else set(),
    "livelihood.parkphoto": _park_photo,
    "livelihood.indicator": lambda indicator: {indicator_page(indicator.code)},
    "livelihood.indicatorvalue": _indicator_value,
}


def has_rule(model):
    return model._meta.label_lower in RULES


def changed_by(row):
    """The tags of the pages `row` shows on, other than the pages depending on "content"."""
    rule = RULES.get(row._meta.label_lower)
    return rule(row) if rule else set()
