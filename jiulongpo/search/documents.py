"""How each public model becomes a search document. jiulongpo composes the apps, so the
registrations live here; a new app adds its own function and one `register` call."""

from django.db.models import Prefetch
from django.utils.translation import gettext_lazy as _

from jiulongpo.publishing import PublicationState
from jiulongpo.search.registry import markdown_text, named_document, register
from projects.models import ProgressUpdate, Project, Subdistrict


def published_since(obj):
    """When residents may see it, or None while it is a draft, in review or withdrawn."""
    if obj.publication_state != PublicationState.PUBLISHED:
        return None
    return obj.published_at


def project_document(project):
    published_at = published_since(project)
    if published_at is None:
        return None
    updates = getattr(project, "published_updates", None)
    if updates is None:
        updates = project.updates.published()
    update_text = [f"{u.title} {markdown_text(u.body)}" for u in updates]
    keywords = [
        project.get_kind_display(),
        project.get_status_display(),
        project.get_pilot_level_display(),
        *[str(a) for a in project.approaches],
    ]
    if project.subdistrict_id:
        keywords.append(project.subdistrict.name)
    body = " ".join([markdown_text(project.body), *update_text]).strip()
    return named_document(project, published_at, body, keywords)


def projects_to_index():
    return Project.objects.select_related("subdistrict").prefetch_related(
        Prefetch(
            "updates", queryset=ProgressUpdate.objects.published(), to_attr="published_updates"
        )
    )


def register_projects():
    register(
        "project",
        _("城市更新项目"),
        Project,
        project_document,
        queryset=projects_to_index,
        follows={
            ProgressUpdate: lambda update: [update.project],
            Subdistrict: lambda place: place.projects.all(),
        },
    )


def register_all():
    from jiulongpo.search.livelihood_documents import register_livelihood

    register_projects()
    register_livelihood()
