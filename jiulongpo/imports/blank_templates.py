"""Blank templates to fill in: the right headers, and in XLSX a sheet saying what goes where."""

import csv
import io

from django.http import HttpResponse
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Font

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def template_response(resource_class, fmt):
    columns = resource_class.column_help()
    name = f"import-template-{resource_class._meta.model._meta.model_name}.{fmt}"
    if fmt == "csv":
        buffer = io.StringIO()
        csv.writer(buffer).writerow([header for header, _help in columns])
        response = HttpResponse(
            "\ufeff" + buffer.getvalue(), content_type="text/csv; charset=utf-8"
        )
    else:
        workbook = Workbook()
        sheet = workbook.active
        sheet.title = _("数据")
        sheet.append([header for header, _help in columns])
        for cell in sheet[1]:
            cell.font = Font(bold=True)
            sheet.column_dimensions[cell.column_letter].width = 18
        sheet.freeze_panes = "A2"
        notes = workbook.create_sheet(_("填写说明"))
        notes.append([_("列名"), _("怎么填")])
        for header, help_text in columns:
            notes.append([header, str(help_text)])
        notes.column_dimensions["A"].width = 16
        notes.column_dimensions["B"].width = 70
        buffer = io.BytesIO()
        workbook.save(buffer)
        response = HttpResponse(buffer.getvalue(), content_type=XLSX_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response
