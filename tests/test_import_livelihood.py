from decimal import Decimal

import pytest

from jiulongpo.imports.models import ImportRecord
from livelihood.models import IndicatorValue, Task
from tests.factories_data import (
    confirm_import,
    csv_upload,
    import_problems,
    preview_import,
    xlsx_upload,
)
from tests.factories_livelihood import (
    IndicatorFactory,
    IndicatorValueFactory,
    TaskFactory,
)

pytestmark = pytest.mark.django_db

VALUES = "livelihood_indicatorvalue"
VALUE_HEADER = ["指标代码", "年度", "数值", "限定词", "时段说明", "出处说明", "资料来源"]
TASKS = "livelihood_task"
TASK_HEADER = ["年度", "编号", "已完成数值", "状态"]


@pytest.fixture
def air():
    return IndicatorFactory(code="good-air-days", unit="天")


def test_indicator_values_import_adds_and_changes_values_in_one_go(staff_client, air):
    IndicatorValueFactory(indicator=air, year=2021, value=290)
    upload = xlsx_upload(
        [
            VALUE_HEADER,
            ["good-air-days", 2021, 295, "", "", "", ""],
            ["good-air-days", 2022, 300, "超过", "今年以来", "", ""],
        ]
    )
    confirm_import(staff_client, VALUES, preview_import(staff_client, VALUES, upload, "xlsx"))
    values = dict(IndicatorValue.objects.values_list("year", "value"))
    assert values == {2021: Decimal("295"), 2022: Decimal("300")}
    assert IndicatorValue.objects.get(year=2022).qualifier == "over"


@pytest.mark.parametrize("cell", ["约300", "N/A", "", "300天"])
def test_an_indicator_value_must_be_a_plain_number(staff_client, air, cell):
    upload = csv_upload([VALUE_HEADER, ["good-air-days", "2022", cell, "", "", "", ""]])
    problems = import_problems(preview_import(staff_client, VALUES, upload))
    assert problems and problems[0].startswith("第 2 行 数值：")
    assert IndicatorValue.objects.count() == 0


def test_an_unknown_qualifier_lists_the_allowed_ones(staff_client, air):
    upload = csv_upload([VALUE_HEADER, ["good-air-days", "2022", "300", "大约", "", "", ""]])
    problems = import_problems(preview_import(staff_client, VALUES, upload))
    assert "可填：约、超过、余" in problems[0]


def test_a_dry_run_of_indicator_values_writes_nothing(staff_client, air):
    upload = csv_upload([VALUE_HEADER, ["good-air-days", "2022", "300", "", "", "", ""]])
    response = preview_import(staff_client, VALUES, upload)
    assert response.context["result"].totals["new"] == 1
    assert IndicatorValue.objects.count() == 0


def test_task_progress_import_moves_achieved_value_and_status(staff_client):
    task = TaskFactory(number=3, unit="个", target_value=1000, achieved_value=200)
    upload = csv_upload([TASK_HEADER, ["2022", "3", "1000", "已完成"]])
    confirm_import(staff_client, TASKS, preview_import(staff_client, TASKS, upload))
    task.refresh_from_db()
    assert (task.achieved_value, task.status) == (Decimal("1000"), "completed")
    assert ImportRecord.objects.get().changed_rows == 1


def test_task_progress_import_never_invents_a_task(staff_client):
    TaskFactory(number=3, unit="个")
    upload = csv_upload([TASK_HEADER, ["2022", "3", "10", "推进中"], ["2022", "11", "5", "推进中"]])
    problems = import_problems(preview_import(staff_client, TASKS, upload))
    assert problems == [
        "第 3 行 网站上没有这件民生实事（年度 2022，编号 11）；导入只更新已有任务的进度。"
    ]
    assert Task.objects.count() == 1 and Task.objects.get().achieved_value is None


def test_a_model_rule_on_a_field_outside_the_file_is_named_in_chinese(staff_client):
    TaskFactory(number=4, unit="")
    upload = csv_upload([TASK_HEADER, ["2022", "4", "10", "推进中"]])
    problems = import_problems(preview_import(staff_client, TASKS, upload))
    assert problems == ["第 2 行 单位：填写了数值时请写上单位。"]
