"""The Nu HTML Checker (vnu-jar from npm, run on the machine's Java) finds no errors on
any page template."""

import json
import shutil
import subprocess

import pytest
from django.conf import settings

from tests.factories_search import every_page

pytestmark = pytest.mark.django_db

VNU = settings.BASE_DIR / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


def vnu_errors(files):
    if not VNU.exists() or not shutil.which("java"):
        pytest.skip("vnu-jar (npm) and Java are needed: run `make install` on a machine with java")
    out = subprocess.run(
        ["java", "-jar", str(VNU), "--errors-only", "--format", "json", *map(str, files)],
        capture_output=True,
        text=True,
        timeout=180,
    )
    messages = json.loads(out.stderr or '{"messages": []}')["messages"]
    return [f"{m.get('url', '').rsplit('/', 1)[-1]}: {m['message']}" for m in messages]


def test_every_page_template_is_valid_html(client, tmp_path):
    files = []
    for number, (name, path) in enumerate(every_page()):
        response = client.get(path)
        assert response.status_code in (200, 404), name
        page = tmp_path / f"{number:02}-{name.replace(' ', '_').replace(',', '')}.html"
        page.write_bytes(response.content)
        files.append(page)
    client.cookies["elder_mode"] = "1"
    elder = tmp_path / "99-home_in_elder_mode.html"
    elder.write_bytes(client.get("/").content)
    files.append(elder)
    errors = vnu_errors(files)
    assert not errors, "\n".join(errors)


def test_the_static_server_error_page_is_valid_html():
    assert vnu_errors([settings.BASE_DIR / "templates" / "500.html"]) == []
