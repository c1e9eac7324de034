"""`python -m bench --db sqlite|postgres --scale demo|province|national [--database-url URL]`."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import statistics
import sys
import time
import traceback
from pathlib import Path

RESULTS = Path(__file__).resolve().parent / "results"


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    k = max(0, min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1))))
    return ordered[k]


def measure(fn, ctx, repeat: int, budget: float | None = None) -> tuple[list[float], object]:
    """`repeat` timed runs after one untimed warm-up; with a `budget` (seconds), fewer runs (at least 3)
    when the warm-up shows that `repeat` of them would take longer, so a national run stays bounded."""
    started = time.perf_counter()
    result = fn(ctx)  # warm-up (caches, first query plans); not timed
    warm = time.perf_counter() - started
    if budget is not None and warm > 0:
        repeat = max(3, min(repeat, int(budget / warm)))
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        result = fn(ctx)
        times.append((time.perf_counter() - started) * 1000)
    return times, result


def data_size() -> dict:
    from django.apps import apps

    size = {}
    for label in ("letters.Letter", "reception.Visit", "reception.ReceptionSession", "matters.Matter",
                  "people.Citizen", "mobilisation.Dialogue", "mobilisation.GoodPractice"):
        try:
            size[label] = apps.get_model(label).objects.count()
        except LookupError:
            pass
    return size


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument("--db", choices=("sqlite", "postgres"), default="sqlite")
    parser.add_argument("--scale", choices=("tiny", "demo", "province", "national"), default="demo")
    parser.add_argument("--database-url", default=None, help="default: $DANVAN_VAR_DIR/bench-<scale>.sqlite3 or "
                                                             "postgres://postgres@127.0.0.1:55432/danvan_bench_<scale>")
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--repeat", type=int, default=15, help="timed runs per scenario (after one warm-up)")
    parser.add_argument("--only", default="", help="run only scenarios whose name contains this text")
    parser.add_argument("--skip", default="", help="skip scenarios whose name contains one of these (comma-separated)")
    parser.add_argument("--budget", type=float, default=60.0,
                        help="seconds per scenario: fewer timed runs (at least 3) for slow scenarios")
    args = parser.parse_args(argv)

    from bench.setup import ensure_data, prepare

    prepare(args.db, args.scale, args.database_url)
    from django.db import connection

    from bench.context import build_context
    from bench.machine import describe_database, describe_machine
    from bench.scenarios import load_all

    generated_in = ensure_data(args.scale, args.seed, sys.stdout)
    machine = describe_machine()  # before the runs: its load average is the contention they ran under
    ctx = build_context()
    ctx.data_size = data_size()
    size_text = ", ".join(f"{k.split('.')[1]} {v:,}".replace(",", ".") for k, v in ctx.data_size.items())
    print(f"Dữ liệu: {size_text}; tỉnh {ctx.root.name}; kỳ {ctx.start:%d/%m/%Y}–{ctx.end:%d/%m/%Y}; "
          f"hôm nay {ctx.today:%d/%m/%Y}")
    rows = []
    for sc in load_all():
        if args.only and args.only not in sc.name:
            continue
        if any(s and s in sc.name for s in args.skip.split(",")):
            continue
        repeat = sc.repeat or args.repeat
        row = {"scenario": sc.name, "baseline": sc.baseline_name}
        try:
            times, result = measure(sc.run, ctx, repeat, args.budget)
            row |= {"median_ms": statistics.median(times), "p95_ms": percentile(times, 95), "runs": len(times)}
            if sc.name.startswith("page:") and isinstance(result, int):
                row["page_bytes"] = result  # `ctx.get` returns the page's weight
            if sc.baseline is not None:
                btimes, bresult = measure(sc.baseline, ctx, repeat, args.budget)
                row |= {"baseline_median_ms": statistics.median(btimes), "baseline_p95_ms": percentile(btimes, 95)}
                row["ratio"] = row["median_ms"] / row["baseline_median_ms"] if row["baseline_median_ms"] else None
                if sc.same is not None:
                    row["agrees"] = bool(sc.same(result, bresult))
        except Exception as exc:  # a failing scenario is reported, the others still run
            row["error"] = f"{type(exc).__name__}: {exc}"
            traceback.print_exc()
        rows.append(row)
    print_table(rows, ctx.data_size)
    database = describe_database(connection)
    print(f"Máy: {machine['cpu_count']} CPU {machine['cpu_model']}, {machine['memory_gib']} GiB, tải "
          f"{machine['load_average'][0]}; Python {machine['python']}; {database['version'].split(' on ')[0]}")
    RESULTS.mkdir(exist_ok=True)
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    out = RESULTS / f"{stamp}-{args.db}-{args.scale}.json"
    out.write_text(json.dumps({
        "when": dt.datetime.now().isoformat(timespec="seconds"), "db": args.db, "scale": args.scale,
        "database": database, "machine": machine, "data_size": ctx.data_size, "generated_in_s": generated_in,
        "province": ctx.root.name, "period": [ctx.start.isoformat(), ctx.end.isoformat()],
        "today": ctx.today.isoformat(), "scenarios": rows,
    }, ensure_ascii=False, indent=2), encoding="utf-8")
    print(f"Kết quả: {out.relative_to(RESULTS.parent.parent)}")
    return 1 if any("error" in r or r.get("agrees") is False for r in rows) else 0


def print_table(rows: list[dict], size: dict) -> None:
    letters = size.get("letters.Letter", 0)
    visits = size.get("reception.Visit", 0)
    data = f"{letters // 1000}k đơn/{visits // 1000}k lượt" if letters >= 1000 else f"{letters} đơn/{visits} lượt"
    header = ("scenario", "data size", "median ms", "p95 ms", "baseline", "baseline ms", "ratio", "", "KB")
    table = [header]
    for r in rows:
        if "error" in r:
            table.append((r["scenario"], data, "LỖI", "", r["error"][:60], "", "", "", ""))
            continue
        table.append((
            r["scenario"], data, f"{r['median_ms']:.1f}", f"{r['p95_ms']:.1f}", r.get("baseline", ""),
            f"{r['baseline_median_ms']:.1f}" if "baseline_median_ms" in r else "",
            f"{r['ratio']:.1f}×" if r.get("ratio") else "", {True: "=", False: "≠"}.get(r.get("agrees"), ""),
            f"{r['page_bytes'] / 1000:.1f}".replace(".", ",") if "page_bytes" in r else "",
        ))
    widths = [max(len(str(row[i])) for row in table) for i in range(len(header))]
    for n, row in enumerate(table):
        print("  ".join(str(c).ljust(w) if i in (0, 1, 4) else str(c).rjust(w) for i, (c, w) in
                        enumerate(zip(row, widths, strict=True))))
        if n == 0:
            print("  ".join("-" * w for w in widths))


if __name__ == "__main__":
    sys.exit(main())
