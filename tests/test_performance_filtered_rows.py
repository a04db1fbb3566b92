"""The project list's rows, from queries compiled once per filter shape, are the ORM's rows."""

import re
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from jiulongpo.filtered_rows import FilteredRows
from jiulongpo.publishing import PublicationState
from projects.filters import ProjectFilter
from projects.models import Project
from projects.views import project_rows
from tests.factories import ProjectFactory, SubdistrictFactory

pytestmark = pytest.mark.django_db

SHAPES = [
    {},
    {"kind": "compound"},
    {"status": "construction"},
    {"kind": "compound", "status": "construction"},
    {"subdistrict": "xiejiawan"},
    {"kind": "area", "subdistrict": "xiejiawan", "status": "completed"},
    {"q": "立交"},  # the keyword box: left to the ORM
    {"status": "no-such-status", "kind": "compound"},  # an invalid value is dropped
]


@pytest.fixture
def projects():
    here = SubdistrictFactory(slug="xiejiawan")
    elsewhere = SubdistrictFactory()
    made = []
    for n in range(30):
        made.append(
            ProjectFactory(
                name=f"项目{n:02d}{'立交' if n % 5 == 0 else ''}",
                kind=["compound", "area", "street"][n % 3],
                status=["construction", "completed", "started", ""][n % 4],
                subdistrict=here if n % 2 else elsewhere,
                featured=n % 7 == 0,
            )
        )
    ProjectFactory(kind="compound", publication_state=PublicationState.DRAFT)
    return made


def orm_rows(params):
    filterset = ProjectFilter(params, queryset=Project.objects.published())
    return filterset.qs.order_by("-featured", "name")


@pytest.mark.parametrize("params", SHAPES, ids=lambda p: "&".join(p) or "none")
def test_every_page_of_every_filter_shape_holds_the_orms_rows(client, projects, params):
    expected = [p.name for p in orm_rows(params)]
    assert expected  # each shape matches some projects here
    shown = []
    for page in range(1, 5):
        response = client.get("/projects/", {**params, "page": page})
        if response.status_code == 404:
            break
        rows = response.context["object_list"]
        shown += [p.name for p in rows]
        assert response.context["paginator"].count == len(expected)
    assert shown == expected


def test_the_unfiltered_first_page_holds_the_orms_first_rows(client, projects):
    expected = [p.name for p in orm_rows({})[:12]]
    response = client.get("/projects/")
    assert names(response) == expected
    assert response.context["paginator"].count == len(orm_rows({}))


def test_plain_filters_use_compiled_queries_and_the_keyword_box_the_orm():
    assert isinstance(project_rows.rows(ProjectFilter({"kind": "area"})), FilteredRows)
    assert not isinstance(project_rows.rows(ProjectFilter({"q": "民主村"})), FilteredRows)


def test_a_project_appears_in_its_filtered_list_when_its_publication_time_comes(
    client, projects, monkeypatch
):
    scheduled = ProjectFactory(
        name="将要发布的项目", kind="compound", published_at=timezone.now() + timedelta(hours=1)
    )
    assert scheduled.name not in names(client.get("/projects/", {"kind": "compound"}))

    later = timezone.now() + timedelta(hours=2)
    monkeypatch.setattr(timezone, "now", lambda: later)
    assert scheduled.name in names(client.get("/projects/", {"kind": "compound"}))


def test_a_page_past_the_last_is_not_found(client, projects):
    assert client.get("/projects/", {"kind": "compound", "page": 99}).status_code == 404


def test_a_shape_that_matches_nothing_shows_its_message(client, projects):
    SubdistrictFactory(slug="no-projects-here")
    response = client.get("/projects/", {"kind": "area", "subdistrict": "no-projects-here"})
    assert response.context["paginator"].count == 0
    assert "没有符合条件的项目" in response.content.decode()


def names(response):
    return [p.name for p in response.context["object_list"]]


@pytest.mark.skipif(connection.vendor != "postgresql", reason="EXPLAIN plans are PostgreSQL's")
def test_the_compiled_count_and_page_are_answered_from_the_lists_index(client, projects):
    with CaptureQueriesContext(connection) as captured:
        client.get("/projects/", {"kind": "compound", "status": "construction"})
    project_queries = [q["sql"] for q in captured if 'FROM "projects_project"' in q["sql"]]
    count = next(sql for sql in project_queries if sql.startswith("SELECT COUNT(*)"))
    page = next(sql for sql in project_queries if re.search(r"LIMIT \d+ OFFSET 0$", sql))
    with connection.cursor() as cursor:
        # Every other way to read the table priced out, so the plan names what can answer:
        # for the count, only index-only scans; for the page, index scans in order.
        for setting in ("enable_seqscan", "enable_bitmapscan", "enable_sort", "enable_indexscan"):
            cursor.execute(f"SET LOCAL {setting} = off")
        cursor.execute(f"EXPLAIN {count}")
        count_plan = "\n".join(row[0] for row in cursor.fetchall())
        cursor.execute("SET LOCAL enable_indexscan = on")
        cursor.execute(f"EXPLAIN {page}")
        page_plan = "\n".join(row[0] for row in cursor.fetchall())
    assert "Index Only Scan using project_public_filter_idx" in count_plan
    assert "project_public_filter_idx" in page_plan
