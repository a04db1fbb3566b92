from django.views.generic import DetailView, ListView

from jiulongpo.mapdata import filter_query
from livelihood import geo
from livelihood.filters import ParkFilter
from livelihood.forms import NearForm
from livelihood.models import Indicator, Park


class PublishedParksMixin:
    model = Park

    def get_queryset(self):
        return Park.objects.published().for_listing()


class ParkListView(PublishedParksMixin, ListView):
    template_name = "parks/park_list.html"
    paginate_by = 30

    def get_queryset(self):
        # The list shows no photos: only the subdistrict is joined.
        parks = Park.objects.published().select_related("subdistrict")
        self.filterset = ParkFilter(self.request.GET or None, queryset=parks, request=self.request)
        return self.filterset.qs.order_by("name")

    def get_context_data(self, **kwargs):
        near_form = NearForm(self.request.GET if self._near_requested() else None)
        origin = near_form.origin
        nearby = unlocated = None
        nearby_left_out = 0
        if origin:
            # Distances cover every park that matches the filters, not just this page.
            nearby, unlocated = geo.parks_near(self.object_list, origin[0], origin[1])
            nearby, nearby_left_out = geo.shortlist(nearby)
        totals = Indicator.objects.filter(code="parks-and-gardens").with_latest_published_value()
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
            district_total=next(iter(totals), None),
            **kwargs,
        )

    def _near_requested(self):
        return any(key in self.request.GET for key in ("near", "lat", "lng"))


class ParkDetailView(PublishedParksMixin, DetailView):
    template_name = "parks/park_detail.html"

    def get_queryset(self):
        return super().get_queryset().select_related("department").prefetch_related("photos")
