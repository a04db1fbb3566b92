from django.db.models import Prefetch
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.generic import DetailView, TemplateView

from jiulongpo.publishing import SOURCE_REPORT
from livelihood.charts import bar_chart
from livelihood.models import Indicator, TaskKind, TaskList
from livelihood.numbers import cn_quantity
from projects.models import ProgressUpdate, Project

CARD_UPDATES = 5


class ProjectCardView(DetailView):
    """One A4 page per project: its facts, progress and latest updates, for a meeting file."""

    template_name = "reports/project_card.html"
    context_object_name = "project"

    def get_queryset(self):
        updates = ProgressUpdate.objects.published().order_by("-date", "-pk")
        return (
            Project.objects.published()
            .for_listing()
            .select_related("parent")
            .prefetch_related(Prefetch("updates", queryset=updates, to_attr="published_updates"))
        )

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            updates=self.object.published_updates[:CARD_UPDATES],
            as_of=timezone.localtime(),
            **kwargs,
        )


class YearReportView(TemplateView):
    """A year's livelihood tasks and key figures, laid out to print on A4."""

    template_name = "reports/year_report.html"

    def get_context_data(self, year, **kwargs):
        task_list = TaskList.objects.published().for_year(year).first()
        if task_list is None:
            raise Http404(_("这一年还没有公布民生实事清单。"))
        tasks = [describe_task(task) for task in task_list.tasks.for_listing()]
        return super().get_context_data(
            year=year,
            task_list=task_list,
            tasks=tasks,
            task_groups=[
                (label, [t for t in tasks if t["task"].kind == kind])
                for kind, label in TaskKind.choices
                if any(t["task"].kind == kind for t in tasks)
            ],
            figures=key_figures(year),
            source=SOURCE_REPORT,
            as_of=timezone.localtime(),
            **kwargs,
        )


def describe_task(task):
    if task.target_value is not None:
        target = cn_quantity(task.target_value, task.unit, task.target_qualifier)
    else:
        target = task.target_text
    achieved = cn_quantity(task.achieved_value, task.unit) if task.achieved_value else ""
    return {"task": task, "target": target, "achieved": achieved, "progress": task.progress}


def key_figures(year):
    """Indicators with a published value for the year, each with its chart over the years."""
    figures = []
    for indicator in Indicator.objects.with_published_values():
        values = indicator.published_values
        for value in values:
            value.indicator = indicator  # already fetched; spares a query per value
        this_year = [v for v in values if v.year == year]
        if this_year:
            figures.append(
                {
                    "indicator": indicator,
                    "value": this_year[-1],
                    "chart": bar_chart(indicator, values) if len(values) > 1 else None,
                }
            )
    return figures
