"""Three writers over one row iterator; each holds a single row in memory at a time.

CSV and JSON are generators of text fed to StreamingHttpResponse. XLSX uses openpyxl's
write-only mode, which spools rows to a temporary file instead of building a workbook
in memory; the finished file is then streamed from disk.
"""

import csv
import json
import tempfile

from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from jiulongpo.opendata.columns import Kind
from jiulongpo.opendata.registry import LICENCE, LICENCE_URL

# Rows fetched per database round trip while iterating (QuerySet.iterator()).
CHUNK_SIZE = 2000
BOM = "\ufeff"


class Echo:
    """csv.writer needs a file; this one hands each line straight back."""

    def write(self, value):
        return value


def typed_rows(export):
    """Each row as a list of typed values, read from plain rows (no model instances)."""
    readers = [column.reader() for column in export.columns]
    paths = list(dict.fromkeys(path for column in export.columns for path in column.paths))
    for row in export.queryset.values(*paths).iterator(chunk_size=CHUNK_SIZE):
        yield [read(row) for read in readers]


def batched(pieces, joiner="", size=500):
    """Join pieces into fewer, larger writes: one per few hundred rows, not one per row."""
    batch = []
    for piece in pieces:
        batch.append(piece)
        if len(batch) == size:
            yield joiner.join(batch)
            batch = []
    if batch:
        yield joiner.join(batch)


def header(export, english):
    return [column.key if english else str(column.label) for column in export.columns]


def csv_stream(export, english=False):
    """UTF-8 with a BOM, so Excel on Chinese Windows shows the Chinese intact."""
    writer = csv.writer(Echo())
    yield BOM + writer.writerow(header(export, english))
    conversions = [
        (index, texter)
        for index, column in enumerate(export.columns)
        if (texter := column.texter(english))
    ]

    def line(row):
        for index, texter in conversions:
            row[index] = texter(row[index])
        return writer.writerow(row)

    lines = (line(row) for row in typed_rows(export))
    yield from batched(lines)


def json_stream(export):
    """{dataset, title, licence, source, filters, count, generated_at, columns, rows}."""
    head = json.dumps(export.metadata(), ensure_ascii=False, indent=None)
    yield head[:-1] + ', "rows": ['
    columns = export.columns
    records = (
        json.dumps(
            {column.key: column.json(value) for column, value in zip(columns, row, strict=True)},
            ensure_ascii=False,
        )
        for row in typed_rows(export)
    )
    separator = ""
    for chunk in batched(records, ","):
        yield separator + chunk
        separator = ","
    yield "]}"


def text_cell(sheet, value):
    cell = WriteOnlyCell(sheet, value=value)
    # openpyxl stores a string starting with "=" as a formula; force it to stay text.
    if isinstance(value, str):
        cell.data_type = "s"
    return cell


def xlsx_text(sheet, value):
    if not value:
        return None
    return text_cell(sheet, value) if value[0] == "=" else value


def write_xlsx(export, english=False):
    """The workbook as a temporary file: the data sheet, then a data-dictionary sheet."""
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title=_("数据"))
    sheet.freeze_panes = "A2"
    for index, column in enumerate(export.columns, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = column.width
    bold = Font(bold=True)
    heading = []
    for title in header(export, english):
        cell = text_cell(sheet, title)
        cell.font = bold
        heading.append(cell)
    sheet.append(heading)
    count = 0
    for row in typed_rows(export):
        # Plain values are the fast path; openpyxl gives dates a date format by itself.
        # Only text that openpyxl would take for a formula needs a cell object.
        # An empty string would still be written as a cell; None is skipped.
        sheet.append([xlsx_text(sheet, v) if type(v) is str else v for v in row])
        count += 1
    write_dictionary(workbook, export, count, bold)
    spool = tempfile.TemporaryFile()  # noqa: SIM115 (FileResponse closes it)
    workbook.save(spool)
    spool.seek(0)
    return spool


def write_dictionary(workbook, export, count, bold):
    sheet = workbook.create_sheet(title=_("数据说明"))
    for letter, width in zip("ABCD", (22, 24, 22, 60), strict=True):
        sheet.column_dimensions[letter].width = width
    wrap = Alignment(wrap_text=True, vertical="top")

    def line(*values, strong=False):
        cells = []
        for value in values:
            cell = (
                text_cell(sheet, value) if isinstance(value, str) else WriteOnlyCell(sheet, value)
            )
            cell.alignment = wrap
            if strong:
                cell.font = bold
            cells.append(cell)
        sheet.append(cells)

    meta = export.metadata(count=count)
    line(_("数据集"), str(export.dataset.title), strong=True)
    line(_("说明"), str(export.dataset.description))
    line(_("资料来源"), str(export.dataset.source))
    line(_("许可"), f"{LICENCE} {LICENCE_URL}")
    line(_("筛选条件"), export.describe_filters())
    line(_("行数"), count)
    line(_("数据截至"), meta["generated_at"])
    sheet.append([])
    line(_("列名"), _("英文字段名"), _("类型"), _("含义"), strong=True)
    for column in export.columns:
        line(str(column.label), column.key, str(Kind.LABELS[column.kind]), str(column.meaning))
