"""What a year's task list and a task's page read: queries compiled once per process.

Building and compiling the ORM queries (a prefetch, a select_related, two Prefetch objects
and their subqueries) cost a task's page most of its time, far more than PostgreSQL took to
answer them. Each query here is compiled once (jiulongpo.precompiled); what prefetch_related
attached is attached in Python, from a second query keyed by the parent's id.
"""

from django.db.models import Exists, OuterRef

from jiulongpo.mapdata import url_format
from jiulongpo.precompiled import PrecompiledQuery
from livelihood.models import Sector, Task, TaskKind, TaskList, TaskStatus, TaskUpdate
from projects.models import Project

# Every published list, newest first: the year's own list and the other years' links in one
# query (a list a year, so a few dozen rows at most).
_published_task_lists = PrecompiledQuery(
    TaskList, lambda: TaskList.objects.published().order_by("-year")
)

# What a card (livelihood/templatetags/task_list_tags.py) shows, and no more: the body, source and
# dates left out took a quarter of the query's time to turn into Python.
CARD_FIELDS = (
    "task_list_id",
    "number",
    "kind",
    "sector",
    "title",
    "title_en",
    "status",
    "department__name",
    "summary",
    "target_value",
    "target_qualifier",
    "target_text",
    "achieved_value",
    "unit",
)

_published_tasks_of = PrecompiledQuery(
    Task,
    lambda task_list: (
        Task.objects.published()
        .filter(task_list=task_list)
        .select_related("department")
        .only(*CARD_FIELDS)
        .with_progress()
        .order_by("number")
    ),
    task_list=int,
)


# A task's page: the task with its list and department, and whether it has anything to show
# in its two lists, so that a task without linked projects or updates (most) asks no more.
_public_task = PrecompiledQuery(
    Task,
    lambda year, number: (
        Task.objects.public()
        .filter(task_list__year=year, number=number)
        .select_related("department", "task_list")
        .annotate(
            has_project_links=Exists(Task.projects.through.objects.filter(task=OuterRef("pk"))),
            has_published_updates=Exists(
                TaskUpdate.objects.published().filter(task=OuterRef("pk"))
            ),
        )
    ),
    year=int,
    number=int,
)

_published_updates_of = PrecompiledQuery(
    TaskUpdate,
    lambda task: TaskUpdate.objects.published().filter(task=task).order_by("-date", "-pk"),
    task=int,
)

_published_projects_of = PrecompiledQuery(
    Project,
    lambda task: (
        Project.objects.published()
        .filter(livelihood_tasks=task)
        .with_progress()
        .only("slug", "name", "name_en", "status")
        .order_by("name")
    ),
    task=int,
)


def year_page(year):
    """(the year's published list with its published tasks, every published year), or
    (None, years) when the year has no published list."""
    task_lists = _published_task_lists()
    years = [task_list.year for task_list in task_lists]
    task_list = next((t for t in task_lists if t.year == year), None)
    if task_list is not None:
        task_list.published_tasks = _published_tasks_of(task_list=task_list.pk)
        for task in task_list.published_tasks:
            task.task_list = task_list  # as select_related() would link them
    return task_list, years


def public_task(year, number):
    """The published task `number` of a published year's list, with its published updates
    (newest first) and published projects (by name), or None."""
    rows = _public_task(year=year, number=number)
    if not rows:
        return None
    task = rows[0]
    updates = _published_updates_of(task=task.pk) if task.has_published_updates else []
    for update in updates:
        update.task = task
    task.published_updates = updates
    # What with_progress() annotates, read from the updates already here.
    task.latest_percent = next((u.percent for u in updates if u.percent is not None), None)
    task.published_projects = _published_projects_of(task=task.pk) if task.has_project_links else []
    return task


def by_sector(tasks):
    """[(sector label, [tasks])] in the sectors' own order, empty sectors left out."""
    groups = {value: [] for value in Sector.values}
    for task in tasks:
        groups.setdefault(task.sector, []).append(task)
    labels = dict(Sector.choices)
    return [(labels.get(sector, sector), items) for sector, items in groups.items() if items]


def year_context(task_list, years):
    tasks = task_list.published_tasks
    listed = [t for t in tasks if t.kind == TaskKind.LISTED]
    commitments = [t for t in tasks if t.kind == TaskKind.COMMITMENT]
    year_url = url_format("livelihood:year", "year")
    return {
        "listed_groups": by_sector(listed),
        "commitment_groups": by_sector(commitments),
        "listed_count": len(listed),
        "listed_completed": sum(t.status == TaskStatus.COMPLETED for t in listed),
        "commitment_count": len(commitments),
        "year_links": [(y, year_url.format(year=y)) for y in years],
    }
