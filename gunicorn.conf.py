"""Production gunicorn settings; every value can be changed from the environment.

Sync workers: the pages are short database-bound requests, cached when anonymous; a slow
client is the reverse proxy's job (it buffers), so sync workers never wait on the network.
"""

import multiprocessing
import os

bind = os.environ.get("GUNICORN_BIND", "0.0.0.0:8000")
worker_class = "sync"
# (2 × cores) + 1, the usual starting point; set WEB_CONCURRENCY to tune per machine.
workers = int(os.environ.get("WEB_CONCURRENCY", multiprocessing.cpu_count() * 2 + 1))
timeout = int(os.environ.get("GUNICORN_TIMEOUT", 30))
graceful_timeout = 20
keepalive = 5
# Recycle workers now and then so a slow leak never grows, but seldom: a restart costs a
# fork and a cold worker, and under load every worker serves about as many requests, so a
# small jitter restarts them all at once. bench/recycling.py measures both (README).
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", 50_000))
max_requests_jitter = int(os.environ.get("GUNICORN_MAX_REQUESTS_JITTER", max_requests // 2))
# No control socket: the container has nobody to talk to it, and it writes to the disk.
control_socket_disable = True
# Access log to stdout unless GUNICORN_ACCESS_LOG is set empty (the reverse proxy logs too).
accesslog = os.environ.get("GUNICORN_ACCESS_LOG", "-") or None
errorlog = "-"
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
# Load the application before forking so workers share its memory and a broken
# configuration fails at start, not on the first request.
preload_app = True
