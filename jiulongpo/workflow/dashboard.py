"""The editors' dashboard on the admin index: what needs someone's attention now."""

from datetime import date, timedelta

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from jiulongpo.models import PendingRevision
from jiulongpo.publishing import PublicationState
from jiulongpo.workflow.scope import DEPARTMENT_PATHS, is_workflow_model, scope_queryset

STALE_AFTER_DAYS = 60
LIMIT = 20


def admin_url(obj):
    opts = obj._meta
    try:
        return reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk])
    except NoReverseMatch:
        return ""


def _entry(obj, note=""):
    return (f"{obj._meta.verbose_name}：{obj}", admin_url(obj), note)


def _rows_and_revisions(user, row_filter, revision_filter):
    entries = []
    for model in [m for m in DEPARTMENT_PATHS if is_workflow_model(m)]:
        queryset = scope_queryset(model._default_manager.all(), user)
        entries += [
            _entry(obj, getattr(obj, "review_note", ""))
            for obj in queryset.filter(row_filter).order_by("-pk")[:LIMIT]
        ]
        content_type = ContentType.objects.get_for_model(model)
        revisions = PendingRevision.objects.filter(revision_filter, content_type=content_type)
        ids = dict(revisions.values_list("object_id", "review_note")[:LIMIT])
        entries += [
            _entry(obj, ids[obj.pk] or _("已发布内容的修改")) for obj in queryset.filter(pk__in=ids)
        ]
    return entries[:LIMIT]


def awaiting_review(user):
    return _rows_and_revisions(
        user,
        Q(publication_state=PublicationState.REVIEW),
        Q(state=PublicationState.REVIEW),
    )


def sent_back(user):
    return _rows_and_revisions(
        user,
        Q(publication_state=PublicationState.DRAFT) & ~Q(review_note=""),
        Q(state=PublicationState.DRAFT) & ~Q(review_note=""),
    )


def stale_projects(user):
    """Published projects with neither an edit nor a progress update for 60 days or more."""
    Project = apps.get_model("projects", "Project")
    cutoff = timezone.now() - timedelta(days=STALE_AFTER_DAYS)
    projects = (
        scope_queryset(Project.objects.published(), user)
        .with_progress()
        .filter(updated_at__lt=cutoff)
        .filter(Q(last_update_on__isnull=True) | Q(last_update_on__lt=cutoff.date()))
        .order_by("updated_at")[:LIMIT]
    )
    return [_entry(p, _("最后更新：%(day)s") % {"day": p.last_updated or "—"}) for p in projects]


def _year_elapsed_percent(year, today):
    start, end = date(year, 1, 1), date(year, 12, 31)
    if today > end:
        return 100
    return max(0, round((today - start).days / (end - start).days * 100))


def tasks_behind_schedule(user):
    """This year's tasks marked 滞后, or whose progress trails the share of the year gone by."""
    Task = apps.get_model("livelihood", "Task")
    today = timezone.localdate()
    elapsed = _year_elapsed_percent(today.year, today)
    tasks = (
        scope_queryset(Task.objects.all(), user)
        .filter(task_list__year=today.year)
        .exclude(status="completed")
        .select_related("task_list", "department")
        .with_progress()
        .order_by("number")
    )
    behind = []
    for task in tasks:
        progress = task.progress
        if task.status == "delayed" or (progress is not None and progress < elapsed):
            note = _("进度 %(done)s%%，全年已过 %(elapsed)s%%；状态：%(status)s") % {
                "done": "—" if progress is None else progress,
                "elapsed": elapsed,
                "status": task.get_status_display() or "—",
            }
            behind.append(_entry(task, note))
    return behind[:LIMIT]


def dashboard(user):
    sections = [
        (_("等待审核"), awaiting_review(user)),
        (_("被退回修改"), sent_back(user)),
        (_("60 天以上没有更新的项目"), stale_projects(user)),
        (_("进度落后的本年度民生实事"), tasks_behind_schedule(user)),
    ]
    return sections
