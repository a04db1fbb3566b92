"""Factories for livelihood tasks, parks and indicators."""

import factory

from jiulongpo.publishing import PublicationState
from livelihood.models import (
    Indicator,
    IndicatorValue,
    Park,
    ParkPhoto,
    Task,
    TaskList,
    TaskUpdate,
)
from tests.factories import image_upload

PUBLISHED = PublicationState.PUBLISHED


class TaskListFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = TaskList
        django_get_or_create = ["year"]

    year = 2022
    title = factory.LazyAttribute(lambda o: f"{o.year}年十件民生实事")
    declared_total = 10
    publication_state = PUBLISHED


class TaskFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Task

    task_list = factory.SubFactory(TaskListFactory)
    number = factory.Sequence(lambda n: n + 1)
    title = factory.Sequence(lambda n: f"测试民生实事{n}")
    sector = "education"
    publication_state = PUBLISHED


class TaskUpdateFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = TaskUpdate

    task = factory.SubFactory(TaskFactory)
    date = factory.Faker("date_between", start_date="-1y", end_date="today")
    title = factory.Sequence(lambda n: f"实事进展{n}")
    percent = 50
    publication_state = PUBLISHED


class ParkFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Park

    name = factory.Sequence(lambda n: f"测试公园{n}")
    slug = factory.Sequence(lambda n: f"test-park-{n}")
    status = "open"
    latitude = factory.Sequence(lambda n: f"{29.5 + n * 0.001:.6f}")
    longitude = "106.500000"
    publication_state = PUBLISHED


class ParkPhotoFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ParkPhoto

    park = factory.SubFactory(ParkFactory)
    image = factory.LazyFunction(image_upload)
    alt_text = "公园里的步道和树"


class IndicatorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Indicator

    code = factory.Sequence(lambda n: f"test-indicator-{n}")
    name = factory.Sequence(lambda n: f"测试指标{n}")
    unit = "平方米"
    category = "greenery"


class IndicatorValueFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = IndicatorValue

    indicator = factory.SubFactory(IndicatorFactory)
    year = factory.Sequence(lambda n: 2000 + n)
    value = "100"
    publication_state = PUBLISHED
