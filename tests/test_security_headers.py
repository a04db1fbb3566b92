"""Every response carries the security headers; production settings pass check --deploy."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[1]


def csp_directives(response):
    policy = response["Content-Security-Policy"]
    return dict((part.split()[0], part.split()[1:]) for part in policy.split(";") if part.strip())


@pytest.fixture
def home(client):
    return client.get(reverse("home"))


def test_scripts_come_only_from_the_site_never_inline(home):
    scripts = csp_directives(home)["script-src"]
    assert scripts == ["'self'"]


@pytest.mark.parametrize("directive", ["object-src", "base-uri", "frame-ancestors"])
def test_plugins_base_tags_and_framing_are_forbidden(home, directive):
    assert csp_directives(home)[directive] == ["'none'"]


@pytest.mark.parametrize(
    ("header", "value"),
    [
        ("X-Content-Type-Options", "nosniff"),
        ("Referrer-Policy", "strict-origin-when-cross-origin"),
        ("X-Frame-Options", "DENY"),
        ("Cross-Origin-Opener-Policy", "same-origin"),
    ],
)
def test_standard_security_headers_are_sent(home, header, value):
    assert home[header] == value


def test_browser_features_are_denied_except_location_for_parks_near_me(home):
    policy = home["Permissions-Policy"]
    assert "camera=()" in policy and "microphone=()" in policy
    assert "geolocation=(self)" in policy


def test_the_admin_is_under_the_same_policy(client):
    response = client.get(reverse("admin:login"))
    assert csp_directives(response)["script-src"] == ["'self'"]


def run_with_production_env(*args, **env):
    # The browser tests' conftest allows async-unsafe ORM calls in this process only.
    inherited = {k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"}
    environment = {
        **inherited,
        "DEBUG": "0",
        "SECRET_KEY": secrets.token_urlsafe(64),
        "ALLOWED_HOSTS": "jlp.example.org",
        "DATABASE_URL": "sqlite:////tmp/jlp-deploy-check.sqlite3",
        **env,
    }
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        check=False,
    )


def test_check_deploy_is_silent_with_production_settings():
    result = run_with_production_env("check", "--deploy", "--fail-level", "WARNING")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_sends_hsts_for_a_year_and_secure_cookies():
    code = (
        "from django.conf import settings as s;"
        "print(s.SECURE_HSTS_SECONDS, s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE)"
    )
    result = run_with_production_env("shell", "-c", code)
    seconds, session_secure, csrf_secure = result.stdout.split()[-3:]
    assert int(seconds) >= 365 * 24 * 60 * 60
    assert session_secure == csrf_secure == "True"


def test_the_admin_path_is_a_setting():
    code = "from django.urls import reverse; print(reverse('admin:index'))"
    result = run_with_production_env("shell", "-c", code, ADMIN_PATH="back-office-7f3/")
    assert result.stdout.split()[-1] == "/back-office-7f3/"
