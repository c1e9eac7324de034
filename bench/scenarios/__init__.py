"""The scenario registry. A scenario is a function timed against its baseline in the same run.

    from bench.scenarios import scenario

    @scenario("letters: count_received", baseline=lambda ctx: <plain SQL>, baseline_name="SQL COUNT")
    def _(ctx):
        return count_received(ctx.root, ctx.start, ctx.end)

`ctx` is a `bench.context.Context`: the province `root` area, the period `start`..`end`, `today`,
a logged-in test `client` (a province officer), `sql(query, params)` for baselines, `data_size`.
`requires` names the modules a scenario needs; a scenario whose module is absent is not registered
(scenarios of issues not yet built are absent, never faked). `same(result, baseline)`, when given,
checks that the scenario and its baseline agree; the table shows "≠" if they do not.
"""

from __future__ import annotations

import importlib
import importlib.util
import pkgutil
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any


@dataclass
class Scenario:
    name: str
    run: Callable[[Any], Any]
    baseline: Callable[[Any], Any] | None = None
    baseline_name: str = ""
    same: Callable[[Any, Any], bool] | None = None
    repeat: int | None = None


REGISTRY: list[Scenario] = []


def available(*modules: str) -> bool:
    for name in modules:
        try:
            if importlib.util.find_spec(name) is None:
                return False
        except ModuleNotFoundError:
            return False
    return True


def scenario(name: str, *, baseline=None, baseline_name: str = "", same=None, requires: tuple[str, ...] = (),
             repeat: int | None = None):
    def register(fn):
        if available(*requires):
            REGISTRY.append(Scenario(name, fn, baseline, baseline_name, same, repeat))
        return fn

    return register


def load_all() -> list[Scenario]:
    if not REGISTRY:
        for info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
            importlib.import_module(f"{__name__}.{info.name}")
    return REGISTRY
