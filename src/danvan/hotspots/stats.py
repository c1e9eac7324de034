"""The statistical test of the surge rule, without the database (ADR 0023).

A commune's letters and visits in one field over the last `window` days are compared with the same calendar
days of its own earlier years. Under "nothing has changed", the count is Poisson with the mean of the earlier
years; the rule warns when observing at least that many is unlikely: P(X ≥ k | λ) < p.

λ is estimated as (sum of the earlier counts + 0,5) / years: the 0,5 keeps a commune that had nothing in earlier
years from having λ = 0, where any single letter would be "impossible" (the same reasoning as a Jeffreys prior).
"""

from __future__ import annotations

import math


def baseline_mean(history: list[int]) -> float:
    """The expected count from the counts of earlier years (at least one year)."""
    if not history:
        raise ValueError("a baseline needs at least one earlier year")
    return (sum(history) + 0.5) / len(history)


def poisson_upper_tail(k: int, mean: float) -> float:
    """P(X ≥ k) for X ~ Poisson(mean), computed as 1 − P(X ≤ k−1) with the terms summed in log space."""
    if k <= 0:
        return 1.0
    if mean <= 0:
        return 0.0
    term = math.exp(-mean)  # P(X = 0)
    cumulative = term
    for i in range(1, k):
        term *= mean / i
        cumulative += term
    return max(0.0, 1.0 - cumulative)


def is_surge(count: int, history: list[int], *, p_value: float, minimum: int) -> tuple[bool, float, float]:
    """(warn?, λ, p) for `count` this window against `history` (one count per earlier year)."""
    mean = baseline_mean(history)
    p = poisson_upper_tail(count, mean)
    return (count >= minimum and p < p_value, mean, p)
