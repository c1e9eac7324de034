"""The breakdowns a report writes out beside its indicators (issue 15): letters by content kind, by field and
by outcome, group letters, replies to forwarded letters, and every letter figure by matter as well as by
letter ("41 đơn (37 vụ việc)"; "đã giải quyết 31/38 vụ việc thuộc thẩm quyền").

They are read from the records through the letters app's count functions (`letters.counts.letter_details`),
over the same units as the report's total (a unit formed by a merger stands for its predecessors). Units
that keep no detailed records enter aggregates by letter only, with no breakdown: where the records do not
account for the whole of the report's figure, `Details.complete` is false and the text writes the figure
without breakdowns rather than a breakdown that does not add up.
"""

from __future__ import annotations

from dataclasses import dataclass

from danvan.letters.counts import Figure as Counted
from danvan.letters.counts import LetterDetails, letter_details
from danvan.reports.cache import cached_with_report
from danvan.reports.periods import Period
from danvan.reports.rollup import Report, areas_standing_for


def _add(first: Counted, second: Counted) -> Counted:
    return Counted(first.letters + second.letters, first.matters + second.matters)


def _sum(parts: list[LetterDetails]) -> LetterDetails:
    """The details of several disjoint subtrees added up (a matter belongs to one unit)."""
    first, *rest = parts
    for other in rest:
        counts = {name: _add(getattr(first.counts, name), getattr(other.counts, name))
                  for name in first.counts.__dataclass_fields__ if name != "resolution_rate"}
        rate = type(first.counts.resolution_rate)(counts["resolved"].letters, counts["to_resolve"].letters)
        first = LetterDetails(
            counts=type(first.counts)(**counts, resolution_rate=rate),
            by_content_kind={k: _add(v, other.by_content_kind[k]) for k, v in first.by_content_kind.items()},
            by_field={k: _add(v, other.by_field[k]) for k, v in first.by_field.items()},
            by_outcome={k: _add(v, other.by_outcome[k]) for k, v in first.by_outcome.items()},
            group_letters=_add(first.group_letters, other.group_letters))
    return first


def details_for(report: Report, period: Period, *, breakdowns: bool = True) -> LetterDetails:
    areas = areas_standing_for(report.root, period)
    return _sum([letter_details(area, period.start, period.end, breakdowns=breakdowns) for area in areas])


@dataclass(frozen=True)
class Details:
    current: LetterDetails
    previous: LetterDetails  # the counts and the group letters (no breakdowns)
    # Whether the records hold every letter of the report's figures (no aggregates entered by letter).
    complete: bool = True


def report_details(report: Report) -> Details:
    """The breakdowns of `report`'s root for its period and the same period last year: kept on the report, and
    with it in the cache when it comes from there (the document page, then its Word file)."""
    cached = getattr(report, "_details", None)
    if cached is not None:
        return cached
    found = cached_with_report(report, "details", lambda: _details(report))
    report._details = found
    return found


def _details(report: Report) -> Details:
    # The text compares the counts and the group letters with the same period, not the breakdowns.
    current = details_for(report, report.period)
    previous = details_for(report, report.previous_period, breakdowns=False)
    total = report.total
    complete = all(
        code not in total.current or (total.current[code].value == getattr(current.counts, name).letters
                                      and total.previous[code].value == getattr(previous.counts, name).letters)
        for code, name in (("DT_NHAN", "received"), ("DT_GIAIQUYET", "resolved"), ("DT_PHAIGQ", "to_resolve"),
                           ("DT_KYTRUOC", "carried_over"), ("DT_PHATSINH", "arising"), ("DT_CHUYEN", "forwarded")))
    return Details(current, previous, complete)
