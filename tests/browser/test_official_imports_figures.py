import pytest

from livelihood.models import IndicatorValue
from tests.factories_data import csv_upload
from tests.factories_livelihood import IndicatorFactory

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.browser]

HEADER = ["指标代码", "年度", "数值", "限定词", "时段说明", "出处说明", "资料来源"]


def test_official_previews_then_confirms_a_spreadsheet_of_figures(
    desktop_page, django_user_model, tmp_path
):
    IndicatorFactory(code="good-air-days", unit="天")
    django_user_model.objects.create_superuser("official", "o@example.com", "x" * 16)
    upload = csv_upload(
        [HEADER, ["good-air-days", "2022", "300", "超过", "", "", ""]], encoding="gbk"
    )
    path = tmp_path / "空气.csv"
    path.write_bytes(upload.read())
    page = desktop_page
    page.goto(page.base_url + "/admin/livelihood/indicatorvalue/import/")
    page.fill("#id_username", "official")
    page.fill("#id_password", "x" * 16)
    page.get_by_role("button").last.click()
    page.set_input_files("#id_import_file", str(path))
    page.select_option("#id_format", label="csv")
    page.locator("input[type=submit]").last.click()
    assert "新增" in page.locator("table.import-preview").inner_text()
    assert IndicatorValue.objects.count() == 0
    page.locator("form[action$='process_import/'] input[type=submit]").click()
    page.wait_for_url("**/admin/livelihood/indicatorvalue/")
    assert IndicatorValue.objects.get().value == 300
