from django.urls import path

from jiulongpo import mapdata
from projects import views
from projects.filters import ProjectFilter
from projects.models import Project

app_name = "projects"

urlpatterns = [
    path("", views.ProjectListView.as_view(), name="list"),
    # Map data (issue 7): marker coordinates, and one marker's popup.
    path(
        "map.json",
        mapdata.MapPointsView.as_view(model=Project, filterset_class=ProjectFilter),
        name="map-points",
    ),
    path("map/<int:pk>.json", mapdata.MapDetailsView.as_view(model=Project), name="map-details"),
    path("<slug:slug>/", views.ProjectDetailView.as_view(), name="detail"),
]
