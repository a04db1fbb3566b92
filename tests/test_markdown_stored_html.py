"""Markdown bodies keep their sanitized HTML from save time; pages show it as stored."""

import importlib
from io import StringIO

import pytest
from django.apps import apps
from django.core.management import call_command

from jiulongpo.rendered_body import RenderedBody, fill_missing_body_html
from livelihood.models import Park, Task, TaskUpdate
from projects.models import ProgressUpdate, Project
from tests.factories import ProgressUpdateFactory, ProjectFactory
from tests.factories_livelihood import ParkFactory, TaskFactory, TaskUpdateFactory

pytestmark = pytest.mark.django_db

HOSTILE = (
    "**加粗**\n\n<script>alert(1)</script>\n\n<img src=x onerror=alert(1)>\n\n"
    "[点我](javascript:alert(1))"
)
FACTORIES = [ProjectFactory, ProgressUpdateFactory, TaskFactory, TaskUpdateFactory, ParkFactory]


def unfilled(*models):
    return sum(m.objects.filter(body_html="").exclude(body="").count() for m in models)


@pytest.mark.parametrize("factory", FACTORIES, ids=lambda f: f._meta.model.__name__)
def test_saving_stores_the_body_as_html(factory):
    row = factory(body="## 小标题\n\n- 一项")
    row.refresh_from_db()
    assert row.body_html == "<h2>小标题</h2>\n<ul>\n<li>一项</li>\n</ul>"


def test_the_stored_html_is_sanitized():
    project = ProjectFactory(body=HOSTILE)
    assert "<strong>加粗</strong>" in project.body_html
    assert "<script" not in project.body_html
    assert "onerror" not in project.body_html and "javascript:" not in project.body_html


def test_saving_only_the_body_stores_its_html_too():
    project = ProjectFactory(body="旧的")
    project.body = "**新的**"
    project.save(update_fields=["body"])
    project.refresh_from_db()
    assert project.body_html == "<p><strong>新的</strong></p>"


def test_the_project_page_shows_the_stored_html(client):
    project = ProjectFactory(body="正文")
    update = ProgressUpdateFactory(project=project, body="进展正文")
    Project.objects.filter(pk=project.pk).update(body_html="<p>存好的正文</p>")
    ProgressUpdate.objects.filter(pk=update.pk).update(body_html="<p>存好的进展</p>")
    html = client.get(project.get_absolute_url()).content.decode()
    assert "存好的正文" in html and "存好的进展" in html


def test_a_row_without_stored_html_still_shows_its_body_sanitized(client):
    project = ProjectFactory(body=HOSTILE)
    Project.objects.filter(pk=project.pk).update(body_html="")
    main = client.get(project.get_absolute_url()).content.decode().split("<main", 1)[1]
    assert "<strong>加粗</strong>" in main
    assert "<script>" not in main and "onerror" not in main


def test_task_and_park_pages_show_the_stored_html(client):
    task = TaskFactory(body="实事正文")
    park = ParkFactory(body="公园正文")
    Task.objects.filter(pk=task.pk).update(body_html="<p>存好的实事</p>")
    Park.objects.filter(pk=park.pk).update(body_html="<p>存好的公园</p>")
    assert "存好的实事" in client.get(task.get_absolute_url()).content.decode()
    assert "存好的公园" in client.get(park.get_absolute_url()).content.decode()


def test_the_history_records_a_body_change_once():
    history_fields = {f.name for f in Project.history.model._meta.fields}
    assert "body" in history_fields and "body_html" not in history_fields


def test_seed_synthetic_stores_the_html():
    call_command("seed_synthetic", projects=20, stdout=StringIO())
    assert ProgressUpdate.objects.exclude(body="").exists()
    assert unfilled(Project, ProgressUpdate) == 0


def test_loading_the_district_data_stores_the_html():
    call_command("load_district", stdout=StringIO())
    assert Project.objects.exclude(body="").exists()
    assert unfilled(Project, ProgressUpdate, Task, TaskUpdate, Park) == 0


@pytest.mark.parametrize(
    "app_label, migration", [("projects", "0003_body_html"), ("livelihood", "0003_body_html")]
)
def test_the_data_migration_fills_rows_written_before_it(app_label, migration):
    ProjectFactory(body="**项目**")
    ProgressUpdateFactory(body="**进展**")
    TaskUpdateFactory(body="**实事进展**")
    ParkFactory(body="**公园**")
    models = [m for m in apps.get_app_config(app_label).get_models() if issubclass(m, RenderedBody)]
    for model in models:
        model.objects.update(body_html="")
    importlib.import_module(f"{app_label}.migrations.{migration}").fill_body_html(apps, None)
    assert unfilled(*models) == 0


def test_filling_leaves_stored_html_alone():
    project = ProjectFactory(body="正文")
    Project.objects.filter(pk=project.pk).update(body_html="<p>已有</p>")
    assert fill_missing_body_html(Project) == 0
    project.refresh_from_db()
    assert project.body_html == "<p>已有</p>"
