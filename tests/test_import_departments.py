"""An editor's spreadsheet import stays inside their own department (issue 10).

Imports look up the project or task a row names across all departments; the workflow's
save guard (jiulongpo/workflow/guard.py) then refuses a row for another department's record.
"""

import pytest

from jiulongpo.roles import EDITOR
from livelihood.models import Task
from projects.models import ProgressUpdate
from tests.factories import ProjectFactory
from tests.factories_data import csv_upload, import_problems, preview_import
from tests.factories_editorial import DepartmentFactory, staff
from tests.factories_livelihood import TaskFactory

pytestmark = pytest.mark.django_db

UPDATES = "projects_progressupdate"
UPDATE_HEADER = ["项目网址名", "日期", "标题", "完成百分比", "内容", "资料来源"]
TASKS = "livelihood_task"
TASK_HEADER = ["年度", "编号", "已完成数值", "状态"]
REFUSED = "不属于您所在的部门"


@pytest.fixture
def editor_of_a(client):
    client.force_login(staff(EDITOR, DepartmentFactory(name="部门甲")))
    return client


def test_progress_for_another_departments_project_is_refused_and_nothing_is_written(
    editor_of_a,
):
    ProjectFactory(slug="bumen-yi", department=DepartmentFactory(name="部门乙"))
    upload = csv_upload([UPDATE_HEADER, ["bumen-yi", "2022-06-01", "越权", "10", "", ""]])
    response = preview_import(editor_of_a, UPDATES, upload)
    assert any(REFUSED in text for text in import_problems(response))
    assert "confirm_form" not in response.context
    assert not ProgressUpdate.objects.exists()


def test_task_progress_for_another_departments_task_is_refused(editor_of_a):
    task = TaskFactory(
        number=3,
        unit="个",
        target_value=1000,
        achieved_value=200,
        publication_state="draft",
        department=DepartmentFactory(),
    )
    upload = csv_upload([TASK_HEADER, [str(task.task_list.year), "3", "1000", "已完成"]])
    response = preview_import(editor_of_a, TASKS, upload)
    assert any(REFUSED in text for text in import_problems(response))
    assert Task.objects.get().achieved_value == 200
