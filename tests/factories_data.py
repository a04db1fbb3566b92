"""Factories and helpers for open-data exports and spreadsheet imports."""

import csv
import io
import json

from openpyxl import load_workbook

BOM = "\ufeff"


def read_csv(response):
    """The downloaded CSV as rows, read by the csv module; the BOM must come first."""
    text = b"".join(response.streaming_content).decode("utf-8")
    assert text.startswith(BOM), "the CSV must start with a UTF-8 BOM for Excel"
    return list(csv.reader(io.StringIO(text[1:])))


def read_xlsx(response):
    content = b"".join(response.streaming_content)
    return load_workbook(io.BytesIO(content))


def read_json(response):
    content = b"".join(response.streaming_content)
    return json.loads(content.decode("utf-8"))


IMPORT_FORMATS = {"csv": "0", "xlsx": "1"}


def csv_upload(rows, name="进展.csv", encoding="utf-8-sig"):
    from django.core.files.uploadedfile import SimpleUploadedFile

    buffer = io.StringIO()
    csv.writer(buffer).writerows(rows)
    return SimpleUploadedFile(name, buffer.getvalue().encode(encoding), content_type="text/csv")


def xlsx_upload(rows, name="进展.xlsx"):
    from django.core.files.uploadedfile import SimpleUploadedFile
    from openpyxl import Workbook

    workbook = Workbook()
    for row in rows:
        workbook.active.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return SimpleUploadedFile(name, buffer.getvalue())


def preview_import(client, model, upload, fmt="csv"):
    """Upload a file on the admin import page; the response is the preview (nothing written)."""
    from django.urls import reverse

    url = reverse(f"admin:{model}_import")
    return client.post(url, {"resource": "0", "format": IMPORT_FORMATS[fmt], "import_file": upload})


def confirm_import(client, model, preview):
    """Press "confirm" on a preview page: posts its confirm form back."""
    from django.urls import reverse

    form = preview.context["confirm_form"]
    data = {name: form.initial.get(name, "") for name in form.fields}
    return client.post(reverse(f"admin:{model}_process_import"), data, follow=True)


def import_problems(response):
    """The Chinese problems shown on the import page: file errors and row errors."""
    texts = []
    form = response.context.get("form")
    if form is not None:
        texts += [str(e) for errors in form.errors.values() for e in errors]
    for _number, row_texts in response.context.get("problems") or []:
        texts += row_texts
    return texts
