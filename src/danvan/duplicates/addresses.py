"""Addresses as evidence of the same place (issues 18 and 19): "xã Diễn Kim, huyện Diễn Châu, Nghệ An", written
with the units before 01/7/2025, and "xã Hải Châu, Nghệ An", today's commune that holds it, are one place.

Each address found in a letter (its text, its petitioners' addresses) becomes the feature "dc:<id of today's
commune>": the old form read through the lineage (`units.addresses.read_old_address`), today's form by the
commune's name within its province. An address that names no commune, or a name found in several provinces
without the province, gives nothing.
"""

from __future__ import annotations

import re
import time
from collections.abc import Iterable

from danvan.core.text import fold

_UNIT = r"(?:xã|phường|thị trấn|đặc khu|xa|phuong|thi tran|dac khu)"
_DISTRICT = r"(?:huyện|quận|thị xã|thành phố|tp\.?|huyen|quan|thi xa|thanh pho)"
_NAME = r"[^,.;:\n()]{2,40}?"
# "xã Diễn Kim, huyện Diễn Châu, (tỉnh) Nghệ An": the form before 01/7/2025.
_OLD_FORM = re.compile(
    rf"\b{_UNIT}\s+{_NAME}\s*,\s*{_DISTRICT}\s+{_NAME}(?:\s*,\s*[^,.;:\n()]{{2,40}})?(?=[,.;:\n()]|$)", re.IGNORECASE)
# "xã Hải Châu, (tỉnh) Nghệ An" or "xã Hải Châu": today's form; the name is the longest run of words that names
# a commune of today.
_NEW_FORM = re.compile(rf"\b({_UNIT})\s+([^,.;:\n()]{{2,60}})", re.IGNORECASE)
MAX_NAME_WORDS = 5
CACHE_SECONDS = 300


def address_features(texts: Iterable[str]) -> set[str]:
    found: set[str] = set()
    for text in texts:
        found |= {f"dc:{pk}" for pk in communes_named(text or "")}
    return found


def communes_named(text: str) -> set[int]:
    """Ids of today's communes that the addresses in `text` name."""
    from danvan.units.addresses import read_old_address

    ids: set[int] = set()
    spans = []
    for match in _OLD_FORM.finditer(text):
        old = read_old_address(match.group(0))
        if old is not None and old.new is not None:
            ids.add(old.new.pk)
            spans.append(match.span())
    for match in _NEW_FORM.finditer(text):
        if any(start <= match.start() < end for start, end in spans):
            continue
        unit, rest = match.groups()
        words = fold(rest).split()
        after = fold(text[match.end():match.end() + 80])
        for width in range(min(MAX_NAME_WORDS, len(words)), 0, -1):
            pk = _todays_commune(" ".join([fold(unit), *words[:width]]), " ".join(words[width:]) + " " + after)
            if pk:
                ids.add(pk)
                break
    return ids


def _todays_commune(name: str, following: str) -> int | None:
    """The commune of today named `name`; when several provinces have one, the one whose province is named in
    the words that follow."""
    candidates = _communes().get(name, ())
    if len(candidates) > 1:
        candidates = [c for c in candidates if c[1] and c[1] in following]
    return candidates[0][0] if len(candidates) == 1 else None


_CACHE: dict[str, tuple[float, dict]] = {}


def _communes() -> dict[str, list[tuple[int, str]]]:
    now = time.monotonic()
    cached = _CACHE.get("communes")
    if cached is None or now - cached[0] > CACHE_SECONDS:
        cached = _CACHE["communes"] = (now, _current_communes())
    return cached[1]


def _current_communes() -> dict[str, list[tuple[int, str]]]:
    """folded "xã hải châu" → [(id, folded province name)], today's communes (about 3.300, read once)."""
    from danvan.units.models import Area, AreaLevel

    table: dict[str, list[tuple[int, str]]] = {}
    rows = Area.objects.filter(level=AreaLevel.COMMUNE, valid_to__isnull=True).values_list("pk", "name",
                                                                                            "parent__name")
    for pk, name, parent in rows:
        province = re.sub(r"^(tinh|thanh pho) ", "", fold(parent or ""))
        table.setdefault(fold(name), []).append((pk, province))
    return table


def forget() -> None:
    """Tests load other units: the cached table of today's communes is read again."""
    _CACHE.clear()
