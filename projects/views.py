from django.db.models import Prefetch, Q
from django.views.generic import DetailView, ListView

from jiulongpo.mapdata import filter_query
from projects.filters import ProjectFilter
from projects.models import Photo, ProgressUpdate, Project


class PublishedProjectsMixin:
    """Residents see published projects only, fetched in a fixed number of queries."""

    model = Project
    paginate_by = 12

    def get_queryset(self):
        return Project.objects.published().for_listing()


class ProjectListView(PublishedProjectsMixin, ListView):
    template_name = "projects/project_list.html"

    def get_queryset(self):
        self.filterset = ProjectFilter(
            self.request.GET or None, queryset=super().get_queryset(), request=self.request
        )
        return self.filterset.qs.order_by("-featured", "name")

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            filter=self.filterset,
            map_query=filter_query(self.request, ProjectFilter),
            **kwargs,
        )


def visible_photos():
    """Photos of the project itself or of a published update; never a draft's."""
    return Photo.objects.filter(
        Q(update__isnull=True) | Q(update__in=ProgressUpdate.objects.published())
    )


class ProjectDetailView(PublishedProjectsMixin, DetailView):
    template_name = "projects/project_detail.html"

    def get_queryset(self):
        updates = ProgressUpdate.objects.published().prefetch_related(
            Prefetch("photos", queryset=visible_photos())
        )
        return (
            super()
            .get_queryset()
            .select_related("parent")
            .prefetch_related(
                Prefetch("updates", queryset=updates, to_attr="published_updates"),
                Prefetch("photos", queryset=visible_photos(), to_attr="visible_photos"),
            )
        )

    def get_context_data(self, **kwargs):
        project = self.object
        photos = project.visible_photos
        return super().get_context_data(
            photos_before=[p for p in photos if p.kind == "before"],
            photos_after=[p for p in photos if p.kind == "after"],
            photos_other=[
                p for p in photos if p.kind not in ("before", "after") and p.update_id is None
            ],
            parent_is_public=bool(project.parent and project.parent.is_public),
            **kwargs,
        )
