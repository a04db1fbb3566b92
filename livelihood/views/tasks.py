from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.views.generic import DetailView, RedirectView

from livelihood.models import Sector, Task, TaskKind, TaskList, TaskStatus, TaskUpdate
from projects.models import Project


def by_sector(tasks):
    """[(sector label, [tasks])] in the sectors' own order, empty sectors left out."""
    groups = {value: [] for value in Sector.values}
    for task in tasks:
        groups.setdefault(task.sector, []).append(task)
    labels = dict(Sector.choices)
    return [(labels.get(sector, sector), items) for sector, items in groups.items() if items]


class LatestYearRedirectView(RedirectView):
    permanent = False

    def get_redirect_url(self, *args, **kwargs):
        year = TaskList.objects.published().latest_year()
        if year is None:
            raise Http404("No published task list")
        return TaskList(year=year).get_absolute_url()


class TaskListYearView(DetailView):
    template_name = "livelihood/tasklist_detail.html"
    context_object_name = "task_list"

    def get_object(self, queryset=None):
        queryset = TaskList.objects.published().prefetch_related(
            Prefetch("tasks", queryset=Task.objects.for_listing(), to_attr="published_tasks")
        )
        return get_object_or_404(queryset, year=self.kwargs["year"])

    def get_context_data(self, **kwargs):
        tasks = self.object.published_tasks
        listed = [t for t in tasks if t.kind == TaskKind.LISTED]
        commitments = [t for t in tasks if t.kind == TaskKind.COMMITMENT]
        return super().get_context_data(
            listed_groups=by_sector(listed),
            commitment_groups=by_sector(commitments),
            listed_count=len(listed),
            listed_completed=sum(t.status == TaskStatus.COMPLETED for t in listed),
            commitment_count=len(commitments),
            years=TaskList.objects.published().values_list("year", flat=True),
            **kwargs,
        )


class TaskDetailView(DetailView):
    template_name = "livelihood/task_detail.html"
    context_object_name = "task"

    def get_object(self, queryset=None):
        queryset = (
            Task.objects.for_listing()
            .filter(task_list__in=TaskList.objects.published())
            .select_related("task_list")
            .prefetch_related(
                Prefetch(
                    "updates", queryset=TaskUpdate.objects.published(), to_attr="published_updates"
                ),
                Prefetch(
                    "projects",
                    queryset=Project.objects.published().with_progress().order_by("name"),
                    to_attr="published_projects",
                ),
            )
        )
        return get_object_or_404(
            queryset, task_list__year=self.kwargs["year"], number=self.kwargs["number"]
        )
