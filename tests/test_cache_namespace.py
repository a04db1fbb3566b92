"""Two sites on one host or one Redis never read each other's cached pages or versions."""

import json
import os
import subprocess
import sys
from pathlib import Path

from jiulongpo.settings import cache_namespace

ROOT = Path(__file__).resolve().parent.parent
PRINT_CACHES = (
    "import django, json; from django.conf import settings; django.setup(); "
    "print(json.dumps({name: str(c.get('KEY_PREFIX') or c.get('LOCATION', '')) "
    "for name, c in settings.CACHES.items()}))"
)


def site_caches(database_url, **environment):
    """The caches a site configured with this database would use (its own process)."""
    env = {**os.environ, "DEBUG": "1", "DATABASE_URL": database_url, **environment}
    env.pop("CACHE_NAMESPACE", None)
    env["DJANGO_SETTINGS_MODULE"] = "jiulongpo.settings"
    output = subprocess.run(
        [sys.executable, "-c", PRINT_CACHES], cwd=ROOT, env=env, capture_output=True, check=True
    )
    return json.loads(output.stdout)


def test_each_database_gets_its_own_namespace():
    staging = {"ENGINE": "postgresql", "HOST": "db", "PORT": "5432", "NAME": "staging"}
    production = {**staging, "NAME": "production"}
    assert cache_namespace(staging) != cache_namespace(production)
    assert cache_namespace(staging) == cache_namespace(dict(staging))


def test_sites_on_different_databases_keep_versions_in_different_folders(tmp_path):
    one = site_caches("sqlite:///one.sqlite3", CACHE_DIR=str(tmp_path), REDIS_URL="")
    other = site_caches("sqlite:///other.sqlite3", CACHE_DIR=str(tmp_path), REDIS_URL="")
    assert one["generation"] != other["generation"]
    assert one["generation"].startswith(str(tmp_path))


def test_sites_on_different_databases_sharing_a_redis_use_different_keys():
    redis = "redis://127.0.0.1:6379/0"
    one = site_caches("postgres://postgres@127.0.0.1:5432/one", REDIS_URL=redis)
    other = site_caches("postgres://postgres@127.0.0.1:5432/other", REDIS_URL=redis)
    assert one["default"] != other["default"]
    assert one["default"].startswith("jlp:")
