"""The public list of published changes (更新记录) built from django-simple-history."""

import functools

from django.db.models import Q
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


@functools.cache
def compared_fields(model):
    """The fields diff_against(excluded_fields=PRIVATE_FIELDS) compares, sorted as it does.

    The models with a public change record keep no many-to-many history, so the
    fields are plain columns, compared here as values rather than as model instances.
    """
    history = history_model(model)
    names = {f.name for f in history.tracked_fields if f.editable}
    m2m = {f.name for f in history._history_m2m_fields}
    return tuple(sorted(names - m2m - PRIVATE_FIELDS))


def published_changes(obj, limit=20):
    """[(when, first publication?, [changed field labels])], newest first.

    Only versions residents saw count.

    Each published version is compared with the previous published one, so drafts and
    edits awaiting review never show up here.
    """
    # Set by a queryset that looked already (Project.objects.for_detail()).
    if getattr(obj, "has_history", True) is False:
        return []
    model = type(obj)
    fields = compared_fields(model)
    now = timezone.now()
    # The creation record comes along whatever its state (editors create drafts): it
    # only tells whether the first published version was the first version at all.
    shown = Q(publication_state=PublicationState.PUBLISHED, published_at__lte=now)
    rows = list(
        history_model(model)
        ._default_manager.filter(shown | Q(history_type="+"), **{obj._meta.pk.attname: obj.pk})
        .order_by("-history_date", "-history_id")
        .values_list("history_date", "history_type", "publication_state", "published_at", *fields)[
            : MAX_RECORDS + 1
        ]
    )
    # The same rule as the query's, for the creation record it brought along.
    records = [row for row in rows if row[2] == PublicationState.PUBLISHED and row[3] <= now][
        :MAX_RECORDS
    ]
    if not records:
        return []
    records.reverse()
    labels = {f.name: f.verbose_name for f in model._meta.concrete_fields}
    # Rows loaded from fixtures have no creation record: their first version is an edit.
    created_here = any(row[1] == "+" for row in rows) or (
        len(rows) > MAX_RECORDS
        and history_model(model)
        ._default_manager.filter(**{obj._meta.pk.attname: obj.pk}, history_type="+")
        .exists()
    )
    entries = []
    previous = None
    for record in records:
        if previous is None:
            entries.append((record[0], created_here, []))
        else:
            changed = [
                labels[name]
                for name, old, new in zip(fields, previous[4:], record[4:], strict=True)
                if old != new
            ]
            if changed:
                entries.append((record[0], False, changed))
        previous = record
    entries.reverse()
    return entries[:limit]
