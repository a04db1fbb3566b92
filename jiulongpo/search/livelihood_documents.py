"""Search documents for the livelihood app: tasks and their yearly lists, parks, indicators."""

from django.db.models import Prefetch
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from jiulongpo.search.documents import published_since
from jiulongpo.search.registry import markdown_text, named_document, register
from livelihood.models import Indicator, IndicatorValue, Park, Task, TaskList, TaskUpdate
from projects.models import Department, Subdistrict


def task_document(task):
    task_since, list_since = published_since(task), published_since(task.task_list)
    if task_since is None or list_since is None:
        return None
    updates = getattr(task, "published_updates", None)
    if updates is None:
        updates = task.updates.published()
    keywords = [
        task.task_list.title,
        task.get_sector_display(),
        task.get_status_display(),
        str(task.target_display or ""),
        task.department.name if task.department_id else "",
    ]
    body = " ".join(f"{u.title} {markdown_text(u.body)}" for u in updates)
    return named_document(task, max(task_since, list_since), body, keywords, title_field="title")


def tasks_to_index():
    return Task.objects.select_related("task_list", "department").prefetch_related(
        Prefetch("updates", queryset=TaskUpdate.objects.published(), to_attr="published_updates")
    )


def task_list_document(task_list):
    published_at = published_since(task_list)
    if published_at is None:
        return None
    keywords = [str(task_list.year), "民生实事"]
    return named_document(task_list, published_at, keywords=keywords, title_field="title")


def park_document(park):
    published_at = published_since(park)
    if published_at is None:
        return None
    keywords = [park.get_kind_display(), park.get_status_display(), park.facilities, park.address]
    if park.subdistrict_id:
        keywords.append(park.subdistrict.name)
    return named_document(park, published_at, markdown_text(park.body), keywords)


# Indicators have no publication state of their own: the figures pages show them all.
INDICATORS_ALWAYS_PUBLIC = timezone.make_aware(timezone.datetime(2000, 1, 1))


def indicator_document(indicator):
    keywords = [indicator.get_category_display(), indicator.unit, indicator.code]
    return named_document(
        indicator,
        INDICATORS_ALWAYS_PUBLIC,
        indicator.target_note,
        keywords,
        summary=indicator.definition,
    )


def register_livelihood():
    register(
        "task",
        _("民生实事"),
        Task,
        task_document,
        queryset=tasks_to_index,
        follows={
            TaskUpdate: lambda update: [update.task],
            TaskList: lambda task_list: task_list.tasks.all(),
            Department: lambda department: department.livelihood_tasks.all(),
        },
    )
    register("tasklist", _("年度清单"), TaskList, task_list_document)
    register(
        "park",
        _("公园"),
        Park,
        park_document,
        queryset=lambda: Park.objects.select_related("subdistrict"),
        follows={Subdistrict: lambda place: place.parks.all()},
    )
    register(
        "indicator",
        _("统计指标"),
        Indicator,
        indicator_document,
        follows={IndicatorValue: lambda value: [value.indicator]},
    )
