"""The units before 01/7/2025 from the vietnamadminunits package: the old tree, its lineage to today's units,
old addresses read as new, history recorded under an old body and seen by today's officials (issue 18)."""

import datetime as dt
import time
from decimal import Decimal

import pytest

from danvan.accounts.models import Role
from danvan.core.choices import ContentKind, Field
from danvan.letters import services as letters
from danvan.letters.models import Letter
from danvan.units.addresses import read_old_address
from danvan.units.legacy import LAST_DAY, PROVINCE_BASIS, load_legacy_units
from danvan.units.models import Area, AreaLevel, AreaLineage, Organisation, OrganisationType
from danvan.units.services import load_administrative_units
from tests.conftest import make_org, make_user

D = dt.date
OLD = {"valid_to": LAST_DAY}


def old_commune(name: str, district: str) -> Area:
    return Area.objects.get(level=AreaLevel.COMMUNE, name=name, parent__name=district, **OLD)


def current(name: str, province_code: str) -> Area:
    return Area.objects.get(level=AreaLevel.COMMUNE, name=name, parent__code=province_code, valid_to__isnull=True)


@pytest.mark.django_db
def test_load_units_history_loads_the_63_province_tree_with_lineage_to_every_current_commune():
    # CPU time of this process (on SQLite, the database's work too): the machine running the suite is shared,
    # so wall time measures the neighbours (`danvan load_units --history` takes about 35 s wall, 11 s CPU).
    started = time.process_time()
    load_administrative_units(history=True)
    elapsed = time.process_time() - started
    assert elapsed < 60, elapsed

    old = Area.objects.filter(**OLD)
    assert old.filter(level=AreaLevel.PROVINCE).count() == 63
    assert old.filter(level=AreaLevel.DISTRICT).count() == 696
    # 10.040 units in the package's list: 10.035 communes and the 5 island districts that had none.
    assert old.filter(level=AreaLevel.COMMUNE).count() == 10035
    assert Area.objects.filter(level=AreaLevel.COMMUNE, valid_to__isnull=True).count() == 3321

    # Every current commune has predecessors; every old commune exactly one default successor.
    orphans = Area.objects.filter(level=AreaLevel.COMMUNE, valid_to__isnull=True, predecessor_links__isnull=True)
    assert not orphans.exists()
    old_communes = old.filter(level=AreaLevel.COMMUNE)
    defaults = AreaLineage.objects.filter(predecessor__in=old_communes, is_default=True)
    assert defaults.count() == 10035 == defaults.values("predecessor").distinct().count()
    assert AreaLineage.objects.filter(predecessor__level=AreaLevel.PROVINCE, legal_basis=PROVINCE_BASIS).count() == 63

    # Old codes live in their own space: "04" is still only today's Cao Bằng.
    assert Area.objects.get(level=AreaLevel.PROVINCE, code="04").valid_to is None
    old_cao_bang = Area.objects.get(level=AreaLevel.PROVINCE, code="L04")
    # Old units lie under the current province that holds their territory: Hà Giang under Tuyên Quang.
    tuyen_quang = Area.objects.get(level=AreaLevel.PROVINCE, code="08", valid_to__isnull=True)
    ha_giang = Area.objects.get(level=AreaLevel.PROVINCE, code="L02")
    assert ha_giang.name == "Tỉnh Hà Giang" and ha_giang.parent == tuyen_quang
    assert ha_giang.path.startswith(tuyen_quang.path)
    assert old_cao_bang.path.startswith(Area.objects.get(level=AreaLevel.PROVINCE, code="04").path)
    assert set(tuyen_quang.predecessors_on(D(2024, 5, 1))) == {Area.objects.get(code="L08"), ha_giang}

    # Coordinates of every current commune, for maps.
    assert not Area.objects.filter(level=AreaLevel.COMMUNE, valid_to__isnull=True, latitude__isnull=True).exists()
    hoan_kiem = current("Phường Hoàn Kiếm", "01")
    assert Decimal("21.0") < hoan_kiem.latitude < Decimal("21.1")
    assert Decimal("105.8") < hoan_kiem.longitude < Decimal("105.9")

    # Idempotent.
    counts = (Area.objects.count(), AreaLineage.objects.count(), Organisation.objects.count())
    assert load_legacy_units().created is False
    load_administrative_units(history=True)
    assert (Area.objects.count(), AreaLineage.objects.count(), Organisation.objects.count()) == counts


@pytest.fixture
def nghe_an_and_ha_noi(db):
    load_administrative_units(with_organisations=False)  # the standard bodies are not needed: quicker
    load_legacy_units(provinces={"40", "01"})


def test_an_old_commune_a_district_and_a_divided_commune(nghe_an_and_ha_noi):
    dien_kim = old_commune("Xã Diễn Kim", "Huyện Diễn Châu")
    assert dien_kim.parent.level == AreaLevel.DISTRICT and dien_kim.parent.parent.name == "Tỉnh Nghệ An"
    assert dien_kim.code == "L17431"
    [link] = AreaLineage.objects.filter(predecessor=dien_kim)
    assert link.successor == current("Xã Hải Châu", "40") and link.effective == D(2025, 7, 1)
    assert "Tỉnh Nghệ An" in link.legal_basis and link.is_default
    assert dien_kim in current("Xã Hải Châu", "40").predecessors_on(D(2024, 1, 1))

    # Phường Hàng Trống was divided between Phường Hoàn Kiếm (the default) and Phường Cửa Nam.
    hang_trong = old_commune("Phường Hàng Trống", "Quận Hoàn Kiếm")
    links = {link.successor.name: link for link in AreaLineage.objects.filter(predecessor=hang_trong)}
    assert set(links) == {"Phường Hoàn Kiếm", "Phường Cửa Nam"}
    assert links["Phường Hoàn Kiếm"].is_default and not links["Phường Cửa Nam"].is_default
    assert links["Phường Hoàn Kiếm"].weight == 1 and links["Phường Cửa Nam"].weight == 0
    assert hang_trong in current("Phường Hoàn Kiếm", "01").predecessors_on(D(2024, 1, 1))
    assert hang_trong not in current("Phường Cửa Nam", "01").predecessors_on(D(2024, 1, 1))
    # An administrator sets the shares: then both carry a part.
    AreaLineage.objects.filter(pk=links["Phường Cửa Nam"].pk).update(share=Decimal("30"))
    assert hang_trong in current("Phường Cửa Nam", "01").predecessors_on(D(2024, 1, 1))


# (written address, today's commune, today's province, as written): the package's conversion, checked
# against our reading of the 2025 resolutions where we know them (the ADR lists which we could not check).
OLD_ADDRESSES = [
    ("xã Diễn Kim, huyện Diễn Châu, Nghệ An", "Xã Hải Châu", "40", True),
    ("xa dien kim, huyen dien chau, nghe an", "Xã Hải Châu", "40", True),
    ("xã Quỳnh Đôi, huyện Quỳnh Lưu, Nghệ An", "Xã Quỳnh Anh", "40", True),
    ("Phường Phúc Xá, Quận Ba Đình, Hà Nội", "Phường Hồng Hà", "01", True),
    ("12 Hàng Trống, phường Hàng Trống, quận Hoàn Kiếm, Hà Nội", "Phường Hoàn Kiếm", "01", True),
    ("Phường Bến Nghé, Quận 1, TP Hồ Chí Minh", "Phường Sài Gòn", "79", True),
    ("59 Nguyễn Sỹ Sách, Phường 15, Quận Tân Bình, Thành phố Hồ Chí Minh", "Phường Tân Sơn", "79", True),
    ("Phường 1, Quận 3, TP.HCM", "Phường Bàn Cờ", "79", True),
    ("Phường Minh An, Thành phố Hội An, Quảng Nam", "Phường Hội An", "48", True),
    ("phường Trần Phú, thành phố Hà Giang, tỉnh Hà Giang", "Phường Hà Giang 2", "08", True),
    ("thị trấn Phố Châu, huyện Hương Sơn, Hà Tĩnh", "Xã Hương Sơn", "42", True),
    ("phường Quảng Yên, thị xã Quảng Yên, Quảng Ninh", "Phường Quảng Yên", "22", True),
    ("Phường Vĩnh Trại, TP Lạng Sơn, Lạng Sơn", "Phường Đông Kinh", "20", True),
    ("thôn 3, xã Ea Tiêu, huyện Cư Kuin, Đắk Lắk", "Xã Ea Ktur", "66", True),
    # Bế Triều was merged into the township of Nước Hai in 2020: the parser knows the old name, and says so.
    ("xã Bế Triều, huyện Hòa An, Cao Bằng", "Xã Hòa An", "04", False),
]


@pytest.mark.django_db
def test_old_addresses_are_read_as_todays_communes():
    load_administrative_units(with_organisations=False)
    load_legacy_units(provinces={code for _a, _n, code, _w in OLD_ADDRESSES})
    for written, name, province, as_written in OLD_ADDRESSES:
        found = read_old_address(written)
        assert found is not None, written
        assert (found.new.name, found.new.parent.code, found.as_written) == (name, province, as_written), written
        assert found.now_text.startswith(f"nay là {name}, "), written

    dien_kim = read_old_address("xã Diễn Kim, huyện Diễn Châu, Nghệ An")
    assert dien_kim.old.name == "Xã Diễn Kim" and dien_kim.old.parent.name == "Huyện Diễn Châu"
    assert dien_kim.now_text == "nay là Xã Hải Châu, Tỉnh Nghệ An"
    assert dien_kim.old_text == "Xã Diễn Kim, Huyện Diễn Châu, Tỉnh Nghệ An"
    hang_trong = read_old_address("12 Hàng Trống, phường Hàng Trống, quận Hoàn Kiếm, Hà Nội")
    assert hang_trong.street == "12 Hàng Trống"
    assert hang_trong.now_text == "nay là Phường Hoàn Kiếm, Thành phố Hà Nội (một phần nay thuộc Phường Cửa Nam)"
    # Today's form, or no unit at all: nothing to convert.
    assert read_old_address("Xã Hải Châu, Tỉnh Nghệ An") is None
    assert read_old_address("") is None
    assert read_old_address("không rõ địa chỉ") is None


def test_a_2019_letter_to_an_old_district_is_seen_by_the_officials_of_todays_province(nghe_an_and_ha_noi):
    dien_chau = Area.objects.get(level=AreaLevel.DISTRICT, name="Huyện Diễn Châu", **OLD)
    body = Organisation.objects.get(area=dien_chau, type=OrganisationType.PEOPLES_COMMITTEE)
    assert body.name == "Ủy ban nhân dân huyện Diễn Châu" and not body.active
    board = OrganisationType.MOBILISATION_BOARD
    nghe_an = Area.objects.get(level=AreaLevel.PROVINCE, code="40")
    officer = make_user("lan", make_org("Ban Tuyên giáo và Dân vận Tỉnh ủy Nghệ An", board, nghe_an), Role.OFFICER)
    ha_noi = Area.objects.get(level=AreaLevel.PROVINCE, code="01")
    ha_noi_officer = make_user("minh", make_org("Ban Tuyên giáo và Dân vận Thành ủy Hà Nội", board, ha_noi),
                               Role.OFFICER)
    hai_chau = make_org("Ủy ban nhân dân xã Hải Châu", OrganisationType.PEOPLES_COMMITTEE, current("Xã Hải Châu", "40"))
    commune_viewer = make_user("hoa", hai_chau, Role.VIEWER)

    letter = letters.receive_letter(
        officer, body, received_on=D(2019, 5, 6), summary="Kiến nghị về đền bù đường ven biển",
        content_kind=ContentKind.RECOMMENDATION, field=Field.LAND_HOUSING,
        subject_area=old_commune("Xã Diễn Kim", "Huyện Diễn Châu"),
        new_petitioners=[{"full_name": "Nguyễn Văn Thành"}])
    assert letter.area == dien_chau
    assert letter in Letter.objects.restrict(officer)
    assert letter not in Letter.objects.restrict(ha_noi_officer)
    # The district's territory is held by several communes today: the commune's officials do not see it.
    assert letter not in Letter.objects.restrict(commune_viewer)


def test_intake_prefills_the_subject_area_from_an_old_address_only_when_unambiguous(nghe_an_and_ha_noi):
    from danvan.letters.forms import LetterIntakeForm

    nghe_an = Area.objects.get(level=AreaLevel.PROVINCE, code="40")
    board = make_org("Ban Tuyên giáo và Dân vận Tỉnh ủy Nghệ An", OrganisationType.MOBILISATION_BOARD, nghe_an)
    officer = make_user("lan", board, Role.OFFICER)

    def intake(address: str, subject_area: str = "") -> LetterIntakeForm:
        form = LetterIntakeForm(data={
            "organisation": board.pk, "channel": "post", "received_on": "02/03/2026",
            "petitioner_name": "Hồ Văn Nam", "petitioner_address": address, "summary": "Kiến nghị về đê biển",
            "content_kind": ContentKind.RECOMMENDATION, "field": Field.LAND_HOUSING, "subject_area": subject_area,
        }, user=officer)
        assert form.is_valid(), form.errors
        return form

    form = intake("xóm 5, xã Diễn Kim, huyện Diễn Châu, Nghệ An")
    assert form.cleaned_data["subject_area"] == current("Xã Hải Châu", "40")
    assert form.old_address.now_text == "nay là Xã Hải Châu, Tỉnh Nghệ An"
    # An officer's choice is kept; an address in today's form or outside the officer's scope changes nothing.
    chosen = current("Xã Diễn Châu", "40")
    assert intake("xã Diễn Kim, huyện Diễn Châu, Nghệ An", str(chosen.pk)).cleaned_data["subject_area"] == chosen
    assert intake("Xã Hải Châu, Tỉnh Nghệ An").cleaned_data["subject_area"] is None
    assert intake("Phường Phúc Xá, Quận Ba Đình, Hà Nội").cleaned_data["subject_area"] is None
