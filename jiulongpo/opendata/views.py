from django.http import FileResponse, StreamingHttpResponse
from django.views.generic import TemplateView

from jiulongpo.opendata import writers
from jiulongpo.opendata.exports import Export
from jiulongpo.opendata.registry import FORMATS, LICENCE, LICENCE_URL, all_datasets, get_dataset
from livelihood.models import TaskList

CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "json": "application/json; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


class CatalogueView(TemplateView):
    """Every dataset: what it holds, its columns, size, freshness, licence and links."""

    template_name = "data/catalogue.html"

    def get_context_data(self, **kwargs):
        entries = []
        for dataset in all_datasets():
            count, last = dataset.summary()
            entries.append({"dataset": dataset, "count": count, "last_updated": last})
        return super().get_context_data(
            entries=entries,
            formats=FORMATS,
            licence=LICENCE,
            licence_url=LICENCE_URL,
            report_years=TaskList.objects.published().values_list("year", flat=True),
            **kwargs,
        )


def download(request, dataset, fmt):
    export = Export(get_dataset(dataset), request.GET)
    english = request.GET.get("header") == "en"
    filename = export.dataset.filename(fmt)
    if fmt == "xlsx":
        return FileResponse(
            writers.write_xlsx(export, english),
            as_attachment=True,
            filename=filename,
            content_type=CONTENT_TYPES[fmt],
        )
    stream = writers.csv_stream(export, english) if fmt == "csv" else writers.json_stream(export)
    response = StreamingHttpResponse(stream, content_type=CONTENT_TYPES[fmt])
    if fmt == "csv":
        # JSON opens in the browser for developers; a CSV is for saving and opening in Excel.
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
