"""A three-level tree (province → communes → village) with known records made through the apps'
services, a merger on 01/7/2025, and aggregates entered by a unit that keeps no detailed records.

Figures of 2025 (this period) and 2024 (the same period last year), per current commune:

| unit              | visits | persons | matters | groups | letters rcvd/qual/within/accepted/resolved |
|-------------------|--------|---------|---------|--------|-------------------------------------------|
| Quảng Lâm + thôn  | 5 / 1  | 10 / 1  | 5 / 1   | 1 / 0  | 12/12/12/12/10, 1 carried over · 2024: 3/3/3/2/2 |
| Nguyên Bình (new) | 5 / 5  | 5 / 5   | 5 / 5   | 0 / 0  | 0, 1 carried over · 2024: 2/2/2/1/1      |
| Hòa An            | 1 / 0  | 1 / 0   | 1 / 0   | 0 / 0  | 19/17/17/13/12   ·   2024: 0              |
| Trà Lĩnh          | nothing at all (incomplete)                                                    |
| province board    | 1 / 2  | 1 / 2   | 1 / 2   | 0 / 0  | 0                                         |

Nguyên Bình was formed on 01/7/2025 from Bế Triều and Hoàng Tung: its 2024 figures are theirs, and
its 2025 figures include Bế Triều's visit of March 2025.
Resolution rate 2025 (form 02/XLD: resolved / (carried over + arising)): the letters of 2024 still open on
01/01/2025 (one in Quảng Lâm, one of Bế Triều's in Nguyên Bình) are carried over, so
(10 + 0 + 12) / (13 + 1 + 17) = 22/31 = 71,0% — not the mean of the communes' rates.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pytest

from danvan.core.choices import ContentKind, Field
from danvan.letters import services as letters
from danvan.mobilisation import services as mobilisation
from danvan.mobilisation.choices import ChairRole, OpinionHandling, PracticeField, PracticeHolder, SessionKind
from danvan.mobilisation.models import PropagandaSession
from danvan.reception import services as reception
from danvan.reception.models import Handling
from danvan.reception.models import SessionKind as ReceptionKind
from danvan.reports.models import EnteredValue, Indicator
from danvan.units.models import Area, AreaLevel, Organisation, OrganisationType
from danvan.units.services import record_merger
from tests.conftest import make_area, make_org

D = dt.date
MERGER = D(2025, 7, 1)


def visits(actor, organisation, day: dt.date, persons: list[int]):
    session = reception.open_session(actor, organisation=organisation, kind=ReceptionKind.REGULAR, date=day,
                                     place="Trụ sở tiếp công dân")
    for n, count in enumerate(persons):
        reception.record_visit(
            actor, session, citizen=reception.CitizenDetails(full_name=f"Công dân {organisation.pk}-{day}-{n}"),
            content_kind=ContentKind.RECOMMENDATION, field=Field.LAND_HOUSING, summary=f"Kiến nghị số {n}",
            handling=Handling.GUIDED, persons=count, representatives=1 if count >= 5 else 0, create_matter=True,
        )


def letters_batch(actor, organisation, received_on: dt.date, *, within: int, accepted: int, resolved: int,
                  not_qualifying: int = 0):
    """`within` qualifying letters within jurisdiction, the first `accepted` accepted, the first `resolved`
    of those resolved 20 days after receipt; plus `not_qualifying` letters."""
    for n in range(within + not_qualifying):
        letter = letters.receive_letter(
            actor, organisation, received_on=received_on, summary=f"Khiếu nại số {n}",
            content_kind=ContentKind.COMPLAINT, field=Field.LAND_HOUSING,
            new_petitioners=[{"full_name": f"Người khiếu nại {organisation.pk}-{received_on}-{n}"}],
        )
        if n >= within:
            letters.classify_letter(actor, letter, content_kind=ContentKind.COMPLAINT, field=Field.LAND_HOUSING,
                                    qualifying=False, within_jurisdiction=False,
                                    not_qualifying_reason="missing_signature")
            continue
        letter = letters.classify_letter(actor, letter, content_kind=ContentKind.COMPLAINT, field=Field.LAND_HOUSING,
                                         qualifying=True, within_jurisdiction=True)
        if n < accepted:
            letter = letters.accept_letter(actor, letter, accepted_on=received_on)
        if n < resolved:
            letters.resolve_letter(actor, letter, resolved_on=received_on + dt.timedelta(days=20), outcome="c_right")


def dialogue(actor, organisation, day: dt.date, participants: int, opinions: int, commitments: int):
    record = mobilisation.record_dialogue(actor, organisation=organisation, held_on=day, topic="Giải phóng mặt bằng",
                                          chair_name="Nông Văn Hải", chair_role=ChairRole.PEOPLES_COMMITTEE_CHAIR,
                                          participants=participants)
    for n in range(opinions):
        mobilisation.add_opinion(actor, record, content=f"Ý kiến {n}", field=Field.LAND_HOUSING,
                                 handling=OpinionHandling.ANSWERED)
    for n in range(commitments):
        mobilisation.add_commitment(actor, record, content=f"Cam kết {n}", owner="UBND xã",
                                    due_on=day + dt.timedelta(days=30))
    return record


def practice(actor, organisation, day: dt.date, field: str, name: str):
    return mobilisation.register_good_practice(
        actor, organisation=organisation, registered_on=day, name=name, holder=PracticeHolder.COLLECTIVE,
        holder_name="Hội Nông dân xã", field=field, year=day.year,
    )


def enter(actor, organisation, code: str, start: dt.date, end: dt.date, value: int, key: str = ""):
    from danvan.core import services as audited

    return audited.create(EnteredValue, actor, organisation=organisation, indicator=Indicator.objects.get(code=code),
                          period_start=start, period_end=end, value=value, disaggregation_key=key, entered_by=actor)


@dataclass
class Scenario:
    province: Area
    quang_lam: Area
    hoa_an: Area
    nguyen_binh: Area
    tra_linh: Area
    be_trieu: Area
    hoang_tung: Area
    village: Area
    ubnd_nguyen_binh: Organisation


@pytest.fixture
def scenario(tree, alice) -> Scenario:
    cb = tree.cao_bang
    be_trieu = make_area(AreaLevel.COMMUNE, "01282", "Xã Bế Triều", cb, valid_from=D(2020, 1, 1))
    hoang_tung = make_area(AreaLevel.COMMUNE, "01285", "Xã Hoàng Tung", cb, valid_from=D(2020, 1, 1))
    nguyen_binh = make_area(AreaLevel.COMMUNE, "01300", "Xã Nguyên Bình", cb, valid_from=MERGER)
    tra_linh = make_area(AreaLevel.COMMUNE, "01600", "Xã Trà Lĩnh", cb)
    ubnd_bt = make_org("Ủy ban nhân dân xã Bế Triều", OrganisationType.PEOPLES_COMMITTEE, be_trieu, short_name="UBND")
    ubnd_ht = make_org("Ủy ban nhân dân xã Hoàng Tung", OrganisationType.PEOPLES_COMMITTEE, hoang_tung,
                       short_name="UBND")
    ubnd_nb = make_org("Ủy ban nhân dân xã Nguyên Bình", OrganisationType.PEOPLES_COMMITTEE, nguyen_binh,
                       short_name="UBND")
    make_org("Ủy ban nhân dân xã Trà Lĩnh", OrganisationType.PEOPLES_COMMITTEE, tra_linh, short_name="UBND")
    village_front = make_org("Ban công tác Mặt trận thôn Nà Mạ", OrganisationType.FATHERLAND_FRONT, tree.village)

    # 2024, before the merger
    visits(alice, ubnd_bt, D(2024, 4, 2), [1, 1])
    visits(alice, ubnd_ht, D(2024, 5, 6), [1, 1, 1])
    visits(alice, tree.ubnd_quang_lam, D(2024, 6, 3), [1])
    visits(alice, tree.board_cb, D(2024, 9, 9), [1, 1])
    letters_batch(alice, tree.ubnd_quang_lam, D(2024, 3, 4), within=3, accepted=2, resolved=2)
    letters_batch(alice, ubnd_bt, D(2024, 3, 4), within=2, accepted=1, resolved=1)
    dialogue(alice, ubnd_bt, D(2024, 4, 1), participants=30, opinions=1, commitments=0)
    # 2025
    visits(alice, ubnd_bt, D(2025, 3, 3), [1])
    record_merger([be_trieu, hoang_tung], nguyen_binh, MERGER, "Nghị quyết 1657/NQ-UBTVQH15")
    visits(alice, ubnd_nb, D(2025, 8, 5), [1, 1, 1, 1])
    visits(alice, tree.ubnd_quang_lam, D(2025, 2, 10), [1, 1, 6])
    visits(alice, village_front, D(2025, 10, 6), [1, 1])
    visits(alice, tree.ubnd_hoa_an, D(2025, 11, 3), [1])
    visits(alice, tree.board_cb, D(2025, 5, 5), [1])
    letters_batch(alice, tree.ubnd_quang_lam, D(2025, 3, 3), within=12, accepted=12, resolved=10)
    letters_batch(alice, tree.ubnd_hoa_an, D(2025, 4, 1), within=17, accepted=13, resolved=12, not_qualifying=2)
    dialogue(alice, tree.ubnd_hoa_an, D(2025, 5, 10), participants=40, opinions=2, commitments=1)
    practice(alice, tree.ubnd_quang_lam, D(2025, 2, 1), PracticeField.ECONOMY, "Nuôi bò sinh sản")
    practice(alice, tree.ubnd_quang_lam, D(2025, 3, 1), PracticeField.CULTURE_SOCIETY, "Thôn văn hóa")
    mobilisation.record(alice, PropagandaSession, organisation=tree.board_cb, held_on=D(2025, 6, 2),
                        kind=SessionKind.LEGAL, topic="Luật Đất đai 2024", attendees=120)
    # Hòa An keeps no records of supervisions or of part of its models: it enters aggregates.
    enter(alice, tree.ubnd_hoa_an, "GS_CUOC", D(2025, 1, 1), D(2025, 12, 31), 3)
    enter(alice, tree.ubnd_hoa_an, "GS_CUOC", D(2024, 1, 1), D(2024, 12, 31), 1)
    enter(alice, tree.ubnd_hoa_an, "MH_DANGKY", D(2025, 7, 1), D(2025, 9, 30), 2, key=PracticeField.NEW_RURAL)
    for area in (be_trieu, hoang_tung, nguyen_binh):
        area.refresh_from_db()
    return Scenario(cb, tree.quang_lam, tree.hoa_an, nguyen_binh, tra_linh, be_trieu, hoang_tung, tree.village,
                    ubnd_nb)


# Expected figures: (row, indicator) → (2025, 2024); anything not listed is 0.
QL, NB, HA, TL, DIRECT = "Xã Quảng Lâm", "Xã Nguyên Bình", "Xã Hòa An", "Xã Trà Lĩnh", "direct"
ROWS = [QL, NB, HA, TL, DIRECT]
EXPECTED: dict[tuple[str, str], tuple[int, int]] = {
    (QL, "TCD_LUOT"): (5, 1), (QL, "TCD_NGUOI"): (10, 1), (QL, "TCD_VUVIEC"): (5, 1), (QL, "TCD_DOAN"): (1, 0),
    (NB, "TCD_LUOT"): (5, 5), (NB, "TCD_NGUOI"): (5, 5), (NB, "TCD_VUVIEC"): (5, 5),
    (HA, "TCD_LUOT"): (1, 0), (HA, "TCD_NGUOI"): (1, 0), (HA, "TCD_VUVIEC"): (1, 0),
    (DIRECT, "TCD_LUOT"): (1, 2), (DIRECT, "TCD_NGUOI"): (1, 2), (DIRECT, "TCD_VUVIEC"): (1, 2),
    (QL, "DT_NHAN"): (12, 3), (QL, "DT_DUDK"): (12, 3), (QL, "DT_THAMQUYEN"): (12, 3), (QL, "DT_THULY"): (12, 2),
    (QL, "DT_GIAIQUYET"): (10, 2), (QL, "DT_DUNGHAN"): (10, 2),
    (QL, "DT_KYTRUOC"): (1, 0), (QL, "DT_PHATSINH"): (12, 3), (QL, "DT_PHAIGQ"): (13, 3),
    (NB, "DT_KYTRUOC"): (1, 0), (NB, "DT_PHATSINH"): (0, 2), (NB, "DT_PHAIGQ"): (1, 2),
    (HA, "DT_PHATSINH"): (17, 0), (HA, "DT_PHAIGQ"): (17, 0),
    (NB, "DT_NHAN"): (0, 2), (NB, "DT_DUDK"): (0, 2), (NB, "DT_THAMQUYEN"): (0, 2), (NB, "DT_THULY"): (0, 1),
    (NB, "DT_GIAIQUYET"): (0, 1), (NB, "DT_DUNGHAN"): (0, 1),
    (HA, "DT_NHAN"): (19, 0), (HA, "DT_DUDK"): (17, 0), (HA, "DT_THAMQUYEN"): (17, 0), (HA, "DT_THULY"): (13, 0),
    (HA, "DT_GIAIQUYET"): (12, 0), (HA, "DT_DUNGHAN"): (12, 0),
    (NB, "DTH_CUOC"): (0, 1), (NB, "DTH_NGUOI"): (0, 30), (NB, "DTH_YKIEN"): (0, 1),
    (HA, "DTH_CUOC"): (1, 0), (HA, "DTH_NGUOI"): (40, 0), (HA, "DTH_YKIEN"): (2, 0), (HA, "DTH_CAMKET"): (1, 0),
    (QL, "MH_DANGKY"): (2, 0), (HA, "MH_DANGKY"): (2, 0),
    (DIRECT, "TT_BUOI"): (1, 0), (DIRECT, "TT_NGUOI"): (120, 0),
    (HA, "GS_CUOC"): (3, 1),
}
# Ratios: (numerator, denominator) per row for 2025 and 2024.
RATIOS = {"DT_TYLE_GQ": ("DT_GIAIQUYET", "DT_PHAIGQ"), "DT_TYLE_DUNGHAN": ("DT_DUNGHAN", "DT_GIAIQUYET"),
          # entered ratios added for reading (issue 20)
          "HS_TYLE_DUNGHAN": ("HS_DUNGHAN", "HS_GIAIQUYET"), "DTH_TYLE_DONVI": ("DTH_DONVI", "DTH_DONVI_TONG")}


def expected(row: str, code: str, year_index: int) -> int:
    if row == "total":
        return sum(EXPECTED.get((r, code), (0, 0))[year_index] for r in ROWS)
    return EXPECTED.get((row, code), (0, 0))[year_index]


def expected_ratio(row: str, code: str, year_index: int) -> tuple[int, int]:
    numerator, denominator = RATIOS[code]
    return expected(row, numerator, year_index), expected(row, denominator, year_index)
