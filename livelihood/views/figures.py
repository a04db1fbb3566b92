from django.http import Http404
from django.utils.translation import gettext as _
from django.views.generic import DetailView, ListView

from jiulongpo.precompiled import PrecompiledQuery
from livelihood.charts import bar_chart, describe
from livelihood.models import Indicator, IndicatorCategory, IndicatorValue

# A figure's page is one indicator and its values: both queries compiled once per process.
indicator_by_code = PrecompiledQuery(
    Indicator, lambda code: Indicator.objects.filter(code=code), code=str
)
published_values_of = PrecompiledQuery(
    IndicatorValue,
    lambda indicator: (
        IndicatorValue.objects.published().filter(indicator=indicator).order_by("year", "pk")
    ),
    indicator=int,
)


# The figures list: every indicator with its newest published value, in one query.
indicator_tile_rows = PrecompiledQuery(Indicator, lambda: Indicator.objects.for_tiles())


class IndicatorListView(ListView):
    template_name = "figures/indicator_list.html"
    context_object_name = "indicators"

    def get_queryset(self):
        return indicator_tile_rows()

    def get_context_data(self, **kwargs):
        groups = {value: [] for value in IndicatorCategory.values}
        for indicator in self.object_list:
            groups.setdefault(indicator.category, []).append(indicator)
        labels = dict(IndicatorCategory.choices)
        return super().get_context_data(
            groups=[
                (value, labels.get(value, value), items) for value, items in groups.items() if items
            ],
            **kwargs,
        )


class IndicatorDetailView(DetailView):
    template_name = "figures/indicator_detail.html"
    context_object_name = "indicator"

    def get_object(self, queryset=None):
        rows = indicator_by_code(code=self.kwargs["code"])
        if not rows:
            raise Http404(_("没有这个指标。"))
        indicator = rows[0]
        indicator.published_values = published_values_of(indicator=indicator.pk)
        for value in indicator.published_values:
            value.indicator = indicator  # as prefetch_related() would link them
        return indicator

    def get_context_data(self, **kwargs):
        indicator = self.object
        values = indicator.published_values
        chart = bar_chart(indicator, values)
        return super().get_context_data(
            chart=chart,
            values=values,
            sentence=chart.description
            if chart
            else (describe(indicator, values) if values else ""),
            **kwargs,
        )
