from functools import reduce
from operator import or_

import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from projects.models import Project, ProjectStatus, RenewalKind, Subdistrict


class KeywordFilterSet(django_filters.FilterSet):
    """Every public list's keyword box: `q` matched against the fields in `text_fields`."""

    text_fields = ()
    q = django_filters.CharFilter(label=_("关键词"), method="filter_text")

    def filter_text(self, queryset, name, value):
        value = value.strip()
        if not value:
            return queryset
        return queryset.filter(
            reduce(or_, (Q(**{f"{field}__icontains": value}) for field in self.text_fields))
        )


def subdistrict_filter(field_name="subdistrict"):
    """Lists filter by subdistrict through its slug, so the URL stays readable."""
    return django_filters.ModelChoiceFilter(
        label=_("所在街镇"),
        field_name=field_name,
        queryset=Subdistrict.objects.all(),
        to_field_name="slug",
        empty_label=_("全部街镇"),
    )


class ProjectFilter(KeywordFilterSet):
    text_fields = ("name", "summary", "name_en")
    kind = django_filters.ChoiceFilter(
        label=_("更新类别"), choices=RenewalKind.choices, empty_label=_("全部类别")
    )
    status = django_filters.ChoiceFilter(
        label=_("项目状态"), choices=ProjectStatus.choices, empty_label=_("全部状态")
    )
    subdistrict = subdistrict_filter()

    class Meta:
        model = Project
        fields = ["q", "kind", "status", "subdistrict"]
