"""Map data as small JSON (issue 7, page weight): coordinates first, details on click.

A map's markers come from a points endpoint that answers every published, located row
matching the list page's filters as compact [id, lat, lng] triples, in one query whatever the
number of rows. A marker's popup is filled from a details endpoint (name, link, status) only
when a resident clicks it. Both are anonymous GETs, so the page cache in jiulongpo/cache.py
keeps them and drops them on the next content change like any page.
"""

from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.views import View

from jiulongpo.templatetags.site_meta import localized_name

COMPACT = {"separators": (",", ":"), "ensure_ascii": False}


def located(queryset):
    return queryset.filter(latitude__isnull=False, longitude__isnull=False)


def filter_query(request, filterset_class):
    """The request's query string cut to the list filters (no page, no 'near me')."""
    params = request.GET.copy()
    for key in list(params):
        if key not in filterset_class.base_filters:
            del params[key]
    return params.urlencode()


def url_around(viewname, **kwarg):
    """(head, tail) of viewname's URL around its one argument, reversed once with the given
    sample value: many rows' URLs are then head + value + tail, without a reverse each."""
    ((_name, sample),) = kwarg.items()
    head, _sample, tail = reverse(viewname, kwargs=kwarg).rpartition(str(sample))
    return head, tail


# Stand-ins no real URL holds, each in its own place of the reversed path.
_URL_STAND_INS = (918273645, 546372819)


def url_format(name, *arguments):
    """A str.format pattern of the URL `name` in the active language, for URLs of several
    arguments (url_around takes one): reverse() costs about 30 µs a call, and a year's task
    list links to dozens of tasks and years."""
    stand_ins = dict(zip(arguments, _URL_STAND_INS, strict=False))
    url = reverse(name, kwargs=stand_ins).replace("{", "{{").replace("}", "}}")
    for argument, stand_in in stand_ins.items():
        url = url.replace(str(stand_in), f"{{{argument}}}")
    return url


def details_url_template(viewname):
    """The details URL with '{id}' where the row's id goes, for static/js/map.js."""
    head, tail = url_around(viewname, pk=0)
    return f"{head}{{id}}{tail}"


class MapPointsView(View):
    """[[id, lat, lng], …] for every published located row the list's filters match."""

    model = None
    filterset_class = None

    def get(self, request):
        rows = located(self.model.objects.published())
        filterset = self.filterset_class(request.GET or None, queryset=rows, request=request)
        points = filterset.qs.order_by("pk").values_list("pk", "latitude", "longitude")
        return JsonResponse(
            [[pk, float(lat), float(lng)] for pk, lat, lng in points],
            safe=False,
            json_dumps_params=COMPACT,
        )


class MapDetailsView(View):
    """One published row's popup: name, link and status; 404 for anything not public."""

    model = None

    def get(self, request, pk):
        row = get_object_or_404(self.model.objects.published(), pk=pk)
        if not row.has_location:
            raise Http404
        return JsonResponse(
            {
                "name": localized_name(row),
                "url": row.get_absolute_url(),
                "status": row.get_status_display(),
            },
            json_dumps_params=COMPACT,
        )
