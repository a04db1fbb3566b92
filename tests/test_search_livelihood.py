import pytest
from django.urls import reverse

from jiulongpo.publishing import PublicationState
from jiulongpo.search.models import SearchDocument
from projects.models import Department
from tests.factories_livelihood import (
    IndicatorFactory,
    ParkFactory,
    TaskFactory,
    TaskListFactory,
    TaskUpdateFactory,
)
from tests.factories_search import livelihood, minzhucun

pytestmark = pytest.mark.django_db


def search(client, q, **params):
    return client.get(reverse("search"), {"q": q, **params})


def test_results_span_projects_tasks_parks_and_indicators_with_counts(client):
    minzhucun()
    livelihood()
    ParkFactory(name="民主村社区游园")
    TaskFactory(title="民主村片区（一期）示范街开街", sector="urban")
    IndicatorFactory(name="民主村改造户数", code="minzhucun-households")
    counts = {key: n for key, _, n in search(client, "民主村").context["result"].counts}
    assert counts == {"project": 2, "task": 1, "park": 1, "indicator": 1}


def test_the_type_filter_keeps_one_type(client):
    ParkFactory(name="天宝公园")
    IndicatorFactory(name="公园游园数量")
    titles = [d.title for d in search(client, "公园", type="park").context["object_list"]]
    assert titles == ["天宝公园"]


def test_a_task_update_makes_its_task_findable(client):
    task = TaskFactory(title="新增公办幼儿园")
    TaskUpdateFactory(task=task, title="八所幼儿园开园")
    assert task.get_absolute_url() in search(client, "开园").content.decode()


def test_tasks_of_an_unpublished_year_stay_hidden(client):
    draft_year = TaskListFactory(year=2030, publication_state=PublicationState.DRAFT)
    TaskFactory(task_list=draft_year, title="尚未公布的民生实事")
    assert search(client, "尚未公布").context["result"].total == 0


def test_publishing_a_task_list_makes_its_tasks_findable(client):
    year = TaskListFactory(year=2031, publication_state=PublicationState.DRAFT)
    TaskFactory(task_list=year, title="明年的养老服务")
    year.publication_state = PublicationState.PUBLISHED
    year.save()
    assert search(client, "养老").context["result"].counts == [("task", "民生实事", 1)]


def test_a_draft_park_has_no_document():
    park = ParkFactory(publication_state=PublicationState.DRAFT)
    assert not SearchDocument.objects.filter(kind="park", object_id=park.pk).exists()


def test_english_search_shows_english_park_names(client):
    ParkFactory(name="天宝公园", name_en="Tianbao Park")
    assert "Tianbao Park" in client.get("/en/search/", {"q": "天宝"}).content.decode()


def test_renaming_a_department_reindexes_its_tasks(client):
    department = Department.objects.create(name="区教委")
    TaskFactory(title="新增公办幼儿园", department=department)
    department.name = "区教育委员会"
    department.save()
    assert search(client, "教育委员会").context["result"].total == 1
