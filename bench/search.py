"""Print what a search costs: results, queries and median time per query, and how long
jieba's dictionary takes to load at start-up (paid once per process, never per request).

With DEBUG=1 DATABASE_URL=sqlite:////tmp/bench.sqlite3 in the environment:

  .venv/bin/python manage.py migrate
  .venv/bin/python manage.py load_district
  .venv/bin/python manage.py seed_synthetic --projects 1000 --force
  .venv/bin/python bench/search.py
"""

import os
import statistics
import sys
import time
from pathlib import Path
from urllib.parse import urlencode

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "jiulongpo.settings")
# Measure the work of rendering, not the page cache (bench/run.py measures that).
os.environ.setdefault("PAGE_CACHE_ENABLED", "0")
os.environ.setdefault("FRAGMENT_CACHE_ENABLED", "0")

started = time.perf_counter()
import django  # noqa: E402

django.setup()
setup_ms = (time.perf_counter() - started) * 1000

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from jiulongpo.search.models import SearchDocument  # noqa: E402
from jiulongpo.search.query import search  # noqa: E402

QUERIES = ["民主村", "村", "公园", "美术公园", "示范街开街", "养老", "火星基地"]
RUNS = int(os.environ.get("RUNS", "20"))


def main():
    print(f"django.setup() with jieba's dictionary: {setup_ms:.0f} ms (once per process)")
    print(f"{connection.vendor}, {SearchDocument.objects.count()} search documents")
    client = Client(HTTP_HOST="localhost")
    print(f"{'query':<12}{'results':>8}{'queries':>9}{'median ms':>11}")
    for query in QUERIES:
        timings = []
        for _ in range(RUNS):
            with CaptureQueriesContext(connection) as queries:
                start = time.perf_counter()
                response = client.get("/search/?" + urlencode({"q": query}))
                timings.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200
        total = search(query).total
        print(f"{query:<12}{total:>8}{len(queries):>9}{statistics.median(timings):>11.1f}")


if __name__ == "__main__":
    main()
