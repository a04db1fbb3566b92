from django.core.exceptions import ValidationError
from import_export.forms import ImportForm

from jiulongpo.imports.files import read_checked


class CheckedImportForm(ImportForm):
    """The import form, refusing bad files (size, emptiness, type, encoding, columns)."""

    def __init__(self, formats, resources, **kwargs):
        self.formats = formats
        self.resource_classes = resources
        super().__init__(formats, resources, **kwargs)

    def clean(self):
        cleaned = super().clean()
        upload, fmt = cleaned.get("import_file"), cleaned.get("format")
        if upload is None or fmt in (None, ""):
            return cleaned
        resource_class = self.resource_classes[int(cleaned.get("resource") or 0)]
        try:
            cleaned["import_file"] = read_checked(
                upload, self.formats[int(fmt)](), resource_class.column_names()
            )
        except ValidationError as error:
            self.add_error("import_file", error)
        return cleaned
