"""A project's public page, fetched in a few plain queries.

Plain queries, because on this page the ORM's work in Python (building and compiling a
query) costs more than the database's: no per-row subqueries, and no query for a section
that a cheaper one shows to be empty (most projects have no phases and no livelihood task).
The page's usual queries are compiled once per process (jiulongpo.precompiled).
"""

from django.db.models import OuterRef, Subquery

from jiulongpo.precompiled import PrecompiledQuery
from livelihood.models import Task
from projects.models import Photo, ProgressUpdate, Project

# What the page reads of a phase and of an update; nothing else is loaded.
PHASE_FIELDS = ["name", "name_en", "slug", "status", "parent_id"]
TIMELINE_FIELDS = ["project_id", "date", "percent", "title", "body", "body_html"]


def _published_phases(parent):
    # Only own_progress of with_progress(): a phase's line shows nothing else of it.
    latest_percent = (
        ProgressUpdate.objects.published()
        .filter(project=OuterRef("pk"), percent__isnull=False)
        .order_by("-date", "-pk")
        .values("percent")[:1]
    )
    phases = Project.objects.published().filter(parent=parent).only(*PHASE_FIELDS)
    return phases.annotate(own_progress=Subquery(latest_percent)).order_by("name")


def _photos(project):
    # The project's own photos and those of its updates: each half uses its own index.
    own = Photo.objects.filter(project=project).order_by()
    updates = Photo.objects.filter(update__project=project).order_by()
    return own.union(updates).order_by("position", "pk")


public_project = PrecompiledQuery(
    Project, lambda slug: Project.objects.published().for_detail().filter(slug=slug), slug=str
)
_phases_of = PrecompiledQuery(Project, _published_phases, parent=int)
_updates_of = PrecompiledQuery(
    ProgressUpdate,
    lambda project: (
        ProgressUpdate.objects.filter(project=project)
        .order_by("-date", "-pk")
        .only(*TIMELINE_FIELDS, "publication_state", "published_at")
    ),
    project=int,
)
_photos_of = PrecompiledQuery(Photo, _photos, project=int)


def public_project_with_timeline(slug):
    """The project page's project with its phases, updates and photos; None when not public."""
    rows = public_project(slug=slug)
    return attach_timeline(attach_phases(rows[0])) if rows else None


def attach_phases(project):
    """The published phases with their progress, when for_detail() found some."""
    project.published_phases = []
    if project.has_published_phases:
        project.published_phases = _phases_of(parent=project.pk)
    return project


def attach_timeline(project):
    """The published updates, each with its photos, and the project's own photos, leaving
    out photos of an update residents cannot see yet: two queries (rarely three).

    Also sets own_progress and last_update_on from those updates, as with_progress()
    would, without its two subqueries.
    """
    updates = _updates_of(project=project.pk)
    published = {update.pk: update for update in updates if update.is_public}
    photos = _photos_of(project=project.pk)
    shown_updates = set(published)
    # The photo admin can hang a photo on another project's update: ask about those only.
    elsewhere = {photo.update_id for photo in photos} - {None} - {u.pk for u in updates}
    if elsewhere:
        others = ProgressUpdate.objects.published().filter(pk__in=elsewhere)
        shown_updates.update(others.values_list("pk", flat=True))
    for update in published.values():
        update.visible_photos = []
    project.visible_photos = []
    for photo in photos:
        if photo.update_id is not None and photo.update_id not in shown_updates:
            continue
        if photo.update_id in published:
            published[photo.update_id].visible_photos.append(photo)
        if photo.project_id == project.pk:
            project.visible_photos.append(photo)
    timeline = list(published.values())
    project.published_updates = timeline
    project.last_update_on = timeline[0].date if timeline else None
    project.own_progress = next((u.percent for u in timeline if u.percent is not None), None)
    return project


def public_tasks(project):
    """The published livelihood tasks the project carries out, with their year's list."""
    # for_detail() looked at the link table: the full query runs only for the few.
    if not project.has_task_links:
        return []
    tasks = Task.objects.public().filter(projects=project).select_related("task_list")
    return list(
        tasks.only(
            "number", "title", "title_en", "status", "task_list__year", "task_list__title"
        ).order_by("number")
    )
