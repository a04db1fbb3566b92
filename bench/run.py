#!/usr/bin/env python
"""One-command benchmark: the site under gunicorn on PostgreSQL with the synthetic data set.

    .venv/bin/python bench/run.py            # 10,000 projects, 16 connections, 10 s a page

Starts a throwaway PostgreSQL cluster (initdb, free port) and Redis, seeds it with
`seed_synthetic`, runs three gunicorns (sync workers, --no-control-socket) with the same
middleware: one with the page cache, one without it (cards and fragments still cached), one
with no cache at all. wrk loads each page from loopback in turn,
next to a trivial Django view (/bench/trivial) behind the same middleware; the ratio to the
trivial view is the figure that counts, since the machine is noisy. Two floors show what a
page costs before rendering: one query, and the project page's queries without HTML.
Stops everything it started.
"""

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import harness  # noqa: E402

# (label, path); pages whose app is not merged yet answer 404 and are reported as missing.
PAGES = [
    ("home", "/"),
    ("project list, filtered", "/projects/?kind=compound&status=construction"),
    ("project page", "/projects/synthetic-00042/"),
    ("search", "/search/?q=%E6%A1%82%E8%8A%B1"),
    ("figure page", "/figures/syn-0001/"),
    ("CSV export", "/data/projects.csv?kind=compound&status=construction"),
]
UNCACHED = {"home", "project list, filtered", "project page", "search", "figure page"}
# What a page costs before it renders anything (jiulongpo/bench_views.py): no page that reads
# the database, and no project page, can run faster than these, whatever its templates do.
FLOORS = [
    ("floor: one query, no HTML", "/bench/one-query"),
    ("floor: project page's queries, no HTML", "/bench/project-data/synthetic-00042/"),
]
# Exports stream their rows, so the page cache never holds them: measured once, as they are.
STREAMED = {"CSV export"}


def measure(label, cache, server, path, args, baseline=None):
    status, _ = harness.fetch(server.base + path)
    if status != 200:
        return {"label": label, "cache": cache, "missing": status}
    # Warm up first: caches, database connections, the workers' imports.
    harness.run_wrk(server.base + path, args.connections, 2, "report.lua")
    result = harness.run_wrk(server.base + path, args.connections, args.seconds, "report.lua")
    result.update(label=label, cache=cache)
    result["ratio"] = result["rps"] / baseline if baseline else 1.0
    print(row(result), flush=True)
    return result


def row(r):
    if "missing" in r:
        return f"| {r['label']} | {r['cache']} | not available (HTTP {r['missing']}) | | | | | |"
    return (
        f"| {r['label']} | {r['cache']} | {r['rps']:,.0f} | {r['ratio']:.0%} | "
        f"{r['p50'] / 1000:.1f} | {r['p95'] / 1000:.1f} | {r['p99'] / 1000:.1f} | "
        f"{r['non2xx'] + r['socket_errors']} |"
    )


HEADER = (
    "| page | page cache | req/s | of trivial | p50 ms | p95 ms | p99 ms | errors |\n"
    "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |"
)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--projects", type=int, default=10_000)
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--no-redis", action="store_true", help="Local memory cache instead.")
    args = parser.parse_args()

    database = harness.ThrowawayPostgres()
    redis = None if args.no_redis else harness.ThrowawayRedis()
    servers = []
    try:
        database.create()
        redis_url = redis.start().url if redis else None
        env = harness.site_environment(database.url, redis_url)
        harness.manage(env, "migrate", "--noinput", "-v0")
        harness.manage(env, "collectstatic", "--noinput", "-v0")
        harness.manage(env, "seed_synthetic", "--projects", str(args.projects))
        cached = harness.Gunicorn(env, args.workers).start()
        servers.append(cached)
        uncached = harness.Gunicorn({**env, "PAGE_CACHE_ENABLED": "0"}, args.workers).start()
        servers.append(uncached)
        # Nothing cached at all: every card and fragment rendered from the database.
        cold_env = {**env, "PAGE_CACHE_ENABLED": "0", "FRAGMENT_CACHE_ENABLED": "0"}
        cold = harness.Gunicorn(cold_env, args.workers).start()
        servers.append(cold)

        print(
            f"\n{args.projects:,} synthetic projects, gunicorn {args.workers} sync workers, "
            f"wrk {args.connections} connections × {args.seconds} s, "
            f"cache: {'Redis' if redis else 'local memory'}\n"
        )
        print(HEADER, flush=True)
        results = []
        trivial = measure("trivial view", "—", cached, "/bench/trivial", args)
        results.append(trivial)
        for label, path in PAGES:
            cache = "streamed, never cached" if label in STREAMED else "on"
            results.append(measure(label, cache, cached, path, args, trivial["rps"]))
        for server, cache in ((uncached, "off, fragments on"), (cold, "off, fragments off")):
            again = measure("trivial view", "— (again)", server, "/bench/trivial", args)
            if server is uncached:
                for label, path in FLOORS:
                    results.append(measure(label, "—", server, path, args, again["rps"]))
            for label, path in PAGES:
                if label in UNCACHED:
                    results.append(measure(label, cache, server, path, args, again["rps"]))
        failed = [r for r in results if r.get("non2xx") or r.get("socket_errors")]
        if failed:
            print("\nerrors in:", ", ".join(r["label"] for r in failed))
        else:
            print("\nno errors")
    finally:
        for server in servers:
            server.stop()
        if redis:
            redis.stop()
        database.destroy()


if __name__ == "__main__":
    main()
