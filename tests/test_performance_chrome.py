"""The site's chrome (navigation, search box, footer, style sheets) is rendered once per
process and language, not on every page, and stays right for every language and mode."""

import pytest

from jiulongpo.elder import ELDER_COOKIE
from jiulongpo.templatetags import chrome

pytestmark = pytest.mark.django_db

CHROME_TEMPLATE = "includes/chrome/nav.html"


@pytest.fixture(autouse=True)
def nothing_rendered_yet():
    chrome._rendered.clear()


def rendered_templates(response):
    return {template.name for template in response.templates}


def test_the_navigation_is_rendered_once_for_many_pages(client):
    first = client.get("/projects/")
    later = [client.get(path) for path in ("/", "/parks/", "/figures/")]
    assert CHROME_TEMPLATE in rendered_templates(first)
    assert all(CHROME_TEMPLATE not in rendered_templates(page) for page in later)
    assert all('href="/parks/">公园</a>' in page.content.decode() for page in later)


def test_each_language_has_its_own_navigation(client):
    client.get("/projects/")
    english = client.get("/en/projects/").content.decode()
    chinese = client.get("/projects/").content.decode()
    assert 'href="/en/parks/">Parks</a>' in english
    assert 'href="/parks/">公园</a>' in chinese


def test_elder_mode_style_sheet_follows_the_cookie_after_either_was_rendered(client):
    assert "css/elder.css" not in client.get("/").content.decode()
    client.cookies[ELDER_COOKIE] = "1"
    assert "css/elder.css" in client.get("/").content.decode()
    client.cookies[ELDER_COOKIE] = "0"
    assert "css/elder.css" not in client.get("/parks/").content.decode()


def test_the_site_name_follows_the_setting(client, settings):
    client.get("/")
    settings.SITE_NAME = "测试站点"
    assert '<a class="site-name" href="/">测试站点</a>' in client.get("/").content.decode()
