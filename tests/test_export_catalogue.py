import pytest
from django.urls import reverse

from tests.factories import ProjectFactory

pytestmark = pytest.mark.django_db


def test_catalogue_lists_each_dataset_with_links_in_every_format(client):
    html = client.get(reverse("data:catalogue")).content.decode()
    for fmt in ("csv", "xlsx", "json"):
        assert f'href="/data/projects.{fmt}"' in html
    assert "/data/progress-updates.csv" in html


def test_catalogue_explains_columns_and_states_the_licence(client):
    html = client.get(reverse("data:catalogue")).content.decode()
    assert "总投资（万元）" in html and "项目总投资，单位万元。" in html
    assert "CC BY 4.0" in html


def test_catalogue_counts_only_published_rows(client):
    ProjectFactory.create_batch(3)
    ProjectFactory(publication_state="draft")
    entries = client.get(reverse("data:catalogue")).context["entries"]
    assert {e["dataset"].slug: e["count"] for e in entries}["projects"] == 3


def test_site_navigation_links_to_the_catalogue(client):
    assert 'href="/data/"' in client.get(reverse("home")).content.decode()


@pytest.mark.parametrize("rows", [1, 30])
def test_catalogue_query_count_is_fixed(client, django_assert_max_num_queries, rows):
    ProjectFactory.create_batch(rows)
    with django_assert_max_num_queries(12):
        assert client.get(reverse("data:catalogue")).status_code == 200


def test_catalogue_counts_each_indicator_once_however_many_values(client):
    from tests.factories_livelihood import IndicatorFactory, IndicatorValueFactory

    indicator = IndicatorFactory()
    IndicatorValueFactory.create_batch(3, indicator=indicator)
    entries = client.get(reverse("data:catalogue")).context["entries"]
    assert {e["dataset"].slug: e["count"] for e in entries}["indicators"] == 1
