from django.db.models import Prefetch
from django.utils import timezone
from django.views.generic import DetailView

from projects.models import ProgressUpdate, Project

CARD_UPDATES = 5


class ProjectCardView(DetailView):
    """One A4 page per project: its facts, progress and latest updates, for a meeting file."""

    template_name = "reports/project_card.html"
    context_object_name = "project"

    def get_queryset(self):
        updates = ProgressUpdate.objects.published().order_by("-date", "-pk")
        return (
            Project.objects.published()
            .for_listing()
            .select_related("parent")
            .prefetch_related(Prefetch("updates", queryset=updates, to_attr="published_updates"))
        )

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            updates=self.object.published_updates[:CARD_UPDATES],
            as_of=timezone.localtime(),
            **kwargs,
        )
