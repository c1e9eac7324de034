"""The count functions indicators are computed from, by key.

Each app exposes plain functions `count_…(root: Area, start: date, end: date, **filters)` in its
`counts.py` (docs/adding-a-model.md §5), returning an int or a dataclass of ints. An entry names the
function by dotted path and, for a dataclass, the attribute to read ("total.visits"). The function
is imported when first used: an app whose counts are not built yet leaves its indicators with the
values units entered, and `CountSource.available` says so, so a report never shows a made-up figure.
"""

from __future__ import annotations

import datetime as dt
import importlib
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any


@dataclass(frozen=True)
class CountSource:
    key: str
    target: str  # "package.module:function"
    attribute: str = ""  # dotted attribute of the returned dataclass; "" for an int
    filters: dict[str, Any] = field(default_factory=dict)
    # Keyword the function takes to break a figure down (e.g. field="land"); "" if it cannot.
    disaggregation_kwarg: str = ""
    # Or: a dict attribute of the result holding the breakdown ("by_field" → {"economy": 3, …}).
    breakdown: str = ""

    @cached_property
    def function(self) -> Callable[..., Any] | None:
        module_name, _, name = self.target.partition(":")
        try:
            module = importlib.import_module(module_name)
        except ImportError:
            return None
        return getattr(module, name, None)

    @property
    def available(self) -> bool:
        return self.function is not None

    @property
    def breaks_down(self) -> bool:
        return bool(self.disaggregation_kwarg or self.breakdown)

    def call_key(self, disaggregation_key: str = "") -> tuple:
        """What identifies one call, so that several indicators reading one dataclass share it."""
        kwargs = dict(self.filters)
        if disaggregation_key and self.disaggregation_kwarg:
            kwargs[self.disaggregation_kwarg] = disaggregation_key
        return (self.target, tuple(sorted(kwargs.items())))

    def extract(self, result: Any, disaggregation_key: str = "") -> int:
        if disaggregation_key and self.breakdown:
            return int(getattr(result, self.breakdown).get(disaggregation_key, 0) or 0)
        for part in filter(None, self.attribute.split(".")):
            result = getattr(result, part)
        return int(result or 0)

    def call(self, root, start: dt.date, end: dt.date, disaggregation_key: str = "") -> Any:
        kwargs = dict(self.call_key(disaggregation_key)[1])
        return self.function(root, start, end, **kwargs)


def _entries(*sources: CountSource) -> dict[str, CountSource]:
    return {source.key: source for source in sources}


RECEPTION = "danvan.reception.counts:count_reception"
LETTERS = "danvan.letters.counts:letter_counts"
DIALOGUES = "danvan.mobilisation.counts:count_dialogues"
PRACTICES = "danvan.mobilisation.counts:count_good_practices"

REGISTRY: dict[str, CountSource] = _entries(
    # Form 01/TCD (TT 01/2024/TT-TTCP), all kinds of reception together.
    CountSource("reception.visits", RECEPTION, "total.visits", disaggregation_kwarg="field"),
    CountSource("reception.persons", RECEPTION, "total.persons", disaggregation_kwarg="field"),
    CountSource("reception.matters", RECEPTION, "total.matters", disaggregation_kwarg="field"),
    CountSource("reception.large_groups", RECEPTION, "total.large_groups", disaggregation_kwarg="field"),
    # Form 02/XLD (TT 01/2024/TT-TTCP), counted by letter; the resolution rate is the ratio indicator
    # DT_TYLE_GQ = resolved / to resolve (carried over + arising), the letters app's `resolution_rate`.
    CountSource("letters.received", LETTERS, "received.letters", disaggregation_kwarg="field"),
    CountSource("letters.qualifying", LETTERS, "qualifying.letters", disaggregation_kwarg="field"),
    CountSource("letters.within_jurisdiction", LETTERS, "within_jurisdiction.letters", disaggregation_kwarg="field"),
    CountSource("letters.accepted", LETTERS, "accepted.letters", disaggregation_kwarg="field"),
    CountSource("letters.carried_over", LETTERS, "carried_over.letters", disaggregation_kwarg="field"),
    CountSource("letters.arising", LETTERS, "arising.letters", disaggregation_kwarg="field"),
    CountSource("letters.to_resolve", LETTERS, "to_resolve.letters", disaggregation_kwarg="field"),
    CountSource("letters.resolved", LETTERS, "resolved.letters", disaggregation_kwarg="field"),
    CountSource("letters.resolved_on_time", LETTERS, "resolved_on_time.letters", disaggregation_kwarg="field"),
    CountSource("letters.forwarded", LETTERS, "forwarded.letters", disaggregation_kwarg="field"),
    CountSource("letters.duplicates", LETTERS, "filed_duplicate.letters", disaggregation_kwarg="field"),
    # QĐ 23-QĐ/TW 2021: dialogues, "Dân vận khéo" models, propaganda, training, briefings, supervision.
    CountSource("mobilisation.dialogues", DIALOGUES, "dialogues"),
    CountSource("mobilisation.dialogue_participants", DIALOGUES, "participants"),
    CountSource("mobilisation.opinions", DIALOGUES, "opinions"),
    CountSource("mobilisation.commitments", DIALOGUES, "commitments"),
    CountSource("mobilisation.models", PRACTICES, "registered", breakdown="by_field"),
    CountSource("mobilisation.models_recognised", PRACTICES, "recognised"),
    CountSource("mobilisation.propaganda_sessions", "danvan.mobilisation.counts:count_propaganda_sessions", "sessions"),
    CountSource("mobilisation.propaganda_attendees", "danvan.mobilisation.counts:count_propaganda_sessions",
                "attendees"),
    CountSource("mobilisation.training_attendances", "danvan.mobilisation.counts:count_training", "attendances"),
    CountSource("mobilisation.briefings", "danvan.mobilisation.counts:count_briefings", "briefings"),
    CountSource("mobilisation.supervisions", "danvan.mobilisation.counts:count_supervisions", "supervisions"),
    CountSource("mobilisation.commendations", "danvan.mobilisation.counts:count_commendations", "commendations"),
    # The support records (SupportContribution): working days and money in đồng given to the people by the armed
    # forces and others (issue 20; the persons, "lượt cán bộ, chiến sĩ", are not recorded: LLVT_LUOT is entered).
    CountSource("mobilisation.support_workdays", "danvan.mobilisation.counts:count_support", "workdays"),
    CountSource("mobilisation.support_money", "danvan.mobilisation.counts:count_support", "money_vnd"),
)


# Hot spots and pressing matters directed (issue 21, danvan.hotspots.counts).
HOTSPOTS = "danvan.hotspots.counts:count_hotspots"
REGISTRY.update(_entries(
    CountSource("hotspots.identified", HOTSPOTS, "identified"),
    CountSource("hotspots.directed", HOTSPOTS, "directed"),
    CountSource("hotspots.resolved", HOTSPOTS, "resolved"),
))

def source_for(key: str) -> CountSource | None:
    source = REGISTRY.get(key)
    return source if source is not None and source.available else None
