from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.conf.urls.static import static
from django.contrib import admin
from django.contrib.admin.views.decorators import staff_member_required
from django.urls import include, path
from markdownx.views import ImageUploadView, MarkdownifyView

from jiulongpo import views
from jiulongpo.reports.views import ProjectCardView, YearReportView  # issue 4: printing

admin.site.site_header = "九龙坡区信息网 · 后台管理"
admin.site.site_title = "九龙坡区信息网后台"
admin.site.index_title = "内容管理"

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
    path("i18n/", include("django.conf.urls.i18n")),
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

if settings.DEBUG:
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Benchmark baseline (issue 7): only when BENCH_VIEWS is set, never in production.
if settings.BENCH_VIEWS:
    from jiulongpo import bench_views

    urlpatterns += [path("bench/trivial", bench_views.trivial, name="bench-trivial")]
