from django.urls import path

from jiulongpo import mapdata
from livelihood.filters import ParkFilter
from livelihood.models import Park
from livelihood.views import parks

app_name = "parks"

urlpatterns = [
    path("", parks.ParkListView.as_view(), name="list"),
    # Map data (issue 7): marker coordinates, and one marker's popup.
    path(
        "map.json",
        mapdata.MapPointsView.as_view(model=Park, filterset_class=ParkFilter),
        name="map-points",
    ),
    path("map/<int:pk>.json", mapdata.MapDetailsView.as_view(model=Park), name="map-details"),
    path("<slug:slug>/", parks.ParkDetailView.as_view(), name="detail"),
]
