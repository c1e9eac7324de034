"""Every benchmark scenario and its baseline run once on a few hundred generated records, so a refactor that
breaks one (a renamed function, a changed URL) fails here, not on the day someone measures at national scale.
This checks that they run and that a scenario agrees with its baseline; the timings themselves are `make bench`'s."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection

from danvan.datagen.generator import SCALES, Generator
from danvan.units.services import create_standard_organisations


@pytest.fixture
def ctx(tree):
    from bench.context import build_context

    create_standard_organisations(tree.nation, [tree.cao_bang, tree.ha_noi], [tree.quang_lam, tree.hoa_an,
                                                                              tree.hoan_kiem])
    Generator(scale=SCALES["tiny"], seed=3, until=dt.date(2026, 10, 31), letters=120, visits=80).run()
    return build_context()


def test_every_scenario_and_its_baseline_run(ctx):
    from bench.scenarios import load_all

    if connection.vendor != "sqlite":
        pytest.skip("run once, on SQLite: the scenarios are the same code on both databases (CI has 90 minutes)")
    failures = []
    ran = 0
    for sc in load_all():
        try:
            result = sc.run(ctx)
            if sc.baseline is not None:
                baseline = sc.baseline(ctx)
                if sc.same is not None and not sc.same(result, baseline):
                    failures.append(f"{sc.name}: disagrees with its baseline ({sc.baseline_name})")
            ran += 1
        except Exception as exc:  # noqa: BLE001 — every scenario is reported, not only the first
            failures.append(f"{sc.name}: {type(exc).__name__}: {exc}")
    assert not failures, "\n".join(failures)
    assert ran >= 20


def test_both_benches_print_their_results_in_aligned_columns(capsys):
    """`python -m bench` and `python -m bench.history` lay their tables out with one helper: names flush left,
    figures flush right under a rule of dashes as wide as each column."""
    from bench.__main__ import print_table
    from bench.history import print_table as print_history

    print_table([{"scenario": "report: năm 2025 của tỉnh", "baseline": "cũ", "median_ms": 204.12, "p95_ms": 250.5,
                  "ratio": 0.51, "agrees": True},
                 {"scenario": "x", "error": "ValueError: hỏng"}], {"letters.Letter": 50_078, "reception.Visit": 40_093})
    print_history([{"scenario": "report: năm 2024", "without_ms": 300.0, "without_again_ms": 310.0, "with_ms": 1200.0,
                    "ratio": 3.94, "noise": 0.032, "without_cpu_ms": 290.0, "with_cpu_ms": 880.0, "cpu_ratio": 3.03,
                    "without_queries": 20, "with_queries": 41, "agrees": None}])
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("scenario                   data size         median ms  p95 ms")
    assert lines[1].split("  ")[:3] == ["-" * 25, "-" * 16, "-" * 9]
    assert lines[2].startswith("report: năm 2025 của tỉnh  50k đơn/40k lượt      204.1   250.5")
    assert lines[3].startswith("x                          50k đơn/40k lượt        LỖI")
    assert lines[4].split()[:3] == ["scenario", "không", "LS"]
    assert lines[6] == ("report: năm 2024        300.0     310.0    1200.0  3.94×     3%      290.0   880.0      3.03×"
                        "     20→41  (khác bố cục)")
