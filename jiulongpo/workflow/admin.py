"""Admin base classes that give any Publishable model the editorial workflow.

Use WorkflowAdmin for a model's own admin and WorkflowInlineMixin for its inlines; register
the model's department path in jiulongpo.workflow.scope first.
"""

from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import OuterRef, Subquery
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from jiulongpo.models import PendingRevision
from jiulongpo.publishing import PublicationState
from jiulongpo.workflow import services
from jiulongpo.workflow.scope import (
    department_path,
    in_scope,
    is_workflow_model,
    scope_queryset,
    sees_all_departments,
    user_department_ids,
)

READONLY_WORKFLOW_FIELDS = ["published_by", "review_note"]
PENDING_MESSAGE = _("修改已保存为待审核版本：审核人发布之前，居民看到的仍是原来已发布的内容。")


def _error_text(error):
    return " ".join(error.messages)


class WorkflowInlineMixin:
    """Inline of publishable rows: only those who may publish set the state in the form."""

    def get_readonly_fields(self, request, obj=None):
        fields = list(super().get_readonly_fields(request, obj))
        if not services.can_publish(request.user, self.model):
            fields.append("publication_state")
        return fields


class PublishedParentLockMixin:
    """Rows with no workflow of their own (photos) show at once with their published parent,
    so only those who may publish change them there; editors add photos to a new update."""

    def _locked(self, request, obj):
        return (
            obj is not None
            and obj.publication_state == PublicationState.PUBLISHED
            and not services.can_publish(request.user, obj)
        )

    def has_add_permission(self, request, obj):
        return not self._locked(request, obj) and super().has_add_permission(request, obj)

    def has_change_permission(self, request, obj=None):
        return not self._locked(request, obj) and super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return not self._locked(request, obj) and super().has_delete_permission(request, obj)


class DepartmentScopedAdminMixin:
    """Editors see and change only their departments' rows: in lists, forms and on save."""

    def get_queryset(self, request):
        return scope_queryset(super().get_queryset(request), request.user)

    def has_change_permission(self, request, obj=None):
        allowed = super().has_change_permission(request, obj)
        return allowed and (obj is None or in_scope(request.user, obj))

    def has_delete_permission(self, request, obj=None):
        allowed = super().has_delete_permission(request, obj)
        return allowed and (obj is None or in_scope(request.user, obj))

    def _scoped_hop(self, request):
        path_ = department_path(self.model)
        if path_ is None or sees_all_departments(request.user):
            return None, None
        hop, _sep, rest = path_.partition("__")
        return hop, rest

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        hop, rest = self._scoped_hop(request)
        if hop == db_field.name:
            ids = user_department_ids(request.user)
            related = db_field.related_model._default_manager
            lookup = f"{rest}__in" if rest else "pk__in"
            kwargs["queryset"] = related.filter(**{lookup: ids})
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change, **kwargs)
        hop, _rest = self._scoped_hop(request)
        if hop in form.base_fields:
            # An editor's item must belong to one of their departments.
            form.base_fields[hop].required = True
        return form

    def save_model(self, request, obj, form, change):
        if not in_scope(request.user, obj):
            raise PermissionDenied
        super().save_model(request, obj, form, change)


class WorkflowFormsetMixin:
    """Publishable rows edited in inlines follow the workflow like the parent's own form."""

    def save_formset(self, request, form, formset, change):
        if not hasattr(formset.model, "publication_state"):
            return super().save_formset(request, form, formset, change)
        instances = formset.save(commit=False)
        for obj in formset.deleted_objects:
            if obj.publication_state == PublicationState.PUBLISHED and not (
                services.can_publish(request.user, obj)
            ):
                messages.warning(request, _("已发布的内容只能由审核人撤回，不能由编辑删除。"))
                continue
            obj.delete()
        for obj in instances:
            if not services.save_edit(obj, request.user):
                request._workflow_pending = True
        formset.save_m2m()

    def response_change(self, request, obj):
        if getattr(request, "_workflow_pending", False):
            self.message_user(request, PENDING_MESSAGE, messages.WARNING)
        return super().response_change(request, obj)


class WorkflowAdmin(DepartmentScopedAdminMixin, WorkflowFormsetMixin, SimpleHistoryAdmin):
    change_form_template = "admin/workflow/change_form.html"
    actions = ["submit_selected", "publish_selected", "unpublish_selected"]

    # --- who sees and changes what ------------------------------------------------------

    def get_queryset(self, request):
        content_type = ContentType.objects.get_for_model(self.model)
        revisions = PendingRevision.objects.filter(
            content_type=content_type, object_id=OuterRef("pk")
        )
        return (
            super()
            .get_queryset(request)
            .annotate(pending_state=Subquery(revisions.values("state")[:1]))
        )

    def has_publish_permission(self, request, obj=None):
        allowed = services.can_publish(request.user, self.model)
        return allowed and (obj is None or in_scope(request.user, obj))

    def has_delete_permission(self, request, obj=None):
        allowed = super().has_delete_permission(request, obj)
        if obj is None or not allowed:
            return allowed
        published = obj.publication_state == PublicationState.PUBLISHED
        return not published or self.has_publish_permission(request, obj)

    def revert_disabled(self, request, obj=None):
        return not self.has_publish_permission(request, obj)

    def get_list_display(self, request):
        return [
            "workflow_state" if name == "publication_state" else name
            for name in super().get_list_display(request)
        ]

    def get_readonly_fields(self, request, obj=None):
        fields = [*super().get_readonly_fields(request, obj), *READONLY_WORKFLOW_FIELDS]
        if not self.has_publish_permission(request, obj):
            # Editors move content only with the workflow buttons, never by picking a state.
            fields.append("publication_state")
            if obj is not None and obj.publication_state == PublicationState.PUBLISHED:
                fields.append("published_at")
        return fields

    def get_object(self, request, object_id, from_field=None):
        obj = super().get_object(request, object_id, from_field)
        if obj is not None:
            revision = services.pending_revision(obj)
            obj._pending_revision = revision
            if revision is not None:
                services.apply_revision(obj, revision)
        return obj

    # --- saving -------------------------------------------------------------------------

    def save_model(self, request, obj, form, change):
        if not in_scope(request.user, obj):
            raise PermissionDenied
        request._workflow_pending = not services.save_edit(obj, request.user)

    def _after_save(self, request, obj):
        if getattr(request, "_workflow_pending", False):
            self.message_user(request, PENDING_MESSAGE, messages.WARNING)
            request._workflow_pending = False  # said once
        action = "submit" if "_submit_review" in request.POST else None
        action = "publish" if "_publish" in request.POST else action
        if action:
            self._run(request, obj, action)

    def response_add(self, request, obj, post_url_continue=None):
        self._after_save(request, obj)
        return super().response_add(request, obj, post_url_continue)

    def response_change(self, request, obj):
        self._after_save(request, obj)
        return super().response_change(request, obj)

    # --- workflow steps -----------------------------------------------------------------

    STEP_MESSAGES = {
        "submit": _("已提交审核。"),
        "publish": _("已发布。"),
        "send_back": _("已退回给编辑修改。"),
        "unpublish": _("已撤回，居民不再看到这条内容。"),
    }

    def _run(self, request, obj, action):
        try:
            if action == "send_back":
                services.send_back(obj, request.user, request.POST.get("_review_note", ""))
            else:
                getattr(services, action)(obj, request.user)
        except ValidationError as error:
            self.message_user(request, f"{obj}：{_error_text(error)}", messages.ERROR)
            return False
        self.message_user(request, f"{obj}：{self.STEP_MESSAGES[action]}", messages.SUCCESS)
        return True

    def workflow_view(self, request, object_id, action):
        """POST-only step from the change form's buttons; nothing else in the form is saved."""
        if request.method != "POST" or action not in self.STEP_MESSAGES:
            raise PermissionDenied
        obj = get_object_or_404(self.get_queryset(request), pk=unquote(object_id))
        self._run(request, obj, action)
        opts = self.model._meta
        return HttpResponseRedirect(
            reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk])
        )

    def get_urls(self):
        opts = self.model._meta
        return [
            path(
                "<path:object_id>/workflow/<str:action>/",
                self.admin_site.admin_view(self.workflow_view),
                name=f"{opts.app_label}_{opts.model_name}_workflow",
            ),
            *super().get_urls(),
        ]

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        if request.method == "POST":
            obj = get_object_or_404(self.get_queryset(request), pk=unquote(object_id))
            if self.revert_disabled(request, obj):
                raise PermissionDenied
        return super().history_form_view(request, object_id, version_id, extra_context)

    def change_view(self, request, object_id, form_url="", extra_context=None):
        obj = self.get_object(request, unquote(object_id))
        context = {}
        if obj is not None:
            revision = obj._pending_revision
            context = {
                "workflow_status": services.status_label(obj, revision),
                "pending_revision": revision,
                "pending_changes": revision and services.revision_changes(obj, revision),
                "can_publish": self.has_publish_permission(request, obj),
                "is_published": obj.publication_state == PublicationState.PUBLISHED,
                "in_review": obj.publication_state == PublicationState.REVIEW
                or (revision is not None and revision.state == PublicationState.REVIEW),
            }
        return super().change_view(
            request, object_id, form_url, {**context, **(extra_context or {})}
        )

    # --- list actions -------------------------------------------------------------------

    def _run_all(self, request, queryset, action):
        for obj in queryset:
            try:
                self._run(request, obj, action)
            except PermissionDenied:
                self.message_user(request, f"{obj}：{_('无权操作。')}", messages.ERROR)

    @admin.action(description=_("提交所选内容审核"), permissions=["change"])
    def submit_selected(self, request, queryset):
        self._run_all(request, queryset, "submit")

    @admin.action(description=_("发布所选内容"), permissions=["publish"])
    def publish_selected(self, request, queryset):
        self._run_all(request, queryset, "publish")

    @admin.action(description=_("撤回所选内容"), permissions=["publish"])
    def unpublish_selected(self, request, queryset):
        self._run_all(request, queryset, "unpublish")

    @admin.display(description=_("发布状态"), ordering="publication_state")
    def workflow_state(self, obj):
        return services.status_label(obj, pending_state=getattr(obj, "pending_state", None))


def _workflow_inline(inline, parent_model):
    if is_workflow_model(inline.model):
        if not issubclass(inline, WorkflowInlineMixin):
            return type(inline.__name__, (WorkflowInlineMixin, inline), {})
    elif is_workflow_model(parent_model) and not issubclass(inline, PublishedParentLockMixin):
        return type(inline.__name__, (PublishedParentLockMixin, inline), {})
    return inline


def with_workflow(model, admin_class):
    """The admin class with the workflow, scoping and history a model's kind calls for.

    The admin site applies this to every registration, so each app's content follows the
    same rules without its admin module having to know about them.
    """
    inlines = [_workflow_inline(inline, model) for inline in admin_class.inlines]
    bases = []
    if is_workflow_model(model):
        if not issubclass(admin_class, WorkflowAdmin):
            bases.append(WorkflowAdmin)
    else:
        if department_path(model) and not issubclass(admin_class, DepartmentScopedAdminMixin):
            bases.append(DepartmentScopedAdminMixin)
        if inlines != list(admin_class.inlines):
            bases.append(WorkflowFormsetMixin)
    if not bases and inlines == list(admin_class.inlines):
        return admin_class
    return type(admin_class.__name__, (*bases, admin_class), {"inlines": inlines})
