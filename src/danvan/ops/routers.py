"""Reports and dashboards read from a PostgreSQL streaming replica when there is one (DATABASE_REPLICA_URL)
and it is close enough behind; everything else, and every write, goes to the primary.

Only GET requests to the apps listed in `DANVAN_REPLICA_NAMESPACES` (the reports) read from the replica
(`ReplicaReadsMiddleware`), so a page that just wrote never reads its own write from a replica that has not
replayed it yet. Before using the replica the process asks it how far behind it is, at most every
`CHECK_SECONDS`; a replica that is down, or further behind than `DANVAN_REPLICA_MAX_LAG_SECONDS`, is skipped
until the next check and the primary answers.
"""

from __future__ import annotations

import contextlib
import contextvars
import logging
import threading
import time

from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, connections

logger = logging.getLogger(__name__)
REPLICA = "replica"
CHECK_SECONDS = 5.0
# Caught up (everything received is replayed): no lag, even when the primary has been idle for hours.
# Otherwise: the age of the last transaction replayed.
LAG_SQL = """
SELECT CASE
    WHEN NOT pg_is_in_recovery() THEN 0
    WHEN pg_last_wal_receive_lsn() = pg_last_wal_replay_lsn() THEN 0
    ELSE COALESCE(EXTRACT(EPOCH FROM now() - pg_last_xact_replay_timestamp()), 1e9)
END
"""

_reading_replica: contextvars.ContextVar[bool] = contextvars.ContextVar("danvan_replica_reads", default=False)
_health_lock = threading.Lock()
_health: dict[str, float | bool] = {"checked_at": -1e9, "usable": False}


def replica_configured() -> bool:
    return REPLICA in settings.DATABASES


def replica_lag() -> float:
    """Seconds the replica is behind the primary (raises when it cannot be reached)."""
    with connections[REPLICA].cursor() as cursor:
        cursor.execute(LAG_SQL)
        return float(cursor.fetchone()[0])


def replica_usable() -> bool:
    with _health_lock:
        now = time.monotonic()
        if now - _health["checked_at"] < CHECK_SECONDS:
            return bool(_health["usable"])
        try:
            lag = replica_lag()
            usable = lag <= settings.DANVAN_REPLICA_MAX_LAG_SECONDS
            if not usable:
                logger.warning("replica %.1f s behind: reading from the primary", lag)
        except Exception as exc:
            logger.warning("replica unreachable, reading from the primary: %s", str(exc).splitlines()[0] if str(exc)
                           else type(exc).__name__)
            with contextlib.suppress(Exception):
                connections[REPLICA].close()
            usable = False
        _health.update(checked_at=now, usable=usable)
        return usable


def forget_health() -> None:
    with _health_lock:
        _health.update(checked_at=-1e9, usable=False)


@contextlib.contextmanager
def reads_from_replica():
    """Within this block, reads go to the replica when it is configured and usable."""
    token = _reading_replica.set(True)
    try:
        yield
    finally:
        _reading_replica.reset(token)


class ReplicaRouter:
    def db_for_read(self, model, **hints):
        if _reading_replica.get() and replica_configured() and replica_usable():
            return REPLICA
        return None  # Django's own choice: the alias an instance came from, else default

    def db_for_write(self, model, **hints):
        return DEFAULT_DB_ALIAS  # even for an object read from the replica

    def allow_relation(self, obj1, obj2, **hints):
        return True  # the same data on both

    def allow_migrate(self, db, app_label, model_name=None, **hints):
        return False if db == REPLICA else None


class ReplicaReadsMiddleware:
    """GET requests to the report pages read from the replica (the user and session already came from the
    primary: the login check runs before this middleware's view hook)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = request.resolver_match
        if request.method in ("GET", "HEAD") and match and match.namespace in settings.DANVAN_REPLICA_NAMESPACES:
            with reads_from_replica():
                return view_func(request, *view_args, **view_kwargs)
        return None
