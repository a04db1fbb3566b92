import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from jiulongpo.imports.models import ImportRecord
from projects.models import ProgressUpdate
from tests.factories import ProjectFactory, image_upload
from tests.factories_data import (
    confirm_import,
    csv_upload,
    import_problems,
    preview_import,
    xlsx_upload,
)

pytestmark = pytest.mark.django_db

MODEL = "projects_progressupdate"
HEADER = ["项目网址名", "日期", "标题", "完成百分比", "内容", "资料来源"]


@pytest.fixture(autouse=True)
def minzhucun():
    return ProjectFactory(slug="minzhucun")


def refusal(client, upload, fmt="csv"):
    response = preview_import(client, MODEL, upload, fmt)
    assert ProgressUpdate.objects.count() == 0
    return " ".join(import_problems(response))


def test_wrong_columns_are_named(staff_client):
    upload = csv_upload([["项目", "日期", "进度"], ["minzhucun", "2022-03-01", "10"]])
    message = refusal(staff_client, upload)
    assert (
        "缺少这些列：项目网址名、标题、完成百分比" in message
        and "模板中没有的列：项目、进度" in message
    )


def test_an_empty_file_is_refused(staff_client):
    assert "空文件" in refusal(staff_client, SimpleUploadedFile("空.csv", b""))


def test_a_file_of_blank_lines_is_refused_as_empty(staff_client):
    assert "文件是空的" in refusal(staff_client, SimpleUploadedFile("空.csv", b"\r\n\r\n"))


def test_a_file_with_only_headers_is_refused(staff_client):
    assert "没有数据行" in refusal(staff_client, csv_upload([HEADER]))


def test_a_picture_uploaded_as_csv_is_refused(staff_client):
    assert "不是 CSV 文本" in refusal(staff_client, image_upload("数据.csv", fmt="PNG"))


def test_a_picture_uploaded_as_xlsx_is_refused(staff_client):
    assert "不是 Excel 表格" in refusal(staff_client, image_upload("数据.xlsx", fmt="PNG"), "xlsx")


def test_a_corrupt_xlsx_is_refused(staff_client):
    upload = SimpleUploadedFile("坏.xlsx", b"PK\x03\x04" + b"\x00garbage" * 50)
    assert "无法读取" in refusal(staff_client, upload, "xlsx")


def test_a_file_over_the_size_limit_is_refused(staff_client, settings):
    settings.IMPORT_MAX_BYTES = 200
    upload = csv_upload([HEADER] + [["minzhucun", "2022-03-01", "开工", "10", "", ""]] * 10)
    assert "文件太大" in refusal(staff_client, upload)


def test_a_gbk_csv_from_chinese_excel_is_read_correctly(staff_client):
    upload = csv_upload(
        [HEADER, ["minzhucun", "2022-03-01", "示范街开街", "40", "", "区住房城乡建委"]],
        encoding="gbk",
    )
    confirm_import(staff_client, MODEL, preview_import(staff_client, MODEL, upload))
    update = ProgressUpdate.objects.get()
    assert (update.title, update.source) == ("示范街开街", "区住房城乡建委")
    assert ImportRecord.objects.count() == 1


def test_a_csv_in_an_unknown_encoding_is_named_as_the_problem(staff_client):
    upload = SimpleUploadedFile(
        "乱码.csv", ",".join(HEADER).encode("utf-8") + b"\n\xff\xfe\xff,\x81"
    )
    assert "文字编码" in refusal(staff_client, upload)


def test_blank_rows_after_the_data_are_not_rows_to_import(staff_client):
    upload = xlsx_upload(
        [HEADER, ["minzhucun", "2022-03-01", "开工", 10, "", ""], [None] * 6, [""] * 6]
    )
    response = preview_import(staff_client, MODEL, upload, "xlsx")
    assert len(response.context["result"].valid_rows()) == 1 and not import_problems(response)


def test_a_file_of_only_headers_and_blank_rows_is_refused(staff_client):
    assert "没有数据行" in refusal(staff_client, xlsx_upload([HEADER, [None] * 6]), "xlsx")


def test_the_data_sheet_is_read_even_if_the_notes_sheet_was_open_when_saved(staff_client):
    from openpyxl import Workbook

    workbook = Workbook()
    workbook.active.append(HEADER)
    workbook.active.append(["minzhucun", "2022-03-01", "开工", 10, "", ""])
    workbook.create_sheet("填写说明").append(["列名", "怎么填"])
    workbook.active = 1
    buffer = io.BytesIO()
    workbook.save(buffer)
    upload = SimpleUploadedFile("进展.xlsx", buffer.getvalue())
    confirm_import(staff_client, MODEL, preview_import(staff_client, MODEL, upload, "xlsx"))
    assert ProgressUpdate.objects.get().title == "开工"
