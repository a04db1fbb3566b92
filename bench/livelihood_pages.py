"""Print query counts and median render times of the livelihood, park and figure pages.

With DEBUG=1 DATABASE_URL=sqlite:////tmp/bench.sqlite3 in the environment:

  .venv/bin/python manage.py migrate
  .venv/bin/python manage.py seed_synthetic --projects 1000
  .venv/bin/python bench/livelihood_pages.py
"""

import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "jiulongpo.settings")
# Measure the work of rendering, not the page cache (bench/run.py measures that).
os.environ.setdefault("PAGE_CACHE_ENABLED", "0")
os.environ.setdefault("FRAGMENT_CACHE_ENABLED", "0")

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402


def pages():
    """The pages to time, pointing at whatever synthetic rows the database holds."""
    from livelihood.models import Indicator, Park, Task

    task = Task.objects.published().select_related("task_list").order_by("-task_list__year").first()
    park = Park.objects.published().order_by("slug").first()
    indicator = Indicator.objects.order_by("code").first()
    return [
        "/",
        f"/livelihood/{task.task_list.year}/",
        f"/livelihood/{task.task_list.year}/{task.number}/",
        "/parks/",
        "/parks/?lat=29.5&lng=106.45",
        f"/parks/{park.slug}/",
        "/figures/",
        f"/figures/{indicator.code}/",
    ]


RUNS = int(os.environ.get("RUNS", "20"))


def main():
    client = Client(HTTP_HOST="localhost")
    print(f"{'page':<32}{'status':>7}{'queries':>9}{'median ms':>11}")
    for page in pages():
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
