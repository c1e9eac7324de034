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
