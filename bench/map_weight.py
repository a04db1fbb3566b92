"""Bytes a resident's browser fetches for the project map: points first, details on click.

    .venv/bin/python bench/map_weight.py [--rows 10000]

The rows are SYNTHETIC (named "【合成】…", with made-up points inside the district's box) and
live only in a throwaway SQLite database in a temporary folder, deleted afterwards: the real
database and fixtures are never touched. Prints the size of /projects/map.json (raw and gzip),
of one marker's details, and the queries each took.
"""

import argparse
import gzip
import os
import sys
import tempfile
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def setup_django(database_url):
    os.environ["DATABASE_URL"] = database_url
    os.environ.setdefault("DEBUG", "1")
    os.environ["PAGE_CACHE_ENABLED"] = "0"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "jiulongpo.settings")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()


def make_rows(count):
    from django.db import transaction

    from jiulongpo.publishing import PublicationState
    from jiulongpo.synthetic import MARK, SYNTHETIC_SOURCE
    from projects.models import Project

    with transaction.atomic():
        Project.objects.bulk_create(
            (
                Project(
                    name=f"{MARK}测试项目{n}",
                    slug=f"synthetic-map-{n}",
                    summary="合成数据，仅用于测量地图数据量",
                    latitude=Decimal("29.40") + Decimal(n % 997) / 5000,
                    longitude=Decimal("106.35") + Decimal(n % 991) / 5000,
                    source=SYNTHETIC_SOURCE,
                    publication_state=PublicationState.PUBLISHED,
                )
                for n in range(count)
            ),
            batch_size=2000,
        )


def fetched(client, url):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, headers={"host": "localhost"})
    assert response.status_code == 200, (url, response.status_code)
    return response.content, len(queries)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=10000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        setup_django(f"sqlite:///{folder}/map.sqlite3")
        from django.core.management import call_command
        from django.test import Client

        from projects.models import Project

        call_command("migrate", verbosity=0)
        make_rows(args.rows)
        client = Client()
        points, point_queries = fetched(client, "/projects/map.json")
        first = Project.objects.order_by("pk").first()
        details, detail_queries = fetched(client, f"/projects/map/{first.pk}.json")
        print(f"located published projects: {args.rows}")
        print(
            f"/projects/map.json: {len(points):,} bytes, {len(gzip.compress(points)):,} gzip, "
            f"{len(points) / args.rows:.1f} bytes a marker, {point_queries} queries"
        )
        print(
            f"one marker's details: {len(details)} bytes, {len(gzip.compress(details))} gzip, "
            f"{detail_queries} queries"
        )


if __name__ == "__main__":
    main()
