import pytest
from django.urls import reverse

from jiulongpo.publishing import PublicationState
from tests.factories import ProgressUpdateFactory, ProjectFactory

pytestmark = pytest.mark.django_db


def test_project_card_shows_facts_and_latest_updates_for_print(client):
    project = ProjectFactory(name="民主村片区", slug="minzhucun", status="construction")
    ProgressUpdateFactory(project=project, title="示范街开街", date="2022-09-30", percent=40)
    html = client.get(reverse("project_card", args=["minzhucun"])).content.decode()
    assert "民主村片区" in html and "示范街开街" in html
    assert "css/print.css" in html


def test_project_card_of_a_draft_is_not_found(client):
    ProjectFactory(slug="hidden", publication_state=PublicationState.DRAFT)
    assert client.get(reverse("project_card", args=["hidden"])).status_code == 404


def test_project_page_links_to_its_printable_card(client):
    project = ProjectFactory(slug="minzhucun")
    assert "/projects/minzhucun/card/" in client.get(project.get_absolute_url()).content.decode()


@pytest.mark.parametrize("updates", [1, 20])
def test_project_card_query_count_is_fixed(client, django_assert_max_num_queries, updates):
    project = ProjectFactory(slug="minzhucun")
    ProgressUpdateFactory.create_batch(updates, project=project)
    with django_assert_max_num_queries(6):
        client.get(reverse("project_card", args=["minzhucun"]))
