"""PostgreSQL plans a page's queries once per connection, not on every request."""

import pytest
from django.db import connection

from jiulongpo.settings import prepare_statements
from tests.factories import ProgressUpdateFactory, ProjectFactory

pytestmark = pytest.mark.django_db


@pytest.mark.skipif(connection.vendor != "postgresql", reason="prepared statements of PostgreSQL")
def test_a_page_asked_for_again_runs_prepared_statements(client, settings):
    settings.PAGE_CACHE_ENABLED = False
    project = ProjectFactory()
    ProgressUpdateFactory(project=project)
    for _ in range(7):
        assert client.get(project.get_absolute_url()).status_code == 200
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT statement FROM pg_prepared_statements WHERE statement LIKE %s",
            ['%FROM "projects_progressupdate"%'],
        )
        assert cursor.fetchall(), "the timeline's query was planned anew on every request"


def test_prepared_statements_can_be_turned_off_for_a_transaction_pooler(monkeypatch):
    monkeypatch.delenv("DB_PREPARED_STATEMENTS", raising=False)
    postgres = {"ENGINE": "django.db.backends.postgresql"}
    assert prepare_statements(dict(postgres))["OPTIONS"]["prepare_threshold"] == 5
    monkeypatch.setenv("DB_PREPARED_STATEMENTS", "0")
    assert "OPTIONS" not in prepare_statements(dict(postgres))


def test_sqlite_is_left_as_it_is():
    sqlite = {"ENGINE": "django.db.backends.sqlite3"}
    assert prepare_statements(dict(sqlite)) == sqlite
