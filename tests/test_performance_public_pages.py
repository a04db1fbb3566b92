"""Every public page runs the same few queries with the synthetic set at two sizes."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from projects.models import Project

pytestmark = pytest.mark.django_db

MAX_QUERIES = 10


def seed(projects):
    call_command("seed_synthetic", projects=projects, stdout=StringIO())


def a_project_page():
    return Project.objects.published().filter(parent__isnull=True).first().get_absolute_url()


PAGES = {
    "home": lambda: "/",
    "project list": lambda: "/projects/?kind=compound",
    "project page": a_project_page,
    "parks": lambda: "/parks/",
    "park page": lambda: "/parks/synthetic-park-0001/",
    "figures": lambda: "/figures/",
    "figure page": lambda: "/figures/syn-0001/",
    "task list": lambda: "/livelihood/1995/",
    "task page": lambda: "/livelihood/1995/1/",
    "search": lambda: "/search/?q=%E6%A1%82%E8%8A%B1",
}


def queries_for(client, path):
    assert client.get(path).status_code == 200
    with CaptureQueriesContext(connection) as captured:
        client.get(path)
    return len(captured)


@pytest.mark.parametrize("page", PAGES)
def test_a_public_page_runs_no_more_queries_at_three_times_the_data(client, page):
    seed(20)
    few = queries_for(client, PAGES[page]())
    seed(60)
    many = queries_for(client, PAGES[page]())
    assert many == few
    assert many <= MAX_QUERIES
