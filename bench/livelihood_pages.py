"""Print query counts and median render times of the livelihood, park and figure pages.

DEBUG=1 DATABASE_URL=sqlite:////tmp/bench.sqlite3 .venv/bin/python manage.py migrate
DEBUG=1 DATABASE_URL=sqlite:////tmp/bench.sqlite3 .venv/bin/python manage.py synthetic_livelihood
DEBUG=1 DATABASE_URL=sqlite:////tmp/bench.sqlite3 .venv/bin/python bench/livelihood_pages.py
"""

import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "jiulongpo.settings")

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

PAGES = [
    "/",
    "/livelihood/2000/",
    "/livelihood/2000/1/",
    "/parks/",
    "/parks/?lat=29.5&lng=106.45",
    "/parks/synthetic-park-1/",
    "/figures/",
    "/figures/synthetic-1/",
]
RUNS = int(os.environ.get("RUNS", "20"))


def main():
    client = Client(HTTP_HOST="localhost")
    print(f"{'page':<32}{'status':>7}{'queries':>9}{'median ms':>11}")
    for page in PAGES:
        timings = []
        for _ in range(RUNS):
            with CaptureQueriesContext(connection) as queries:
                start = time.perf_counter()
                response = client.get(page)
                timings.append((time.perf_counter() - start) * 1000)
        print(
            f"{page:<32}{response.status_code:>7}{len(queries):>9}"
            f"{statistics.median(timings):>11.1f}"
        )


if __name__ == "__main__":
    main()
