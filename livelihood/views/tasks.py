from django.http import Http404
from django.utils.translation import gettext as _
from django.views.generic import DetailView, RedirectView

from livelihood import task_pages
from livelihood.models import TaskList


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
        task_list, self.years = task_pages.year_page(self.kwargs["year"])
        if task_list is None:
            raise Http404(_("这一年没有公布民生实事清单。"))
        return task_list

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            **task_pages.year_context(self.object, self.years),
            task_url=task_pages.url_format("livelihood:task", "year", "number"),
            **kwargs,
        )


class TaskDetailView(DetailView):
    template_name = "livelihood/task_detail.html"
    context_object_name = "task"

    def get_object(self, queryset=None):
        task = task_pages.public_task(self.kwargs["year"], self.kwargs["number"])
        if task is None:
            raise Http404(_("没有这件民生实事。"))
        return task
