"""Choice labels without Django's per-call cost.

Model.get_FOO_display() rebuilds a dict of every choice on each call and hashes each lazy
label, which translates it: about 30 µs a call, and a list of cards makes dozens. Here the
value → label map is built once per field; labels stay lazy, so each page still shows them
in its own language.
"""

from django.db import models
from django.utils.encoding import force_str

_labels_by_field = {}


def _labels(field):
    labels = _labels_by_field.get(field)
    if labels is None:
        labels = _labels_by_field[field] = dict(field.flatchoices)
    return labels


class FastChoiceLabels(models.Model):
    class Meta:
        abstract = True

    def _get_FIELD_display(self, field):
        value = getattr(self, field.attname)
        try:
            label = _labels(field).get(value, value)
        except TypeError:  # an unhashable value: Django's own path copes with it
            return super()._get_FIELD_display(field)
        return force_str(label, strings_only=True)
