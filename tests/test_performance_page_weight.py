"""The home page stays light: HTML + CSS + JS at most 60 KB compressed, nothing third-party."""

import gzip
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from django.contrib.staticfiles import finders
from django.urls import reverse

from tests.factories import PhotoFactory, image_upload
from tests.factories_performance import build_projects

pytestmark = pytest.mark.django_db

BUDGET_BYTES = 60 * 1024
BLOCKING_LINKS = {"stylesheet", "preload", "modulepreload"}


def assets_of(html):
    """Stylesheets and scripts the page makes the browser fetch."""
    soup = BeautifulSoup(html, "html.parser")
    links = [
        link["href"]
        for link in soup.find_all("link", href=True)
        if BLOCKING_LINKS & set(link.get("rel", []))
    ]
    return links + [script["src"] for script in soup.find_all("script", src=True)]


def test_the_home_page_with_its_css_and_js_fits_in_60_kb_compressed(client):
    build_projects(10, photos=1)
    html = client.get(reverse("home")).content
    total = len(gzip.compress(html))
    for url in assets_of(html.decode()):
        if url.endswith((".css", ".js")):
            path = finders.find(url.removeprefix("/static/"))
            total += len(gzip.compress(Path(path).read_bytes()))
    assert total <= BUDGET_BYTES


def test_the_home_page_loads_nothing_from_another_site(client):
    html = client.get(reverse("home")).content.decode()
    assert [url for url in assets_of(html) if url.startswith(("http:", "https:", "//"))] == []


def test_the_site_uses_system_fonts_only():
    css = Path(finders.find("css/site.css")).read_text(encoding="utf-8")
    assert "@font-face" not in css and "@import" not in css


def test_photos_offer_webp_with_a_jpeg_fallback_and_load_lazily(client):
    project = build_projects(1, photos=0)[0]
    PhotoFactory(project=project, kind="before", image=image_upload(size=(1600, 1000)))
    html = client.get(project.get_absolute_url()).content.decode()
    assert '<source type="image/webp"' in html
    assert re.search(r'<img src="[^"]+\.jpg"[^>]+srcset=', html)
    assert 'loading="lazy"' in html
