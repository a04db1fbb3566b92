from django.http import Http404
from django.utils.translation import gettext as _
from django.views.generic import DetailView, ListView

from jiulongpo.filtered_rows import FilteredList
from jiulongpo.mapdata import filter_query
from jiulongpo.precompiled import PrecompiledQuery
from livelihood import geo
from livelihood.filters import ParkFilter
from livelihood.forms import NearForm
from livelihood.models import IndicatorValue, Park, ParkPhoto

# What the list reads of a park (its rows, the map's coordinates, "near me"), in name order.
LIST_FIELDS = ["name", "name_en", "slug", "kind", "status", "latitude", "longitude"]
park_rows = FilteredList(
    ParkFilter,
    base=lambda: Park.objects.published().select_related("subdistrict"),
    finish=lambda rows: rows.order_by("name").only(*LIST_FIELDS, "subdistrict__name"),
)

# The district's total above the list: the newest published value of one figure.
latest_value_of = PrecompiledQuery(
    IndicatorValue,
    lambda code: (
        IndicatorValue.objects.published()
        .filter(indicator__code=code)
        .select_related("indicator")
        .order_by("-year", "-pk")
    ),
    code=str,
)
DISTRICT_TOTAL = "parks-and-gardens"

# A park's page: its row (with whether it has photos, so most parks need no second query)
# and its photos, both compiled once per process.
public_park = PrecompiledQuery(
    Park,
    lambda slug: (
        Park.objects.published()
        .for_listing()
        .select_related("department")
        .with_photo_flag()
        .filter(slug=slug)
    ),
    slug=str,
)
photos_of = PrecompiledQuery(ParkPhoto, lambda park: ParkPhoto.objects.filter(park=park), park=int)


class ParkPoint:
    """A park as "near me" ranks and names it: a plain row, not a model instance.

    "Near me" ranks every park the filters match (hundreds), and building a Park for each
    cost ten times the query; the name, link and coordinates are Park's own code.
    """

    __slots__ = ("pk", "name", "name_en", "slug", "latitude", "longitude")
    POINT_FIELDS = __slots__

    display_name = Park.display_name
    has_location = Park.has_location
    get_absolute_url = Park.get_absolute_url

    def __init__(self, row):
        self.pk, self.name, self.name_en, self.slug, self.latitude, self.longitude = row


def park_points(filterset):
    """Every park the list's filters match, in the list's order, as ParkPoints."""
    rows = filterset.qs.order_by("name").values_list(*ParkPoint.POINT_FIELDS)
    return [ParkPoint(row) for row in rows]


class CountedRows:
    """A list's rows for a paginator when how many there are is already known."""

    def __init__(self, rows, count):
        self.rows = rows
        self._count = count

    def count(self):
        return self._count

    def __getitem__(self, bounds):
        return self.rows[bounds]


def district_total():
    """The figure for the number of parks, with its latest published value, or None."""
    values = latest_value_of.page(0, 1, code=DISTRICT_TOTAL)
    if not values:
        return None
    indicator = values[0].indicator
    indicator.latest_published_values = values
    return indicator


class ParkListView(ListView):
    template_name = "parks/park_list.html"
    context_object_name = "park_list"
    paginate_by = 30

    def get_queryset(self):
        parks = Park.objects.published().select_related("subdistrict")
        self.filterset = ParkFilter(self.request.GET or None, queryset=parks, request=self.request)
        return park_rows.rows(self.filterset)

    def get_context_data(self, **kwargs):
        near_form = NearForm(self.request.GET if self._near_requested() else None)
        origin = near_form.origin
        nearby = unlocated = None
        nearby_left_out = 0
        if origin:
            # Distances cover every park that matches the filters, not just this page.
            points = park_points(self.filterset)
            self.object_list = CountedRows(self.object_list, len(points))
            nearby, unlocated = geo.parks_near(points, origin[0], origin[1])
            nearby, nearby_left_out = geo.shortlist(nearby)
        return super().get_context_data(
            filter=self.filterset,
            map_query=filter_query(self.request, ParkFilter),  # issue 7: the map's points
            near_form=near_form,
            origin=origin,
            nearby=nearby,
            unlocated=unlocated,
            nearby_left_out=nearby_left_out,
            walking_speed=geo.WALKING_SPEED_KMH,
            walk_minutes=geo.WALK_CIRCLE_MINUTES,
            walk_metres=round(geo.WALKING_SPEED_KMH * geo.WALK_CIRCLE_MINUTES / 60 * 1000),
            district_total=district_total(),
            **kwargs,
        )

    def _near_requested(self):
        return any(key in self.request.GET for key in ("near", "lat", "lng"))


class ParkDetailView(DetailView):
    template_name = "parks/park_detail.html"
    context_object_name = "park"

    def get_object(self, queryset=None):
        rows = public_park(slug=self.kwargs["slug"])
        if not rows:
            raise Http404(
                _("No %(verbose_name)s found matching the query")
                % {"verbose_name": Park._meta.verbose_name}
            )
        return rows[0]

    def get_context_data(self, **kwargs):
        park = self.object
        return super().get_context_data(
            photos=photos_of(park=park.pk) if park.has_photos else [], **kwargs
        )
