from django import template
from django.urls import reverse
from django.utils.html import format_html_join

from jiulongpo.opendata.registry import FORMATS, NON_FILTER_PARAMS, get_dataset

register = template.Library()


@register.inclusion_tag("includes/data_downloads.html", takes_context=True)
def data_downloads(context, dataset, **extra):
    """Links to this list as CSV, XLSX and JSON, carrying the page's current filters."""
    params = context["request"].GET.copy()
    for name in NON_FILTER_PARAMS:
        params.pop(name, None)
    for key, value in extra.items():
        params[key] = value
    query = params.urlencode()
    links = [
        (fmt.upper(), reverse("data:download", kwargs={"dataset": dataset, "fmt": fmt}))
        for fmt in FORMATS
    ]
    return {
        "links": [(label, f"{url}?{query}" if query else url) for label, url in links],
        "filtered": bool(query),
        # Names the download landmark: a page can offer several datasets (issue 6, a11y).
        "title": get_dataset(dataset).title,
    }


@register.simple_tag
def column_rows(dataset):
    """The catalogue's table of a dataset's columns, one <tr> per column.

    Built in Python: the catalogue explains every column of every dataset (over a hundred
    rows), which through the template engine cost most of the page's time.
    """
    return format_html_join(
        "",
        '<tr><th scope="row">{}</th><td><code>{}</code></td><td>{}</td><td>{}</td></tr>',
        ((c.label, c.key, c.kind_label, c.meaning) for c in dataset.columns),
    )
