import re

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.conf.urls.static import static
from django.contrib import admin
from django.contrib.admin.views.decorators import staff_member_required
from django.contrib.sitemaps import views as sitemap_views
from django.urls import include, path, re_path
from django.utils.translation import gettext_lazy as _
from django.views.decorators.csrf import csrf_exempt
from django.views.i18n import set_language
from markdownx.views import ImageUploadView, MarkdownifyView

from jiulongpo import views
from jiulongpo.elder import toggle_elder_mode
from jiulongpo.feeds import ProjectUpdatesFeed, UpdatesFeed
from jiulongpo.reports.views import ProjectCardView, YearReportView  # issue 4: printing
from jiulongpo.search.views import SearchView
from jiulongpo.security import serve_media
from jiulongpo.sitemaps import SITEMAPS, robots_txt

admin.site.site_header = _("九龙坡区信息网 · 后台管理")
admin.site.site_title = _("九龙坡区信息网后台")
admin.site.index_title = _("内容管理")

# django-markdownx's endpoints are open to anyone by default; here they are for staff only.
markdownx_patterns = [
    path("upload/", staff_member_required(ImageUploadView.as_view()), name="markdownx_upload"),
    path(
        "markdownify/",
        staff_member_required(MarkdownifyView.as_view()),
        name="markdownx_markdownify",
    ),
]

urlpatterns = [
    path("healthz", views.healthz, name="healthz"),
    path("markdownx/", include(markdownx_patterns)),
    # No CSRF token on the language switch (issue 7): public pages then carry nothing
    # per-visitor and can be cached whole; a forged switch only changes a display preference.
    path("i18n/setlang/", csrf_exempt(set_language), name="set_language"),
    path(settings.ADMIN_PATH, admin.site.urls),
]

urlpatterns += i18n_patterns(
    path("", views.HomeView.as_view(), name="home"),
    path("projects/", include("projects.urls")),
    # Livelihood tasks, parks and figures (issue 3).
    path("livelihood/", include("livelihood.urls.tasks")),
    path("parks/", include("livelihood.urls.parks")),
    path("figures/", include("livelihood.urls.figures")),
    # Open data (issue 4): catalogue and CSV/XLSX/JSON downloads.
    path("data/", include("jiulongpo.opendata.urls")),
    path("projects/<slug:slug>/card/", ProjectCardView.as_view(), name="project_card"),
    path("livelihood/<int:year>/report/", YearReportView.as_view(), name="year_report"),
    prefix_default_language=False,
)

# Search, elder mode, feeds, sitemap and robots.txt (issue 6: find and read it).
feed_patterns = (
    [
        path("updates/", UpdatesFeed(), name="updates"),
        path("projects/<slug:slug>/", ProjectUpdatesFeed(), name="project"),
    ],
    "feeds",
)
urlpatterns += [
    path("robots.txt", robots_txt, name="robots_txt"),
    path("sitemap.xml", sitemap_views.sitemap, {"sitemaps": SITEMAPS}, name="sitemap"),
    path("feeds/", include(feed_patterns)),
    path("elder-mode/", toggle_elder_mode, name="elder_mode"),
]
urlpatterns += i18n_patterns(
    path("search/", SearchView.as_view(), name="search"),
    prefix_default_language=False,
)

if settings.DEBUG and not settings.SERVE_MEDIA:
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# issue 5: uploaded media with safe headers (nosniff; anything not an image downloads).
if settings.SERVE_MEDIA:
    urlpatterns += [
        re_path(rf"^{re.escape(settings.MEDIA_URL.lstrip('/'))}(?P<path>.*)$", serve_media)
    ]

# Benchmark baseline and floors (issue 7): only when BENCH_VIEWS is set, never in production.
if settings.BENCH_VIEWS:
    urlpatterns += [path("", include("jiulongpo.bench_urls"))]
