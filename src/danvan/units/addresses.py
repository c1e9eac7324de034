"""Addresses written in the form before 01/7/2025 ("xã Diễn Kim, huyện Diễn Châu, Nghệ An"), read as today's.

The text is parsed by the `vietnamadminunits` package's parser of the 63-province tree (ADR 0019); the old
unit found is mapped to today's through our own lineage (`AreaLineage`, loaded from the same package by
`danvan load_units --history`), never through the package's converter: for a divided commune with a street
the converter geocodes the address over the network, and an officer's correction of a share or default in
the admin must count. So: the old commune, its default successor, the other successors of a divided commune.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field

from danvan.core.text import fold
from danvan.units.legacy import LAST_DAY, legacy_code, successors
from danvan.units.models import Area, AreaLevel


@dataclass(frozen=True)
class OldAddress:
    written: str
    street: str
    old: Area  # the old commune (or district, for the island districts without communes)
    new: Area | None  # today's commune holding it: the default successor
    others: list[Area] = field(default_factory=list)  # the other successors of a divided commune
    # False when the parser recognised the unit under another name (a commune merged before 2025, e.g.
    # "xã Bế Triều" read as Thị trấn Nước Hai since 2020): worth a look by the officer.
    as_written: bool = True

    @property
    def old_text(self) -> str:
        return ", ".join(a.name for a in self.old.ancestors()[::-1] if a.valid_to is not None)

    @property
    def now_text(self) -> str:
        """ "nay là Xã Hải Châu, Tỉnh Nghệ An", with the other parts of a divided commune."""
        if self.new is None:
            return ""
        text = f"nay là {self.new.name}, {self.new.parent.name}"
        if self.others:
            text += f" (một phần nay thuộc {', '.join(a.name for a in self.others)})"
        return text


@functools.cache
def _parser():
    # Imported on first use: the parser loads 2,6 MB of aliases (about 1 s).
    from vietnamadminunits import ParseMode, parse_address

    return functools.partial(parse_address, mode=ParseMode.LEGACY, level=3, keep_street=True)


def read_old_address(text: str) -> OldAddress | None:
    """The old commune an address names and today's unit that holds it; None when the text names no old
    commune (an address already in today's form, or too vague), or when the history is not loaded."""
    if not text or not text.strip():
        return None
    try:
        unit = _parser()(text)
    except Exception:  # noqa: BLE001 - the parser raises bare exceptions on text it cannot read
        return None
    if unit.ward_code:
        old = Area.objects.filter(level=AreaLevel.COMMUNE, code=legacy_code(unit.ward_code), valid_to=LAST_DAY)
    elif unit.district_code and unit.district_key in _ISLAND_DISTRICTS:
        old = Area.objects.filter(level=AreaLevel.DISTRICT, code=legacy_code(unit.district_code), valid_to=LAST_DAY)
    else:
        return None
    old = old.select_related("parent").first()
    if old is None:
        return None
    links = successors(old)
    new = next((link.successor for link in links if link.is_default), links[0].successor if links else None)
    others = [link.successor for link in links if link.successor != new]
    written = fold(text)
    as_written = bool(unit.short_ward) and fold(unit.short_ward) in written if unit.ward_code else True
    return OldAddress(written=text, street=unit.street or "", old=old, new=new, others=others,
                      as_written=as_written)


# Districts of islands that had no communes and became special zones (đặc khu) in 2025.
_ISLAND_DISTRICTS = {"huyenbachlongvi", "huyenconco", "huyenhoangsa", "huyenlyson", "huyencondao"}


def todays_commune(address: str, allowed) -> OldAddress | None:
    """At intake: the old-form address read as today's commune, when that is simple enough to pre-fill the
    subject area — the commune was recognised as written, was not divided, and is among `allowed` (the
    communes the officer may choose). Otherwise None, and the officer chooses."""
    found = read_old_address(address)
    if found is None or found.new is None or found.others or not found.as_written:
        return None
    return found if allowed.filter(pk=found.new.pk).exists() else None
