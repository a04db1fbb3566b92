"""The benchmark's reference views (jiulongpo.bench_views): only when BENCH_VIEWS is set."""

from django.urls import path

from jiulongpo import bench_views

urlpatterns = [
    path("bench/trivial", bench_views.trivial, name="bench-trivial"),
    path("bench/one-query", bench_views.one_query, name="bench-one-query"),
    path("bench/project-data/<slug:slug>/", bench_views.project_data, name="bench-project-data"),
]
