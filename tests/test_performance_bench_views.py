"""The benchmark's reference views: the baseline, and the floors pages are measured against."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from jiulongpo import bench_urls
from jiulongpo import urls as site_urls
from tests.factories import PhotoFactory, ProgressUpdateFactory, ProjectFactory

# The site as the benchmark runs it (BENCH_VIEWS=1): its pages and the reference views.
urlpatterns = site_urls.urlpatterns + bench_urls.urlpatterns
pytestmark = [pytest.mark.django_db, pytest.mark.urls(__name__)]


def test_the_trivial_view_reads_nothing(client, django_assert_num_queries):
    with django_assert_num_queries(0):
        response = client.get("/bench/trivial")
    assert response.content == b"ok\n"


def test_the_one_query_floor_makes_a_single_round_trip(client, django_assert_num_queries):
    with django_assert_num_queries(1):
        response = client.get("/bench/one-query")
    assert response.content == b"1\n"


@pytest.fixture
def project():
    project = ProjectFactory(slug="with-data")
    ProgressUpdateFactory.create_batch(3, project=project)
    PhotoFactory(project=project)
    ProjectFactory(parent=project)
    return project


def statements(queries):
    # The statements up to their values: the clock differs between two requests.
    return [query["sql"].split(" WHERE ")[0] for query in queries]


def test_the_project_data_floor_reads_what_the_project_page_shows(client, project):
    response = client.get("/bench/project-data/with-data/")
    # phases, published updates, the project's own photos, livelihood tasks
    assert response.content == b"1 3 1 0\n"


def test_the_project_data_floor_runs_the_project_pages_queries(client, project):
    with CaptureQueriesContext(connection) as floor:
        client.get("/bench/project-data/with-data/")
    with CaptureQueriesContext(connection) as page:
        client.get("/projects/with-data/")
    assert statements(floor) == statements(page)[: len(floor)]


def test_the_project_data_floor_hides_what_residents_cannot_see(client):
    ProjectFactory(slug="a-draft", publication_state="draft")
    assert client.get("/bench/project-data/a-draft/").status_code == 404
