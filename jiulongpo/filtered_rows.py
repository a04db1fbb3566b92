"""A filtered, paginated list's rows from queries compiled once per filter shape.

A list page runs two queries, how many rows match and one page of them, which django-filter
builds from the request. The filters a request sets (its shape: kind and status, say) come
in few combinations, and each combination's SQL is the same whatever the values, so each is
compiled once per process (jiulongpo.precompiled). Filters whose values reach the SQL
changed (the keyword box's LIKE patterns) or that run a method of their own are left to the
ORM, as before.
"""

from django.db.models import Model
from django_filters.constants import EMPTY_VALUES

from jiulongpo.precompiled import PrecompiledQuery


class FilteredRows:
    """What a Paginator reads of a queryset: count() and a slice of rows."""

    def __init__(self, query, values):
        self.query = query
        self.values = values
        self.model = query.model

    def count(self):
        return self.query.count(**self.values)

    def __getitem__(self, bounds):
        start = bounds.start or 0
        return self.query.page(start, bounds.stop - start, **self.values)


class FilteredList:
    """`rows(filterset)`: the rows of `base()` that a bound filter set keeps, passed through
    `finish` (ordering, columns), ready for a paginator."""

    def __init__(self, filterset_class, base, finish):
        self.filterset_class = filterset_class
        self.base = base
        self.finish = finish
        self._by_shape = {}

    def rows(self, filterset):
        active = {}
        if filterset.is_bound:
            # Fills cleaned_data; as in filterset.qs, an invalid field is left out of it.
            filterset.is_valid()
            active = {
                name: value
                for name, value in filterset.form.cleaned_data.items()
                if value not in EMPTY_VALUES
            }
        values = {name: _plain(value) for name, value in active.items()}
        filters = self.filterset_class.base_filters
        if any(value is None or not _exact(filters[name]) for name, value in values.items()):
            return self.finish(filterset.qs)
        shape = tuple(name for name in filters if name in values)
        query = self._by_shape.get(shape)
        if query is None:
            kinds = {name: type(values[name]) for name in shape}
            query = self._by_shape[shape] = PrecompiledQuery(
                self.filterset_class._meta.model, self._builder(shape), **kinds
            )
        return FilteredRows(query, values)

    def _builder(self, shape):
        filters = self.filterset_class.base_filters

        def build(**values):
            rows = self.base()
            for name in shape:
                rows = filters[name].filter(rows, values[name])
            return self.finish(rows)

        return build


def _exact(filter_):
    # The value goes into the SQL as it is: a plain equality, no method of the filter set's.
    return filter_.method is None and filter_.lookup_expr == "exact"


def _plain(value):
    """The value as the SQL receives it (a chosen row by its key), or None if not a plain one."""
    if isinstance(value, Model):
        value = value.pk
    if isinstance(value, str) or (isinstance(value, int) and not isinstance(value, bool)):
        return value
    return None
