"""Beside an address typed at intake, "nay là <today's commune, province>" when it names an old unit (issue 18)."""

from __future__ import annotations

from django.urls import reverse

from danvan.accounts.models import Role
from danvan.units.models import Area, AreaLevel, OrganisationType
from tests.conftest import make_org, make_user
from tests.units.test_legacy_units import nghe_an_and_ha_noi  # noqa: F401 - the fixture


def test_an_old_address_is_read_as_todays_commune_beside_the_field(nghe_an_and_ha_noi, client_for):  # noqa: F811
    nghe_an = Area.objects.get(level=AreaLevel.PROVINCE, code="40")
    officer = make_user("lan", make_org("Ban Tuyên giáo và Dân vận Tỉnh ủy Nghệ An",
                                        OrganisationType.MOBILISATION_BOARD, nghe_an), Role.OFFICER)
    client = client_for(officer)
    hint = client.get(reverse("units:address_hint"),
                      {"petitioner_address": "xóm 5, xã Diễn Kim, huyện Diễn Châu, Nghệ An"}).content.decode()
    assert "nay là Xã Hải Châu, Tỉnh Nghệ An" in hint
    # The reception form's field is called "address".
    assert "nay là Xã Hải Châu" in client.get(reverse("units:address_hint"),
                                              {"address": "xã Diễn Kim, huyện Diễn Châu, Nghệ An"}).content.decode()
    # Today's form, or no unit: nothing.
    assert "nay là" not in client.get(reverse("units:address_hint"),
                                      {"petitioner_address": "Xã Hải Châu, Tỉnh Nghệ An"}).content.decode()
    # The intake pages ask for it as the officer types.
    page = client.get(reverse("letters:letter_create")).content.decode()
    assert reverse("units:address_hint") in page and 'id="petitioner-address-now"' in page
