from django.urls import reverse


def test_unit_browser_opens_on_the_users_own_area(client_for, alice, tree):
    response = client_for(alice).get(reverse("units:browse"))
    assert response.status_code == 200
    content = response.content.decode()
    assert "Tỉnh Cao Bằng" in content and "Xã Quảng Lâm" in content
    assert "Hà Nội" not in content


def test_national_user_sees_the_provinces(client_for, root, tree):
    content = client_for(root).get(reverse("units:area_detail", args=[tree.nation.pk])).content.decode()
    assert "Tỉnh Cao Bằng" in content and "Thành phố Hà Nội" in content


def test_search_is_scoped(client_for, charlie, tree):
    response = client_for(charlie).get(reverse("units:search"), {"q": "quang lam"})
    assert "Quảng Lâm" not in response.content.decode()
    response = client_for(charlie).get(reverse("units:search"), {"q": "hoan kiem"})
    assert "Phường Hoàn Kiếm" in response.content.decode()


def test_login_is_required(client, tree):
    response = client.get(reverse("units:browse"))
    assert response.status_code == 302 and "/tai-khoan/dang-nhap/" in response["Location"]
