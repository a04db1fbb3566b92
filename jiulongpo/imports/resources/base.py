from django.db.models import TextChoices
from django.utils.translation import gettext as _
from import_export import fields, resources, widgets

from jiulongpo.imports.widgets import RequiredMixin


def column(attribute, label, widget, help_text=""):
    """A spreadsheet column: its Chinese header, how a cell is read, and a hint for the template."""
    field = fields.Field(attribute=attribute, column_name=str(label), widget=widget)
    field.help_text = help_text
    return field


class ChoiceWidget(RequiredMixin, widgets.Widget):
    """A choice written as its Chinese label (已完成) or its code (completed)."""

    def __init__(self, choices: type[TextChoices], **kwargs):
        self.choices = choices
        super().__init__(**kwargs)

    def clean(self, value, row=None, **kwargs):
        if self.blank(value):
            return ""
        text = str(value).strip()
        for choice in self.choices:
            if text in (choice.value, str(choice.label)):
                return choice.value
        allowed = "、".join(str(c.label) for c in self.choices if c.value)
        raise ValueError(
            _("“%(value)s”不是可选的值；可填：%(allowed)s。") % {"value": text, "allowed": allowed}
        )

    def render(self, value, obj=None, **kwargs):
        return str(self.choices(value).label) if value else ""


class StrictResource(resources.ModelResource):
    """Shared behaviour: every row validated by the model, unchanged rows reported."""

    def import_row(self, row, instance_loader, **kwargs):
        result = super().import_row(row, instance_loader, **kwargs)
        # The preview shows each row's spreadsheet row number; the header is row 1.
        result.number = kwargs.get("row_number")
        return result

    @classmethod
    def column_names(cls):
        return [field.column_name for field in cls().get_import_fields()]

    @classmethod
    def column_help(cls):
        return [(f.column_name, getattr(f, "help_text", "")) for f in cls().get_import_fields()]


class StrictMeta:
    """Resources' Meta inherit this: the model's clean() runs, one transaction per import."""

    skip_unchanged = True
    report_skipped = True
    use_transactions = True
    clean_model_instances = True
