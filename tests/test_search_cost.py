"""The search page counts matches once and reads them through the GIN index."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.factories import ProjectFactory
from tests.factories_livelihood import ParkFactory

pytestmark = pytest.mark.django_db


def search(client, q, **params):
    return client.get(reverse("search"), {"q": q, **params})


def test_the_matches_are_counted_in_one_query(client):
    ProjectFactory(name="桂花园片区")
    ParkFactory(name="桂花公园")
    with CaptureQueriesContext(connection) as queries:
        search(client, "桂花")
    counting = [q["sql"] for q in queries if "COUNT(" in q["sql"].upper()]
    assert len(counting) == 1


def test_pages_of_one_type_count_only_that_type(client):
    for n in range(25):
        ProjectFactory(name=f"桂花小区{n}")
    ParkFactory(name="桂花公园")
    response = search(client, "桂花", type="project", page=2)
    assert response.context["paginator"].count == 25
    assert len(response.context["hits"]) == 5
    assert response.context["result"].total == 26


def test_every_match_is_reachable_across_pages(client):
    for n in range(23):
        ProjectFactory(name=f"桂花小区{n}")
    titles = {h.title for page in (1, 2) for h in search(client, "桂花", page=page).context["hits"]}
    assert len(titles) == 23


@pytest.mark.skipif(connection.vendor != "postgresql", reason="GIN is PostgreSQL's")
def test_the_search_index_keeps_no_pending_list():
    # With fastupdate on, unvacuumed new documents are read in full by every search and the
    # planner turns to a sequential scan over every tsvector.
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT reloptions FROM pg_class WHERE relname = 'search_document_vector_gin'"
        )
        assert "fastupdate=off" in cursor.fetchone()[0]


@pytest.mark.skipif(connection.vendor != "postgresql", reason="EXPLAIN plans are PostgreSQL's")
def test_a_word_is_looked_up_in_the_gin_index():
    from jiulongpo.search.backends import matching
    from jiulongpo.search.models import SearchDocument

    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
    plan = matching(SearchDocument.objects.live(), ["桂花"]).explain()
    assert "search_document_vector_gin" in plan
