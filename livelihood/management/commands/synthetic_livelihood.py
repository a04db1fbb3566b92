"""Synthetic parks, tasks and figures for benchmarks: marked, never loaded by `make run`."""

import random
from decimal import Decimal

from django.core.management.base import BaseCommand
from django.db import transaction

from jiulongpo.publishing import PublicationState
from livelihood.models import Indicator, IndicatorValue, Park, Sector, Task, TaskList

MARK = "合成数据（synthetic，仅供性能测试）"
PUBLISHED = PublicationState.PUBLISHED
SYNTHETIC_YEAR = 2000


class Command(BaseCommand):
    help = "Create (or with --remove delete) synthetic parks, tasks and indicator values."

    def add_arguments(self, parser):
        parser.add_argument("--parks", type=int, default=500)
        parser.add_argument("--tasks", type=int, default=100)
        parser.add_argument("--indicators", type=int, default=50)
        parser.add_argument("--years", type=int, default=20)
        parser.add_argument("--remove", action="store_true")
        parser.add_argument("--seed", type=int, default=1)

    @transaction.atomic
    def handle(self, *args, parks, tasks, indicators, years, remove, seed, **options):
        Park.objects.filter(source=MARK).delete()
        TaskList.objects.filter(source=MARK).delete()
        Indicator.objects.filter(source=MARK).delete()
        if remove:
            self.stdout.write("Synthetic livelihood data removed.")
            return
        rng = random.Random(seed)
        Park.objects.bulk_create(
            Park(
                name=f"合成公园{n:04}",
                slug=f"synthetic-park-{n}",
                status="open",
                latitude=Decimal(f"{rng.uniform(29.40, 29.56):.6f}"),
                longitude=Decimal(f"{rng.uniform(106.30, 106.55):.6f}"),
                source=MARK,
                publication_state=PUBLISHED,
            )
            for n in range(parks)
        )
        task_list = TaskList.objects.create(
            year=SYNTHETIC_YEAR, title="合成民生实事清单", source=MARK, publication_state=PUBLISHED
        )
        Task.objects.bulk_create(
            Task(
                task_list=task_list,
                number=n + 1,
                title=f"合成实事{n:03}",
                sector=rng.choice(Sector.values),
                target_value=10,
                achieved_value=rng.randint(0, 10),
                unit="个",
                source=MARK,
                publication_state=PUBLISHED,
            )
            for n in range(tasks)
        )
        for n in range(indicators):
            indicator = Indicator.objects.create(
                code=f"synthetic-{n}",
                name=f"合成指标{n}",
                unit="个",
                category="greenery",
                source=MARK,
            )
            IndicatorValue.objects.bulk_create(
                IndicatorValue(
                    indicator=indicator,
                    year=1990 + y,
                    value=rng.randint(1, 100_000),
                    source=MARK,
                    publication_state=PUBLISHED,
                )
                for y in range(years)
            )
        self.stdout.write(
            f"Created {parks} parks, {tasks} tasks, {indicators} indicators (synthetic)."
        )
