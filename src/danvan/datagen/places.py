"""Real units (loaded from `vietnam-provinces`) and the villages generated beneath them.

Villages (thôn, xóm, bản) and residential groups (tổ dân phố) are not in the GSO list, so the
generator creates a few under each commune it uses: "Thôn …" under a xã, "Tổ dân phố số …" under a
phường, "Bản …" in the northern mountains. Their codes are "<commune code>-<n>", unique per commune.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from simple_history.utils import bulk_create_with_history

from danvan.core.text import fold
from danvan.units.models import Area, AreaLevel
from danvan.units.services import REFORM_DATE

from .names import MOUNTAIN_PROVINCES

VILLAGE_WORDS = ("Tân Lập", "Đông", "Tây", "Nam", "Bắc", "Trung", "Thượng", "Hạ", "Đoàn Kết", "Tiến Bộ",
                 "Hòa Bình", "Phú Lộc", "An Thịnh", "Đồng Tâm", "Quyết Thắng", "Thống Nhất", "Tân Thành",
                 "Minh Khai", "Cầu", "Chợ", "Đình", "Bến", "Gò", "Bãi", "Phú Xuân", "Hưng Long")
MOUNTAIN_WORDS = ("Nà Mạ", "Nà Pầu", "Pác Bó", "Khuổi Lòa", "Bản Chang", "Lũng Rì", "Nà Vài", "Cốc Xả",
                  "Phja Đén", "Nà Lẹng", "Khuổi Khon", "Pù Làng", "Lũng Nặm", "Nặm Dân", "Cốc Phường",
                  "Bó Lếch", "Nà Tổng", "Pác Rằng", "Kéo Yên", "Đông Sy")


@dataclass(frozen=True)
class Place:
    """A village with its commune and province, ready to be written as an address."""

    village_id: int
    village: str
    commune_id: int
    commune: str
    province_code: str
    province: str
    remote: bool

    @property
    def address(self) -> str:
        return f"{self.village}, {self.commune}, {self.province}"


def _village_names(rng: random.Random, commune: Area, province_code: str, count: int) -> list[str]:
    if commune.division_type == "phường":
        return [f"Tổ dân phố số {n}" for n in range(1, count + 1)]
    mountain = province_code in MOUNTAIN_PROVINCES
    words = list(MOUNTAIN_WORDS if mountain else VILLAGE_WORDS)
    rng.shuffle(words)
    names = []
    for n in range(count):
        if n < len(words) and rng.random() < 0.7:
            prefix = rng.choice(("Bản", "Xóm", "Thôn")) if mountain else rng.choice(("Thôn", "Thôn", "Xóm"))
            names.append(f"{prefix} {words[n]}")
        else:
            names.append(f"Thôn {n + 1}" if not mountain else f"Xóm {n + 1}")
    return list(dict.fromkeys(names))


def ensure_villages(rng: random.Random, communes: list[Area], per_commune: int = 5) -> list[Place]:
    """The villages of `communes`, creating `per_commune` under each commune that has none (audited)."""
    existing: dict[int, list[Area]] = {}
    for v in Area.objects.filter(level=AreaLevel.VILLAGE, parent__in=communes).order_by("code"):
        existing.setdefault(v.parent_id, []).append(v)
    new: list[Area] = []
    for commune in communes:
        if commune.pk in existing:
            continue
        province_code = commune.parent.code
        for n, name in enumerate(_village_names(rng, commune, province_code, per_commune), start=1):
            new.append(Area(level=AreaLevel.VILLAGE, code=f"{commune.code}-{n:02d}", name=name,
                            division_type=name.split(" ")[0].lower(), parent=commune, valid_from=REFORM_DATE,
                            search_name=fold(name)))
    if new:
        bulk_create_with_history(new, Area, batch_size=5000, default_change_reason="danvan generate")
        created = Area.objects.filter(level=AreaLevel.VILLAGE, parent__in=communes, path="").select_related("parent")
        batch = []
        for v in created:
            v.path = f"{v.parent.path}{v.pk:07d}/"
            batch.append(v)
        Area.objects.bulk_update(batch, ["path"], batch_size=5000)
    places = []
    villages = Area.objects.filter(level=AreaLevel.VILLAGE, parent__in=communes).select_related("parent__parent")
    for v in villages.order_by("parent__code", "code"):
        commune, province = v.parent, v.parent.parent
        places.append(Place(v.pk, v.name, commune.pk, commune.name, province.code, province.name, commune.remote))
    return places
