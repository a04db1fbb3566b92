"""/sitemap.xml (both languages, with hreflang alternates) and /robots.txt."""

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.http import HttpResponse
from django.urls import reverse
from django.views.decorators.http import require_GET

from livelihood.models import Indicator, Park, Task, TaskList
from projects.models import Project


class LocalizedSitemap(Sitemap):
    i18n = True
    alternates = True
    x_default = True


class PagesSitemap(LocalizedSitemap):
    changefreq = "daily"
    priority = 0.8

    def items(self):
        return ["home", "projects:list", "parks:list", "figures:list"]

    def location(self, name):
        return reverse(name)


class ProjectSitemap(LocalizedSitemap):
    changefreq = "weekly"
    priority = 0.6

    def items(self):
        return Project.objects.published().only("slug", "updated_at").order_by("pk")

    def lastmod(self, project):
        return project.updated_at


class TaskListSitemap(LocalizedSitemap):
    changefreq = "weekly"

    def items(self):
        return TaskList.objects.published().order_by("-year")


class TaskSitemap(LocalizedSitemap):
    changefreq = "weekly"

    def items(self):
        return (
            Task.objects.published()
            .filter(task_list__in=TaskList.objects.published())
            .select_related("task_list")
            .order_by("pk")
        )

    def lastmod(self, task):
        return task.updated_at


class ParkSitemap(LocalizedSitemap):
    changefreq = "monthly"

    def items(self):
        return Park.objects.published().only("slug").order_by("pk")


class IndicatorSitemap(LocalizedSitemap):
    changefreq = "monthly"

    def items(self):
        return Indicator.objects.only("code").order_by("pk")


SITEMAPS = {
    "pages": PagesSitemap,
    "projects": ProjectSitemap,
    "tasks": TaskListSitemap,
    "task": TaskSitemap,
    "parks": ParkSitemap,
    "figures": IndicatorSitemap,
}


@require_GET
def robots_txt(request):
    lines = [
        "User-agent: *",
        f"Disallow: /{settings.ADMIN_PATH}",
        "Disallow: /search/",
        "Disallow: /en/search/",
        "Disallow: /elder-mode/",
        "Disallow: /i18n/",
        f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}",
        "",
    ]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")
