"""The project list's filter form class is built once per filter set, not on every request."""

import django_filters
import pytest
from django.utils import translation

from projects.filters import KeywordFilterSet, ProjectFilter
from projects.models import Project


def test_two_requests_share_one_project_filter_form_class():
    assert type(ProjectFilter({}).form) is type(ProjectFilter({}).form)


def test_two_requests_get_fields_of_their_own():
    first, second = ProjectFilter({}).form, ProjectFilter({}).form
    assert first.fields["kind"] is not second.fields["kind"]


@pytest.mark.django_db
def test_a_shared_form_class_still_validates_each_request_on_its_own():
    ProjectFilter({"kind": "compound"}).qs  # noqa: B018 (fills the shared class first)
    assert ProjectFilter({"kind": "no-such-kind"}).errors


def test_a_shared_form_class_labels_fields_in_each_requests_language():
    ProjectFilter({}).form  # noqa: B018
    with translation.override("en"):
        assert str(ProjectFilter({}).form["kind"].label) == "Renewal type"


def test_a_filter_set_with_a_label_taken_from_the_model_builds_its_form_each_time():
    # django-filter derives such a label as a string in the language of the moment.
    class UnlabelledFilter(KeywordFilterSet):
        name = django_filters.CharFilter()

        class Meta:
            model = Project
            fields = ["q", "name"]

    assert type(UnlabelledFilter({}).form) is not type(UnlabelledFilter({}).form)


def test_a_filter_set_whose_choices_depend_on_the_request_builds_its_form_each_time():
    class PerRequestFilter(KeywordFilterSet):
        parent = django_filters.ModelChoiceFilter(
            label="parent", queryset=lambda request: Project.objects.none()
        )

        class Meta:
            model = Project
            fields = ["q", "parent"]

    assert type(PerRequestFilter({}).form) is not type(PerRequestFilter({}).form)
