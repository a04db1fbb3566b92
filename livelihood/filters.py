import django_filters
from django.utils.translation import gettext_lazy as _

from livelihood.models import Park, ParkKind, ParkStatus
from projects.filters import KeywordFilterSet, subdistrict_filter


class ParkFilter(KeywordFilterSet):
    text_fields = ("name", "name_en", "address", "facilities")
    kind = django_filters.ChoiceFilter(
        label=_("公园类型"), choices=ParkKind.choices, empty_label=_("全部类型")
    )
    status = django_filters.ChoiceFilter(
        label=_("状态"), choices=ParkStatus.choices, empty_label=_("全部状态")
    )
    subdistrict = subdistrict_filter()

    class Meta:
        model = Park
        fields = ["q", "kind", "status", "subdistrict"]
