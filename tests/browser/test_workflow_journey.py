"""An editor changes a published project; residents see it only once a reviewer publishes.

The whole journey runs in Chromium under the site's Content Security Policy.
"""

import pytest

from jiulongpo.roles import EDITOR, REVIEWER
from tests.browser.guards import csp_violations, log_in, watch
from tests.factories import ProjectFactory
from tests.factories_editorial import PASSWORD, DepartmentFactory, staff

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.browser]


def test_an_edit_reaches_residents_only_after_review(desktop_page):
    page = watch(desktop_page)
    department = DepartmentFactory(name="区住房城乡建委")
    project = ProjectFactory(department=department, summary="原来的摘要", slug="demo")
    editor, reviewer = staff(EDITOR, department), staff(REVIEWER)
    change_url = f"{page.base_url}/admin/projects/project/{project.pk}/change/"

    log_in(page, editor.username, PASSWORD)
    page.goto(change_url)
    page.fill("#id_summary", "编辑改写的摘要")
    page.click("input[name=_submit_review]")
    # The save answers with a redirect to the list: read its message once it has arrived.
    page.wait_for_url("**/admin/projects/project/")
    assert "居民看到的仍是原来已发布的内容" in page.locator(".messagelist").inner_text()
    page.goto(page.base_url + "/projects/demo/")
    assert "原来的摘要" in page.locator("main").inner_text()

    page.context.clear_cookies()
    log_in(page, reviewer.username, PASSWORD)
    assert "等待审核" in page.locator("#dashboard").inner_text()
    page.goto(change_url)
    assert "编辑改写的摘要" in page.locator(".workflow-diff").inner_text()
    page.click("input[name=_publish]")
    page.wait_for_url("**/admin/projects/project/")
    page.goto(page.base_url + "/projects/demo/")
    assert "编辑改写的摘要" in page.locator("main").inner_text()
    assert csp_violations(page) == []


def test_a_reviewer_sends_back_with_a_note(desktop_page):
    page = watch(desktop_page)
    project = ProjectFactory(publication_state="review", name="待审核项目")
    log_in(page, staff(REVIEWER).username, PASSWORD)
    page.goto(f"{page.base_url}/admin/projects/project/{project.pk}/change/")
    page.fill("#id__review_note", "请补充资料来源。")
    page.get_by_role("button", name="退回修改").click()
    assert "请补充资料来源。" in page.locator(".workflow-status").inner_text()
    assert "被退回修改" in page.locator(".workflow-state").inner_text()
    assert csp_violations(page) == []
