"""Time and peak memory of the open-data exports over 100,000 synthetic projects.

    .venv/bin/python bench/export_bench.py [--rows 100000]

The rows are SYNTHETIC (named "【合成】…", source "synthetic benchmark data") and live only
in a throwaway SQLite database in a temporary folder, deleted afterwards (or, with
--postgres, in a new PostgreSQL database dropped afterwards): the real database and
fixtures are never touched. Each format is measured in a fresh Python
process; memory is that process's peak resident set (VmHWM) at the end minus its
resident set just before the export started: everything the export added (Django's
row handling, the database driver's buffers, the writer), as a server process sees it.
"""

import argparse
import contextlib
import datetime
import gc
import json
import os
import subprocess
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGETS = {"csv": (2.0, 50), "json": (None, None), "xlsx": (10.0, 80)}


def status_kb(field):
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])
    raise RuntimeError(f"{field} not found in /proc/self/status")


def setup_django(database_url):
    os.environ["DATABASE_URL"] = database_url
    os.environ.setdefault("DEBUG", "1")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "jiulongpo.settings")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()


def make_rows(count):
    from django.db import transaction

    from jiulongpo.publishing import PublicationState
    from projects.models import Project, ProjectStatus, RenewalKind, Subdistrict

    places = [
        Subdistrict.objects.create(name=f"【合成】街道{n}", slug=f"synthetic-{n}") for n in range(8)
    ]
    kinds, statuses = list(RenewalKind.values), list(ProjectStatus.values)
    start = datetime.date(2020, 1, 1)
    with transaction.atomic():
        for first in range(0, count, 5000):
            Project.objects.bulk_create(
                Project(
                    name=f"【合成】测试项目{n}",
                    slug=f"synthetic-project-{n}",
                    kind=kinds[n % len(kinds)],
                    status=statuses[n % len(statuses)],
                    subdistrict=places[n % len(places)],
                    planned_start=start + datetime.timedelta(days=n % 700),
                    investment=Decimal(n % 100000) / 4,
                    floor_area=Decimal(n % 5000) * 3,
                    summary="=合成数据，仅用于性能测试"
                    if n % 97 == 0
                    else "合成数据，仅用于性能测试",
                    source="synthetic benchmark data (bench/export_bench.py)",
                    publication_state=PublicationState.PUBLISHED,
                )
                for n in range(first, min(first + 5000, count))
            )


def measure(fmt):
    from django.test import RequestFactory

    from jiulongpo.opendata.views import download

    request = RequestFactory().get(f"/data/projects.{fmt}")
    gc.collect()
    before = status_kb("VmRSS")
    started, cpu_started = time.perf_counter(), time.process_time()
    response = download(request, dataset="projects", fmt=fmt)
    size = sum(len(chunk) for chunk in response.streaming_content)
    response.close()
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu_started
    growth_mb = (status_kb("VmHWM") - before) / 1024
    return seconds, cpu, growth_mb, size


@contextlib.contextmanager
def throwaway_database(server_url):
    """A database that exists only for this run: a SQLite file, or a new PostgreSQL database."""
    if not server_url:
        with tempfile.TemporaryDirectory(prefix="jlp-bench-") as folder:
            yield f"sqlite:///{folder}/bench.sqlite3"
        return
    import psycopg

    name = f"jlp_export_bench_{os.getpid()}"
    with psycopg.connect(f"{server_url.rstrip('/')}/postgres", autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
        try:
            yield f"{server_url.rstrip('/')}/{name}"
        finally:
            from django.db import connections

            connections.close_all()
            admin.execute(f'DROP DATABASE IF EXISTS "{name}"')


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--only", choices=list(TARGETS), help="measure one format only")
    parser.add_argument(
        "--postgres",
        metavar="SERVER_URL",
        help="e.g. postgres://postgres@127.0.0.1:5432: run in a new database there, dropped after",
    )
    parser.add_argument("--measure", choices=list(TARGETS), help=argparse.SUPPRESS)
    parser.add_argument("--database", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:
        setup_django(args.database)
        print(json.dumps(measure(args.measure)))
        return
    with throwaway_database(args.postgres) as database:
        setup_django(database)
        from django.core.management import call_command

        call_command("migrate", verbosity=0)
        started = time.perf_counter()
        make_rows(args.rows)
        print(
            f"generated {args.rows:,} synthetic projects in {time.perf_counter() - started:.1f} s"
        )
        print(f"load average before: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
        print(f"{'format':<6} {'seconds':>8} {'CPU s':>8} {'peak MB':>8} {'file MB':>8}  target")
        for fmt, (max_seconds, max_mb) in TARGETS.items():
            if args.only and fmt != args.only:
                continue
            child = [sys.executable, __file__, "--measure", fmt, "--database", database]
            output = subprocess.run(child, check=True, capture_output=True, text=True).stdout
            seconds, cpu, growth_mb, size = json.loads(output.strip().splitlines()[-1])
            target = f"< {max_seconds:g} s, < {max_mb} MB" if max_seconds else "-"
            print(
                f"{fmt:<6} {seconds:>8.2f} {cpu:>8.2f} {growth_mb:>8.1f} {size / 1e6:>8.1f}"
                f"  {target}"
            )


if __name__ == "__main__":
    main()
