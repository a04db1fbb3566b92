import pytest
from openpyxl import load_workbook

from tests.factories import ProjectFactory

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.browser]


def test_official_filters_the_project_list_and_opens_the_xlsx(desktop_page, tmp_path):
    ProjectFactory(name="民主村片区", kind="area")
    ProjectFactory(name="九龙广场老旧商区", kind="commercial")
    page = desktop_page
    page.goto(page.base_url + "/projects/")
    page.get_by_label("更新类别").select_option(label="片区综合更新")
    page.get_by_role("button", name="筛选").click()
    page.wait_for_url("**/projects/?*kind=area*")
    with page.expect_download() as download_info:
        page.get_by_role("link", name="XLSX").click()
    saved = tmp_path / download_info.value.suggested_filename
    download_info.value.save_as(saved)
    sheet = load_workbook(saved).worksheets[0]
    assert saved.suffix == ".xlsx"
    assert [row[0] for row in sheet.iter_rows(min_row=2, values_only=True)] == ["民主村片区"]
