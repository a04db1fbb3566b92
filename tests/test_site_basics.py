import os
import subprocess
import sys

import pytest
from django.urls import reverse

from projects.models import Project

pytestmark = pytest.mark.django_db


def test_healthz_answers_200_when_the_database_answers(client):
    response = client.get("/healthz")
    assert response.status_code == 200 and response.content == b"ok\n"


def test_healthz_answers_503_when_the_database_does_not():
    # A real connection attempt to a port where no database listens.
    code = (
        "import django; django.setup();"
        "from django.test.utils import setup_test_environment; setup_test_environment();"
        "from django.test import Client; print(Client().get('/healthz').status_code)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        env={
            **os.environ,
            "DEBUG": "1",
            "DATABASE_URL": "postgres://postgres@127.0.0.1:1/none",
            "DJANGO_SETTINGS_MODULE": "jiulongpo.settings",
        },
        capture_output=True,
        text=True,
    )
    assert result.stdout.strip() == "503", result.stderr[-2000:]


@pytest.mark.parametrize("endpoint", ["/markdownx/markdownify/", "/markdownx/upload/"])
def test_markdownx_endpoints_refuse_anonymous_visitors(client, endpoint):
    response = client.post(endpoint, {"content": "<script>alert(1)</script>"})
    assert response.status_code == 302 and "login" in response["Location"]
    assert not Project.objects.exists()


def test_markdownx_preview_for_staff_is_sanitized(staff_client):
    response = staff_client.post(
        "/markdownx/markdownify/", {"content": "**好**<script>alert(1)</script>"}
    )
    assert "<strong>好</strong>" in response.content.decode()
    assert "<script>" not in response.content.decode()


def test_admin_requires_login(client):
    response = client.get(reverse("admin:projects_project_changelist"))
    assert response.status_code == 302


def _settings_in_subprocess(env):
    code = "import django; django.setup()"
    clean = {
        k: v for k, v in os.environ.items() if k not in {"DEBUG", "SECRET_KEY", "ALLOWED_HOSTS"}
    }
    env = {**clean, "DJANGO_SETTINGS_MODULE": "jiulongpo.settings", **env}
    return subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True)


def test_production_refuses_to_start_without_a_secret_key():
    result = _settings_in_subprocess({"DEBUG": "0", "ALLOWED_HOSTS": "example.gov.cn"})
    assert result.returncode != 0 and "SECRET_KEY" in result.stderr


def test_production_refuses_to_start_without_allowed_hosts():
    result = _settings_in_subprocess({"DEBUG": "0", "SECRET_KEY": "k" * 60})
    assert result.returncode != 0 and "ALLOWED_HOSTS" in result.stderr


def test_production_starts_with_its_secrets():
    result = _settings_in_subprocess(
        {"DEBUG": "0", "SECRET_KEY": "k" * 60, "ALLOWED_HOSTS": "example.gov.cn"}
    )
    assert result.returncode == 0, result.stderr


def test_a_bad_boolean_in_the_environment_fails_loudly():
    result = _settings_in_subprocess({"DEBUG": "maybe"})
    assert result.returncode != 0 and "DEBUG must be" in result.stderr


def test_site_runs_in_chinese_in_shanghai_time(settings):
    assert settings.LANGUAGE_CODE == "zh-hans" and settings.TIME_ZONE == "Asia/Shanghai"
