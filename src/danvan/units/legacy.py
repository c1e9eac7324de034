"""The units before 01/7/2025 and their lineage to today's, from the `vietnamadminunits` package (ADR 0019).

The package ships, as data files read here directly (its parser is not imported, so loading needs no
geocoder and no network):
- `dataset.db`, table `admin_units_legacy`: the 63 provinces, 696 districts and 10.040 communes, wards and
  townships as they stood on 30/6/2025, with GSO codes and coordinates; table `admin_units`: the 34
  provinces and 3.321 communes since 01/7/2025, with coordinates and areas;
- `converter_2025.json`: each old province's new province, and each old commune's new commune: one for
  most (merged whole), several for the 471 communes divided among new ones, one of them marked default.

Where the old units go in the tree (ADR 0019): an old province under the new province that absorbed it
(provinces merged whole: no commune of the data changed province), its districts under it, their communes
under them. So the path of every old unit lies under today's province, and `restrict()` stays one prefix
match: the officials of the new province see the records of the old units of its territory.

Old codes are the GSO codes prefixed with `L` ("L04" the old Cao Bằng, "L040" the city of Cao Bằng,
"L01267"): the 2025 communes reuse codes of old communes, and a code must name one unit per level.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import json
import sqlite3
from collections import defaultdict
from collections.abc import Collection
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from django.db import transaction
from simple_history.utils import bulk_create_with_history

from danvan.core.text import fold, normalize
from danvan.units.models import Area, AreaLevel, AreaLineage, DocumentStyle, Organisation, OrganisationType

LEGACY_PREFIX = "L"
REFORM_DATE = dt.date(2025, 7, 1)
LAST_DAY = REFORM_DATE - dt.timedelta(days=1)  # 30/6/2025, the last day of the old units
PACKAGE = "vietnamadminunits"
REASON = "vietnamadminunits 1.0.4 (đơn vị hành chính trước 01/7/2025)"
# Nghị quyết 202/2025/QH15 of the National Assembly (12/6/2025) arranged the provinces, effective 01/7/2025.
PROVINCE_BASIS = "Nghị quyết 202/2025/QH15"
# The communes were arranged by one resolution of the Standing Committee of the National Assembly per
# province (e.g. Nghị quyết 1657/NQ-UBTVQH15 for Cao Bằng); the package does not carry their numbers, so the
# basis names the act and the province, and an administrator may complete the number in the admin.
COMMUNE_BASIS = "Nghị quyết của Ủy ban Thường vụ Quốc hội về sắp xếp đơn vị hành chính cấp xã của {province} năm 2025"

_PROVINCE_TYPES = {"Tỉnh": "tỉnh", "Thành phố": "thành phố trung ương"}


def legacy_code(code: str) -> str:
    """The code an old unit is stored under: its GSO code in the old code space (ADR 0019)."""
    return f"{LEGACY_PREFIX}{code}"


def package_data_dir() -> Path:
    spec = importlib.util.find_spec(PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("Thiếu gói vietnamadminunits: cài lại danvan (pip install -e .).")
    return Path(next(iter(spec.submodule_search_locations))) / "data"


def _rows(table: str) -> list[dict]:
    with sqlite3.connect(package_data_dir() / "dataset.db") as connection:
        connection.row_factory = sqlite3.Row
        return [dict(row) for row in connection.execute(f"SELECT * FROM [{table}]")]  # noqa: S608 - constant


def converter() -> dict:
    return json.loads((package_data_dir() / "converter_2025.json").read_text(encoding="utf-8"))


def _coordinate(value) -> Decimal | None:
    return None if value is None else Decimal(str(value)).quantize(Decimal("0.000001"))


def _match_key(province_code: str, name: str, folded: bool = False) -> tuple[str, str]:
    # The two packages differ on a few diacritic placements ("Hòa"/"Hoà"), apostrophes ("Ea H'Leo"/"Ea H’leo")
    # and dashes ("Chân Mây - Lăng Cô"/"Chân Mây – Lăng Cô"). Folding diacritics also merges distinct names
    # ("Văn Lang"/"Văn Lăng" in the same province), so a folded match is taken only when it is unique.
    text = normalize(name).lower().replace("'", "").replace("’", "").replace("–", "-")
    return (f"{int(province_code):02d}", fold(text) if folded else text)


class CurrentUnits:
    """Today's units in the database, found from the package's rows.

    The current tree comes from `vietnam-provinces` (ADR 0002); `vietnamadminunits` numbers 122 of the 3.321
    communes differently, so a commune is matched by province and exact name, then by code in the same
    province, then by name without diacritics when that is unique.
    """

    def __init__(self):
        current = Area.objects.filter(valid_to__isnull=True)
        self.provinces = {a.code: a for a in current.filter(level=AreaLevel.PROVINCE)}
        self.by_name: dict[tuple[str, str], Area] = {}
        self.by_code: dict[str, Area] = {}
        self.by_folded_name: dict[tuple[str, str], list[Area]] = defaultdict(list)
        for commune in current.filter(level=AreaLevel.COMMUNE).select_related("parent"):
            self.by_name[_match_key(commune.parent.code, commune.name)] = commune
            self.by_code[commune.code] = commune
            self.by_folded_name[_match_key(commune.parent.code, commune.name, folded=True)].append(commune)

    def commune(self, row: dict) -> Area:
        province = f"{int(row['provinceCode']):02d}"
        found = self.by_name.get(_match_key(province, row["ward"]))
        if found is None:
            by_code = self.by_code.get(row["wardCode"])
            found = by_code if by_code is not None and by_code.parent.code == province else None
        if found is None:
            same = self.by_folded_name.get(_match_key(province, row["ward"], folded=True), [])
            found = same[0] if len(same) == 1 else None
        if found is None:
            raise LookupError(f"Không tìm thấy {row['ward']}, {row['province']} trong các đơn vị hiện nay.")
        return found


def store_coordinates() -> int:
    """Coordinates (a point inside the unit, from the package) of each current province and commune, for maps.
    Only units without coordinates are written; returns how many."""
    current = CurrentUnits()
    changed: dict[int, Area] = {}
    for row in _rows("admin_units"):
        province = current.provinces.get(f"{int(row['provinceCode']):02d}")
        if province is not None and province.latitude is None and province.pk not in changed:
            province.latitude, province.longitude = _coordinate(row["provinceLat"]), _coordinate(row["provinceLon"])
            changed[province.pk] = province
        try:
            commune = current.commune(row)
        except LookupError:
            continue  # a tree that is not the real one (tests, a partial load): coordinates are for maps only
        if commune.latitude is None:
            commune.latitude, commune.longitude = _coordinate(row["wardLat"]), _coordinate(row["wardLon"])
            changed[commune.pk] = commune
    Area.objects.bulk_update(list(changed.values()), ["latitude", "longitude"], batch_size=1000)
    return len(changed)


@dataclass(frozen=True)
class HistoryResult:
    provinces: int
    districts: int
    communes: int
    links: int
    created: bool


def _save_with_paths(areas: list[Area]) -> list[Area]:
    """Insert areas whose parents already have paths, then give them theirs (one bulk update)."""
    codes = [a.code for a in areas]
    level = areas[0].level
    bulk_create_with_history(areas, Area, batch_size=1000, default_change_reason=REASON)
    saved = list(Area.objects.filter(level=level, code__in=codes, valid_to=LAST_DAY).select_related("parent"))
    for area in saved:
        area.path = f"{area.parent.path}{area.pk:07d}/"
    Area.objects.bulk_update(saved, ["path"], batch_size=1000)
    return saved


@transaction.atomic
def load_legacy_units(provinces: Collection[str] | None = None) -> HistoryResult:
    """Load the old tree (valid until 30/6/2025) under today's provinces, and its lineage to today's units.

    Idempotent, per old province: a second run finds them loaded and changes nothing. `provinces` (codes of
    today's provinces) loads only the old units of those, for tests. Needs today's units loaded first.
    """
    old = Area.objects.filter(valid_to=LAST_DAY, code__startswith=LEGACY_PREFIX)
    loaded = {code.removeprefix(LEGACY_PREFIX) for code in old.filter(level=AreaLevel.PROVINCE)
              .values_list("code", flat=True)}
    current = CurrentUnits()
    if len(current.provinces) != 34:
        raise RuntimeError("Cần nạp 34 tỉnh, thành phố hiện nay trước (danvan load_units).")
    new_rows = _rows("admin_units")
    mapping = converter()

    # Keys of the package → today's units.
    new_province_by_key = {r["provinceKey"]: current.provinces[f"{int(r['provinceCode']):02d}"] for r in new_rows}
    new_commune_by_key = {(r["provinceKey"], r["wardKey"]): current.commune(r) for r in new_rows}
    if len(set(new_commune_by_key.values())) != len(new_rows):
        raise RuntimeError("Hai xã của gói vietnamadminunits ứng với cùng một xã hiện nay.")
    new_province_of_old = {o: new_province_by_key[n] for n, olds in mapping["DICT_PROVINCE"].items() for o in olds}
    legacy = [r for r in _rows("admin_units_legacy") if r["provinceCode"] not in loaded
              and (provinces is None or new_province_of_old[r["provinceKey"]].code in provinces)]
    if not legacy:
        return HistoryResult(old.filter(level=AreaLevel.PROVINCE).count(),
                             old.filter(level=AreaLevel.DISTRICT).count(), old.filter(level=AreaLevel.COMMUNE).count(),
                             AreaLineage.objects.filter(predecessor__in=old).count(), created=False)

    # 63 provinces, each under the new province that absorbed it.
    provinces: dict[str, Area] = {}
    for r in legacy:
        if r["provinceCode"] not in provinces:
            provinces[r["provinceCode"]] = Area(
                level=AreaLevel.PROVINCE, code=legacy_code(r["provinceCode"]), name=r["province"],
                division_type=next(v for k, v in _PROVINCE_TYPES.items() if r["province"].startswith(k)),
                parent=new_province_of_old[r["provinceKey"]], valid_to=LAST_DAY, search_name=fold(r["province"]),
                latitude=_coordinate(r["provinceLat"]), longitude=_coordinate(r["provinceLon"]))
    saved = {a.code: a for a in _save_with_paths(list(provinces.values()))}
    provinces = {code: saved[legacy_code(code)] for code in provinces}

    districts: dict[str, Area] = {}
    for r in legacy:
        if r["districtCode"] not in districts:
            districts[r["districtCode"]] = Area(
                level=AreaLevel.DISTRICT, code=legacy_code(r["districtCode"]), name=r["district"],
                division_type=(r["districtType"] or "").lower(), parent=provinces[r["provinceCode"]],
                valid_to=LAST_DAY, search_name=fold(r["district"]),
                latitude=_coordinate(r["districtLat"]), longitude=_coordinate(r["districtLon"]))
    saved = {a.code: a for a in _save_with_paths(list(districts.values()))}
    districts = {code: saved[legacy_code(code)] for code in districts}

    communes = [
        Area(level=AreaLevel.COMMUNE, code=legacy_code(r["wardCode"]), name=r["ward"],
             division_type=(r["wardType"] or "").lower(), parent=districts[r["districtCode"]], valid_to=LAST_DAY,
             search_name=fold(r["ward"]), latitude=_coordinate(r["wardLat"]), longitude=_coordinate(r["wardLon"]))
        for r in legacy if r["wardCode"]
    ]
    saved = {a.code: a for a in _save_with_paths(communes)}

    # Lineage. The key of an old unit in the converter: "province_district_ward" ("…_" for the five island
    # districts that had no communes and became special zones).
    old_by_key: dict[str, Area] = {}
    for r in legacy:
        key = f"{r['provinceKey']}_{r['districtKey']}_{r['wardKey'] or ''}"
        old_by_key[key] = saved[legacy_code(r["wardCode"])] if r["wardCode"] else districts[r["districtCode"]]

    links: list[AreaLineage] = []
    for r in {r["provinceCode"]: r for r in legacy}.values():
        links.append(AreaLineage(predecessor=provinces[r["provinceCode"]],
                                 successor=new_province_of_old[r["provinceKey"]], effective=REFORM_DATE,
                                 legal_basis=PROVINCE_BASIS))
    basis = {key: COMMUNE_BASIS.format(province=p.name) for key, p in new_province_by_key.items()}
    for province_key, wards in mapping["DICT_PROVINCE_WARD_NO_DIVIDED"].items():
        for ward_key, old_keys in wards.items():
            successor = new_commune_by_key[(province_key, ward_key)]
            links += [AreaLineage(predecessor=old_by_key[k], successor=successor, effective=REFORM_DATE,
                                  legal_basis=basis[province_key], is_default=True)
                      for k in old_keys if k in old_by_key]
    for province_key, divided in mapping["DICT_PROVINCE_WARD_DIVIDED"].items():
        for old_key, parts in divided.items():
            if old_key not in old_by_key:
                continue  # loaded before, or not asked for
            links += [AreaLineage(predecessor=old_by_key[old_key],
                                  successor=new_commune_by_key[(province_key, part["newWardKey"])],
                                  effective=REFORM_DATE, legal_basis=basis[province_key],
                                  is_default=bool(part["isDefaultNewWard"])) for part in parts]
    bulk_create_with_history(links, AreaLineage, batch_size=1000, default_change_reason=REASON)
    create_old_peoples_committees(list(provinces.values()) + list(districts.values()))
    return HistoryResult(len(provinces), len(districts), len(saved), len(links), created=True)


def create_old_peoples_committees(areas: list[Area]) -> int:
    """The People's Committee of each old province and district, no longer active, so that history recorded
    by them (a letter received in 2019 by the People's Committee of a district) has its body."""
    orgs = []
    for area in areas:
        kind = area.division_type if area.level == AreaLevel.DISTRICT else (
            "tỉnh" if area.division_type == "tỉnh" else "thành phố")
        bare = area.name.removeprefix("Tỉnh ").removeprefix("Thành phố ").removeprefix("Thị xã ")
        bare = bare.removeprefix("Huyện ").removeprefix("Quận ")
        name = f"Ủy ban nhân dân {kind} {bare}"
        orgs.append(Organisation(name=name, short_name="UBND", type=OrganisationType.PEOPLES_COMMITTEE, area=area,
                                 document_style=DocumentStyle.STATE, active=False, search_name=fold(name)))
    bulk_create_with_history(orgs, Organisation, batch_size=1000, default_change_reason=REASON)
    return len(orgs)


def successors(area: Area) -> list[AreaLineage]:
    """The links from an old unit to the units that hold its territory today, the default first."""
    links = AreaLineage.objects.filter(predecessor=area).select_related("successor__parent")
    return sorted(links, key=lambda link: (not link.is_default, link.successor.name))

