"""The datasets offered for download, each declaring its rows, filters and columns."""

from collections.abc import Callable
from dataclasses import dataclass, field

from django.db.models import Count, Max
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from jiulongpo.opendata.columns import Column

LICENCE = _("知识共享署名 4.0 国际许可协议（CC BY 4.0）：注明出处即可自由使用。")
LICENCE_URL = "https://creativecommons.org/licenses/by/4.0/deed.zh-hans"
FORMATS = ("csv", "xlsx", "json")
# Query parameters that shape the file rather than filter the rows.
NON_FILTER_PARAMS = {"page", "header"}


@dataclass(frozen=True)
class Dataset:
    slug: str
    title: str
    description: str
    source: str
    columns: tuple[Column, ...]
    queryset: Callable
    filterset: type | None = None
    ordering: tuple[str, ...] = ("pk",)
    updated_field: str = "updated_at"
    # Per-row extras the files need but counting does not (progress subqueries).
    extras: Callable | None = None
    page_url: Callable | None = None
    notes: tuple[str, ...] = field(default_factory=tuple)

    def filtered(self, params):
        """Rows and the filters applied, exactly as the list page filters them."""
        queryset = self.queryset()
        if self.extras is not None:
            queryset = self.extras(queryset)
        applied = {}
        if self.filterset is not None:
            filterset = self.filterset(params or None, queryset=queryset)
            queryset = filterset.qs
            if filterset.is_bound:
                # Invalid values are ignored, as on the page; only the valid ones are named.
                cleaned = filterset.form.cleaned_data
                applied = {
                    name: params.get(name)
                    for name in filterset.filters
                    if cleaned.get(name) not in (None, "") and name not in NON_FILTER_PARAMS
                }
        return queryset.order_by(*self.ordering), applied

    def summary(self):
        """Row count and the time of the latest change, in one query."""
        # distinct only when the freshness field sits across a join (an indicator's values):
        # COUNT(DISTINCT) sorts every id, several times the cost of counting 100,000 rows.
        across_join = "__" in self.updated_field
        figures = (
            self.queryset()
            .order_by()
            .aggregate(count=Count("pk", distinct=across_join), last=Max(self.updated_field))
        )
        return figures["count"], figures["last"]

    def filename(self, fmt):
        return f"jiulongpo-{self.slug}-{timezone.localdate():%Y%m%d}.{fmt}"


_DATASETS: dict[str, Dataset] = {}


def register(dataset):
    _DATASETS[dataset.slug] = dataset
    return dataset


def all_datasets():
    _load()
    return list(_DATASETS.values())


def get_dataset(slug):
    _load()
    try:
        return _DATASETS[slug]
    except KeyError:
        raise Http404(_("没有这个数据集。")) from None


def _load():
    # Importing the modules registers their datasets; apps that are missing offer none.
    from jiulongpo.opendata.datasets import load_all

    load_all()
