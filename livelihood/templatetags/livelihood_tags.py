from django import template

from livelihood import numbers
from livelihood.models import Indicator, Task, TaskKind, TaskList, TaskStatus

register = template.Library()


@register.filter
def cn_number(value):
    """5059万, 1.6万, 1434: for pages."""
    return numbers.cn_number(value)


@register.filter
def full_number(value):
    """50,590,000: every digit, for tables."""
    return numbers.full_number(value)


@register.inclusion_tag("livelihood/home_section.html")
def livelihood_home():
    """The home page's view of this year's tasks and the headline figures."""
    task_list = TaskList.objects.published().first()
    tasks = []
    if task_list:
        tasks = list(Task.objects.for_listing().filter(task_list=task_list, kind=TaskKind.LISTED))
    return {
        "task_list": task_list,
        "tasks": tasks,
        "completed": sum(t.status == TaskStatus.COMPLETED for t in tasks),
        "headline_figures": Indicator.objects.headline().with_published_values(),
    }


@register.inclusion_tag("livelihood/project_tasks.html")
def tasks_for_project(project):
    """The published livelihood tasks a renewal project carries out, for its page."""
    tasks = Task.objects.for_listing().filter(
        projects=project, task_list__in=TaskList.objects.published()
    )
    return {"tasks": list(tasks)}
