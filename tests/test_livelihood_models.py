from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError

from jiulongpo.publishing import PublicationState
from tests.factories_livelihood import (
    IndicatorFactory,
    IndicatorValueFactory,
    ParkFactory,
    TaskFactory,
    TaskUpdateFactory,
)

pytestmark = pytest.mark.django_db


def test_progress_counts_achieved_against_target():
    task = TaskFactory(target_value=10, achieved_value=6, unit="所")
    assert task.progress == 60
    assert task.progress_text == "已完成 6 / 10所"


def test_progress_falls_back_to_the_latest_published_update():
    task = TaskFactory(target_text="示范街开街")
    TaskUpdateFactory(task=task, date="2022-03-01", percent=40)
    TaskUpdateFactory(task=task, date="2022-05-01", percent=70)
    TaskUpdateFactory(
        task=task, date="2022-06-01", percent=90, publication_state=PublicationState.DRAFT
    )
    assert task.progress == 70


def test_a_completed_task_without_numbers_counts_as_done():
    assert TaskFactory(status="completed").progress == 100


def test_task_numbers_are_unique_within_a_year():
    task = TaskFactory(number=3)
    duplicate = TaskFactory.build(task_list=task.task_list, number=3, title="重复")
    with pytest.raises(ValidationError, match="已有这个编号"):
        duplicate.full_clean()


def test_a_numeric_target_needs_a_unit():
    with pytest.raises(ValidationError, match="单位"):
        TaskFactory.build(target_value=17, unit="").clean()


def test_a_park_needs_both_coordinates_or_neither():
    park = ParkFactory.build(latitude=Decimal("29.5"), longitude=None)
    with pytest.raises(ValidationError, match="经度和纬度"):
        park.clean()
    with pytest.raises(IntegrityError):
        ParkFactory(latitude=Decimal("29.5"), longitude=None)


def test_park_slug_is_made_from_pinyin():
    assert ParkFactory(name="天宝公园", slug="").slug == "tianbao-gongyuan"


def test_an_indicator_value_needs_a_number_or_words():
    value = IndicatorValueFactory.build(indicator=IndicatorFactory(), value=None, value_text="")
    with pytest.raises(ValidationError, match="请填写数值"):
        value.full_clean()


def test_one_value_per_indicator_and_year():
    first = IndicatorValueFactory(year=2022)
    again = IndicatorValueFactory.build(indicator=first.indicator, year=2022)
    with pytest.raises(ValidationError, match="已经有数值"):
        again.full_clean()


def test_indicator_value_displays_with_qualifier_and_unit():
    value = IndicatorValueFactory(
        indicator=IndicatorFactory(unit="平方米"), value="16000", qualifier="plus"
    )
    assert value.display == "1.6万余平方米"
