import pytest

from jiulongpo.elder import ELDER_COOKIE

pytestmark = pytest.mark.django_db


def test_turning_elder_mode_on_sets_a_cookie_and_returns_to_the_page(client):
    response = client.post("/elder-mode/", {"elder": "on", "next": "/projects/?kind=area"})
    assert response.status_code == 302
    assert response["Location"] == "/projects/?kind=area"
    assert response.cookies[ELDER_COOKIE].value == "1"


def test_elder_mode_pages_load_the_larger_style(client):
    client.cookies[ELDER_COOKIE] = "1"
    html = client.get("/").content.decode()
    assert '<html lang="zh-Hans" class="elder">' in html
    assert "css/elder.css" in html


def test_elder_mode_is_off_by_default(client):
    assert "css/elder.css" not in client.get("/").content.decode()


def test_turning_elder_mode_off_clears_the_cookie(client):
    client.cookies[ELDER_COOKIE] = "1"
    client.post("/elder-mode/", {"elder": "off", "next": "/"})
    assert "css/elder.css" not in client.get("/").content.decode()


def test_elder_toggle_refuses_to_redirect_to_another_site(client):
    response = client.post("/elder-mode/", {"elder": "on", "next": "https://evil.example/"})
    assert response["Location"] == "/"


def test_elder_toggle_only_accepts_posts(client):
    assert client.get("/elder-mode/").status_code == 405


@pytest.mark.parametrize("path", ["/", "/projects/", "/search/", "/en/"])
def test_every_page_offers_the_elder_toggle_as_a_plain_form(client, path):
    html = client.get(path).content.decode()
    assert 'action="/elder-mode/"' in html
    assert 'name="elder" value="on"' in html


def test_the_elder_style_has_no_pop_ups_or_motion():
    from django.conf import settings

    css = (settings.BASE_DIR / "static" / "css" / "elder.css").read_text()
    assert "animation: none" in css
    assert "position: fixed" not in css
