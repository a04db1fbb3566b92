"""State changes of publishable content; each is one transaction and leaves history behind."""

import json

from django.contrib.auth import get_permission_codename
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from jiulongpo.models import PendingRevision
from jiulongpo.publishing import PublicationState
from jiulongpo.workflow.scope import in_scope

# Fields the workflow owns; an edit never carries them into a pending revision.
WORKFLOW_FIELDS = {
    "publication_state",
    "published_at",
    "published_by",
    "review_note",
    "created_at",
    "updated_at",
}
SUBMITTABLE = {PublicationState.DRAFT, PublicationState.UNPUBLISHED}


def publish_codename(model):
    return f"publish_{model._meta.model_name}"


def can_publish(user, model_or_obj):
    opts = model_or_obj._meta
    return user.has_perm(f"{opts.app_label}.{publish_codename(model_or_obj)}")


def can_change(user, obj):
    opts = obj._meta
    perm = f"{opts.app_label}.{get_permission_codename('change', opts)}"
    return user.has_perm(perm) and in_scope(user, obj)


def editable_fields(model):
    return [
        f
        for f in model._meta.concrete_fields
        if f.name not in WORKFLOW_FIELDS and f.editable and not f.primary_key
    ]


def pending_revision(obj):
    if obj.pk is None:
        return None
    content_type = ContentType.objects.get_for_model(type(obj))
    return PendingRevision.objects.filter(content_type=content_type, object_id=obj.pk).first()


def apply_revision(obj, revision):
    """Put a revision's values on the instance (in memory)."""
    fields = {f.name: f for f in editable_fields(type(obj))}
    for name, value in revision.data.items():
        if name in fields:
            field = fields[name]
            setattr(obj, field.attname, None if value is None else field.to_python(value))
    return obj


def revision_changes(obj, revision):
    """(field label, live value, proposed value) for a reviewer to compare."""
    proposed = apply_revision(type(obj)._base_manager.get(pk=obj.pk), revision)
    live = type(obj)._base_manager.get(pk=obj.pk)
    fields = {f.name: f for f in editable_fields(type(obj))}
    return [
        (fields[name].verbose_name, _display(live, fields[name]), _display(proposed, fields[name]))
        for name in revision.data
        if name in fields
    ]


def _display(obj, field):
    if field.choices:
        return getattr(obj, f"get_{field.name}_display")()
    value = getattr(obj, field.name)
    return "—" if value in (None, "") else value


def _live(obj):
    return type(obj)._base_manager.select_for_update().get(pk=obj.pk)


def _save(obj, user, reason="", **fields):
    for name, value in fields.items():
        setattr(obj, name, value)
    obj._history_user = user
    obj._change_reason = str(reason)[:100]  # shown as 说明 in the admin history
    obj.save()


@transaction.atomic
def save_edit(obj, user):
    """Save an edit made in the admin.

    An editor's edit to published content becomes (or extends) a pending revision and the
    live row is left as residents see it. Returns True when the live row was saved.
    """
    publisher = can_publish(user, obj)
    if not in_scope(user, obj):
        raise PermissionDenied
    if obj.pk is None or obj._state.adding:
        if not publisher:
            obj.publication_state = PublicationState.DRAFT
        elif obj.publication_state == PublicationState.PUBLISHED:
            obj.published_by = user
        _save(obj, user)
        return True
    live = _live(obj)
    _require(can_change(user, live))
    newly_published = (
        obj.publication_state == PublicationState.PUBLISHED
        and live.publication_state != PublicationState.PUBLISHED
    )
    if publisher and newly_published:
        obj.published_by = user  # a reviewer published by choosing the state in the form
    if not publisher:
        # State changes only through the workflow, never through a form.
        obj.publication_state = live.publication_state
        obj.published_by_id = live.published_by_id
    if publisher or live.publication_state != PublicationState.PUBLISHED:
        _save(obj, user)
        revision = pending_revision(obj)
        if revision is not None and publisher:
            revision.delete()
        return True
    changes = {
        f.name: f.value_from_object(obj)
        for f in editable_fields(type(obj))
        if f.value_from_object(obj) != f.value_from_object(live)
    }
    revision = pending_revision(obj)
    if not changes:
        if revision is not None:
            revision.delete()
        return False
    if revision is None:
        revision = PendingRevision(
            content_type=ContentType.objects.get_for_model(type(obj)), object_id=obj.pk
        )
    revision.data = json.loads(json.dumps(changes, cls=DjangoJSONEncoder))
    revision.author = user
    revision.updated_at = timezone.now()
    revision.save()
    return False


def _require(allowed):
    if not allowed:
        raise PermissionDenied


@transaction.atomic
def submit(obj, user):
    """Editor: send a draft (or a pending revision) to the reviewers."""
    _require(can_change(user, obj))
    revision = pending_revision(obj)
    if revision is not None:
        revision.state = PublicationState.REVIEW
        revision.save(update_fields=["state"])
        return
    live = _live(obj)
    if live.publication_state not in SUBMITTABLE:
        raise ValidationError(_("只有草稿或已撤回的内容可以提交审核。"))
    _save(live, user, _("提交审核"), publication_state=PublicationState.REVIEW)


@transaction.atomic
def publish(obj, user):
    """Reviewer: publish; a future publication time is kept, a past one becomes now."""
    _require(can_publish(user, obj) and in_scope(user, obj))
    live = _live(obj)
    reason = _("审核发布")
    revision = pending_revision(live)
    if revision is not None:
        apply_revision(live, revision)
        reason = _("发布 %(author)s 的修改") % {"author": revision.author or "—"}
        revision.delete()
    now = timezone.now()
    published_at = live.published_at
    if live.publication_state != PublicationState.PUBLISHED and published_at < now:
        published_at = now
    _save(
        live,
        user,
        reason,
        publication_state=PublicationState.PUBLISHED,
        published_at=published_at,
        published_by=user,
        review_note="",
    )
    return live


@transaction.atomic
def send_back(obj, user, note):
    """Reviewer: return to the editor with a note saying what to change."""
    _require(can_publish(user, obj) and in_scope(user, obj))
    note = (note or "").strip()
    if not note:
        raise ValidationError(_("退回修改时请写明审核意见，告诉编辑要改什么。"))
    revision = pending_revision(obj)
    if revision is not None:
        revision.state = PublicationState.DRAFT
        revision.review_note = note
        revision.save(update_fields=["state", "review_note"])
        return
    live = _live(obj)
    if live.publication_state != PublicationState.REVIEW:
        raise ValidationError(_("只有待审核的内容可以退回。"))
    _save(live, user, _("退回修改"), publication_state=PublicationState.DRAFT, review_note=note)


@transaction.atomic
def unpublish(obj, user):
    """Reviewer: take published content off the site; it stays in the admin."""
    _require(can_publish(user, obj) and in_scope(user, obj))
    live = _live(obj)
    if live.publication_state != PublicationState.PUBLISHED:
        raise ValidationError(_("只有已发布的内容可以撤回。"))
    revision = pending_revision(live)
    if revision is not None:
        # No longer public, so the editor's pending change can simply become the draft.
        apply_revision(live, revision)
        revision.delete()
    _save(live, user, _("撤回发布"), publication_state=PublicationState.UNPUBLISHED)


def status_label(obj, revision=None, pending_state=None):
    """What an editor needs to know at a glance, including a pending revision."""
    if revision is not None:
        pending_state = revision.state
    if pending_state == PublicationState.REVIEW:
        return _("已发布，修改待审核")
    if revision is not None and revision.review_note:
        return _("已发布，修改被退回")
    if pending_state is not None:
        return _("已发布，有未提交的修改")
    if obj.publication_state == PublicationState.DRAFT and obj.review_note:
        return _("被退回修改")
    if obj.publication_state == PublicationState.PUBLISHED and not obj.is_public:
        return _("定时发布")
    return obj.get_publication_state_display()
