"""Health and metrics: for the proxy, the monitoring and the technician, not for officers."""

from __future__ import annotations

import hmac
import ipaddress
import logging
import tempfile
import time
from pathlib import Path

from django.conf import settings
from django.contrib.auth.decorators import login_not_required
from django.db import DEFAULT_DB_ALIAS, connections
from django.db.migrations.executor import MigrationExecutor
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

logger = logging.getLogger(__name__)
MIGRATIONS_CACHE_SECONDS = 60
_migrations_ok_at = 0.0


def _database() -> bool:
    with connections[DEFAULT_DB_ALIAS].cursor() as cursor:
        cursor.execute("SELECT 1")
        return cursor.fetchone()[0] == 1


def _migrations() -> bool:
    """No migration of this code left unapplied (a positive answer is kept a minute: loading the graph costs)."""
    global _migrations_ok_at
    if time.monotonic() - _migrations_ok_at < MIGRATIONS_CACHE_SECONDS:
        return True
    executor = MigrationExecutor(connections[DEFAULT_DB_ALIAS])
    if executor.migration_plan(executor.loader.graph.leaf_nodes()):
        return False
    _migrations_ok_at = time.monotonic()
    return True


def _media() -> bool:
    root = Path(settings.MEDIA_ROOT)
    root.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile(dir=root, prefix=".healthz-") as handle:
        handle.write(b"ok")
        handle.flush()
    return True


CHECKS = {"database": _database, "migrations": _migrations, "media": _media}


@login_not_required
@never_cache
@require_GET
def healthz(request: HttpRequest) -> JsonResponse:
    """200 when every check passes, 503 otherwise; the body names the checks and nothing else (the
    reasons go to the log, under the request id)."""
    results = {}
    for name, check in CHECKS.items():
        try:
            results[name] = "ok" if check() else "fail"
        except Exception:
            logger.exception("health check %s failed", name)
            results[name] = "fail"
    healthy = all(value == "ok" for value in results.values())
    return JsonResponse({"status": "ok" if healthy else "fail", "checks": results}, status=200 if healthy else 503)


def _may_read_metrics(request: HttpRequest) -> bool:
    token = settings.DANVAN_METRICS_TOKEN
    if token:
        given = request.headers.get("Authorization", "").removeprefix("Bearer ").strip()
        return hmac.compare_digest(given.encode(), token.encode())
    # Without a token: only a scraper on this machine talking to gunicorn directly. Behind the local proxy
    # every request comes from 127.0.0.1, so a request the proxy forwarded (it adds X-Forwarded-For) is not one.
    if request.headers.get("X-Forwarded-For") or request.headers.get("X-Real-IP"):
        return False
    try:
        return ipaddress.ip_address(request.META.get("REMOTE_ADDR", "")).is_loopback
    except ValueError:
        return False


@login_not_required
@never_cache
@require_GET
def metrics(request: HttpRequest) -> HttpResponse:
    """Request counts and latencies in Prometheus text format (django-prometheus, ADR 0016)."""
    if not _may_read_metrics(request):
        raise Http404
    from django_prometheus.exports import ExportToDjangoView

    return ExportToDjangoView(request)
