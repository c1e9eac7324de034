"""Loading and changing the unit trees. Every change is recorded in the units' history."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from simple_history.utils import bulk_create_with_history

from danvan.core.text import fold
from danvan.units.models import Area, AreaLevel, AreaLineage, DocumentStyle, Organisation, OrganisationType

# Nghị quyết 202/2025/QH15 and the resolutions of the Standing Committee of the National Assembly
# on the communes took effect on 01/7/2025: from then on, two levels of local government.
REFORM_DATE = dt.date(2025, 7, 1)
NATION_CODE = "VN"


@dataclass(frozen=True)
class LoadResult:
    provinces: int
    communes: int
    organisations: int
    created: bool


def _province_name(name: str, division_type: str) -> str:
    if division_type == "tỉnh" and not name.startswith("Tỉnh "):
        return f"Tỉnh {name}"
    return name


def _bare(name: str) -> str:
    for prefix in ("Thành phố ", "Tỉnh ", "Xã ", "Phường ", "Đặc khu "):
        if name.startswith(prefix):
            return name[len(prefix) :]
    return name


@transaction.atomic
def load_administrative_units(with_organisations: bool = True, history: bool = False) -> LoadResult:
    """Load the 34 provinces and 3,321 communes from the maintained `vietnam-provinces` package, with their
    coordinates; with `history`, also the units before 01/7/2025 and their lineage (`legacy`, ADR 0019).

    Idempotent: a second run finds the nation root and changes nothing (but loads the history when asked
    and missing). GSO codes are kept (2 digits for provinces, 5 for communes).
    """
    result = _load_current_units(with_organisations)
    from danvan.units import legacy

    if result.created or history:
        legacy.store_coordinates()
    if history:
        legacy.load_legacy_units()
    return result


def _load_current_units(with_organisations: bool) -> LoadResult:
    from vietnam_provinces import Province, Ward

    nation = Area.objects.filter(level=AreaLevel.NATION, code=NATION_CODE).first()
    if nation is not None:
        return LoadResult(
            Area.objects.filter(level=AreaLevel.PROVINCE, valid_to__isnull=True).count(),
            Area.objects.filter(level=AreaLevel.COMMUNE, valid_to__isnull=True).count(),
            Organisation.objects.count(),
            created=False,
        )
    nation = Area(level=AreaLevel.NATION, code=NATION_CODE, name="Việt Nam", division_type="")
    nation.save()

    provinces = [
        Area(
            level=AreaLevel.PROVINCE,
            code=f"{int(p.code):02d}",
            name=_province_name(p.name, p.division_type.value),
            division_type=p.division_type.value,
            parent=nation,
            valid_from=REFORM_DATE,
            search_name=fold(_province_name(p.name, p.division_type.value)),
        )
        for p in sorted(Province.iter_all(), key=lambda p: int(p.code))
    ]
    provinces = bulk_create_with_history(provinces, Area, default_change_reason="vietnam-provinces")
    provinces = list(Area.objects.filter(level=AreaLevel.PROVINCE).order_by("code"))
    for area in provinces:
        area.path = f"{nation.path}{area.pk:07d}/"
    Area.objects.bulk_update(provinces, ["path"])
    by_code = {a.code: a for a in provinces}

    communes = [
        Area(
            level=AreaLevel.COMMUNE,
            code=f"{int(w.code):05d}",
            name=w.name,
            division_type=w.division_type.value,
            parent=by_code[f"{int(w.province_code):02d}"],
            valid_from=REFORM_DATE,
            search_name=fold(w.name),
        )
        for w in sorted(Ward.iter_all(), key=lambda w: int(w.code))
    ]
    bulk_create_with_history(communes, Area, batch_size=1000, default_change_reason="vietnam-provinces")
    communes = list(Area.objects.filter(level=AreaLevel.COMMUNE).select_related("parent"))
    for area in communes:
        area.path = f"{area.parent.path}{area.pk:07d}/"
    Area.objects.bulk_update(communes, ["path"], batch_size=1000)

    organisations = 0
    if with_organisations:
        organisations = create_standard_organisations(nation, provinces, communes)
    return LoadResult(len(provinces), len(communes), organisations, created=True)


def create_standard_organisations(nation: Area, provinces: list[Area], communes: list[Area]) -> int:
    """The offices that exist in every unit: the Party committee and its mobilisation board, the
    People's Committee and the Fatherland Front, at the centre, each province and each commune."""
    orgs: list[Organisation] = [
        Organisation(
            name="Ban Tuyên giáo và Dân vận Trung ương",
            short_name="BTGDVTW",
            type=OrganisationType.MOBILISATION_BOARD,
            area=nation,
            document_style=DocumentStyle.PARTY,
        )
    ]
    for p in provinces:
        city = p.division_type != "tỉnh"
        bare = _bare(p.name)
        committee = "Thành ủy" if city else "Tỉnh ủy"
        level = "thành phố" if city else "tỉnh"
        orgs += [
            Organisation(
                name=f"{committee} {bare}",
                short_name="TU",
                type=OrganisationType.PARTY_COMMITTEE,
                area=p,
                document_style=DocumentStyle.PARTY,
            ),
            Organisation(
                name=f"Ban Tuyên giáo và Dân vận {committee} {bare}",
                short_name="BTGDVTU",
                type=OrganisationType.MOBILISATION_BOARD,
                area=p,
                document_style=DocumentStyle.PARTY,
            ),
            Organisation(
                name=f"Ủy ban nhân dân {level} {bare}",
                short_name="UBND",
                type=OrganisationType.PEOPLES_COMMITTEE,
                area=p,
                document_style=DocumentStyle.STATE,
            ),
            Organisation(
                name=f"Ủy ban MTTQ Việt Nam {level} {bare}",
                short_name="MTTQ",
                type=OrganisationType.FATHERLAND_FRONT,
                area=p,
                document_style=DocumentStyle.STATE,
            ),
        ]
    for c in communes:
        kind = c.division_type or "xã"
        bare = _bare(c.name)
        orgs += [
            Organisation(
                name=f"Đảng ủy {kind} {bare}",
                short_name="ĐU",
                type=OrganisationType.PARTY_COMMITTEE,
                area=c,
                document_style=DocumentStyle.PARTY,
            ),
            Organisation(
                name=f"Ủy ban nhân dân {kind} {bare}",
                short_name="UBND",
                type=OrganisationType.PEOPLES_COMMITTEE,
                area=c,
                document_style=DocumentStyle.STATE,
            ),
            Organisation(
                name=f"Ủy ban MTTQ Việt Nam {kind} {bare}",
                short_name="MTTQ",
                type=OrganisationType.FATHERLAND_FRONT,
                area=c,
                document_style=DocumentStyle.STATE,
            ),
        ]
    for org in orgs:
        org.search_name = fold(org.name)
    bulk_create_with_history(orgs, Organisation, batch_size=1000, default_change_reason="vietnam-provinces")
    return len(orgs)


@transaction.atomic
def record_merger(predecessors: list[Area], successor: Area, effective: dt.date, legal_basis: str, actor=None) -> None:
    """Record that `predecessors` were merged into `successor` on `effective`.

    The predecessors stop being valid the day before, and move under the successor's parent (or
    under the successor itself, for provinces) so their old records stay in the scope of the
    officials who now hold the territory (ADR 0002).
    """
    new_parent = successor if successor.level == AreaLevel.PROVINCE else successor.parent
    for old in predecessors:
        old.valid_to = effective - dt.timedelta(days=1)
        if old.pk != successor.pk:
            old.parent = new_parent
        old._history_user = actor
        old._change_reason = legal_basis
        old.save()
        AreaLineage.objects.get_or_create(
            predecessor=old, successor=successor, defaults={"effective": effective, "legal_basis": legal_basis}
        )


@transaction.atomic
def set_division_shares(predecessor: Area, shares: dict[Area, Decimal], actor=None, reason: str = "") -> None:
    """Set the part of a divided unit's figures each successor carries for "so với cùng kỳ" (ADR 0019).

    `shares` names every successor of `predecessor` with a percentage; together they make 100%.
    """
    links = {link.successor_id: link for link in AreaLineage.objects.filter(predecessor=predecessor)}
    if set(links) != {area.pk for area in shares}:
        raise ValidationError({"share": "Phải nhập tỷ lệ cho đúng và đủ các đơn vị kế thừa."})
    if any(not (0 <= share <= 100) for share in shares.values()) or sum(shares.values()) != 100:
        raise ValidationError({"share": "Tỷ lệ của các đơn vị kế thừa phải từ 0 đến 100% và cộng lại bằng 100%."})
    for area, share in shares.items():
        link = links[area.pk]
        link.share = share
        link._history_user = actor
        link._change_reason = reason or "Nhập tỷ lệ chia số liệu"
        link.save()
