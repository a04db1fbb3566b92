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

    def get_form_class(self):
        # django-filter builds a new form class on every request, a good part of a list
        # page's filtering time. A form deep-copies its class's fields per instance, so one
        # class can serve every request of this filter set, unless a field depends on the
        # request (a queryset callable) or on the language at build time (a label derived
        # from the model is forced to a string).
        cls = type(self)
        form_class = cls.__dict__.get("_form_class")
        if form_class is None:
            # Asked before building: building fills in a derived label.
            reusable = all(_same_for_every_request(f) for f in self.filters.values())
            form_class = super().get_form_class()
            if reusable:
                cls._form_class = form_class
        return form_class

    def filter_text(self, queryset, name, value):
        value = value.strip()
        if not value:
            return queryset
        return queryset.filter(
            reduce(or_, (Q(**{f"{field}__icontains": value}) for field in self.text_fields))
        )


def _same_for_every_request(filter_):
    return filter_._label is not None and not callable(getattr(filter_, "queryset", None))


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
