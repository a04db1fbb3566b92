"""A last check under every save made during a staff request, whichever screen made it.

The admin forms already follow the workflow; this catches any other way in (spreadsheet
imports, list editing, a future view): someone who may not publish never changes what
residents see, and an editor never writes outside their departments.
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from jiulongpo.publishing import PublicationState
from jiulongpo.workflow.scope import in_scope


def _current_user():
    request = getattr(HistoricalRecords.context, "request", None)
    user = getattr(request, "user", None)
    return user if user is not None and user.is_authenticated else None


def guard_save(sender, instance, raw=False, **kwargs):
    from jiulongpo.workflow.services import can_publish

    user = _current_user()
    if raw or user is None:
        return
    if not in_scope(user, instance):
        raise ValidationError(_("这条内容不属于您所在的部门，不能修改。"))
    if can_publish(user, instance) or instance.publication_state != PublicationState.PUBLISHED:
        return
    live = None
    if instance.pk is not None:
        live = sender._base_manager.filter(pk=instance.pk).values_list(
            "publication_state", flat=True
        )
        live = live.first()
    if live == PublicationState.PUBLISHED:
        raise ValidationError(_("已发布的内容要经审核才能修改：请在后台打开它修改并提交审核。"))
    raise ValidationError(_("只有审核人可以发布内容。"))
