"""Every public page runs the same few queries whether the district has 13 projects or 43."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.factories_performance import build_projects

pytestmark = pytest.mark.django_db

MAX_QUERIES = 10


def queries_for(client, url):
    client.get(url)  # warm up one-off look-ups (content types, the generation)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured)


def counts_small_and_large(client, url_for):
    small = build_projects(13, photos=1)
    few = queries_for(client, url_for(small[0]))
    build_projects(30)
    many = queries_for(client, url_for(small[0]))
    return few, many


@pytest.mark.parametrize(
    "url_for",
    [
        pytest.param(lambda project: reverse("home"), id="home"),
        pytest.param(lambda project: reverse("projects:list"), id="project-list"),
        pytest.param(
            lambda project: (
                reverse("projects:list")
                + f"?kind=compound&status=construction&subdistrict={project.subdistrict.slug}"
            ),
            id="filtered-project-list",
        ),
        pytest.param(lambda project: reverse("projects:list") + "?page=2", id="project-list-p2"),
        pytest.param(lambda project: project.get_absolute_url(), id="project-page"),
    ],
)
def test_a_public_page_runs_the_same_few_queries_at_any_size(client, url_for):
    few, many = counts_small_and_large(client, url_for)
    assert few == many
    assert many <= MAX_QUERIES
