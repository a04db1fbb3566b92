import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from livelihood.models import Park, ParkKind, ParkStatus
from projects.models import Subdistrict


class ParkFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("关键词"), method="filter_text")
    kind = django_filters.ChoiceFilter(
        label=_("公园类型"), choices=ParkKind.choices, empty_label=_("全部类型")
    )
    status = django_filters.ChoiceFilter(
        label=_("状态"), choices=ParkStatus.choices, empty_label=_("全部状态")
    )
    subdistrict = django_filters.ModelChoiceFilter(
        label=_("所在街镇"),
        queryset=Subdistrict.objects.all(),
        to_field_name="slug",
        empty_label=_("全部街镇"),
    )

    class Meta:
        model = Park
        fields = ["q", "kind", "status", "subdistrict"]

    def filter_text(self, queryset, name, value):
        value = value.strip()
        if not value:
            return queryset
        return queryset.filter(
            Q(name__icontains=value)
            | Q(name_en__icontains=value)
            | Q(address__icontains=value)
            | Q(facilities__icontains=value)
        )
