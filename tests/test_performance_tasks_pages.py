"""A year's task list and a task's page from queries compiled once: the same tasks, groups,
counts, projects and updates as the ORM's prefetching gave, under the same publication rules."""

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.db.models import Prefetch
from django.utils import timezone

from jiulongpo.publishing import PublicationState
from livelihood.models import Task, TaskKind, TaskList, TaskUpdate
from livelihood.task_pages import by_sector
from projects.models import Project
from tests.factories import ProgressUpdateFactory, ProjectFactory
from tests.factories_editorial import DepartmentFactory
from tests.factories_livelihood import TaskFactory, TaskListFactory, TaskUpdateFactory

pytestmark = pytest.mark.django_db

DRAFT = PublicationState.DRAFT


def later(monkeypatch, **delta):
    """Move the clock forward: what was scheduled for then is published now."""
    moment = timezone.now() + timedelta(**delta)
    monkeypatch.setattr(timezone, "now", lambda: moment)


def in_an_hour():
    return timezone.now() + timedelta(hours=1)


def pks(groups):
    return [(str(label), [task.pk for task in tasks]) for label, tasks in groups]


@pytest.fixture
def year_of_tasks():
    """A year with tasks in several sectors and both kinds, numbered out of sector order."""
    department = DepartmentFactory(name="区教委")
    tasks = [
        TaskFactory(number=5, sector="health", status="completed"),
        TaskFactory(number=1, sector="transport", department=department),
        TaskFactory(number=3, sector="health", status="in_progress"),
        TaskFactory(number=2, sector="education", status="completed"),
        TaskFactory(number=12, sector="elderly", kind=TaskKind.COMMITMENT),
        TaskFactory(number=11, sector="education", kind=TaskKind.COMMITMENT),
    ]
    TaskFactory(number=4, sector="health", publication_state=DRAFT)
    TaskFactory(number=6, sector="urban", published_at=in_an_hour())
    for task in tasks[1:3]:
        TaskUpdateFactory(task=task, percent=30, date=date(2022, 3, 1))
    TaskUpdateFactory(task=tasks[2], percent=60, date=date(2022, 6, 1))
    TaskUpdateFactory(task=tasks[1], percent=90, date=date(2022, 7, 1), publication_state=DRAFT)
    return tasks


def groups_by_the_orm(year):
    """What the page showed when it prefetched Task.objects.for_listing()."""
    task_list = (
        TaskList.objects.published()
        .prefetch_related(
            Prefetch("tasks", queryset=Task.objects.for_listing(), to_attr="published_tasks")
        )
        .get(year=year)
    )
    tasks = task_list.published_tasks
    return (
        by_sector([t for t in tasks if t.kind == TaskKind.LISTED]),
        by_sector([t for t in tasks if t.kind == TaskKind.COMMITMENT]),
    )


def test_the_year_page_shows_the_same_tasks_in_the_same_groups_and_order(client, year_of_tasks):
    context = client.get("/livelihood/2022/").context
    listed, commitments = groups_by_the_orm(2022)
    assert pks(context["listed_groups"]) == pks(listed)
    assert pks(context["commitment_groups"]) == pks(commitments)


def test_the_year_pages_cards_carry_the_latest_published_progress(client, year_of_tasks):
    context = client.get("/livelihood/2022/").context
    shown = [t for _, tasks in context["listed_groups"] for t in tasks]
    by_the_orm = {t.pk: t.progress for _, tasks in groups_by_the_orm(2022)[0] for t in tasks}
    assert {t.pk: t.progress for t in shown} == by_the_orm
    assert by_the_orm[year_of_tasks[2].pk] == 60 and by_the_orm[year_of_tasks[1].pk] == 30


def test_the_year_page_counts_listed_completed_and_commitments(client, year_of_tasks):
    context = client.get("/livelihood/2022/").context
    counts = (context["listed_count"], context["listed_completed"], context["commitment_count"])
    assert counts == (4, 2, 2)


def numbers_on_the_year_page(client):
    context = client.get("/livelihood/2022/").context
    return {t.number for _, tasks in context["listed_groups"] for t in tasks}


def test_a_draft_or_scheduled_task_is_left_off_the_year_until_its_time(
    client, monkeypatch, year_of_tasks
):
    assert numbers_on_the_year_page(client) == {1, 2, 3, 5}
    later(monkeypatch, hours=2)
    assert numbers_on_the_year_page(client) == {1, 2, 3, 5, 6}


def test_the_year_links_name_every_published_year_newest_first(client):
    for year in (2021, 2022, 2023):
        TaskListFactory(year=year)
    TaskListFactory(year=2024, publication_state=DRAFT)
    TaskListFactory(year=2025, published_at=in_an_hour())
    response = client.get("/livelihood/2022/")
    html = response.content.decode()
    assert [year for year, _ in response.context["year_links"]] == [2023, 2022, 2021]
    assert '<a href="/livelihood/2021/">2021</a>' in html
    assert '<strong aria-current="page">2022</strong>' in html


def test_a_draft_or_scheduled_year_is_not_found_until_its_time(client, monkeypatch):
    TaskListFactory(year=2024, publication_state=DRAFT)
    TaskListFactory(year=2025, published_at=in_an_hour())
    assert client.get("/livelihood/2024/").status_code == 404
    assert client.get("/livelihood/2025/").status_code == 404
    later(monkeypatch, hours=2)
    assert client.get("/livelihood/2025/").status_code == 200
    assert client.get("/livelihood/2024/").status_code == 404


def test_an_unknown_year_or_number_is_not_found(client):
    task = TaskFactory(number=3)
    assert client.get("/livelihood/2019/").status_code == 404
    assert client.get("/livelihood/2022/4/").status_code == 404
    assert client.get("/livelihood/2021/3/").status_code == 404
    assert client.get(task.get_absolute_url()).status_code == 200


def test_a_year_without_tasks_says_so(client):
    TaskListFactory(year=2022)
    TaskFactory(publication_state=DRAFT)
    response = client.get("/livelihood/2022/")
    assert "这一年的民生实事还没有录入。" in response.content.decode()


def test_a_draft_or_scheduled_task_is_not_found_until_its_time(client, monkeypatch):
    draft = TaskFactory(publication_state=DRAFT)
    scheduled = TaskFactory(published_at=in_an_hour())
    assert client.get(draft.get_absolute_url()).status_code == 404
    assert client.get(scheduled.get_absolute_url()).status_code == 404
    later(monkeypatch, hours=2)
    assert client.get(scheduled.get_absolute_url()).status_code == 200
    assert client.get(draft.get_absolute_url()).status_code == 404


def test_a_task_of_a_draft_or_scheduled_year_is_not_found_until_its_time(client, monkeypatch):
    in_draft = TaskFactory(task_list=TaskListFactory(year=2024, publication_state=DRAFT))
    scheduled = TaskFactory(task_list=TaskListFactory(year=2025, published_at=in_an_hour()))
    assert client.get(in_draft.get_absolute_url()).status_code == 404
    assert client.get(scheduled.get_absolute_url()).status_code == 404
    later(monkeypatch, hours=2)
    assert client.get(scheduled.get_absolute_url()).status_code == 200
    assert client.get(in_draft.get_absolute_url()).status_code == 404


def test_a_task_page_shows_published_projects_by_name_with_their_progress(client, monkeypatch):
    task = TaskFactory()
    second = ProjectFactory(name="乙项目")
    first = ProjectFactory(name="甲项目")
    ProgressUpdateFactory(project=first, percent=40, date=date(2022, 1, 1))
    ProgressUpdateFactory(project=first, percent=80, date=date(2022, 2, 1))
    ProgressUpdateFactory(project=first, percent=95, date=date(2022, 3, 1), publication_state=DRAFT)
    draft = ProjectFactory(name="草稿项目", publication_state=DRAFT)
    scheduled = ProjectFactory(name="定时项目", published_at=in_an_hour())
    task.projects.add(second, first, draft, scheduled)
    ProjectFactory(name="无关项目")

    shown = client.get(task.get_absolute_url()).context["task"].published_projects
    assert [(p.name, p.own_progress) for p in shown] == [("乙项目", None), ("甲项目", 80)]
    later(monkeypatch, hours=2)
    shown = client.get(task.get_absolute_url()).context["task"].published_projects
    assert [p.pk for p in shown] == [
        p.pk
        for p in Project.objects.published()
        .filter(livelihood_tasks=task)
        .with_progress()
        .order_by("name")
    ]


def test_a_task_page_shows_published_updates_newest_first(client, monkeypatch):
    task = TaskFactory()
    old = TaskUpdateFactory(task=task, date=date(2022, 3, 1), percent=20)
    new = TaskUpdateFactory(task=task, date=date(2022, 5, 1), percent=None)
    TaskUpdateFactory(task=task, date=date(2022, 6, 1), publication_state=DRAFT)
    scheduled = TaskUpdateFactory(task=task, date=date(2022, 7, 1), published_at=in_an_hour())
    TaskUpdateFactory(date=date(2022, 8, 1))  # another task's

    shown = client.get(task.get_absolute_url()).context["task"].published_updates
    assert [u.pk for u in shown] == [new.pk, old.pk]
    later(monkeypatch, hours=2)
    shown = client.get(task.get_absolute_url()).context["task"].published_updates
    assert [u.pk for u in shown] == [scheduled.pk, new.pk, old.pk]


def test_a_task_pages_progress_is_the_latest_published_percent(client):
    task = TaskFactory()
    TaskUpdateFactory(task=task, date=date(2022, 3, 1), percent=20)
    TaskUpdateFactory(task=task, date=date(2022, 5, 1), percent=None)
    TaskUpdateFactory(task=task, date=date(2022, 6, 1), percent=70, publication_state=DRAFT)
    shown = client.get(task.get_absolute_url()).context["task"]
    assert shown.progress == Task.objects.for_listing().get(pk=task.pk).progress == 20


def test_a_task_page_reads_the_task_as_the_orm_does(client):
    task = TaskFactory(
        department=DepartmentFactory(name="区住房城乡建委"),
        target_value=Decimal("12"),
        achieved_value=Decimal("5"),
        unit="个",
        summary="摘要",
    )
    shown = client.get(task.get_absolute_url()).context["task"]
    expected = Task.objects.for_listing().get(pk=task.pk)
    fields = [f.attname for f in Task._meta.concrete_fields]
    assert [getattr(shown, f) for f in fields] == [getattr(expected, f) for f in fields]
    assert (shown.department.name, shown.task_list.title) == (
        "区住房城乡建委",
        "2022年十件民生实事",
    )


def test_the_year_page_runs_two_queries(client, django_assert_num_queries, year_of_tasks):
    with django_assert_num_queries(2):
        assert client.get("/livelihood/2022/").status_code == 200


def test_a_task_without_projects_or_updates_runs_one_query(client, django_assert_num_queries):
    task = TaskFactory()
    TaskUpdateFactory(task=task, publication_state=DRAFT)
    with django_assert_num_queries(1):
        assert client.get(task.get_absolute_url()).status_code == 200


def test_a_task_with_projects_and_updates_runs_three_queries(client, django_assert_num_queries):
    task = TaskFactory()
    for _ in range(3):
        TaskUpdateFactory(task=task)
        task.projects.add(ProjectFactory())
    with django_assert_num_queries(3):
        assert client.get(task.get_absolute_url()).status_code == 200


def test_an_update_on_the_task_page_knows_its_task_without_a_query(
    client, django_assert_num_queries
):
    task = TaskFactory()
    TaskUpdateFactory(task=task)
    [update] = client.get(task.get_absolute_url()).context["task"].published_updates
    with django_assert_num_queries(0):
        assert update.task.task_list.year == 2022
    assert TaskUpdate.objects.get(pk=update.pk).task_id == task.pk
