from django.db import DatabaseError, connection
from django.db.models import Count
from django.http import HttpResponse
from django.shortcuts import render
from django.views.generic import TemplateView

from projects.models import ProgressUpdate, Project, ProjectStatus
from projects.views import project_cards


class HomeView(TemplateView):
    template_name = "home.html"

    def get_context_data(self, **kwargs):
        projects = Project.objects.published()
        # COUNT(*) rather than COUNT(id): an index holding status and published_at can then
        # answer it alone, without reading the table.
        by_status = projects.top_level().values_list("status").annotate(n=Count("*"))
        counts = dict(by_status.order_by())
        featured = projects.top_level().order_by("-featured", "name").values_list("pk", "slug")
        featured_cards = project_cards(featured[:6])
        updates = (
            ProgressUpdate.objects.published()
            .select_related("project")
            .filter(project__in=projects)[:5]
        )
        return super().get_context_data(
            featured_cards=featured_cards,
            latest_updates=updates,
            status_counts=[(label, counts.get(value, 0)) for value, label in ProjectStatus.choices],
            project_total=sum(counts.values()),
            **kwargs,
        )


def healthz(request):
    """200 when the database answers, 503 when it does not: for load balancers."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        return HttpResponse("database unavailable\n", status=503, content_type="text/plain")
    return HttpResponse("ok\n", content_type="text/plain")


def csrf_failure(request, reason=""):
    """Django's own CSRF page is English with an inline style the CSP blocks; ours is neither."""
    return render(request, "403_csrf.html", status=403)
