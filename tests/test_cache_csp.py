"""Cached public pages replay one response to everyone, so it must hold no CSP nonce (issue 10).

django-csp adds a per-request nonce only when a template asks for request.csp_nonce; no
template does (scripts and styles are external static files), so a cached page stays valid.
"""

import pytest

from tests.factories import ProjectFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def cached_home(client, settings):
    settings.PAGE_CACHE_ENABLED = True
    ProjectFactory()
    client.get("/")
    return client.get("/")


def test_a_cached_public_page_carries_no_nonce(cached_home):
    assert "nonce-" not in cached_home["Content-Security-Policy"]
    assert b"nonce=" not in cached_home.content
