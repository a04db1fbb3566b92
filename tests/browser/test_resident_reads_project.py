import pytest

from tests.factories import ProgressUpdateFactory, ProjectFactory

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.browser]


def test_resident_opens_a_project_from_the_list_and_reads_its_timeline(page):
    project = ProjectFactory(name="民主村片区", slug="minzhucun-pianqu")
    ProgressUpdateFactory(project=project, title="示范街开街", date="2022-09-30", percent=40)
    page.goto(page.base_url + "/projects/")
    page.get_by_role("link", name="民主村片区").click()
    page.wait_for_url("**/projects/minzhucun-pianqu/")
    timeline = page.get_by_role("region", name="进展时间线")
    assert "示范街开街" in timeline.inner_text()
    assert page.locator("progress").first.get_attribute("value") == "40"
