from django.http import Http404
from django.utils.translation import gettext as _
from django.views.generic import DetailView, ListView

from jiulongpo import page_tags
from jiulongpo.cards import render_cards
from jiulongpo.filtered_rows import FilteredList
from jiulongpo.mapdata import filter_query
from projects.detail import public_project_with_timeline, public_tasks
from projects.filters import ProjectFilter
from projects.models import Project


def load_cards(ids):
    # Built only when some card is missing: building this query costs more than running it.
    return Project.objects.published().for_cards().in_bulk(ids)


def project_cards(rows, request=None):
    """The cards of these projects ((id, slug) pairs): a card shows part of its project's
    page, so it is kept while that page is."""
    tags_by_id = {pk: page_tags.for_project(slug) for pk, slug in rows}
    return render_cards(
        tags_by_id, load_cards, "includes/project_card.html", "project", request=request
    )


# What the list's rows carry: the map list's fields, in the list's order.
project_rows = FilteredList(
    ProjectFilter,
    base=lambda: Project.objects.published(),
    finish=lambda rows: rows.order_by("-featured", "name").only(
        "pk", "name", "slug", "latitude", "longitude"
    ),
)


class ProjectListView(ListView):
    """The page's rows carry only what the map list needs; cards come from jiulongpo.cards."""

    template_name = "projects/project_list.html"
    paginate_by = 12

    def get_queryset(self):
        self.filterset = ProjectFilter(
            self.request.GET or None,
            queryset=Project.objects.published(),
            request=self.request,
        )
        return project_rows.rows(self.filterset)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(
            filter=self.filterset,
            map_query=filter_query(self.request, ProjectFilter),
            **kwargs,
        )
        context["cards"] = project_cards(
            ((project.pk, project.slug) for project in context["object_list"]),
            request=self.request,
        )
        return context


class ProjectDetailView(DetailView):
    template_name = "projects/project_detail.html"

    def get_object(self, queryset=None):
        project = public_project_with_timeline(self.kwargs["slug"])
        if project is None:
            raise Http404(_("没有这个项目，或它尚未发布。"))
        return project

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
            tasks=public_tasks(project),
            **kwargs,
        )
