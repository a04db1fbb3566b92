from django.urls import path

from livelihood.views import parks

app_name = "parks"

urlpatterns = [
    path("", parks.ParkListView.as_view(), name="list"),
    path("<slug:slug>/", parks.ParkDetailView.as_view(), name="detail"),
]
