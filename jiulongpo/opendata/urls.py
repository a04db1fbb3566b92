from django.urls import path, re_path

from jiulongpo.opendata import views

app_name = "data"

urlpatterns = [
    path("", views.CatalogueView.as_view(), name="catalogue"),
    re_path(
        r"^(?P<dataset>[a-z][a-z0-9-]*)\.(?P<fmt>csv|xlsx|json)$",
        views.download,
        name="download",
    ),
]
