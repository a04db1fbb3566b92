"""`manage.py seed_synthetic` fills an empty database with clearly synthetic data, to scale."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from jiulongpo.synthetic import MARK, SYNTHETIC_SOURCE
from livelihood.models import Indicator, IndicatorValue, Park, Task, TaskList
from projects.models import Photo, ProgressUpdate, Project
from tests.factories import ProjectFactory

pytestmark = pytest.mark.django_db


def seed(**options):
    call_command("seed_synthetic", projects=20, stdout=StringIO(), **options)


def test_the_data_set_scales_with_the_number_of_projects():
    seed()
    assert Project.objects.count() == 20
    assert ProgressUpdate.objects.count() == 200
    assert Photo.objects.count() >= 60


def test_parks_task_lists_and_figures_come_in_proportion():
    seed()
    assert Park.objects.count() == 1
    assert (TaskList.objects.count(), Task.objects.count()) == (10, 100)
    assert IndicatorValue.objects.count() == Indicator.objects.count() * 20


def test_every_synthetic_project_says_it_is_synthetic():
    seed()
    assert not Project.objects.exclude(source=SYNTHETIC_SOURCE).exists()
    assert not Project.objects.exclude(name__startswith=MARK).exists()


def test_it_refuses_a_database_holding_real_content():
    ProjectFactory(name="民主村片区")
    with pytest.raises(CommandError, match="真实内容"):
        seed()
    assert Project.objects.count() == 1


def test_force_seeds_beside_real_content():
    ProjectFactory(name="民主村片区")
    seed(force=True)
    assert Project.objects.count() == 21


def test_running_it_again_replaces_the_previous_synthetic_set():
    seed()
    seed()
    assert Project.objects.count() == 20


def test_synthetic_pages_render_for_residents(client):
    seed()
    project = Project.objects.published().filter(parent__isnull=True).first()
    assert client.get(project.get_absolute_url()).status_code == 200
    assert client.get("/projects/").status_code == 200


@pytest.mark.django_db(transaction=True)
def test_on_postgresql_the_seeded_tables_are_vacuumed_as_a_live_database_would_be():
    """Without a visibility map the counts' index-only scans read every row's page."""
    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.skip("VACUUM and the visibility map are PostgreSQL's")
    seed(no_search_index=True)
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT relallvisible, relpages FROM pg_class WHERE relname = 'projects_project'"
        )
        all_visible, pages = cursor.fetchone()
    # ANALYZE alone leaves the map empty (0); any transaction open elsewhere on the server
    # may keep VACUUM from marking every page, so "some" is what this can promise.
    assert 0 < all_visible <= pages
