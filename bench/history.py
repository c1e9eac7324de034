"""The units before 01/7/2025 (issue 18): do scope queries and reports cost the same with the history loaded?

    python -m bench.history [--db sqlite|postgres] [--scale demo] [--database-url URL] [--repeat 7]

On one generated database (var/bench-history_<scale>.sqlite3 or danvan_bench_history_<scale>), the same
scenarios are timed three times: without the history (today's 34 provinces and 3.321 communes only), after
`danvan load_units --history` (63 old provinces, their districts, 10.040 old communes, the lineage), then
once more without it (the history removed again), so the two runs without it show the noise of the machine.
The load itself is timed too (issue 18: under 60 s), and its result checked: 63 provinces and the old
communes valid on 30/6/2025, every current commune with predecessors.

Scenarios: `restrict()` of letters and visits (count and the first page of 50) and the letter and reception
list pages, for a commune officer, a province officer and a national head; `build_report` (what the report
page computes, uncached) of the province and of the country for the last full year with "so với cùng kỳ",
and of the province for 2024 (before the reform: with the history it is laid out on the old districts, so
this row is expected to cost more — a different report, not a regression).

Each scenario: median wall and CPU ms (time.process_time) of `--repeat` runs after a warm-up, and the
queries sent. Results: a table, and a JSON in bench/results/ with the machine and the data size.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import statistics
import sys
import time
from dataclasses import dataclass
from typing import Any

LOAD_LIMIT_S = 60.0  # issue 18: "loading takes under 60 s"


@dataclass
class Case:
    name: str
    run: Any
    comparable: bool = True  # False: with the history it is a different result by design (a pre-reform layout)


def strip_history() -> int:
    """Remove the units before 01/7/2025, their organisations, the lineage and their history rows: this is a
    bench database, and the run without the history must be today's tree only. Returns the units removed."""
    from django.db import connection, transaction

    from danvan.units.legacy import LAST_DAY, LEGACY_PREFIX
    from danvan.units.models import Area

    old = Area.objects.filter(valid_to=LAST_DAY, code__startswith=LEGACY_PREFIX)
    n = old.count()
    if not n:
        return 0
    old_sql = "SELECT id FROM units_area WHERE valid_to = %s AND code LIKE %s"
    params = [LAST_DAY, LEGACY_PREFIX + "%"]
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("DELETE FROM units_historicalarealineage WHERE predecessor_id IN (" + old_sql + ")", params)
        cursor.execute("DELETE FROM units_arealineage WHERE predecessor_id IN (" + old_sql + ")", params)
        orgs = "SELECT id FROM units_organisation WHERE area_id IN (" + old_sql + ")"
        cursor.execute("DELETE FROM units_historicalorganisation WHERE id IN (" + orgs + ")", params)
        cursor.execute("DELETE FROM units_organisation WHERE area_id IN (" + old_sql + ")", params)
        cursor.execute("DELETE FROM units_historicalarea WHERE id IN (" + old_sql + ")", params)
        cursor.execute("DELETE FROM units_area WHERE valid_to = %s AND code LIKE %s", params)
    return n


def history_counts() -> dict:
    """What the issue asks `make demo` to hold: 63 provinces and ~10.040 communes valid on 30/6/2025, and
    lineage to every current commune."""
    from danvan.units.legacy import LAST_DAY
    from danvan.units.models import Area, AreaLevel, AreaLineage

    on_last_day = Area.objects.filter(valid_to=LAST_DAY)
    current_communes = Area.objects.filter(level=AreaLevel.COMMUNE, valid_to__isnull=True)
    with_lineage = current_communes.filter(predecessor_links__isnull=False).distinct().count()
    return {
        "old_provinces": on_last_day.filter(level=AreaLevel.PROVINCE).count(),
        "old_districts": on_last_day.filter(level=AreaLevel.DISTRICT).count(),
        "old_communes": on_last_day.filter(level=AreaLevel.COMMUNE).count(),
        "lineage_links": AreaLineage.objects.count(),
        "current_communes": current_communes.count(),
        "current_communes_with_lineage": with_lineage,
    }


def bench_users(root):
    """A commune officer (the commune of the province with most letters), the province officer of the bench
    context, a national head."""
    from django.db.models import Count

    from danvan.accounts.models import Role, User
    from danvan.letters.models import Letter
    from danvan.units.models import AreaLevel, Organisation, OrganisationType

    busiest = (Letter.objects.filter(area__path__startswith=root.path, area__level=AreaLevel.COMMUNE,
                                     area__valid_to__isnull=True)
               .values("area").annotate(n=Count("pk")).order_by("-n", "area").first())
    commune_org = (Organisation.objects.filter(area_id=busiest["area"]).order_by("type", "pk").first()
                   if busiest else None)
    central = Organisation.objects.get(type=OrganisationType.MOBILISATION_BOARD, area__level=AreaLevel.NATION)
    province = User.objects.get(username="bench-officer")
    users = {}
    for label, username, org, role in (("xã", "bench-history-commune", commune_org, Role.OFFICER),
                                       ("toàn quốc", "bench-history-nation", central, Role.HEAD)):
        if org is None:
            continue
        user, _ = User.objects.get_or_create(username=username, defaults={"organisation": org, "role": role})
        if user.organisation_id != org.pk or user.role != role:
            user.organisation, user.role = org, role
            user._change_reason = "bench"
            user.save()
        users[label] = user
    users["tỉnh"] = province
    return {k: users[k] for k in ("xã", "tỉnh", "toàn quốc") if k in users}


def build_cases(ctx, users) -> list[Case]:
    from django.test import Client

    from danvan.letters.models import Letter
    from danvan.reception.models import Visit
    from danvan.reports.periods import date_range
    from danvan.reports.rollup import build_report
    from danvan.units.models import Area

    cases = []
    for label, user in users.items():
        fresh = user.__class__.objects.get(pk=user.pk)  # no cached scope_path between the two states

        def letters(_ctx, u=fresh):
            qs = Letter.objects.restrict(u).active()
            return qs.count(), list(qs.order_by("-received_on", "-pk").values_list("pk", flat=True)[:50])

        def visits(_ctx, u=fresh):
            qs = Visit.objects.restrict(u).active()
            return qs.count(), list(qs.order_by("-session__date", "-pk").values_list("pk", flat=True)[:50])

        client = Client(HTTP_HOST="127.0.0.1")
        client.force_login(user, backend="danvan.accounts.backends.ScopedModelBackend")

        def page(url, c=client):
            def get(_ctx):
                response = c.get(url)
                if response.status_code != 200:
                    raise AssertionError(f"GET {url} -> {response.status_code}")
                return len(response.content)
            return get

        cases += [
            Case(f"scope: đơn, cán bộ {label} (đếm + 50 đơn)", letters),
            Case(f"scope: lượt tiếp, cán bộ {label} (đếm + 50 lượt)", visits),
            Case(f"page: danh sách đơn, {label}", page("/don-thu/")),
            Case(f"page: sổ tiếp công dân, {label}", page("/tiep-cong-dan/so-tiep-cong-dan/")),
        ]
    year = date_range(ctx.start, ctx.end)
    before = date_range(dt.date(2024, 1, 1), dt.date(2024, 12, 31))
    nation = Area.objects.get(pk=int(ctx.root.path.split("/")[0]))

    def received(report):
        return report.total.current["DT_NHAN"].value, report.total.previous["DT_NHAN"].value, len(report.rows)

    cases += [
        Case(f"report: năm {ctx.start.year} của tỉnh (theo xã, so cùng kỳ)",
             lambda c: received(build_report(ctx.root, year, as_of=ctx.today))),
        Case(f"report: năm {ctx.start.year} toàn quốc (theo tỉnh, so cùng kỳ)",
             lambda c: received(build_report(nation, year, as_of=ctx.today))),
        Case("report: năm 2024 của tỉnh (trước 01/7/2025: theo huyện cũ khi có lịch sử)",
             lambda c: received(build_report(ctx.root, before, as_of=ctx.today)), comparable=False),
    ]
    return cases


def run_cases(cases: list[Case], ctx, repeat: int) -> dict[str, dict]:
    from bench.__main__ import Cost, measure

    out = {}
    for case in cases:
        cost = Cost()
        times, result = measure(case.run, ctx, repeat, None, cost)
        out[case.name] = {"median_ms": statistics.median(times), "runs": len(times), **cost.summary(),
                          "result": result if isinstance(result, int | tuple) else None}
    return out


def time_load() -> dict:
    from io import StringIO

    from django.core.management import call_command

    out = StringIO()
    cpu, started = time.process_time(), time.perf_counter()
    call_command("load_units", history=True, stdout=out)
    return {"wall_s": time.perf_counter() - started, "cpu_s": time.process_time() - cpu,
            "output": out.getvalue().strip()}


def _comparable(before: object, after: object) -> bool:
    """The same figures with and without the history: same counts and pages, same report totals."""
    if isinstance(before, tuple) and isinstance(after, tuple):
        return before == after
    return True  # a page's size may differ by a few bytes (a unit picker option): not a figure


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.history", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--db", choices=("sqlite", "postgres"), default="sqlite")
    parser.add_argument("--scale", choices=("tiny", "demo", "province"), default="demo")
    parser.add_argument("--database-url", default=None,
                        help="default: var/bench-history_<scale>.sqlite3 or danvan_bench_history_<scale>")
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--repeat", type=int, default=7, help="timed runs per scenario (after one warm-up)")
    args = parser.parse_args(argv)

    from bench.setup import ensure_data, prepare

    prepare(args.db, f"history_{args.scale}", args.database_url)
    from django.db import connection

    from bench.__main__ import RESULTS, data_size
    from bench.context import build_context
    from bench.machine import describe_database, describe_machine

    generated_in = ensure_data(args.scale, args.seed, sys.stdout)
    removed = strip_history()
    if removed:
        print(f"Đã gỡ {removed:,} đơn vị trước 01/7/2025 của lần chạy trước.".replace(",", "."))
    machine = describe_machine()
    ctx = build_context()
    size = data_size()
    users = bench_users(ctx.root)
    cases = build_cases(ctx, users)
    print(f"Dữ liệu: {size}; tỉnh {ctx.root.name}; kỳ {ctx.start:%d/%m/%Y}–{ctx.end:%d/%m/%Y}; "
          f"người dùng: {', '.join(f'{k} {u.organisation}' for k, u in users.items())}")

    print("1/3 Không có lịch sử…", flush=True)
    without = run_cases(cases, ctx, args.repeat)
    counts_without = history_counts()
    print("2/3 danvan load_units --history…", flush=True)
    load = time_load()
    print(f"    {load['output']}\n    {load['wall_s']:.1f} s (CPU {load['cpu_s']:.1f} s)")
    counts = history_counts()
    with_history = run_cases(cases, ctx, args.repeat)
    print("3/3 Gỡ lịch sử, đo lại (độ nhiễu)…", flush=True)
    strip_history()
    again = run_cases(cases, ctx, args.repeat)

    rows = []
    for case in cases:
        a, b, c = without[case.name], with_history[case.name], again[case.name]
        base = statistics.mean([a["median_ms"], c["median_ms"]])
        base_cpu = statistics.mean([a["cpu_ms"], c["cpu_ms"]])
        rows.append({
            "scenario": case.name, "comparable": case.comparable,
            "without_ms": a["median_ms"], "without_again_ms": c["median_ms"], "with_ms": b["median_ms"],
            "without_cpu_ms": a["cpu_ms"], "without_again_cpu_ms": c["cpu_ms"], "with_cpu_ms": b["cpu_ms"],
            "without_queries": a["queries"], "with_queries": b["queries"],
            "noise": abs(a["median_ms"] - c["median_ms"]) / base if base else 0.0,
            "ratio": b["median_ms"] / base if base else None,
            "cpu_ratio": b["cpu_ms"] / base_cpu if base_cpu else None,
            "agrees": _comparable(a["result"], b["result"]) if case.comparable else None,
            "runs": b["runs"],
        })
    print_table(rows)
    database = describe_database(connection)
    ok_load = load["wall_s"] < LOAD_LIMIT_S
    print(f"load_units --history: {load['wall_s']:.1f} s wall, {load['cpu_s']:.1f} s CPU "
          f"({'dưới' if ok_load else 'VƯỢT'} {LOAD_LIMIT_S:.0f} s); trước 01/7/2025: {counts['old_provinces']} tỉnh, "
          f"{counts['old_districts']} huyện, {counts['old_communes']} xã; {counts['lineage_links']} quan hệ kế thừa; "
          f"{counts['current_communes_with_lineage']}/{counts['current_communes']} xã hiện nay có đơn vị tiền thân")
    print(f"Máy: {machine['cpu_count']} CPU {machine['cpu_model']}, {machine['memory_gib']} GiB, tải "
          f"{machine['load_average'][0]}; Python {machine['python']}; {database['version'].split(' on ')[0]}")
    RESULTS.mkdir(exist_ok=True)
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    out = RESULTS / f"{stamp}-history-{args.db}-{args.scale}.json"
    out.write_text(json.dumps({
        "when": dt.datetime.now().isoformat(timespec="seconds"), "db": args.db, "scale": args.scale,
        "database": database, "machine": machine, "data_size": size, "generated_in_s": generated_in,
        "province": ctx.root.name, "period": [ctx.start.isoformat(), ctx.end.isoformat()],
        "users": {k: str(u.organisation) for k, u in users.items()}, "repeat": args.repeat,
        "load_units_history": {k: v for k, v in load.items() if k != "output"} | {"limit_s": LOAD_LIMIT_S},
        "units_without": counts_without, "units_with": counts, "scenarios": rows,
    }, ensure_ascii=False, indent=2, default=str), encoding="utf-8")
    print(f"Kết quả: {out.relative_to(RESULTS.parent.parent)}")
    complete = (counts["old_provinces"] == 63 and counts["old_communes"] >= 10_000
                and counts["current_communes_with_lineage"] == counts["current_communes"])
    return 0 if ok_load and complete and all(r["agrees"] is not False for r in rows) else 1


def print_table(rows: list[dict]) -> None:
    from bench.__main__ import print_columns

    header = ("scenario", "không LS ms", "lần 2 ms", "có LS ms", "tỷ lệ", "nhiễu", "CPU không", "CPU có",
              "CPU tỷ lệ", "truy vấn", "")
    table = [header]
    for r in rows:
        table.append((
            r["scenario"], f"{r['without_ms']:.1f}", f"{r['without_again_ms']:.1f}", f"{r['with_ms']:.1f}",
            f"{r['ratio']:.2f}×" if r["ratio"] else "", f"{r['noise']:.0%}",
            f"{r['without_cpu_ms']:.1f}", f"{r['with_cpu_ms']:.1f}",
            f"{r['cpu_ratio']:.2f}×" if r["cpu_ratio"] else "",
            f"{r['without_queries']}→{r['with_queries']}",
            {True: "=", False: "≠", None: "(khác bố cục)"}[r["agrees"]],
        ))
    print_columns(table, left=(0, 10))


if __name__ == "__main__":
    raise SystemExit(main())
