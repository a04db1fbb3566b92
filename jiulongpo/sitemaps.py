"""/sitemap.xml (both languages, with hreflang alternates) and /robots.txt."""

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.http import HttpResponse
from django.urls import reverse
from django.views.decorators.http import require_GET

from projects.models import Project


class LocalizedSitemap(Sitemap):
    i18n = True
    alternates = True
    x_default = True


class PagesSitemap(LocalizedSitemap):
    changefreq = "daily"
    priority = 0.8

    def items(self):
        return ["home", "projects:list"]

    def location(self, name):
        return reverse(name)


class ProjectSitemap(LocalizedSitemap):
    changefreq = "weekly"
    priority = 0.6

    def items(self):
        return Project.objects.published().only("slug", "updated_at").order_by("pk")

    def lastmod(self, project):
        return project.updated_at


SITEMAPS = {"pages": PagesSitemap, "projects": ProjectSitemap}


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
