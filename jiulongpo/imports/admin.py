"""Import in the admin: checked upload, a Chinese row-by-row preview, one transaction, a record.

The projects and livelihood admins stay as their apps wrote them; enable_import() below
re-registers each chosen model with the import mixin added in front of its own admin
class. This app is listed after them in INSTALLED_APPS so their admins exist by then.
"""

from django.contrib import admin, messages
from django.core.exceptions import FieldDoesNotExist
from django.db import transaction
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext as _
from import_export.admin import ImportMixin
from import_export.results import RowResult

from jiulongpo.imports.blank_templates import template_response
from jiulongpo.imports.formats import CSV, XLSX
from jiulongpo.imports.forms import CheckedImportForm
from jiulongpo.imports.models import ImportRecord
from jiulongpo.imports.resources.livelihood import IndicatorValueResource, TaskProgressResource
from jiulongpo.imports.resources.projects import ProgressUpdateResource
from livelihood.models import IndicatorValue, Task
from projects.models import ProgressUpdate


class RecordedImportMixin(ImportMixin):
    import_form_class = CheckedImportForm
    import_template_name = "admin/imports/import.html"
    formats = [CSV, XLSX]
    # An import writes rows: only someone allowed to add and change them may run one.
    import_permissions = ("add", "change")

    def has_import_permission(self, request):
        opts = self.opts
        return all(
            request.user.has_perm(f"{opts.app_label}.{action}_{opts.model_name}")
            for action in self.import_permissions
        )

    def get_import_formats(self):
        return self.formats

    def admin_url(self, step):
        app_label, model_name = self.get_model_info()
        return f"admin:{app_label}_{model_name}_{step}"

    def get_urls(self):
        app_label, model_name = self.get_model_info()
        return [
            path(
                "import-template.<str:fmt>",
                self.admin_site.admin_view(self.import_template),
                name=f"{app_label}_{model_name}_import_template",
            ),
            *super().get_urls(),
        ]

    def import_template(self, request, fmt):
        if not self.has_import_permission(request) or fmt not in ("csv", "xlsx"):
            return HttpResponseRedirect(reverse("admin:index"))
        return template_response(self.resource_classes[0], fmt)

    def get_import_data_kwargs(self, **kwargs):
        kwargs = super().get_import_data_kwargs(**kwargs)
        # One bad row (even one found only at commit time) rolls every row back.
        kwargs.update(use_transactions=True, rollback_on_validation_errors=True)
        return kwargs

    def import_action(self, request, **kwargs):
        response = super().import_action(request, **kwargs)
        if isinstance(response, TemplateResponse):
            result = response.context_data.get("result")
            response.context_data.update(
                problems=row_problems(result, self.resource_classes[0]) if result else [],
                template_urls=[
                    (
                        fmt.upper(),
                        reverse(self.admin_url("import_template"), args=[fmt]),
                    )
                    for fmt in ("xlsx", "csv")
                ],
                resource_columns=self.resource_classes[0].column_help(),
            )
        return response

    def process_import(self, request, **kwargs):
        # The rows and the record of the import commit together, or neither does.
        with transaction.atomic():
            return super().process_import(request, **kwargs)

    def process_dataset(self, dataset, form, request, **kwargs):
        request.import_file_name = form.cleaned_data.get("original_file_name", "")
        return super().process_dataset(dataset, form, request, **kwargs)

    def process_result(self, result, request):
        if result.has_errors() or result.has_validation_errors():
            # Nothing was written: the transaction was rolled back.
            problems = row_problems(result, self.resource_classes[0])
            messages.error(
                request,
                _("导入已取消，没有写入任何数据。%(problem)s")
                % {"problem": problems[0][1][0] if problems else ""},
            )
            return HttpResponseRedirect(reverse(self.admin_url("import")))
        totals = result.totals
        ImportRecord.objects.create(
            dataset=str(self.model._meta.verbose_name_plural),
            file_name=getattr(request, "import_file_name", "")[:255],
            imported_by=request.user,
            total_rows=result.total_rows,
            new_rows=totals[RowResult.IMPORT_TYPE_NEW],
            changed_rows=totals[RowResult.IMPORT_TYPE_UPDATE],
            unchanged_rows=totals[RowResult.IMPORT_TYPE_SKIP],
        )
        return super().process_result(result, request)

    def add_success_message(self, result, request):
        totals = result.totals
        messages.success(
            request,
            _("导入完成：新增 %(new)s 行，修改 %(changed)s 行，未变 %(same)s 行。")
            % {
                "new": totals[RowResult.IMPORT_TYPE_NEW],
                "changed": totals[RowResult.IMPORT_TYPE_UPDATE],
                "same": totals[RowResult.IMPORT_TYPE_SKIP],
            },
        )


def row_problems(result, resource_class):
    """[(spreadsheet row, [messages])]: row 1 is the header, so data row n is row n + 1."""
    labels = {f.attribute: f.column_name for f in resource_class().get_import_fields()}
    model = resource_class._meta.model

    def label(name):
        # A model rule may name a field that is not a column (a task's unit): say it in Chinese.
        if name in labels:
            return labels[name]
        try:
            return str(model._meta.get_field(name).verbose_name)
        except FieldDoesNotExist:
            return name

    problems = []
    for row in result.invalid_rows:
        texts = [
            f"{label(name)}：{error}"
            for name, errors in row.field_specific_errors.items()
            for error in errors
        ]
        texts += [str(error) for error in row.non_field_specific_errors]
        problems.append(
            (
                row.number + 1,
                [_("第 %(row)s 行 %(text)s") % {"row": row.number + 1, "text": t} for t in texts],
            )
        )
    for number, errors in result.row_errors():
        problems.append(
            (
                number + 1,
                [
                    _("第 %(row)s 行：%(text)s") % {"row": number + 1, "text": e.error}
                    for e in errors
                ],
            )
        )
    return sorted(problems, key=lambda p: p[0])


def enable_import(model, resource_class, permissions=("add", "change")):
    """Re-register model's admin with import added; its own admin class is kept as the base."""
    base = admin.ModelAdmin
    if admin.site.is_registered(model):
        base = type(admin.site.get_model_admin(model))
        admin.site.unregister(model)
    admin_class = type(
        f"Importing{base.__name__}",
        (RecordedImportMixin, base),
        {
            "resource_classes": [resource_class],
            "import_permissions": permissions,
            "__module__": __name__,
        },
    )
    admin.site.register(model, admin_class)


enable_import(ProgressUpdate, ProgressUpdateResource)
enable_import(Task, TaskProgressResource, permissions=("change",))
enable_import(IndicatorValue, IndicatorValueResource)


@admin.register(ImportRecord)
class ImportRecordAdmin(admin.ModelAdmin):
    """Read-only: reviewers see who imported what, when, and what it changed."""

    list_display = [
        "imported_at",
        "dataset",
        "file_name",
        "imported_by",
        "total_rows",
        "new_rows",
        "changed_rows",
        "unchanged_rows",
    ]
    list_filter = ["dataset", "imported_at"]
    list_select_related = ["imported_by"]
    search_fields = ["file_name", "dataset", "imported_by__username"]
    date_hierarchy = "imported_at"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
