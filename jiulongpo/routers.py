"""Read-replica routing, on when READ_REPLICA_URL is set (settings.py).

Reads go to the replica and writes to the primary. A request that has written anything reads
from the primary for the rest of that request and the next few seconds, so an editor who just
saved sees the saved row even if the replica lags a little. Migrations run on the primary only.
"""

import threading
import time

# Long enough for ordinary streaming-replication lag; short enough to spread reads again soon.
STICKY_SECONDS = 5
_state = threading.local()


def _recently_written():
    return time.monotonic() < getattr(_state, "primary_until", 0)


class ReadReplicaRouter:
    def db_for_read(self, model, **hints):
        return "default" if _recently_written() else "replica"

    def db_for_write(self, model, **hints):
        _state.primary_until = time.monotonic() + STICKY_SECONDS
        return "default"

    def allow_relation(self, obj1, obj2, **hints):
        # Both aliases hold the same data: a row read from one may point to one from the other.
        return True

    def allow_migrate(self, db, app_label, model_name=None, **hints):
        return db == "default"
