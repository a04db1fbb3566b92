import pytest
from django.urls import reverse

from jiulongpo.publishing import PublicationState
from tests.factories import ProgressUpdateFactory, ProjectFactory, SubdistrictFactory

pytestmark = pytest.mark.django_db


def test_project_list_shows_published_projects(client):
    ProjectFactory(name="民主村片区")
    response = client.get(reverse("projects:list"))
    assert response.status_code == 200
    assert "民主村片区" in response.content.decode()


def test_draft_projects_are_hidden_from_residents(client):
    draft = ProjectFactory(name="尚未发布的项目", publication_state=PublicationState.DRAFT)
    assert "尚未发布的项目" not in client.get(reverse("projects:list")).content.decode()
    assert client.get(draft.get_absolute_url()).status_code == 404


def test_filters_combine_and_stay_in_pagination_links(client):
    place = SubdistrictFactory(slug="yangjiaping")
    for n in range(13):
        ProjectFactory(kind="area", status="construction", subdistrict=place, name=f"片区{n:02}")
    ProjectFactory(kind="street", status="construction", subdistrict=place, name="街区项目")
    response = client.get(
        reverse("projects:list"),
        {"kind": "area", "status": "construction", "subdistrict": "yangjiaping"},
    )
    html = response.content.decode()
    assert response.context["paginator"].count == 13
    assert "街区项目" not in html
    assert "kind=area&amp;status=construction&amp;subdistrict=yangjiaping&amp;page=2" in html


def test_project_page_shows_latest_published_progress(client):
    project = ProjectFactory()
    ProgressUpdateFactory(project=project, date="2022-03-01", percent=30, title="开工")
    ProgressUpdateFactory(project=project, date="2022-06-01", percent=60, title="主体完成")
    ProgressUpdateFactory(
        project=project,
        date="2022-09-01",
        percent=90,
        title="草稿进展",
        publication_state=PublicationState.DRAFT,
    )
    html = client.get(project.get_absolute_url()).content.decode()
    assert 'value="60"' in html
    assert "主体完成" in html and "草稿进展" not in html
