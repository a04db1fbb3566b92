"""A Markdown `body` stored beside its sanitized HTML, so pages never convert it per request."""

from django.db import models

from jiulongpo.markdown import render_markdown


class RenderedBody(models.Model):
    """For a model with a Markdown `body` field: keeps `body_html` in step on every save().

    bulk_create and fixture loading (raw saves) skip save(): they fill `body_html` themselves
    (see fill_missing_body_html); pages fall back to converting `body` when it is empty.
    """

    body_html = models.TextField(editable=False, blank=True, default="")

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        self.body_html = render_markdown(self.body)
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and "body" in update_fields:
            kwargs["update_fields"] = {*update_fields, "body_html"}
        super().save(*args, **kwargs)


def fill_missing_body_html(model, batch_size=500):
    """Store the HTML of rows that have a body but no HTML yet; returns how many.

    Takes the model class, so data migrations can pass their historical model.
    """
    rows = model._base_manager.filter(body_html="").exclude(body="").only("pk", "body")
    changed = []
    for row in rows.iterator(chunk_size=batch_size):
        row.body_html = render_markdown(row.body)
        changed.append(row)
    model._base_manager.bulk_update(changed, ["body_html"], batch_size=batch_size)
    return len(changed)
