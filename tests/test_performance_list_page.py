"""The project list's plain map list, built in Python, and the index behind its filters."""

import pytest
from django.core.cache import caches
from django.db import connection
from django.db.models import Count
from django.urls import reverse

from projects.models import Project
from tests.factories_maps import LocatedProjectFactory

pytestmark = pytest.mark.django_db


def map_list(client, path):
    html = client.get(path).content.decode()
    return html.split('<ul id="project-points">', 1)[1].split("</ul>", 1)[0]


def test_the_map_list_links_each_located_project_to_its_page(client):
    project = LocatedProjectFactory(latitude="29.512345", longitude="106.501000")
    expected = (
        f'<li data-lat="29.512345" data-lng="106.501000">'
        f'<a href="{project.get_absolute_url()}">{project.name}</a></li>'
    )
    assert expected in map_list(client, reverse("projects:list"))


def test_the_map_list_escapes_project_names(client):
    LocatedProjectFactory(name="<b>项目</b>")
    assert "&lt;b&gt;项目&lt;/b&gt;" in map_list(client, reverse("projects:list"))


def test_the_english_map_list_links_to_english_pages(client):
    project = LocatedProjectFactory()
    assert f'href="/en/projects/{project.slug}/"' in map_list(client, "/en/projects/")


def explain(queryset, *allowed_scans):
    # Every other way to read the table priced out, so the plan names what can answer.
    with connection.cursor() as cursor:
        for setting in ("enable_seqscan", "enable_bitmapscan", "enable_indexscan", "enable_sort"):
            if setting not in allowed_scans:
                cursor.execute(f"SET LOCAL {setting} = off")
    return queryset.explain()


FILTERED = {"kind": "compound", "status": "construction"}
needs_postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="EXPLAIN plans are PostgreSQL's"
)


@needs_postgresql
def test_the_filtered_lists_count_is_answered_by_its_index_alone():
    # Only index-only scans allowed: no other index holds kind, status and published_at.
    count = Project.objects.published().filter(**FILTERED).values("kind").annotate(n=Count("*"))
    assert "Index Only Scan using project_public_filter_idx" in explain(count.order_by())


@needs_postgresql
def test_the_filtered_lists_page_is_read_in_order_from_its_index():
    page = Project.objects.published().filter(**FILTERED).order_by("-featured", "name")[:12]
    assert "project_public_filter_idx" in explain(page, "enable_indexscan")


def test_a_list_reads_the_versions_of_its_page_and_its_cards_in_one_round_trip(
    client, monkeypatch, page_cache, settings
):
    settings.PAGE_CACHE_ENABLED = False  # what a page cache miss renders: cards and fragments
    LocatedProjectFactory.create_batch(3)
    client.get(reverse("projects:list"))  # cards and the filter form rendered once
    versions = caches["generation"]
    reads = []
    real = versions.get_many
    monkeypatch.setattr(versions, "get_many", lambda keys: reads.append(keys) or real(keys))
    html = client.get(reverse("projects:list")).content.decode()
    assert len(reads) == 1
    assert html.count('class="card') >= 3
