import json
import xml.etree.ElementTree as ET

import pytest
from bs4 import BeautifulSoup

from jiulongpo.publishing import PublicationState
from tests.factories import ProgressUpdateFactory, ProjectFactory
from tests.factories_search import draft_project, livelihood, minzhucun

pytestmark = pytest.mark.django_db
ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def atom_titles(response):
    feed = ET.fromstring(response.content)
    return [entry.findtext(f"{ATOM}title") for entry in feed.iter(f"{ATOM}entry")]


def test_updates_feed_lists_published_progress_updates(client):
    project = ProjectFactory(name="民主村片区")
    ProgressUpdateFactory(project=project, title="示范街开街")
    response = client.get("/feeds/updates/")
    assert response["Content-Type"].startswith("application/atom+xml")
    assert atom_titles(response) == ["民主村片区：示范街开街"]


def test_updates_feed_leaves_out_drafts_and_draft_projects(client):
    ProgressUpdateFactory(title="草稿进展", publication_state=PublicationState.DRAFT)
    ProgressUpdateFactory(project=draft_project(), title="未发布项目的进展")
    assert atom_titles(client.get("/feeds/updates/")) == []


def test_each_project_has_its_own_feed(client):
    project = ProjectFactory(slug="minzhucun-pianqu")
    ProgressUpdateFactory(project=project, title="开工")
    ProgressUpdateFactory(title="别的项目的进展")
    assert atom_titles(client.get("/feeds/projects/minzhucun-pianqu/")) == [f"{project.name}：开工"]


def test_a_draft_projects_feed_is_not_found(client):
    project = draft_project()
    assert client.get(f"/feeds/projects/{project.slug}/").status_code == 404


def test_sitemap_lists_published_projects_in_both_languages(client):
    ProjectFactory(slug="minzhucun-pianqu")
    draft_project(slug="draft-project")
    tree = ET.fromstring(client.get("/sitemap.xml").content)
    locations = [loc.text for loc in tree.iter(f"{SITEMAP}loc")]
    assert "http://testserver/projects/minzhucun-pianqu/" in locations
    assert "http://testserver/en/projects/minzhucun-pianqu/" in locations
    assert not any("draft-project" in loc for loc in locations)


def test_robots_txt_points_to_the_sitemap_and_keeps_crawlers_out_of_admin(client):
    text = client.get("/robots.txt").content.decode()
    assert "Sitemap: http://testserver/sitemap.xml" in text
    assert "Disallow: /admin/" in text


def project_head(client, path):
    return BeautifulSoup(client.get(path).content, "html.parser").head


def test_project_page_has_canonical_link_without_query(client):
    project = ProjectFactory(slug="minzhucun-pianqu")
    head = project_head(client, project.get_absolute_url() + "?utm=x")
    link = head.find("link", rel="canonical")
    assert link["href"] == "http://testserver/projects/minzhucun-pianqu/"


def test_project_page_shares_its_cover_photo_in_opengraph(client):
    project = minzhucun()
    head = project_head(client, project.get_absolute_url())
    image = head.find("meta", property="og:image")["content"]
    assert image.startswith("http://testserver/media/photos/")
    assert head.find("meta", property="og:title")["content"] == "民主村片区"


def test_project_page_describes_itself_in_schema_org(client):
    project = minzhucun()
    head = project_head(client, project.get_absolute_url())
    data = json.loads(head.find("script", type="application/ld+json").string)
    assert data["@type"] == "Project"
    assert data["location"]["geo"] == {
        "@type": "GeoCoordinates",
        "latitude": 29.503,
        "longitude": 106.512,
    }


def test_pages_point_to_their_english_version(client):
    head = project_head(client, "/projects/")
    assert head.find("link", hreflang="en")["href"] == "http://testserver/en/projects/"


def test_sitemap_lists_tasks_parks_and_figures(client):
    task, park, indicator = livelihood()
    tree = ET.fromstring(client.get("/sitemap.xml").content)
    locations = {loc.text for loc in tree.iter(f"{SITEMAP}loc")}
    for obj in (task, task.task_list, park, indicator):
        assert f"http://testserver{obj.get_absolute_url()}" in locations


def test_park_page_describes_itself_as_a_schema_org_park(client):
    _, park, _ = livelihood()
    head = project_head(client, park.get_absolute_url())
    data = json.loads(head.find("script", type="application/ld+json").string)
    assert data["@type"] == "Park"
    assert data["image"].startswith("http://testserver/media/photos/")
    assert [f["name"] for f in data["amenityFeature"]] == ["健身器材", "儿童游乐"]
