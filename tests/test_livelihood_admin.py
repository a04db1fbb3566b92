import pytest
from django.urls import reverse

from livelihood.models import IndicatorValue, Task, TaskUpdate
from tests.factories_livelihood import (
    IndicatorFactory,
    IndicatorValueFactory,
    ParkFactory,
    TaskFactory,
    TaskListFactory,
)

pytestmark = pytest.mark.django_db


def inline_management(prefix, total=0, initial=0):
    return {
        f"{prefix}-TOTAL_FORMS": str(total),
        f"{prefix}-INITIAL_FORMS": str(initial),
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1000",
    }


def task_form(task_list, **changes):
    data = {
        "task_list": task_list.pk,
        "number": 4,
        "kind": "listed",
        "title": "新增公办幼儿园",
        "sector": "childcare",
        "status": "in_progress",
        "target_value": "10",
        "unit": "所",
        "achieved_value": "6",
        "publication_state": "draft",
        "published_at_0": "2022-06-01",
        "published_at_1": "00:00:00",
        **inline_management("updates"),
    }
    data.update(changes)
    return data


def test_an_editor_adds_a_task_with_a_dated_update(staff_client):
    task_list = TaskListFactory()
    data = task_form(
        task_list,
        **inline_management("updates", total=1),
        **{
            "updates-0-date": "2022-06-01",
            "updates-0-percent": "60",
            "updates-0-title": "六所幼儿园开园",
            "updates-0-publication_state": "draft",
            "updates-0-published_at_0": "2022-06-01",
            "updates-0-published_at_1": "00:00:00",
        },
    )
    response = staff_client.post(reverse("admin:livelihood_task_add"), data)
    assert response.status_code == 302
    assert TaskUpdate.objects.get().task.title == "新增公办幼儿园"


def test_a_duplicate_task_number_is_refused_in_chinese(staff_client):
    task = TaskFactory(number=4)
    response = staff_client.post(reverse("admin:livelihood_task_add"), task_form(task.task_list))
    assert "本年度清单里已有这个编号" in response.content.decode()
    assert Task.objects.count() == 1


def test_indicator_values_are_edited_as_a_table_under_their_indicator(staff_client):
    indicator = IndicatorFactory(code="green-area", name="园林绿地面积")
    value = IndicatorValueFactory(indicator=indicator, year=2021, value="40000000")
    data = {
        "code": "green-area",
        "name": "园林绿地面积",
        "unit": "平方米",
        "category": "greenery",
        "better": "higher",
        "position": "0",
        **inline_management("values", total=2, initial=1),
        "values-0-id": value.pk,
        "values-0-indicator": indicator.pk,
        "values-0-year": "2021",
        "values-0-value": "40000000",
        "values-0-publication_state": "published",
        "values-0-published_at_0": "2022-01-01",
        "values-0-published_at_1": "00:00:00",
        "values-1-indicator": indicator.pk,
        "values-1-year": "2022",
        "values-1-value": "50590000",
        "values-1-publication_state": "published",
        "values-1-published_at_0": "2022-01-01",
        "values-1-published_at_1": "00:00:00",
    }
    url = reverse("admin:livelihood_indicator_change", args=[indicator.pk])
    assert staff_client.post(url, data).status_code == 302
    assert list(IndicatorValue.objects.values_list("year", flat=True)) == [2021, 2022]


@pytest.mark.parametrize(
    "name", ["tasklist", "task", "taskupdate", "park", "indicator", "indicatorvalue"]
)
def test_admin_lists_open_for_staff(staff_client, name):
    TaskFactory()
    ParkFactory()
    IndicatorValueFactory()
    assert staff_client.get(reverse(f"admin:livelihood_{name}_changelist")).status_code == 200


def test_park_change_page_opens_with_its_photo_inline(staff_client):
    park = ParkFactory()
    response = staff_client.get(reverse("admin:livelihood_park_change", args=[park.pk]))
    assert "photos-TOTAL_FORMS" in response.content.decode()
