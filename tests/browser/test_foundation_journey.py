"""Issue 2, done when: a Vietnamese login page; after login the unit browser lists 34 provinces,
and Cao Bằng's communes can be browsed and found by a search without diacritics."""

import pytest

from danvan.accounts.models import Role, User
from danvan.units.models import Organisation, OrganisationType
from danvan.units.services import load_administrative_units
from tests.browser.conftest import login, shot
from tests.conftest import PASSWORD


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_login_then_browse_provinces_and_communes(page):
    load_administrative_units()
    central = Organisation.objects.get(type=OrganisationType.MOBILISATION_BOARD, area__level=0)
    user = User(username="lanhdao", organisation=central, role=Role.HEAD)
    user.set_password(PASSWORD)
    user.save()

    page.goto("/")
    assert "dang-nhap" in page.url  # everything is behind the login
    assert page.get_by_role("heading", name="Đăng nhập").is_visible()
    assert page.locator("html").get_attribute("lang") == "vi"
    shot(page, "foundation-login")

    login(page, "lanhdao", PASSWORD)
    page.get_by_role("link", name="Đơn vị").first.click()
    rows = page.locator("table.data tbody tr")
    assert rows.count() == 34
    page.get_by_role("link", name="Tỉnh Cao Bằng").click()
    assert page.get_by_role("heading", name="Tỉnh Cao Bằng").is_visible()
    assert page.locator("table.data tbody tr").count() == 56  # Cao Bằng's communes and wards since 01/7/2025
    shot(page, "foundation-cao-bang")

    page.get_by_placeholder("Tìm đơn vị, có dấu hoặc không dấu").fill("quynh luu")
    page.get_by_role("link", name="Xã Quỳnh Lưu").first.wait_for()
    shot(page, "foundation-search")
