"""The public list of published changes (更新记录) built from django-simple-history."""

import functools

from django.utils import timezone
from simple_history.utils import get_history_model_for_model

from jiulongpo.publishing import PublicationState
from jiulongpo.workflow.services import WORKFLOW_FIELDS

# Internal fields residents do not read about.
PRIVATE_FIELDS = {*WORKFLOW_FIELDS, "featured", "cover_photo", "slug", "source", "name_en"}
MAX_RECORDS = 200


@functools.cache
def history_model(model):
    # Not instance.history: that builds a new manager class on every access.
    return get_history_model_for_model(model)


def published_versions(model):
    """History records, of every row of the model, of the versions residents saw."""
    return history_model(model)._default_manager.filter(
        publication_state=PublicationState.PUBLISHED, published_at__lte=timezone.now()
    )


def published_changes(obj, limit=20):
    """[(when, first publication?, [changed field labels])], newest first.

    Only versions residents saw count.

    Each published version is compared with the previous published one, so drafts and
    edits awaiting review never show up here.
    """
    this_row = {obj._meta.pk.attname: obj.pk}
    records = list(
        published_versions(type(obj))
        .filter(**this_row)
        .order_by("-history_date", "-history_id")[:MAX_RECORDS]
    )
    if not records:
        return []
    records.reverse()
    labels = {f.name: f.verbose_name for f in type(obj)._meta.concrete_fields}
    # Rows loaded from fixtures have no creation record: their first version is an edit.
    created_here = any(r.history_type == "+" for r in records) or (
        history_model(type(obj))._default_manager.filter(**this_row, history_type="+").exists()
    )
    entries = []
    previous = None
    for record in records:
        if previous is None:
            entries.append((record.history_date, created_here, []))
        else:
            delta = record.diff_against(previous, excluded_fields=PRIVATE_FIELDS)
            if delta.changed_fields:
                changed = [labels[name] for name in delta.changed_fields]
                entries.append((record.history_date, False, changed))
        previous = record
    entries.reverse()
    return entries[:limit]
