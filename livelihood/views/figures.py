from django.shortcuts import get_object_or_404
from django.views.generic import DetailView, ListView

from livelihood.charts import bar_chart, describe
from livelihood.models import Indicator, IndicatorCategory


class IndicatorListView(ListView):
    template_name = "figures/indicator_list.html"
    context_object_name = "indicators"

    def get_queryset(self):
        return Indicator.objects.with_latest_published_value()

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
        return get_object_or_404(
            Indicator.objects.with_published_values(), code=self.kwargs["code"]
        )

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
