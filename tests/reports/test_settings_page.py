"""The in-app page where a head sets who signs the body's reports and who receives them (issue 15)."""

from __future__ import annotations

import pytest

from danvan.accounts.models import Role
from danvan.reports import services
from danvan.reports.models import ReportSettings
from danvan.reports.periods import parse_period
from tests.conftest import make_user

URL = "/bao-cao/thiet-lap/"
GOOD = {"authority": "kt", "authority_of": "Trưởng ban", "signer_title": "Phó Trưởng ban",
        "signer_name": "Nông Thị Hoa", "recipients": "Ban Dân vận Trung ương (b/c)\nThường trực Tỉnh ủy (b/c)"}


def test_a_head_sets_the_signer_and_the_next_draft_carries_it(client_for, hana, alice, tree):
    response = client_for(hana).get(URL)
    assert response.status_code == 200 and "Lưu thiết lập" in response.content.decode()
    response = client_for(hana).post(URL, GOOD)
    assert response.status_code == 302
    saved = ReportSettings.objects.get(organisation=tree.board_cb)
    assert (saved.authority, saved.signer_name) == ("kt", "Nông Thị Hoa")
    history = saved.history.latest()
    assert history.history_user == hana and history.history_change_reason == "Sửa người ký, nơi nhận báo cáo"

    client_for(hana).post(URL, {**GOOD, "signer_name": "Hoàng Văn Minh"})
    assert ReportSettings.objects.get(organisation=tree.board_cb).signer_name == "Hoàng Văn Minh"
    assert ReportSettings.objects.filter(organisation=tree.board_cb).count() == 1

    draft = services.create_draft(alice, tree.board_cb, report_area=tree.cao_bang, period=parse_period("2025"))
    assert (draft.authority, draft.authority_of, draft.signer_name) == ("kt", "Trưởng ban", "Hoàng Văn Minh")


def test_an_officer_or_a_viewer_reads_the_settings_but_cannot_change_them(client_for, alice, tree):
    page = client_for(alice).get(URL).content.decode()
    assert "Chỉ lãnh đạo hoặc quản trị của cơ quan được sửa thiết lập này." in page and "Lưu thiết lập" not in page
    assert client_for(alice).post(URL, GOOD).status_code == 403
    assert not ReportSettings.objects.exists()


def test_an_administrator_of_the_body_may_change_them(client_for, tree):
    admin = make_user("quan-tri", tree.board_cb, Role.ADMINISTRATOR)
    assert client_for(admin).post(URL, GOOD).status_code == 302
    assert ReportSettings.objects.get().organisation == tree.board_cb


def test_a_head_changes_only_their_own_bodys_settings(tree):
    """The head of a commune's committee cannot set the signer of the province's board above it."""
    head_ql = make_user("head-ql", tree.ubnd_quang_lam, Role.HEAD)
    with pytest.raises(Exception) as refused:
        services.save_report_settings(head_ql, tree.board_cb, **GOOD)
    assert "Chỉ lãnh đạo hoặc quản trị" in str(refused.value)
    assert not ReportSettings.objects.exists()


@pytest.mark.parametrize("changes, field, message", [
    ({"signer_name": "  "}, "signer_name", "Họ và tên người ký: cần nhập"),
    ({"signer_title": ""}, "signer_title", "Chức vụ người ký: cần nhập"),
    ({"authority": "tm", "authority_of": ""}, "authority_of", "Thay mặt, ký thay cho: cần ghi khi ký TM., KT."),
    ({"recipients": "x" * 201}, "recipients", "Nơi nhận: mỗi dòng một nơi nhận"),
    ({"authority": "zz"}, "authority", "Hình thức ký: lựa chọn không hợp lệ"),
])
def test_bad_input_is_refused_with_the_field_named_and_nothing_changes(client_for, hana, tree, changes, field,
                                                                        message):
    response = client_for(hana).post(URL, {**GOOD, **changes})
    assert response.status_code == 400
    assert message in " ".join(response.context["form"].errors[field])
    assert not ReportSettings.objects.exists()


def test_an_account_without_a_body_has_no_settings_page(client_for, db):
    from django.contrib.auth import get_user_model

    root = get_user_model().objects.create_superuser("root", "root@example.org", "x")
    assert client_for(root).get(URL).status_code == 404
