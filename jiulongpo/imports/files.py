"""Checks on an uploaded spreadsheet before any row is read into the database.

Every refusal names the problem in Chinese. A CSV saved by Chinese Excel is usually GBK
(more exactly GB 18030); it is read as such and handed on re-encoded as UTF-8.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

DEFAULT_MAX_BYTES = 2 * 1024 * 1024
ZIP_SIGNATURE = b"PK\x03\x04"
# Old binary Excel (.xls) and other Office files start with the OLE2 signature.
OLE2_SIGNATURE = b"\xd0\xcf\x11\xe0"


def max_bytes():
    return getattr(settings, "IMPORT_MAX_BYTES", DEFAULT_MAX_BYTES)


def read_checked(upload, input_format, expected_columns):
    """The upload as a tablib Dataset and a UTF-8 upload, or a ValidationError in Chinese."""
    if upload.size > max_bytes():
        raise ValidationError(
            _("文件太大（%(size)s），上限是 %(limit)s。请分成几个文件导入。")
            % {"size": filesizeformat(upload.size), "limit": filesizeformat(max_bytes())}
        )
    data = b"".join(upload.chunks())
    if not data.strip():
        raise ValidationError(_("文件是空的。请下载模板，填好数据后再导入。"))
    if input_format.is_binary():
        upload = SimpleUploadedFile(upload.name, data)
        dataset = _read_xlsx(data, input_format)
    else:
        text = _decode_csv(data)
        upload = SimpleUploadedFile(upload.name, text.encode("utf-8"))
        dataset = _read(input_format, text)
    _check_columns(dataset, expected_columns)
    return upload


def _read_xlsx(data, input_format):
    if data.startswith(OLE2_SIGNATURE):
        raise ValidationError(
            _("这是旧版 Excel（.xls）文件。请在 Excel 里“另存为” .xlsx 后再导入。")
        )
    if not data.startswith(ZIP_SIGNATURE):
        raise ValidationError(_("这个文件不是 Excel 表格（.xlsx）。请选择 .xlsx 或 .csv 文件。"))
    return _read(input_format, data)


def _decode_csv(data):
    if data.startswith((ZIP_SIGNATURE, OLE2_SIGNATURE)) or b"\x00" in data[:4096]:
        raise ValidationError(
            _("这个文件不是 CSV 文本。如果是 Excel 文件，请在“格式”里选择 xlsx。")
        )
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("gb18030")
    except UnicodeDecodeError:
        raise ValidationError(
            _(
                "无法识别这个 CSV 的文字编码（既不是 UTF-8 也不是 GBK）。"
                "请在 Excel 里另存为“CSV UTF-8”。"
            )
        ) from None


def _read(input_format, content):
    try:
        return input_format.create_dataset(content)
    except Exception:  # tablib and openpyxl raise many kinds; all mean "unreadable"
        raise ValidationError(_("无法读取这个文件，它可能已损坏，或不是所选的格式。")) from None


def _check_columns(dataset, expected_columns):
    headers = [str(h).strip() for h in (dataset.headers or []) if h not in (None, "")]
    if not headers:
        raise ValidationError(_("文件里没有表头。第一行必须是列名，请使用下载的模板。"))
    missing = [column for column in expected_columns if column not in headers]
    if missing:
        unknown = [h for h in headers if h not in expected_columns]
        message = _("缺少这些列：%(missing)s。") % {"missing": "、".join(missing)}
        if unknown:
            message += _("文件里有模板中没有的列：%(unknown)s。") % {"unknown": "、".join(unknown)}
        raise ValidationError(message + _("请使用下载的模板，不要改动表头。"))
    if not len(dataset):
        raise ValidationError(_("文件里只有表头，没有数据行。"))
