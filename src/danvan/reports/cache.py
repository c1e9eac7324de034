"""A report's figures computed once per unit, period, day and data version, not on every view (issue 23).

The dashboard and its charts are the pages officers open most; each view used to recount every figure. The
figures depend only on the records, the unit tree and the day, so they are cached under a key made of the unit,
the period, today and the **data version**: the highest row and history ids of the tables the figures come from,
read in one query. Every audited write adds a history row (ADR 0003) and every new record a row, so any change
anyone makes moves the version and the next view recounts; nothing has to remember to invalidate. A bulk update
that writes no history (a recomputation of stored deadlines after a legal rule changes, ADR 0007) is covered by
the entries' lifetime (`LIFETIME`), not by the version.

The cache is Django's (per process unless CACHES says otherwise); a miss costs what every view cost before.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections import OrderedDict
from collections.abc import Callable
from typing import TypeVar

from django.apps import apps
from django.core.cache import cache
from django.db import connection, models

from danvan.reports.periods import Period
from danvan.units.models import Area

# The apps whose records feed the figures (counts, entered values, the unit tree and its lineage).
SOURCES = ("letters", "reception", "matters", "mobilisation", "reports", "units", "people", "legal", "papers",
           "hotspots", "reading")
LIFETIME = 300  # seconds: the longest a figure can lag behind a bulk update that writes no history
_tables: dict[tuple[str, ...], list[tuple[str, str]]] = {}
T = TypeVar("T")


def _sources(labels: tuple[str, ...] = SOURCES) -> list[tuple[str, str]]:
    """(table, primary key column) of every model of the source apps, historical tables included."""
    if labels not in _tables:
        found = []
        for model in apps.get_models():
            if model._meta.app_label in labels and not model._meta.proxy and model._meta.managed \
                    and isinstance(model._meta.pk, models.AutoField | models.BigAutoField):
                found.append((model._meta.db_table, model._meta.pk.column))
        _tables[labels] = sorted(set(found))
    return _tables[labels]


def data_version(labels: tuple[str, ...] = SOURCES) -> str:
    """The highest id of every source table, in one query: it moves with every record and audited change.
    `labels` narrows it to some apps (the unit tree and its lineage: ("units",))."""
    quote = connection.ops.quote_name
    parts = [f"(SELECT MAX({quote(pk)}) FROM {quote(table)})" for table, pk in _sources(labels)]
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {', '.join(parts)}")  # one row, one column per table, in a fixed order
        return ".".join(str(value or 0) for value in cursor.fetchone())


# The reports this process read last, as objects: a province's report read back from Django's cache was
# 490 KB to unpickle (35 ms, half of a dashboard view's CPU at national scale). An entry is used only while
# the cache still holds its key (`has_key` unpickles nothing), so it lives and dies with the cache's entry:
# its lifetime, `cache.clear()`, a shared cache emptied by another process. Reports are read, never changed.
_RECENT: OrderedDict[str, object] = OrderedDict()
RECENT_REPORTS = 8


def cached_report(root: Area, period: Period, today: dt.date):
    """`rollup.build_report(root, period)` as of `today`, computed once per data version."""
    from danvan.reports.rollup import build_report

    version = hashlib.sha256(data_version().encode()).hexdigest()[:24]
    key = f"danvan:report:{root.pk}:{hashlib.sha256(repr(period).encode()).hexdigest()[:24]}:{today}:{version}"
    report = _RECENT.get(key)
    if report is not None and cache.has_key(key):
        _RECENT.move_to_end(key)
        return report
    report = cache.get(key)
    if report is None:
        report = build_report(root, period, as_of=today)
        report.cache_key = key
        cache.set(key, report, LIFETIME)
    _RECENT[key] = report
    while len(_RECENT) > RECENT_REPORTS:
        _RECENT.popitem(last=False)
    return report


def cached_for_version(key: str, compute: Callable[[], T], labels: tuple[str, ...] = SOURCES) -> T:
    """Any figure of the source records (a work-queue count) computed once per data version: `key` names it
    and must hold whatever else it depends on (the user, the day). `labels`: the apps it is read from, when
    fewer than all (the lineage depends on the units only, so a new letter does not make it read again)."""
    version = hashlib.sha256(data_version(labels).encode()).hexdigest()[:24]
    full_key = f"danvan:figure:{hashlib.sha256(key.encode()).hexdigest()[:24]}:{version}"
    value: T | None = cache.get(full_key)
    if value is None:
        value = compute()
        cache.set(full_key, value, LIFETIME)
    return value


def cached_with_report(report, name: str, compute: Callable[[], T]) -> T:
    """Something computed from a cached report (`name` tells what: a chart, the letter details), kept with it
    and computed once per data version like it; computed every time for a report that is not cached."""
    key = getattr(report, "cache_key", None)
    if key is None:
        return compute()
    key = f"{key}:{name}"
    value: T | None = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value, LIFETIME)
    return value


def cached_drawing(report, name: str, draw: Callable[[], str | bytes]) -> str | bytes:
    """A chart of a cached report (`name` tells which), drawn once with it: drawing costs more than counting."""
    return cached_with_report(report, name, draw)
