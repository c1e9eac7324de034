"""Which grouped count stands for each count function of `registry` (ADR 0008).

A report reads, for the root and every unit one level below it, both its period and the same period last
year, from one `GROUP BY` per record type instead of one count call per unit and period. The figures are
declared once by their app (`counts.py`: the counted records, the date, the named aggregates, see
`danvan.core.grouping`); each app's `…_by_unit(root, periods, depth)` groups that same declaration and
returns, per period, a `Counted` whose units and total carry the attributes `CountSource.extract` reads.
This module only says which of them stands for which count function.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from danvan.core.grouping import Counted, Range
from danvan.hotspots import counts as hotspots
from danvan.letters import counts as letters
from danvan.mobilisation import counts as mobilisation
from danvan.reception import counts as reception
from danvan.units.models import Area

__all__ = ["GROUPED", "Counted", "GroupedCounts", "Range"]

GroupedCounts = Callable[[Area, Sequence[Range], int], list[Counted]]

# Count function (registry target) → the app's grouped count of the same figures.
GROUPED: dict[str, GroupedCounts] = {
    "danvan.reception.counts:count_reception": reception.count_reception_by_unit,
    "danvan.letters.counts:letter_counts": letters.letter_counts_by_unit,
    "danvan.mobilisation.counts:count_dialogues": mobilisation.dialogues_by_unit,
    "danvan.mobilisation.counts:count_good_practices": mobilisation.practices_by_unit,
    "danvan.mobilisation.counts:count_propaganda_sessions": mobilisation.propaganda_sessions_by_unit,
    "danvan.mobilisation.counts:count_training": mobilisation.training_by_unit,
    "danvan.mobilisation.counts:count_briefings": mobilisation.briefings_by_unit,
    "danvan.mobilisation.counts:count_supervisions": mobilisation.supervisions_by_unit,
    "danvan.mobilisation.counts:count_commendations": mobilisation.commendations_by_unit,
    "danvan.mobilisation.counts:count_support": mobilisation.support_by_unit,
    "danvan.hotspots.counts:count_hotspots": hotspots.hotspots_by_unit,
}
