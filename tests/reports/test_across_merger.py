"""Reports across the July 2025 reform with the real old units (issue 18): a current ward compared with its
predecessors, a past period laid out on its own units, a divided commune's share, an old district-level town."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from danvan.accounts.models import Role
from danvan.reports.narrative import compare_phrase
from danvan.reports.periods import parse_period
from danvan.reports.rollup import Figure, build_report
from danvan.units.legacy import LAST_DAY, load_legacy_units
from danvan.units.models import Area, AreaLevel, Organisation, OrganisationType
from danvan.units.services import load_administrative_units, set_division_shares
from tests.conftest import make_org, make_user
from tests.reports.conftest import enter, visits

D = dt.date
AS_OF = D(2026, 11, 30)  # the day the reports are made
UBND = OrganisationType.PEOPLES_COMMITTEE


@pytest.fixture
def real(db):
    load_administrative_units(with_organisations=False)
    load_legacy_units(provinces={"01", "04"})


def old(name: str, parent: str, level=AreaLevel.COMMUNE) -> Area:
    return Area.objects.get(level=level, name=name, parent__name=parent, valid_to=LAST_DAY)


def new(name: str, province: str) -> Area:
    return Area.objects.get(level=AreaLevel.COMMUNE, name=name, parent__code=province, valid_to__isnull=True)


def province(code: str) -> Area:
    return Area.objects.get(level=AreaLevel.PROVINCE, code=code)


def body(area: Area) -> Organisation:
    return make_org(f"Ủy ban nhân dân {area.name}", UBND, area)


def officer(code: str) -> object:
    board = make_org("Ban Tuyên giáo và Dân vận", OrganisationType.MOBILISATION_BOARD, province(code))
    return make_user(f"officer{code}", board, Role.OFFICER)


def test_a_current_ward_compared_with_its_predecessors_and_a_past_year_on_the_old_districts(real):
    lan = officer("04")
    thuc_phan = new("Phường Thục Phán", "04")
    song_hien, hop_giang = old("Phường Sông Hiến", "Thành phố Cao Bằng"), old("Phường Hợp Giang", "Thành phố Cao Bằng")
    visits(lan, body(song_hien), D(2025, 2, 3), [1, 1])
    visits(lan, body(hop_giang), D(2025, 3, 4), [1])
    visits(lan, body(hop_giang), D(2024, 3, 4), [1, 1, 1, 1])
    visits(lan, body(thuc_phan), D(2026, 2, 10), [1, 1, 1, 1, 1])

    report = build_report(province("04"), parse_period("2026-Q1"), as_of=AS_OF)
    rows = {row.label: row for row in report.rows}
    assert len(rows) == 56 and "Thành phố Cao Bằng" not in rows  # today's communes
    assert rows["Phường Thục Phán"].current["TCD_LUOT"] == Figure(5)
    assert rows["Phường Thục Phán"].previous["TCD_LUOT"] == Figure(3)  # Sông Hiến 2 + Hợp Giang 1, Q1/2025
    assert report.total.previous["TCD_LUOT"] == Figure(3)

    # The whole of 2025 against 2024: 2025 holds Q1 of the old wards, 2024 Hợp Giang's four.
    year = build_report(province("04"), parse_period("2025"), as_of=AS_OF)
    row = next(r for r in year.rows if r.label == "Phường Thục Phán")
    assert (row.current["TCD_LUOT"], row.previous["TCD_LUOT"]) == (Figure(3), Figure(4))
    assert year.footnotes == []  # nothing divided in Cao Bằng

    # 2024 ended before the reform: the report is laid out on the districts of the old province.
    past = build_report(province("04"), parse_period("2024"), as_of=AS_OF)
    assert [r.label for r in past.rows if r.area is not None][:3] == [
        "Thành phố Cao Bằng", "Huyện Bảo Lâm", "Huyện Bảo Lạc"]
    assert len([r for r in past.rows if r.area is not None]) == 10
    city = past.rows[0]
    assert city.area.level == AreaLevel.DISTRICT and city.current["TCD_LUOT"] == Figure(4)
    assert past.total.current["TCD_LUOT"] == Figure(4)
    assert Area.objects.get(code="L052") in past.incomplete  # Huyện Nguyên Bình sent nothing


def test_a_current_wards_2026_figures_compared_with_its_predecessors_2024_figures(real):
    """Phường Thục Phán (since 01/7/2025) holds the territory of four units of the old city of Cao Bằng and of
    Xã Hoàng Tung of the old huyện Hòa An: its 2024 is theirs, and nothing of Phường Sông Bằng (now Nùng Trí Cao)."""
    lan = officer("04")
    thuc_phan = new("Phường Thục Phán", "04")
    visits(lan, body(old("Phường Sông Hiến", "Thành phố Cao Bằng")), D(2024, 4, 2), [1, 1])
    visits(lan, body(old("Xã Hoàng Tung", "Huyện Hòa An")), D(2024, 10, 7), [1, 1, 1])
    visits(lan, body(old("Phường Sông Bằng", "Thành phố Cao Bằng")), D(2024, 6, 3), [1, 1, 1, 1])
    enter(lan, body(old("Phường Đề Thám", "Thành phố Cao Bằng")), "GS_CUOC", D(2024, 1, 1), D(2024, 12, 31), 2)
    visits(lan, body(thuc_phan), D(2026, 3, 9), [1] * 6)

    now = build_report(thuc_phan, parse_period("2026"), as_of=AS_OF)
    before = build_report(thuc_phan, parse_period("2024"), as_of=AS_OF)
    assert now.total.current["TCD_LUOT"] == Figure(6)
    assert before.total.current["TCD_LUOT"] == Figure(5)  # Sông Hiến 2 + Hoàng Tung 3; not Sông Bằng's 4
    assert before.total.current["GS_CUOC"] == Figure(2)  # entered under Đề Thám
    assert compare_phrase(now.total.current["TCD_LUOT"].value, before.total.current["TCD_LUOT"].value,
                          "lượt") == "tăng 1 lượt"
    # The same 2024 in the province's report of that year, laid out on the old districts.
    past = {row.label: row for row in build_report(province("04"), parse_period("2024"), as_of=AS_OF).rows}
    assert past["Thành phố Cao Bằng"].current["TCD_LUOT"] == Figure(6)  # Sông Hiến 2 + Sông Bằng 4
    assert past["Huyện Hòa An"].current["TCD_LUOT"] == Figure(3)


def test_a_divided_commune_counts_for_its_default_successor_then_by_the_shares_set(real):
    minh = officer("01")
    hang_trong = old("Phường Hàng Trống", "Quận Hoàn Kiếm")
    visits(minh, body(hang_trong), D(2025, 2, 3), [1] * 10)
    hoan_kiem, cua_nam = new("Phường Hoàn Kiếm", "01"), new("Phường Cửa Nam", "01")

    def rows():
        report = build_report(province("01"), parse_period("2026-Q1"), as_of=AS_OF)
        found = {row.label: row for row in report.rows}
        return report, found["Phường Hoàn Kiếm"].previous["TCD_LUOT"], found["Phường Cửa Nam"].previous["TCD_LUOT"]

    report, hk, cn = rows()
    assert (hk, cn) == (Figure(10), Figure(0))  # the package's default successor carries all of it
    assert report.total.previous["TCD_LUOT"] == Figure(10)
    assert report.footnotes == [
        "Phường Hoàn Kiếm, Quý I năm 2025: gồm toàn bộ số liệu của Phường Hàng Trống (Quận Hoàn Kiếm), đơn vị được "
        "chia cho nhiều đơn vị mới (đơn vị kế thừa mặc định, chưa nhập tỷ lệ)."]

    with pytest.raises(ValidationError):
        set_division_shares(hang_trong, {hoan_kiem: Decimal(70), cua_nam: Decimal(20)})
    set_division_shares(hang_trong, {hoan_kiem: Decimal(70), cua_nam: Decimal(30)})
    report, hk, cn = rows()
    assert (hk, cn) == (Figure(7), Figure(3))
    assert report.total.previous["TCD_LUOT"] == Figure(10)  # the province's total is not split
    assert [note.split(":")[1].split(" số liệu")[0] for note in report.footnotes] == [" gồm 70%", " gồm 30%"]


def test_a_report_for_an_old_district_level_town_for_2019_from_entered_figures(real):
    minh = officer("01")
    son_tay = old("Thị xã Sơn Tây", "Thành phố Hà Nội", level=AreaLevel.DISTRICT)
    town_committee = Organisation.objects.get(area=son_tay, type=UBND)  # loaded with the old tree, inactive
    assert town_committee.name == "Ủy ban nhân dân thị xã Sơn Tây"
    quang_trung = old("Phường Ngô Quyền", "Thị xã Sơn Tây")
    enter(minh, town_committee, "GS_CUOC", D(2019, 1, 1), D(2019, 12, 31), 4)
    enter(minh, body(quang_trung), "GS_CUOC", D(2019, 1, 1), D(2019, 12, 31), 2)
    enter(minh, town_committee, "GS_CUOC", D(2018, 1, 1), D(2018, 12, 31), 5)

    report = build_report(son_tay, parse_period("2019"), as_of=AS_OF)
    assert report.total.current["GS_CUOC"] == Figure(6) and report.total.previous["GS_CUOC"] == Figure(5)
    labels = [row.label for row in report.rows if row.area is not None]
    assert "Phường Ngô Quyền" in labels and len(labels) == Area.objects.filter(parent=son_tay).count()
    assert all(row.area.parent == son_tay for row in report.rows if row.area is not None)
    quang_trung_row = next(row for row in report.rows if row.area == quang_trung)
    assert quang_trung_row.current["GS_CUOC"] == Figure(2)
    assert report.rows[-1].label == "Cơ quan cấp Thị xã Sơn Tây và đơn vị khác"
    assert report.rows[-1].current["GS_CUOC"] == Figure(4)

    # Hà Nội's report of 2019 has the town as a row, with the same total.
    city = build_report(province("01"), parse_period("2019"), as_of=AS_OF)
    row = next(r for r in city.rows if r.area == son_tay)
    assert row.current["GS_CUOC"] == Figure(6) and row.previous["GS_CUOC"] == Figure(5)


def test_a_divided_communes_share_is_printed_under_the_annex_and_in_the_workbook(real):
    """The footnotes of the roll-up are printed as an office would: the row's number raised after its name, the
    numbered note under the annex table of that period, and the same note under the Excel sheet's table."""
    import io

    from docx import Document
    from openpyxl import load_workbook

    from danvan.reports.documents import excel_report, word_document

    minh = officer("01")
    hang_trong = old("Phường Hàng Trống", "Quận Hoàn Kiếm")
    visits(minh, body(hang_trong), D(2025, 2, 3), [1] * 10)
    set_division_shares(hang_trong, {new("Phường Hoàn Kiếm", "01"): Decimal(70),
                                     new("Phường Cửa Nam", "01"): Decimal(30)})
    report = build_report(province("01"), parse_period("2026-Q1"), as_of=AS_OF)
    notes = report.footnotes
    labels = [note.split(",")[0] for note in notes]
    assert sorted(labels) == ["Phường Cửa Nam", "Phường Hoàn Kiếm"]

    document = Document(io.BytesIO(word_document(minh.organisation, report, AS_OF).content))
    texts = [p.text for p in document.paragraphs]
    assert any("chi tiết tại ghi chú dưới các bảng của Phụ lục" in t for t in texts)
    # Only under the tables of the same period last year (Quý I năm 2025), once per work area (six since
    # "Dân vận chính quyền" joined the catalogue, issue 20).
    assert texts.count(f"(1) {notes[0]}") == texts.count(f"(2) {notes[1]}") == 6
    marked = [row.cells[1] for table in document.tables[2:] for row in table.rows
              if row.cells[1].text.startswith(("Phường Hoàn Kiếm(", "Phường Cửa Nam("))]
    assert {cell.text for cell in marked} == {f"{labels[0]}(1)", f"{labels[1]}(2)"}
    assert all(cell.paragraphs[0].runs[-1].font.superscript for cell in marked)
    assert len(marked) == 12  # the six tables of last year; this year's tables hold no part of Hàng Trống

    sheet = load_workbook(io.BytesIO(excel_report(report).content))["Tiếp công dân"]
    values = [sheet.cell(row=r, column=1).value for r in range(1, sheet.max_row + 1)]
    assert "Ghi chú:" in values and f"(1) {notes[0]}" in values and f"(2) {notes[1]}" in values
    names = [sheet.cell(row=r, column=2).value for r in range(6, sheet.max_row + 1)]
    assert {f"{labels[0]} (1)", f"{labels[1]} (2)"} <= set(names)
    assert sheet.print_area.endswith(f"${sheet.max_row}")  # the notes are printed with the table


def test_a_record_under_an_old_unit_added_after_a_report_was_built_shows_in_the_next_build(real):
    """The lineage and the "anything recorded under the old units" answer are kept per data version: a record
    entered afterwards under an old commune moves the version, so the next report counts it."""
    minh = officer("01")
    hang_trong = old("Phường Hàng Trống", "Quận Hoàn Kiếm")

    def previous():
        report = build_report(province("01"), parse_period("2026-Q1"), as_of=AS_OF)
        return {row.label: row for row in report.rows}["Phường Hoàn Kiếm"].previous["TCD_LUOT"]

    assert previous() == Figure(0)
    visits(minh, body(hang_trong), D(2025, 2, 3), [1] * 4)
    assert previous() == Figure(4)
