"""Planted hot spots against the alerts (issue 21): recall, alerts outside the planted communes, time of the job.

    python -m bench.hotspots --scale demo --hot-spots 12 [--db sqlite|postgres] [--database-url URL]

Generates the scale with planted hot spots into its own database (var/bench-hotspots-<scale>.sqlite3 or
danvan_bench_hotspots_<scale>), runs `compute_alerts` as of the data's last day (full, then incremental with
nothing new), and prints the figures of `danvan.hotspots.evaluation`. With `--database-url`, a database generated
beforehand with `danvan generate --hot-spots N` is used as it is (national scale: generate once, measure often)."""

from __future__ import annotations

import argparse
import time
from collections import Counter


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.hotspots", description=__doc__)
    parser.add_argument("--db", choices=("sqlite", "postgres"), default="sqlite")
    parser.add_argument("--scale", choices=("tiny", "demo", "province", "national"), default="demo")
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--hot-spots", type=int, default=12)
    parser.add_argument("--database-url", default=None, help="a database already generated with --hot-spots")
    args = parser.parse_args(argv)

    from bench.setup import prepare

    prepare(args.db, f"hotspots_{args.scale}", args.database_url)
    from django.core.management import call_command

    from danvan.datagen.generator import is_empty
    from danvan.datagen.models import GenerationRun
    from danvan.hotspots.evaluation import evaluate
    from danvan.hotspots.models import Alert, AlertRule
    from danvan.hotspots.services import compute_alerts
    from danvan.letters.models import Letter
    from danvan.reception.models import Visit

    call_command("migrate", verbosity=0, interactive=False)
    if is_empty():
        started = time.perf_counter()
        call_command("generate", scale=args.scale, seed=args.seed, hot_spots=args.hot_spots, no_progress=True)
        print(f"Sinh dữ liệu: {time.perf_counter() - started:.0f} s")
    # A bench database only: start from no alerts, so the figures are those of the current rules.
    from django.db import connection

    with connection.cursor() as cursor:
        for table in ("hotspots_historicalalert", "hotspots_alert", "hotspots_alertrun"):
            cursor.execute(f"DELETE FROM {table}")
    run = GenerationRun.objects.order_by("-pk").first()
    planted = run.counts.get("planted_hotspots", [])
    started = time.perf_counter()
    full = compute_alerts(run.until, full=True)
    full_s = time.perf_counter() - started
    started = time.perf_counter()
    compute_alerts(run.until)
    incremental_s = time.perf_counter() - started
    result = evaluate(planted)
    print(f"Dữ liệu: {Letter.objects.count():,} đơn, {Visit.objects.count():,} lượt tiếp; tính ngày {run.until}")
    print(f"compute_alerts toàn bộ: {full_s:.1f} s ({full.created} cảnh báo mới); hồ sơ mới: {incremental_s:.1f} s")
    print(f"Điểm nóng cài: {result.planted}; tìm thấy: {result.found}; recall {result.recall:.2f}")
    print(f"Cảnh báo phát hiện: {result.alerts}; ngoài xã được cài: {result.outside} ({result.outside_share:.1%}); "
          f"cảnh báo quá hạn (nhắc việc, tính riêng): {result.overdue_alerts}")
    for kind, n in sorted(Counter(Alert.objects.values_list("rule__kind", flat=True)).items()):
        print(f"  {kind}: {n}")
    for missed in result.missed:
        print(f"  bỏ sót: {missed}")
    import datetime as dt
    import json
    from pathlib import Path

    from bench.machine import describe_database, describe_machine

    results = Path(__file__).resolve().parent / "results"
    results.mkdir(exist_ok=True)
    out = results / f"{dt.datetime.now():%Y%m%d-%H%M%S}-hotspots-{args.scale}.json"
    out.write_text(json.dumps({
        "when": dt.datetime.now().isoformat(timespec="seconds"), "kind": "hotspots", "scale": args.scale,
        "data_size": {"letters.Letter": Letter.objects.count(), "reception.Visit": Visit.objects.count()},
        "computed_on": run.until.isoformat(), "database": describe_database(connection),
        "machine": describe_machine(),
        "compute_alerts_full_s": round(full_s, 2), "compute_alerts_incremental_s": round(incremental_s, 2),
        "planted": result.planted, "found": result.found, "recall": round(result.recall, 3),
        "detection_alerts": result.alerts, "outside": result.outside,
        "outside_share": round(result.outside_share, 3), "overdue_alerts": result.overdue_alerts,
        "rules": [{"kind": r.kind, "threshold": r.threshold, "window_days": r.window_days,
                   "min_persons": r.min_persons, "p_value": str(r.p_value)} for r in AlertRule.objects.all()],
    }, ensure_ascii=False, indent=2), encoding="utf-8")
    print(f"Kết quả: {out.relative_to(results.parent.parent)}")
    return 0 if result.recall >= 0.9 and result.outside_share <= 0.10 else 1


if __name__ == "__main__":
    raise SystemExit(main())
