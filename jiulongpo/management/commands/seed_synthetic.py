import time

from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction

from jiulongpo.invalidation import bump_everything
from jiulongpo.synthetic import SYNTHETIC_SOURCE, counts_for, synthetic_rng
from jiulongpo.synthetic.livelihood import remove_synthetic_livelihood, seed_livelihood
from jiulongpo.synthetic.projects import seed_projects
from jiulongpo.synthetic.search import index_synthetic, remove_synthetic_documents
from livelihood.models import Indicator, Park, TaskList
from projects.models import Department, Photo, ProgressUpdate, Project, Subdistrict


def real_content_exists():
    """Anything not made by this command: the district's data, or an editor's."""
    return any(
        model.objects.exclude(source=SYNTHETIC_SOURCE).exists()
        for model in (Project, Subdistrict, Park, TaskList, Indicator)
    )


def remove_synthetic():
    """Delete an earlier synthetic set in plain SQL: signals and cascades are not needed."""
    remove_synthetic_documents()
    remove_synthetic_livelihood()
    projects = Project.objects.filter(source=SYNTHETIC_SOURCE)
    projects.update(cover_photo=None)
    for queryset in (
        Photo.objects.filter(project__source=SYNTHETIC_SOURCE),
        ProgressUpdate.objects.filter(project__source=SYNTHETIC_SOURCE),
        projects.filter(parent__isnull=False),
        projects,
        Subdistrict.objects.filter(source=SYNTHETIC_SOURCE),
        Department.objects.filter(slug__startswith="synthetic-department-"),
    ):
        queryset._raw_delete(queryset.db)


class Command(BaseCommand):
    help = (
        "Fill the database with a clearly synthetic data set for benchmarks (10,000 projects "
        "by default, the rest in proportion). Refuses a database with real content."
    )

    def add_arguments(self, parser):
        parser.add_argument("--projects", type=int, default=10_000, help="Number of projects.")
        parser.add_argument(
            "--force",
            action="store_true",
            help="Seed even though the database holds real (non-synthetic) content.",
        )
        parser.add_argument("--seed", type=int, default=2022, help="Random seed.")
        parser.add_argument(
            "--no-search-index",
            action="store_true",
            help="Skip rebuilding the search index (bulk_create sends no signals).",
        )

    def handle(self, *args, projects, force, seed, no_search_index, **options):
        if projects < 1:
            raise CommandError("--projects 必须是正整数。")
        if real_content_exists() and not force:
            raise CommandError(
                "数据库里已有真实内容，拒绝写入合成数据。请换一个空数据库，或确认后加 --force。"
            )
        started = time.monotonic()
        counts = counts_for(projects)
        rng = synthetic_rng(seed)

        def report(label, n):
            elapsed = time.monotonic() - started
            self.stdout.write(f"  {n:>8,} {label}  ({elapsed:.1f} s)")

        with transaction.atomic():
            remove_synthetic()
            seed_projects(rng, counts, report)
            subdistricts = list(Subdistrict.objects.filter(source=SYNTHETIC_SOURCE))
            seed_livelihood(rng, counts, subdistricts, report)
        if not no_search_index:
            report("search documents", index_synthetic())
        if connection.vendor == "postgresql":
            # Fresh statistics, or the planner guesses a handful of rows and picks bad plans;
            # and a visibility map, as autovacuum keeps on a live database, without which an
            # index-only scan (the home page's and the list's counts) reads every row's page.
            # VACUUM cannot run inside a transaction (a test's): ANALYZE alone there.
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE" if connection.in_atomic_block else "VACUUM ANALYZE")
        bump_everything()
        self.stdout.write(
            self.style.SUCCESS(f"Synthetic data set ready in {time.monotonic() - started:.1f} s.")
        )
