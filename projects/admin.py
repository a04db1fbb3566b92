from django.contrib import admin
from django.core.exceptions import ValidationError
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from markdownx.models import MarkdownxField
from markdownx.widgets import AdminMarkdownxWidget

from jiulongpo.publishing import PublicationState
from jiulongpo.workflow.admin import (
    DepartmentScopedAdminMixin,
    WorkflowAdmin,
    WorkflowInlineMixin,
)
from jiulongpo.workflow.services import can_publish
from projects.models import Department, Photo, ProgressUpdate, Project, Subdistrict

MARKDOWN_WIDGETS = {MarkdownxField: {"widget": AdminMarkdownxWidget}}


@admin.register(Subdistrict)
class SubdistrictAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "slug"]
    search_fields = ["name", "slug"]


@admin.register(Department)
class DepartmentAdmin(admin.ModelAdmin):
    list_display = ["name", "slug"]
    search_fields = ["name"]


class ProgressUpdateInline(WorkflowInlineMixin, admin.StackedInline):
    model = ProgressUpdate
    extra = 1
    fields = [("date", "percent"), "title", "body", ("publication_state", "published_at"), "source"]
    formfield_overrides = MARKDOWN_WIDGETS
    ordering = ["-date", "-pk"]
    show_change_link = True


class PhotoInline(admin.TabularInline):
    model = Photo
    extra = 1
    fields = [
        "preview",
        "image",
        "alt_text",
        "caption",
        "kind",
        "taken_on",
        "credit",
        "update",
        "position",
    ]
    readonly_fields = ["preview"]

    @admin.display(description=_("预览"))
    def preview(self, photo):
        if not photo.thumbnail_small:
            return "—"
        return format_html('<img src="{}" alt="" width="120">', photo.thumbnail_small.url)

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        # Offer only this project's own updates when attaching a photo to one.
        if db_field.name == "update":
            project_id = request.resolver_match.kwargs.get("object_id")
            kwargs["queryset"] = ProgressUpdate.objects.filter(project_id=project_id)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


def photo_reaches_residents(project, update):
    """A photo shows with its project unless it belongs to an update not yet published."""
    published = PublicationState.PUBLISHED
    return (
        project is not None
        and project.publication_state == published
        and (update is None or update.publication_state == published)
    )


def _photo_public(photo):
    return photo_reaches_residents(photo.project, photo.update)


class UpdatePhotoInline(admin.TabularInline):
    """Photos of one progress update: they reach residents when the update is published."""

    model = Photo
    fk_name = "update"
    extra = 1
    fields = ["image", "alt_text", "caption", "kind", "taken_on", "credit", "position"]


@admin.register(Project)
class ProjectAdmin(WorkflowAdmin):
    list_display = [
        "name",
        "parent",
        "kind",
        "status",
        "subdistrict",
        "pilot_level",
        "workflow_state",
        "updated_at",
    ]
    list_filter = ["publication_state", "status", "kind", "subdistrict", "pilot_level", "featured"]
    list_select_related = ["parent", "subdistrict"]
    search_fields = ["name", "name_en", "slug", "summary"]
    autocomplete_fields = ["parent", "subdistrict", "department"]
    raw_id_fields = ["cover_photo"]
    date_hierarchy = "updated_at"
    formfield_overrides = MARKDOWN_WIDGETS
    inlines = [ProgressUpdateInline, PhotoInline]
    fieldsets = [
        (None, {"fields": ["name", "name_en", "slug", "parent", "summary", "body"]}),
        (
            _("分类"),
            {
                "fields": [
                    "kind",
                    ("approach_retain", "approach_renovate", "approach_demolish", "approach_build"),
                    "subdistrict",
                    "pilot_level",
                    "status",
                    "department",
                ]
            },
        ),
        (
            _("工期与规模"),
            {
                "fields": [
                    ("planned_start", "planned_finish"),
                    ("actual_start", "actual_finish"),
                    ("investment", "floor_area"),
                ]
            },
        ),
        (_("位置与图片"), {"fields": [("latitude", "longitude"), "cover_photo"]}),
        (
            _("发布"),
            {
                "fields": [
                    ("publication_state", "published_at"),
                    ("published_by", "review_note"),
                    "featured",
                    "source",
                ]
            },
        ),
    ]


@admin.register(ProgressUpdate)
class ProgressUpdateAdmin(WorkflowAdmin):
    list_display = ["title", "project", "date", "percent", "workflow_state", "published_at"]
    list_filter = ["publication_state", "date", "project__subdistrict"]
    list_select_related = ["project"]
    search_fields = ["title", "project__name"]
    autocomplete_fields = ["project"]
    date_hierarchy = "date"
    formfield_overrides = MARKDOWN_WIDGETS
    inlines = [UpdatePhotoInline]

    def save_formset(self, request, form, formset, change):
        if formset.model is Photo:
            for photo in formset.save(commit=False):
                photo.project_id = form.instance.project_id
            formset.instance = form.instance
        return super().save_formset(request, form, formset, change)


@admin.register(Photo)
class PhotoAdmin(DepartmentScopedAdminMixin, admin.ModelAdmin):
    list_display = ["__str__", "project", "kind", "taken_on"]
    list_filter = ["kind"]
    list_select_related = ["project"]
    search_fields = ["caption", "alt_text", "project__name"]
    autocomplete_fields = ["project"]
    raw_id_fields = ["update"]

    def _may_publish(self, request):
        return can_publish(request.user, Project)

    def has_change_permission(self, request, obj=None):
        allowed = super().has_change_permission(request, obj)
        locked = obj is not None and _photo_public(obj) and not self._may_publish(request)
        return allowed and not locked

    def has_delete_permission(self, request, obj=None):
        allowed = super().has_delete_permission(request, obj)
        locked = obj is not None and _photo_public(obj) and not self._may_publish(request)
        return allowed and not locked

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change, **kwargs)
        if self._may_publish(request):
            return form

        class EditorPhotoForm(form):
            def clean(self):
                cleaned = super().clean()
                photo = self.instance
                project = cleaned.get("project", photo.project if photo.project_id else None)
                update = cleaned.get("update", photo.update if photo.update_id else None)
                if photo_reaches_residents(project, update):
                    raise ValidationError(
                        _(
                            "已发布项目的新照片请挂在一条尚未发布的进展更新上，审核发布后才对居民可见。"
                        )
                    )
                return cleaned

        return EditorPhotoForm
