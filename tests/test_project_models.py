import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from jiulongpo.publishing import PublicationState
from projects.models import Project
from tests.factories import ProgressUpdateFactory, ProjectFactory

pytestmark = pytest.mark.django_db


def test_slug_is_readable_pinyin_of_the_chinese_name():
    project = Project.objects.create(name="民主村片区")
    assert project.slug == "minzhucun-pianqu"


def test_a_second_project_with_the_same_name_gets_a_distinct_slug():
    Project.objects.create(name="红育坡片区")
    assert Project.objects.create(name="红育坡片区").slug == "hongyupo-pianqu-2"


def test_an_editor_may_choose_the_slug():
    assert Project.objects.create(name="九龙半岛", slug="jiulong-peninsula").slug == (
        "jiulong-peninsula"
    )


def test_database_refuses_percent_over_100():
    update = ProgressUpdateFactory.build(project=ProjectFactory(), percent=101)
    with pytest.raises(IntegrityError), transaction.atomic():
        update.save()


def test_clean_explains_percent_over_100_in_chinese():
    update = ProgressUpdateFactory.build(project=ProjectFactory(), percent=150)
    with pytest.raises(ValidationError, match="0 到 100"):
        update.full_clean()


def test_database_refuses_a_finish_before_the_start():
    project = ProjectFactory.build(
        actual_start=datetime.date(2022, 5, 1), actual_finish=datetime.date(2022, 4, 1)
    )
    with pytest.raises(IntegrityError), transaction.atomic():
        project.save()


def test_clean_explains_a_finish_before_the_start():
    project = ProjectFactory.build(
        planned_start=datetime.date(2022, 5, 1), planned_finish=datetime.date(2022, 4, 1)
    )
    with pytest.raises(ValidationError, match="计划完工日期不能早于计划开工日期"):
        project.full_clean()


def test_database_refuses_duplicate_slugs():
    ProjectFactory(slug="same")
    with pytest.raises(IntegrityError), transaction.atomic():
        Project.objects.create(name="另一个", slug="same")


def test_half_a_location_is_refused():
    project = ProjectFactory.build(latitude=29.5)
    with pytest.raises(ValidationError, match="经度和纬度"):
        project.full_clean()
    with pytest.raises(IntegrityError), transaction.atomic():
        project.save()


def test_a_phase_cannot_hang_under_another_phase():
    phase = ProjectFactory(parent=ProjectFactory())
    with pytest.raises(ValidationError, match="分期只能挂在总项目下"):
        ProjectFactory.build(parent=phase).full_clean()


def test_progress_is_the_latest_published_update_percent():
    project = ProjectFactory()
    ProgressUpdateFactory(project=project, date=datetime.date(2022, 1, 1), percent=20)
    ProgressUpdateFactory(project=project, date=datetime.date(2022, 3, 1), percent=45)
    ProgressUpdateFactory(project=project, date=datetime.date(2022, 4, 1), percent=None)
    ProgressUpdateFactory(
        project=project,
        date=datetime.date(2022, 5, 1),
        percent=90,
        publication_state=PublicationState.DRAFT,
    )
    assert Project.objects.get(pk=project.pk).progress == 45
    assert Project.objects.with_progress().get(pk=project.pk).progress == 45


def test_a_parent_progress_rolls_up_from_its_phases():
    parent = ProjectFactory()
    ProgressUpdateFactory(project=ProjectFactory(parent=parent), percent=100)
    ProgressUpdateFactory(project=ProjectFactory(parent=parent), percent=40)
    ProjectFactory(parent=parent)  # no progress yet: not counted as zero
    listed = Project.objects.published().for_listing().get(pk=parent.pk)
    assert listed.progress == 70


def test_future_dated_update_is_not_yet_public():
    update = ProgressUpdateFactory(
        published_at=datetime.datetime(2099, 1, 1, tzinfo=datetime.UTC), percent=80
    )
    assert update.project.progress is None


def test_cards_count_and_average_only_published_phases_in_sql():
    parent = ProjectFactory()
    ProgressUpdateFactory(project=ProjectFactory(parent=parent), percent=100)
    ProgressUpdateFactory(project=ProjectFactory(parent=parent), percent=45)
    ProjectFactory(parent=parent)  # no progress yet: counted as a phase, not as zero
    hidden = ProjectFactory(parent=parent, publication_state=PublicationState.DRAFT)
    ProgressUpdateFactory(project=hidden, percent=0)
    card = Project.objects.published().for_cards().get(pk=parent.pk)
    listed = Project.objects.published().for_listing().get(pk=parent.pk)
    assert card.published_phase_count == listed.published_phase_count == 3
    # round() of the mean, as for_listing() gives it: 72.5 rounds to the even 72.
    assert card.progress == listed.progress == 72


def test_a_card_without_phases_shows_its_own_latest_progress():
    project = ProjectFactory()
    ProgressUpdateFactory(project=project, percent=30)
    ProgressUpdateFactory(
        project=project,
        percent=90,
        published_at=datetime.datetime(2099, 1, 1, tzinfo=datetime.UTC),
    )
    card = Project.objects.published().for_cards().get(pk=project.pk)
    assert card.published_phase_count == 0
    assert card.progress == 30
