#!/usr/bin/env python
"""Load and fault test, loopback only, bounded in time, stopping by itself.

    .venv/bin/python bench/load_and_fault.py

1. Load: 60 s at 50 concurrent clients over a resident-like mix of pages: no 5xx allowed.
2. Fault: under load, the throwaway PostgreSQL cluster (initdb, free port; never the shared
   server) is stopped for 10 s and started again. /healthz must answer 503 meanwhile; the site
   must recover without restarting gunicorn (CONN_HEALTH_CHECKS); an admin save made just before
   and one made just after must both be in the database; a last 10 s at 50 clients: no 5xx.
Exit status 0 when every check holds, 1 otherwise.
"""

import argparse
import http.client
import subprocess
import sys
import threading
import time
import urllib.parse
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import harness  # noqa: E402

ADMIN_PASSWORD = "load-and-fault-test-only"


def mix_paths(database):
    """Home, lists and pages of published projects: a 404 would be no test of the site."""
    paths = ["/", "/projects/", "/projects/?kind=compound", "/projects/?status=construction"]
    paths += [f"/projects/?page={n}" for n in range(2, 6)]
    slugs = psql(
        database,
        "SELECT slug FROM projects_project WHERE publication_state = 'published' "
        "ORDER BY id LIMIT 60",
    ).split()
    return paths + [f"/projects/{slug}/" for slug in slugs]


def psql(database, sql):
    return subprocess.run(
        [
            "psql",
            "-h",
            "127.0.0.1",
            "-p",
            str(database.port),
            "-U",
            "postgres",
            "-d",
            "jiulongpo",
            "-tAc",
            sql,
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout


def wrk_mix(base, paths, connections, seconds):
    return harness.run_wrk(base, connections, seconds, "mix.lua", paths, timeout="5s")


class AdminClient:
    """Just enough of a browser for the admin: cookies (secure ones too) and CSRF, over HTTP
    with X-Forwarded-Proto: https, as the reverse proxy would send it."""

    def __init__(self, port):
        self.port = port
        self.cookies = {}

    def request(self, method, path, form=None):
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=10)
        headers = {
            "X-Forwarded-Proto": "https",
            "Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items()),
            "Origin": f"https://127.0.0.1:{self.port}",
            "Referer": f"https://127.0.0.1:{self.port}{path}",
        }
        body = None
        if form is not None:
            form = {**form, "csrfmiddlewaretoken": self.cookies.get("csrftoken", "")}
            body = urllib.parse.urlencode(form)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        connection.request(method, path, body=body, headers=headers)
        response = connection.getresponse()
        for header, value in response.getheaders():
            if header.lower() == "set-cookie":
                name, _, rest = value.partition("=")
                self.cookies[name] = rest.split(";", 1)[0]
        content = response.read()
        connection.close()
        return response.status, content

    def log_in(self):
        self.request("GET", "/admin/login/")
        status, _ = self.request(
            "POST",
            "/admin/login/?next=/admin/",
            {"username": "fault-admin", "password": ADMIN_PASSWORD, "next": "/admin/"},
        )
        return status == 302

    def add_department(self, name):
        status, _ = self.request("POST", "/admin/projects/department/add/", {"name": name})
        return status == 302


def department_exists(database, name):
    count = psql(database, f"SELECT count(*) FROM projects_department WHERE name = '{name}'")
    return count.strip() == "1"


def check(results, label, ok, detail=""):
    results.append(ok)
    print(f"[{'PASS' if ok else 'FAIL'}] {label}{'  ' + detail if detail else ''}", flush=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--projects", type=int, default=2000)
    parser.add_argument("--load-seconds", type=int, default=60)
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--outage-seconds", type=int, default=10)
    parser.add_argument("--workers", type=int, default=4)
    args = parser.parse_args()

    database = harness.ThrowawayPostgres()
    redis = harness.ThrowawayRedis()
    server = None
    results = []
    try:
        database.create()
        env = harness.site_environment(
            database.url,
            redis.start().url,
            DJANGO_SUPERUSER_PASSWORD=ADMIN_PASSWORD,
            PAGE_CACHE_SECONDS="5",
        )
        harness.manage(env, "migrate", "--noinput", "-v0")
        harness.manage(env, "collectstatic", "--noinput", "-v0")
        harness.manage(env, "seed_synthetic", "--projects", str(args.projects))
        harness.manage(
            env,
            "createsuperuser",
            "--noinput",
            "--username",
            "fault-admin",
            "--email",
            "fault@example.invalid",
        )
        server = harness.Gunicorn(env, args.workers).start()
        paths = mix_paths(database)

        print(f"\n== load: {args.load_seconds} s at {args.clients} clients", flush=True)
        load = wrk_mix(server.base, paths, args.clients, args.load_seconds)
        rps = load["rps"]
        check(
            results,
            "no 5xx under load",
            load["server_errors"] == 0,
            f"{load['requests']:,} requests, {rps:,.0f} req/s, p99 {load['p99'] / 1000:.0f} ms, "
            f"5xx {load['server_errors']}, socket errors {load['socket_errors']}",
        )

        print(f"\n== fault: PostgreSQL down for {args.outage_seconds} s under load", flush=True)
        admin = AdminClient(server.port)
        check(results, "admin login", admin.log_in())
        stamp = int(time.time())
        before, after = f"故障前保存-{stamp}", f"故障后保存-{stamp}"
        check(results, "admin save just before the outage", admin.add_department(before))

        outage_load = {}
        background = threading.Thread(
            target=lambda: outage_load.update(
                wrk_mix(server.base, paths, 16, args.outage_seconds + 20)
            )
        )
        background.start()
        time.sleep(2)
        database.stop()
        down_at = time.monotonic()
        health = []
        while time.monotonic() - down_at < args.outage_seconds:
            health.append(harness.fetch(server.base + "/healthz", timeout=3)[0])
            time.sleep(0.5)
        check(
            results,
            "/healthz answers 503 while the database is down",
            set(health) == {503},
            f"{len(health)} probes: {sorted(set(health))}",
        )
        database.start()
        up_at = time.monotonic()
        while harness.fetch(server.base + "/healthz", timeout=3)[0] != 200:
            if time.monotonic() - up_at > 30:
                break
            time.sleep(0.2)
        recovered = time.monotonic() - up_at
        check(
            results,
            "the site recovers without restarting gunicorn",
            recovered < 30,
            f"healthy {recovered:.1f} s after PostgreSQL is back; gunicorn pid unchanged: "
            f"{server.process.poll() is None}",
        )
        check(results, "admin save just after the outage", admin.add_department(after))
        background.join()
        print(
            f"   during the outage: {outage_load.get('requests', 0):,} requests, "
            f"{outage_load.get('server_errors', 0):,} answered 5xx (expected while down)"
        )
        check(
            results,
            "both admin saves are in the database",
            department_exists(database, before) and department_exists(database, after),
        )

        print(f"\n== after recovery: 10 s at {args.clients} clients", flush=True)
        final = wrk_mix(server.base, paths, args.clients, 10)
        check(
            results,
            "no 5xx after recovery",
            final["server_errors"] == 0,
            f"{final['requests']:,} requests, 5xx {final['server_errors']}",
        )
    finally:
        if server:
            server.stop()
        redis.stop()
        database.destroy()
    print("\nall checks passed" if all(results) else "\nSOME CHECKS FAILED")
    sys.exit(0 if results and all(results) else 1)


if __name__ == "__main__":
    main()
