"""The real administrative units come from the vietnam-provinces package (issue 2)."""

import pytest

from danvan.units.models import Area, AreaLevel, Organisation, OrganisationType
from danvan.units.services import load_administrative_units


@pytest.mark.django_db
def test_load_real_units_keeps_gso_codes_and_is_idempotent():
    result = load_administrative_units()
    assert (result.provinces, result.communes, result.created) == (34, 3321, True)
    assert Area.objects.filter(level=AreaLevel.PROVINCE).count() == 34
    assert Area.objects.filter(level=AreaLevel.COMMUNE).count() == 3321

    cao_bang = Area.objects.get(level=AreaLevel.PROVINCE, code="04")
    assert cao_bang.name == "Tỉnh Cao Bằng"
    assert Area.objects.filter(parent=cao_bang).count() == 56
    assert Area.objects.subtree(cao_bang).count() == 57
    hoan_kiem = Area.objects.get(level=AreaLevel.COMMUNE, code="00070")
    assert hoan_kiem.name == "Phường Hoàn Kiếm" and hoan_kiem.parent.code == "01"

    # Every province and commune has its mobilisation board / People's Committee to own records.
    assert Organisation.objects.filter(type=OrganisationType.MOBILISATION_BOARD, area__level=1).count() == 34
    assert Organisation.objects.filter(type=OrganisationType.PEOPLES_COMMITTEE, area__level=2).count() == 3321

    names = set(Area.objects.search("quynh luu").values_list("name", flat=True))
    assert "Xã Quỳnh Lưu" in names
    assert set(Area.objects.search("Quỳnh Lưu").values_list("name", flat=True)) == names

    again = load_administrative_units()
    assert again.created is False
    assert Area.objects.count() == 1 + 34 + 3321
