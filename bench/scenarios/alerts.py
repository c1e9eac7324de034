"""The nightly early-warning job (issue 21, ADR 0023): a full recomputation and an incremental run with nothing new.
The first timed run stores the alerts; the next ones find them stored (idempotent), as a nightly run would."""

from __future__ import annotations

from bench.scenarios import scenario


@scenario("alerts: compute_alerts toàn bộ", requires=("danvan.hotspots.services",), repeat=3)
def _(ctx):
    from danvan.hotspots.services import compute_alerts

    run = compute_alerts(ctx.today, full=True)
    return run.created + run.updated

@scenario("alerts: compute_alerts hồ sơ mới (không có gì mới)", requires=("danvan.hotspots.services",), repeat=3)
def _(ctx):
    from danvan.hotspots.services import compute_alerts

    run = compute_alerts(ctx.today)
    return run.created + run.updated
