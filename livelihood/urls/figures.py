from django.urls import path

from livelihood.views import figures

app_name = "figures"

urlpatterns = [
    path("", figures.IndicatorListView.as_view(), name="list"),
    path("<slug:code>/", figures.IndicatorDetailView.as_view(), name="detail"),
]
