"""The catalogue's row counts are exact: each equals the rows its JSON file holds."""

import datetime
import json

import pytest
from django.urls import reverse
from django.utils import timezone

from jiulongpo.publishing import PublicationState
from tests.factories import ProgressUpdateFactory, ProjectFactory
from tests.factories_livelihood import IndicatorFactory, IndicatorValueFactory, TaskFactory

pytestmark = pytest.mark.django_db

LATER = timezone.now() + datetime.timedelta(days=1)


def catalogue_counts(client):
    entries = client.get(reverse("data:catalogue")).context["entries"]
    return {e["dataset"].slug: e["count"] for e in entries}


def rows_in_file(client, slug):
    response = client.get(reverse("data:download", kwargs={"dataset": slug, "fmt": "json"}))
    return len(json.loads(b"".join(response.streaming_content))["rows"])


@pytest.fixture
def mixed_rows():
    public = ProjectFactory.create_batch(2)
    ProjectFactory(parent=public[0])
    ProjectFactory(publication_state=PublicationState.DRAFT)
    ProjectFactory(published_at=LATER)
    for project in public:
        ProgressUpdateFactory.create_batch(3, project=project)
    ProgressUpdateFactory(project=public[0], published_at=LATER)
    ProgressUpdateFactory(project=public[1], publication_state=PublicationState.DRAFT)
    ProgressUpdateFactory(project=ProjectFactory(publication_state=PublicationState.DRAFT))
    TaskFactory.create_batch(2)
    TaskFactory(publication_state=PublicationState.DRAFT)
    for indicator in IndicatorFactory.create_batch(2):
        IndicatorValueFactory.create_batch(3, indicator=indicator)


def test_every_count_equals_the_rows_of_its_file(client, mixed_rows):
    counts = catalogue_counts(client)
    assert counts == {slug: rows_in_file(client, slug) for slug in counts}


def test_progress_updates_count_only_published_ones_of_published_projects(client, mixed_rows):
    assert catalogue_counts(client)["progress-updates"] == 6


def test_a_publication_shows_in_the_count_at_once(client, mixed_rows):
    ProgressUpdateFactory(project=ProjectFactory())
    assert catalogue_counts(client)["progress-updates"] == 7
