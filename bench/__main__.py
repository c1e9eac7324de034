"""`python -m bench --db sqlite|postgres --scale demo|province|national [--database-url URL]`."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import statistics
import sys
import time
import traceback
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path

RESULTS = Path(__file__).resolve().parent / "results"


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    k = max(0, min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1))))
    return ordered[k]


@dataclass
class Cost:
    """What one run costs besides wall time, stable on a noisy machine: this process's CPU milliseconds (the
    database server's own CPU is not in it: the queries column stands for that), the queries sent, and for a
    page the bytes of the response."""

    cpu_ms: list[float] = field(default_factory=list)
    queries: list[int] = field(default_factory=list)
    bytes: list[int] = field(default_factory=list)

    def summary(self, prefix: str = "") -> dict:
        out = {}
        if self.cpu_ms:
            out[f"{prefix}cpu_ms"] = statistics.median(self.cpu_ms)
        if self.queries:
            out[f"{prefix}queries"] = int(statistics.median(self.queries))
        if self.bytes:
            out[f"{prefix}bytes"] = int(statistics.median(self.bytes))
        return out


def _response_bytes(result) -> int | None:
    """The size of a page's response; None for anything else (a streamed export is not read here)."""
    content = getattr(result, "content", None)  # a StreamingHttpResponse raises AttributeError: None
    if isinstance(content, bytes | bytearray) and hasattr(result, "status_code"):
        return len(content)
    return None


def measure(fn, ctx, repeat: int, budget: float | None = None,
            cost: Cost | None = None) -> tuple[list[float], object]:
    """`repeat` timed runs after one untimed warm-up; with a `budget` (seconds), fewer runs (at least 3)
    when the warm-up shows that `repeat` of them would take longer, so a national run stays bounded.
    With `cost`, each run's CPU time, query count and response size are recorded into it."""
    from django.db import connections

    started = time.perf_counter()
    result = fn(ctx)  # warm-up (caches, first query plans); not timed
    warm = time.perf_counter() - started
    if budget is not None and warm > 0:
        repeat = max(3, min(repeat, int(budget / warm)))
    times = []
    sent = [0]

    def count(execute, sql, params, many, context):
        sent[0] += 1
        return execute(sql, params, many, context)

    for _ in range(repeat):
        sent[0] = 0
        with ExitStack() as stack:
            for alias in connections:
                stack.enter_context(connections[alias].execute_wrapper(count))
            cpu = time.process_time()
            started = time.perf_counter()
            result = fn(ctx)
            times.append((time.perf_counter() - started) * 1000)
            cpu = (time.process_time() - cpu) * 1000
        if cost is not None:
            cost.cpu_ms.append(cpu)
            cost.queries.append(sent[0])
            size = _response_bytes(result)
            if size is not None:
                cost.bytes.append(size)
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
            cost = Cost()
            times, result = measure(sc.run, ctx, repeat, args.budget, cost)
            row |= {"median_ms": statistics.median(times), "p95_ms": percentile(times, 95), "runs": len(times)}
            row |= cost.summary()
            if sc.name.startswith("page:") and isinstance(result, int):
                row["bytes"] = result  # `ctx.get` returns the page's weight
            if sc.baseline is not None:
                bcost = Cost()
                btimes, bresult = measure(sc.baseline, ctx, repeat, args.budget, bcost)
                row |= {"baseline_median_ms": statistics.median(btimes), "baseline_p95_ms": percentile(btimes, 95)}
                row |= {k: v for k, v in bcost.summary("baseline_").items() if k != "baseline_bytes"}
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
    header = ("scenario", "data size", "median ms", "p95 ms", "cpu ms", "queries", "KB", "baseline", "baseline ms",
              "baseline cpu ms", "ratio", "")
    table = [header]
    for r in rows:
        if "error" in r:
            table.append((r["scenario"], data, "LỖI", "", "", "", "", r["error"][:60], "", "", "", ""))
            continue
        table.append((
            r["scenario"], data, f"{r['median_ms']:.1f}", f"{r['p95_ms']:.1f}",
            f"{r['cpu_ms']:.1f}" if "cpu_ms" in r else "", str(r.get("queries", "")),
            f"{r['bytes'] / 1024:.0f}" if "bytes" in r else "", r.get("baseline", ""),
            f"{r['baseline_median_ms']:.1f}" if "baseline_median_ms" in r else "",
            f"{r['baseline_cpu_ms']:.1f}" if "baseline_cpu_ms" in r else "",
            f"{r['ratio']:.1f}×" if r.get("ratio") else "", {True: "=", False: "≠"}.get(r.get("agrees"), ""),
        ))
    print_columns(table, left=(0, 1, 7))


def print_columns(table: list[tuple], left: tuple[int, ...] = (0,)) -> None:
    """`table` (its first row the header) in aligned columns two spaces apart, a rule of dashes under the
    header: the `left` columns (names) flush left, the others (figures) flush right. Shared by the benches'
    result tables (`python -m bench`, `python -m bench.history`)."""
    widths = [max(len(str(row[i])) for row in table) for i in range(len(table[0]))]
    for n, row in enumerate(table):
        print("  ".join(str(c).ljust(w) if i in left else str(c).rjust(w) for i, (c, w) in
                        enumerate(zip(row, widths, strict=True))))
        if n == 0:
            print("  ".join("-" * w for w in widths))


if __name__ == "__main__":
    sys.exit(main())
