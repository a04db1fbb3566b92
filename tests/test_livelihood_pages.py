import pytest
from django.urls import reverse

from jiulongpo.publishing import PublicationState
from tests.factories import ProjectFactory
from tests.factories_livelihood import TaskFactory, TaskListFactory, TaskUpdateFactory

pytestmark = pytest.mark.django_db


def test_livelihood_redirects_to_the_latest_published_year(client):
    TaskListFactory(year=2021)
    TaskListFactory(year=2022)
    TaskListFactory(year=2023, publication_state=PublicationState.DRAFT)
    response = client.get(reverse("livelihood:latest"))
    assert response.status_code == 302
    assert response["Location"] == "/livelihood/2022/"


def test_livelihood_without_any_list_is_not_found(client):
    assert client.get(reverse("livelihood:latest")).status_code == 404


def test_year_page_says_how_many_of_the_declared_tasks_are_shown(client):
    tasks = TaskFactory.create_batch(3)
    tasks[0].status = "completed"
    tasks[0].save()
    html = client.get("/livelihood/2022/").content.decode()
    assert "清单共 10 件，本站收录有出处的 3 件，其中已完成 1 件" in html


def test_year_page_groups_tasks_by_sector(client):
    TaskFactory(sector="transport", title="农村公路")
    TaskFactory(sector="ecology", title="坡坎崖绿化")
    html = client.get("/livelihood/2022/").content.decode()
    assert html.index("<h3>生态环境</h3>") < html.index("坡坎崖绿化") < html.index("<h3>交通</h3>")


def test_year_page_shows_target_and_achieved_with_units(client):
    TaskFactory(title="新增公办幼儿园", target_value=10, achieved_value=6, unit="所")
    html = client.get("/livelihood/2022/").content.decode()
    assert "已完成 6 / 10所" in html
    assert 'value="60"' in html


def test_sector_commitments_are_listed_apart_from_the_declared_tasks(client):
    TaskFactory(title="清单内实事")
    TaskFactory(title="托育服务", kind="commitment", sector="childcare")
    html = client.get("/livelihood/2022/").content.decode()
    assert "本站收录有出处的 1 件" in html
    assert html.index("各领域工作承诺") < html.index("托育服务")


def test_draft_tasks_are_hidden_from_residents(client):
    draft = TaskFactory(title="草稿实事", publication_state=PublicationState.DRAFT)
    assert "草稿实事" not in client.get("/livelihood/2022/").content.decode()
    assert client.get(draft.get_absolute_url()).status_code == 404


def test_a_draft_year_is_not_found(client):
    TaskListFactory(year=2024, publication_state=PublicationState.DRAFT)
    assert client.get("/livelihood/2024/").status_code == 404


def test_task_page_shows_timeline_and_published_linked_projects(client):
    task = TaskFactory(title="民主村片区（一期）示范街开街")
    task.projects.add(ProjectFactory(name="民主村片区（一期）"))
    task.projects.add(ProjectFactory(name="未发布项目", publication_state=PublicationState.DRAFT))
    TaskUpdateFactory(task=task, date="2022-09-01", title="示范街开街")
    html = client.get(task.get_absolute_url()).content.decode()
    assert "民主村片区（一期）</a>" in html and "未发布项目" not in html
    assert "2022年9月1日" in html


@pytest.mark.parametrize("rows", [2, 20])
def test_year_page_query_count_does_not_grow_with_tasks(
    client, django_assert_max_num_queries, rows
):
    for _ in range(rows):
        task = TaskFactory(target_value=10, achieved_value=3, unit="个")
        TaskUpdateFactory(task=task)
    TaskFactory(kind="commitment")
    with django_assert_max_num_queries(6):
        assert client.get("/livelihood/2022/").status_code == 200


@pytest.mark.parametrize("rows", [1, 15])
def test_task_page_query_count_does_not_grow_with_updates(
    client, django_assert_max_num_queries, rows
):
    task = TaskFactory()
    for _ in range(rows):
        TaskUpdateFactory(task=task)
        task.projects.add(ProjectFactory())
    with django_assert_max_num_queries(6):
        assert client.get(task.get_absolute_url()).status_code == 200


def test_a_project_page_names_the_tasks_it_carries_out(client):
    project = ProjectFactory(name="民主村片区（一期）")
    TaskFactory(title="示范街开街", status="completed").projects.add(project)
    TaskFactory(title="草稿实事", publication_state=PublicationState.DRAFT).projects.add(project)
    html = client.get(project.get_absolute_url()).content.decode()
    assert "2022年十件民生实事：示范街开街</a> — 已完成" in html
    assert "草稿实事" not in html
