"""The benchmark's reference views, behind the site's full middleware (BENCH_VIEWS only).

trivial is the baseline every page is compared with. The two floors show what a page costs
before it renders anything: one database round trip, and the project page's own queries.
No page that reads those rows can be faster than its floor, whatever its templates do.
"""

from django.db import connection
from django.http import Http404, HttpResponse
from django.views.decorators.cache import never_cache

from projects.detail import public_project_with_timeline, public_tasks


def _text(body):
    return HttpResponse(body, content_type="text/plain")


@never_cache
def trivial(request):
    return _text("ok\n")


@never_cache
def one_query(request):
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        (value,) = cursor.fetchone()
    return _text(f"{value}\n")


@never_cache
def project_data(request, slug):
    """The project page's queries as its view runs them, and a line of counts instead of HTML."""
    project = public_project_with_timeline(slug)
    if project is None:
        raise Http404(slug)
    tasks = public_tasks(project)
    counts = (project.published_phases, project.published_updates, project.visible_photos, tasks)
    return _text(" ".join(str(len(items)) for items in counts) + "\n")
