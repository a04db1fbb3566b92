#!/usr/bin/env python
"""CPU time one process spends per page, with and without the caches: where the time goes.

    DATABASE_URL=postgres://…/db_with_seed_synthetic .venv/bin/python bench/render_cost.py
    … bench/render_cost.py /parks/ /en/projects/synthetic-00042/     # other pages

Runs the site in-process (Django's test client, production settings, no network), so the
figures are CPU milliseconds of Python alone, far less noisy than wrk on a shared machine.
Needs `collectstatic` to have been run (production static storage).
"""

import os
import secrets
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.update(
    DEBUG="0",
    SECRET_KEY=secrets.token_urlsafe(50),
    ALLOWED_HOSTS="testserver",
    SECURE_SSL_REDIRECT="0",
    BENCH_VIEWS="1",
    LOG_LEVEL="ERROR",
    DJANGO_SETTINGS_MODULE="jiulongpo.settings",
)

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.test import Client  # noqa: E402

PAGES = [
    "/bench/trivial",
    "/",
    "/projects/?kind=compound&status=construction",
    "/projects/synthetic-00042/",
    "/search/?q=%E6%A1%82%E8%8A%B1",
    "/figures/syn-0001/",
]
RUNS = int(os.environ.get("RUNS", "50"))


def cpu_ms(client, path):
    for _ in range(3):
        client.get(path)
    start = time.process_time()
    for _ in range(RUNS):
        client.get(path)
    return (time.process_time() - start) / RUNS * 1000


def main():
    client = Client()
    modes = [("page cache", True, True), ("fragments only", False, True), ("none", False, False)]
    print(f"{'page':<48}" + "".join(f"{label:>16}" for label, _, _ in modes))
    for path in sys.argv[1:] or PAGES:
        row = []
        for _, page_cache, fragments in modes:
            settings.PAGE_CACHE_ENABLED = page_cache
            settings.FRAGMENT_CACHE_ENABLED = fragments
            row.append(cpu_ms(client, path))
        print(f"{path:<48}" + "".join(f"{ms:>13.2f} ms" for ms in row))


if __name__ == "__main__":
    main()
