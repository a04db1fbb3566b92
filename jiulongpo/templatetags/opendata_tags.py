from django import template
from django.http import QueryDict
from django.urls import reverse
from django.utils.translation import gettext as _

from jiulongpo.markup import format_html, format_html_join
from jiulongpo.opendata.registry import FORMATS, NON_FILTER_PARAMS, get_dataset

register = template.Library()


@register.simple_tag(takes_context=True)
def data_downloads(context, dataset, **extra):
    """Links to this list as CSV, XLSX and JSON, carrying the page's current filters.

    Built in Python, as column_rows: the list, project and figure pages all show it, and as
    an inclusion template it cost each of them about 0.2 ms.
    """
    params = QueryDict(mutable=True)
    for name, values in context["request"].GET.lists():
        if name not in NON_FILTER_PARAMS:
            params.setlist(name, values)
    for name, value in extra.items():
        params[name] = value
    query = params.urlencode()
    suffix = f"?{query}" if query else ""
    links = format_html_join(
        " · ",
        '<a href="{}{}"{}>{}</a>',
        ((url, suffix, download, label) for label, url, download in _file_links(dataset)),
    )
    return format_html(
        '<aside class="data-downloads" aria-label="{}">\n  <p>{}\n  {}\n'
        '  · <a href="{}">{}</a></p>\n</aside>',
        # Names the download landmark: a page can offer several datasets (issue 6, a11y).
        _("下载数据：%(title)s") % {"title": get_dataset(dataset).title},
        _("下载当前筛选结果：") if query else _("下载全部数据："),
        links,
        reverse("data:catalogue"),
        _("数据说明"),
    )


def _file_links(dataset):
    # JSON opens in the browser; the other formats are files to save.
    return [
        (
            fmt.upper(),
            reverse("data:download", kwargs={"dataset": dataset, "fmt": fmt}),
            "" if fmt == "json" else " download",
        )
        for fmt in FORMATS
    ]


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
