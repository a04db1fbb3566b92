#!/usr/bin/env python
"""Worker recycling and tail latency: the trivial view under load, recycled three ways.

    .venv/bin/python bench/recycling.py      # --rounds 3 --seconds 30 --max-requests 5000

gunicorn restarts a worker after max_requests plus a random jitter. Under load every worker
serves about as many requests, so with a small jitter they all restart within a second or
two and the few left answer everything meanwhile; and each restart costs a fork and a cold
worker. This runs the trivial view (no database query) under gunicorn.conf.py recycled
every 5,000 requests with a jitter of 500 (the old setting), with a jitter of half the
limit, and never, round by round, and prints throughput and latency percentiles. The
configured 50,000 (jitter 25,000) restarts a saturated worker every few minutes: within one
run it is the "never recycled" row.
"""

import argparse
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import harness  # noqa: E402


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--seconds", type=int, default=30)
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--max-requests", type=int, default=5000)
    args = parser.parse_args()

    # The trivial view reads no rows: an empty SQLite file is all the settings need.
    database = f"sqlite:///{tempfile.mkdtemp(prefix='jlp-recycling-')}/db.sqlite3"
    limit = args.max_requests
    settings = [
        (f"every {limit:,}, jitter 500", limit, 500),
        (f"every {limit:,}, jitter {limit // 2:,}", limit, limit // 2),
        ("never recycled", 0, 0),
    ]
    print("| round | recycling | req/s | p50 ms | p95 ms | p99 ms | errors |")
    print("| ---: | --- | ---: | ---: | ---: | ---: | ---: |")
    for round_number in range(1, args.rounds + 1):
        for label, max_requests, jitter in settings:
            env = harness.site_environment(
                database,
                GUNICORN_MAX_REQUESTS=str(max_requests),
                GUNICORN_MAX_REQUESTS_JITTER=str(jitter),
            )
            server = harness.Gunicorn(env, args.workers).start()
            try:
                url = server.base + "/bench/trivial"
                harness.run_wrk(url, args.connections, 3, "report.lua")
                r = harness.run_wrk(url, args.connections, args.seconds, "report.lua")
            finally:
                server.stop()
            print(
                f"| {round_number} | {label} | {r['rps']:,.0f} | {r['p50'] / 1000:.1f} | "
                f"{r['p95'] / 1000:.1f} | {r['p99'] / 1000:.1f} | "
                f"{r['non2xx'] + r['socket_errors']} |",
                flush=True,
            )


if __name__ == "__main__":
    main()
