from django.db.models import OuterRef, Prefetch, Subquery
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.generic import DetailView, TemplateView

from jiulongpo.reports.charts import HEIGHT, WIDTH, bar_chart
from livelihood.models import Indicator, TaskList, TaskUpdate
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
        latest = (
            TaskUpdate.objects.published()
            .filter(task=OuterRef("pk"), percent__isnull=False)
            .order_by("-date", "-pk")
        )
        tasks = (
            task_list.tasks.published()
            .select_related("department")
            .annotate(latest_percent=Subquery(latest.values("percent")[:1]))
            .order_by("kind", "number")
        )
        return super().get_context_data(
            year=year,
            task_list=task_list,
            tasks=[describe_task(task) for task in tasks],
            figures=key_figures(year),
            chart_width=WIDTH,
            chart_height=HEIGHT,
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


def format_value(value):
    if value.value is None:
        return value.value_text
    return cn_quantity(value.value, value.indicator.unit, value.qualifier)


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
                    "text": format_value(this_year[-1]),
                    "bars": bar_chart(values, format_value),
                }
            )
    return figures
