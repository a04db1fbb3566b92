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
