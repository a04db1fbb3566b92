"""Spreadsheets as officials' files arrive: data on the first sheet, blank rows at the end."""

from io import BytesIO

import openpyxl
import tablib
from import_export.formats import base_formats


def is_blank(values):
    return all(value is None or str(value).strip() == "" for value in values)


def drop_trailing_blank_rows(dataset):
    """Excel often keeps formatted but empty rows after the data; they are not rows to import.

    Only trailing ones go, so every remaining row keeps its spreadsheet row number.
    """
    while len(dataset) and is_blank(dataset[-1]):
        dataset.pop()
    return dataset


class CSV(base_formats.CSV):
    def create_dataset(self, in_stream):
        return drop_trailing_blank_rows(super().create_dataset(in_stream))


class XLSX(base_formats.XLSX):
    """Reads the first sheet, whichever sheet was open when the file was saved."""

    def create_dataset(self, in_stream):
        book = openpyxl.load_workbook(BytesIO(in_stream), read_only=True, data_only=True)
        rows = book.worksheets[0].iter_rows(values_only=True)
        dataset = tablib.Dataset()
        dataset.headers = list(next(rows, ()))
        width = len(dataset.headers)
        for row in rows:
            # Rows can come back shorter or longer than the header; tablib needs them even.
            values = list(row)[:width]
            dataset.append(values + [None] * (width - len(values)))
        return drop_trailing_blank_rows(dataset)
