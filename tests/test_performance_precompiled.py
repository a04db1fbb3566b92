"""Queries compiled once per process give the rows the ORM gives, at the time they run."""

from datetime import timedelta

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.utils import timezone

from jiulongpo.precompiled import PrecompiledQuery
from jiulongpo.publishing import PublicationState
from projects.detail import attach_timeline, public_project
from projects.models import Photo, Project
from tests.factories import (
    PhotoFactory,
    ProgressUpdateFactory,
    ProjectFactory,
    SubdistrictFactory,
)

pytestmark = pytest.mark.django_db


def fields(instance):
    return {k: v for k, v in vars(instance).items() if k != "_state"}


def test_the_project_row_matches_the_orms_with_its_links_and_annotations():
    parent = ProjectFactory(subdistrict=SubdistrictFactory(name="谢家湾街道"))
    project = ProjectFactory(parent=parent, subdistrict=parent.subdistrict, investment=12)
    ProjectFactory(parent=project)  # a published phase

    [row] = public_project(slug=project.slug)
    expected = Project.objects.published().for_detail().get(slug=project.slug)

    assert fields(row) == fields(expected)
    assert row.has_published_phases is True and row.has_task_links is False
    assert row.subdistrict.name == "谢家湾街道"
    assert fields(row.parent) == fields(expected.parent)
    assert row.cover_photo is None


def test_each_call_looks_up_its_own_value():
    first, second = ProjectFactory(), ProjectFactory()
    assert [p.pk for p in public_project(slug=first.slug)] == [first.pk]
    assert [p.pk for p in public_project(slug=second.slug)] == [second.pk]
    assert public_project(slug="no-such-project") == []


def test_publication_time_is_the_time_of_each_call(monkeypatch):
    scheduled = ProjectFactory(published_at=timezone.now() + timedelta(hours=1))
    draft = ProjectFactory(publication_state=PublicationState.DRAFT)
    assert public_project(slug=scheduled.slug) == []
    assert public_project(slug=draft.slug) == []

    later = timezone.now() + timedelta(hours=2)
    monkeypatch.setattr(timezone, "now", lambda: later)
    assert [p.pk for p in public_project(slug=scheduled.slug)] == [scheduled.pk]
    assert public_project(slug=draft.slug) == []


def test_the_timeline_hides_photos_of_updates_residents_cannot_see_yet():
    project = ProjectFactory()
    shown = ProgressUpdateFactory(project=project)
    hidden = ProgressUpdateFactory(project=project, publication_state=PublicationState.DRAFT)
    own = PhotoFactory(project=project)
    on_shown = PhotoFactory(project=project, update=shown)
    PhotoFactory(project=project, update=hidden)
    # Hung on this project's update from another project's photo list.
    from_elsewhere = PhotoFactory(update=shown)

    attach_timeline(project)

    assert [u.pk for u in project.published_updates] == [shown.pk]
    assert {p.pk for p in project.published_updates[0].visible_photos} == {
        on_shown.pk,
        from_elsewhere.pk,
    }
    assert {p.pk for p in project.visible_photos} == {own.pk, on_shown.pk}


def test_a_value_that_is_transformed_before_it_reaches_the_sql_is_refused():
    contains = PrecompiledQuery(Project, lambda q: Project.objects.filter(name__contains=q), q=str)
    with pytest.raises(ImproperlyConfigured, match="unchanged"):
        contains(q="民主村")


def test_a_query_reading_the_clock_directly_is_refused():
    recent = PrecompiledQuery(
        Project,
        lambda slug: Project.objects.filter(slug=slug, updated_at__lte=timezone.now()),
        slug=str,
    )
    with pytest.raises(ImproperlyConfigured, match="changes between builds"):
        recent(slug="x")


def test_only_querysets_of_model_instances_are_accepted():
    names = PrecompiledQuery(Photo, lambda pk: Photo.objects.filter(pk=pk).values("pk"), pk=int)
    with pytest.raises(ImproperlyConfigured, match="model instances"):
        names(pk=1)
    with pytest.raises(TypeError):
        public_project(name="x")
