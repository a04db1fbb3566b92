"""One download: a dataset with the filters of a request, frozen at one moment."""

from django.utils import timezone
from django.utils.translation import gettext as _

from jiulongpo.opendata.columns import Kind
from jiulongpo.opendata.registry import LICENCE, LICENCE_URL


class Export:
    def __init__(self, dataset, params):
        self.dataset = dataset
        self.columns = dataset.columns
        self.queryset, self.filters = dataset.filtered(params)
        self.generated_at = timezone.localtime().replace(microsecond=0)

    def metadata(self, count=None):
        """The JSON head; its keys are a stable contract documented on /data/."""
        return {
            "dataset": self.dataset.slug,
            "title": str(self.dataset.title),
            "description": str(self.dataset.description),
            "source": str(self.dataset.source),
            "licence": str(LICENCE),
            "licence_url": LICENCE_URL,
            "filters": self.filters,
            "count": self.queryset.count() if count is None else count,
            "generated_at": self.generated_at.isoformat(),
            "columns": [
                {
                    "key": column.key,
                    "label": str(column.label),
                    "type": column.kind,
                    "type_label": str(Kind.LABELS[column.kind]),
                    "meaning": str(column.meaning),
                }
                for column in self.columns
            ],
        }

    def describe_filters(self):
        if not self.filters:
            return _("无（全部公开记录）")
        return "；".join(f"{name}={value}" for name, value in self.filters.items())
