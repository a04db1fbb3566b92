"""The project page in fewer, cheaper queries: the same sections, the same change record."""

from datetime import datetime, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from django.template import engines
from django.utils import timezone, translation

from jiulongpo.history import PRIVATE_FIELDS, history_model, published_changes
from jiulongpo.publishing import PublicationState
from jiulongpo.templatetags.history_tags import change_log_items
from projects.models import Project
from tests.factories import ProjectFactory, SubdistrictFactory
from tests.factories_livelihood import TaskFactory

pytestmark = pytest.mark.django_db

# The change log's list items as includes/change_log.html rendered them in a template loop.
CHANGE_LOG_LOOP = """{% load i18n %}{% for when, first, fields in changes %}
    <li><time datetime="{{ when|date:'Y-m-d\\TH:i:sO' }}">{{ when|date:"DATE_FORMAT" }}</time> \
{% if first %}{% translate "首次发布" %}{% elif fields %}{% translate "更新了：" %}\
{{ fields|join:"、" }}{% else %}{% translate "内容有更新" %}{% endif %}</li>
    {% endfor %}"""


def changes_by_diff_against(project):
    """The change record as simple-history's diff_against() makes it, record by record."""
    records = list(
        history_model(Project)
        ._default_manager.filter(
            id=project.pk,
            publication_state=PublicationState.PUBLISHED,
            published_at__lte=timezone.now(),
        )
        .order_by("history_date", "history_id")
    )
    labels = {f.name: f.verbose_name for f in Project._meta.concrete_fields}
    created = history_model(Project)._default_manager.filter(id=project.pk, history_type="+")
    entries = [(records[0].history_date, created.exists(), [])] if records else []
    for previous, record in zip(records, records[1:], strict=False):
        delta = record.diff_against(previous, excluded_fields=PRIVATE_FIELDS)
        if delta.changed_fields:
            entries.append((record.history_date, False, [labels[n] for n in delta.changed_fields]))
    return entries[::-1]


def edit(project, **changes):
    for name, value in changes.items():
        setattr(project, name, value)
    project.save()


def test_the_change_record_reads_as_diff_against_makes_it():
    project = ProjectFactory(status="started", investment=Decimal("120.50"))
    edit(project, status="construction", subdistrict=SubdistrictFactory())
    edit(project, investment=Decimal("130"), summary="新摘要")
    edit(project, name_en="Renamed")  # a private field: no entry of its own
    edit(project, summary="草稿里的摘要", publication_state=PublicationState.DRAFT)
    edit(project, publication_state=PublicationState.PUBLISHED, published_at=timezone.now())
    future = timezone.now() + timedelta(days=3)
    edit(project, summary="定时发布的摘要", published_at=future)
    assert published_changes(project) == changes_by_diff_against(project)


def test_a_project_created_as_a_draft_reads_its_record_in_one_query(
    django_assert_num_queries,
):
    project = ProjectFactory(publication_state=PublicationState.DRAFT)
    edit(project, publication_state=PublicationState.PUBLISHED, published_at=timezone.now())
    edit(project, status="completed")
    with django_assert_num_queries(1):
        changes = published_changes(project)
    assert [first for _, first, _ in changes] == [False, True]


def test_a_record_longer_than_the_window_still_asks_for_the_creation(
    django_assert_num_queries, monkeypatch
):
    monkeypatch.setattr("jiulongpo.history.MAX_RECORDS", 2)
    project = ProjectFactory(publication_state=PublicationState.DRAFT)
    for n in range(3):
        edit(project, summary=f"第{n}次", publication_state=PublicationState.PUBLISHED)
    with django_assert_num_queries(2):
        changes = published_changes(project)
    assert changes[-1][1] is True  # the creation record, found beyond the window


def test_a_project_without_phases_tasks_or_history_runs_three_queries(
    client, django_assert_num_queries
):
    project = ProjectFactory()
    project.history.all().delete()
    client.get(project.get_absolute_url())  # one-off look-ups (content types, the generation)
    with django_assert_num_queries(3):
        response = client.get(project.get_absolute_url())
    assert response.status_code == 200


def test_a_linked_livelihood_task_still_shows(client):
    project = ProjectFactory()
    TaskFactory(title="加装电梯实事").projects.add(project)
    assert "加装电梯实事" in client.get(project.get_absolute_url()).content.decode()


def test_the_parent_of_a_phase_is_linked_without_another_query(client, django_assert_num_queries):
    parent = ProjectFactory(name="民主村片区")
    phase = ProjectFactory(name="民主村一期", parent=parent)
    phase.history.all().delete()
    client.get(phase.get_absolute_url())
    with django_assert_num_queries(3):
        html = client.get(phase.get_absolute_url()).content.decode()
    assert f'<a href="{parent.get_absolute_url()}">民主村片区</a>' in html


@pytest.mark.parametrize("language", ["zh-hans", "en"])
def test_the_change_log_items_are_the_markup_the_template_loop_made(language):
    labels = {f.name: f.verbose_name for f in Project._meta.concrete_fields}
    when = datetime(2024, 1, 31, 20, 5, tzinfo=ZoneInfo("UTC"))  # 1 February in Chongqing
    changes = [
        (when, False, [labels["status"], labels["investment"]]),
        (when - timedelta(days=40), False, []),
        (when - timedelta(days=90), True, []),
    ]
    loop = engines["django"].from_string(CHANGE_LOG_LOOP)
    with translation.override(language):
        expected = loop.render({"changes": changes}).split()
        assert change_log_items(changes).split() == expected
