"""Synthetic parks, yearly task lists with their tasks, and indicators with yearly values."""

from decimal import Decimal

from django.utils import timezone

from jiulongpo.publishing import PublicationState
from jiulongpo.synthetic import BATCH, MARK, PLACES, SYNTHETIC_SOURCE
from jiulongpo.synthetic.projects import LAT_RANGE, LNG_RANGE
from livelihood.models import Indicator, IndicatorValue, Park, Sector, Task, TaskList
from livelihood.models.indicators import IndicatorCategory
from livelihood.models.parks import ParkKind, ParkStatus
from livelihood.models.tasks import TaskStatus

# Years no real list uses, so the synthetic lists never collide with the district's own.
FIRST_TASK_YEAR = 1991
TASKS_PER_YEAR = 10
FIRST_VALUE_YEAR = 2003
PUBLISHED = PublicationState.PUBLISHED


def seed_livelihood(rng, counts, subdistricts, report):
    now = timezone.now()
    parks = Park.objects.bulk_create(
        (
            Park(
                name=f"{MARK}{rng.choice(PLACES)}公园{n:04}",
                slug=f"synthetic-park-{n:04}",
                kind=rng.choice(ParkKind.values),
                status=rng.choice(ParkStatus.values),
                subdistrict=rng.choice(subdistricts),
                area=Decimal(rng.randrange(1, 500)),
                latitude=Decimal(f"{rng.uniform(*LAT_RANGE):.6f}"),
                longitude=Decimal(f"{rng.uniform(*LNG_RANGE):.6f}"),
                summary="合成数据，仅用于性能测试。",
                source=SYNTHETIC_SOURCE,
                publication_state=PUBLISHED,
                published_at=now,
            )
            for n in range(1, counts["parks"] + 1)
        ),
        batch_size=BATCH,
    )
    report("parks", len(parks))

    years = range(FIRST_TASK_YEAR, FIRST_TASK_YEAR + counts["task_years"])
    task_lists = TaskList.objects.bulk_create(
        TaskList(
            year=year,
            title=f"{MARK}{year}年民生实事",
            source=SYNTHETIC_SOURCE,
            publication_state=PUBLISHED,
            published_at=now,
        )
        for year in years
    )
    tasks = Task.objects.bulk_create(
        (
            Task(
                task_list=task_list,
                number=number,
                title=f"{MARK}实事{task_list.year}-{number:02}",
                sector=rng.choice(Sector.values),
                target_value=Decimal(100),
                achieved_value=Decimal(rng.randrange(0, 101)),
                unit="个",
                status=rng.choice(TaskStatus.values),
                source=SYNTHETIC_SOURCE,
                publication_state=PUBLISHED,
                published_at=now,
            )
            for task_list in task_lists
            for number in range(1, TASKS_PER_YEAR + 1)
        ),
        batch_size=BATCH,
    )
    report("task lists", len(task_lists))
    report("tasks", len(tasks))

    indicators = Indicator.objects.bulk_create(
        Indicator(
            code=f"syn-{n:04}",
            name=f"{MARK}指标{n:04}",
            unit="个",
            category=rng.choice(IndicatorCategory.values),
            source=SYNTHETIC_SOURCE,
            position=n,
        )
        for n in range(1, counts["indicators"] + 1)
    )
    values = IndicatorValue.objects.bulk_create(
        (
            IndicatorValue(
                indicator=indicator,
                year=FIRST_VALUE_YEAR + offset,
                value=Decimal(rng.randrange(1, 100_000)),
                source=SYNTHETIC_SOURCE,
                publication_state=PUBLISHED,
                published_at=now,
            )
            for indicator in indicators
            for offset in range(counts["years"])
        ),
        batch_size=BATCH,
    )
    report("indicators", len(indicators))
    report("indicator values", len(values))


def remove_synthetic_livelihood():
    for queryset in (
        IndicatorValue.objects.filter(indicator__source=SYNTHETIC_SOURCE),
        Indicator.objects.filter(source=SYNTHETIC_SOURCE),
        Task.projects.through.objects.filter(task__source=SYNTHETIC_SOURCE),
        Task.objects.filter(source=SYNTHETIC_SOURCE),
        TaskList.objects.filter(source=SYNTHETIC_SOURCE),
        Park.projects.through.objects.filter(park__source=SYNTHETIC_SOURCE),
        Park.objects.filter(source=SYNTHETIC_SOURCE),
    ):
        queryset._raw_delete(queryset.db)
