"""Every create / update / archive is recorded with who, when, why and the values (issue 2)."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from danvan.core import services
from danvan.core.models import ArchiveOnlyError
from danvan.people.models import Citizen


def test_create_update_archive_leave_history_with_user_and_values(alice, tree):
    citizen = services.create(Citizen, alice, organisation=tree.board_cb, full_name="Nguyễn Văn An")
    services.update(citizen, alice, reason="Sửa địa chỉ", address="Thôn Nà Mạ")
    services.archive(citizen, alice, reason="Nhập trùng")

    history = list(citizen.history.order_by("history_date", "history_id"))
    assert [h.history_type for h in history] == ["+", "~", "~"]
    assert all(h.history_user == alice for h in history)
    assert history[1].history_change_reason == "Sửa địa chỉ"
    changes = {c.field: (c.old, c.new) for c in history[1].diff_against(history[0]).changes}
    assert changes["address"] == ("", "Thôn Nà Mạ")
    assert history[2].archived_at is not None and history[2].archive_reason == "Nhập trùng"
    assert Citizen.objects.filter(pk=citizen.pk).exists()  # archived, not deleted
    assert not Citizen.objects.active().filter(pk=citizen.pk).exists()


def test_hard_delete_is_refused(alice, tree):
    citizen = services.create(Citizen, alice, organisation=tree.board_cb, full_name="Trần Thị Bình")
    with pytest.raises(ArchiveOnlyError):
        citizen.delete()
    with pytest.raises(ArchiveOnlyError):
        Citizen.objects.filter(pk=citizen.pk).delete()


def test_archive_needs_a_reason(alice, tree):
    citizen = services.create(Citizen, alice, organisation=tree.board_cb, full_name="Lê Văn Cường")
    with pytest.raises(ValidationError) as error:
        services.archive(citizen, alice, reason="  ")
    assert "archive_reason" in error.value.message_dict


def test_viewer_and_outsider_cannot_write(bob, charlie, alice, tree):
    with pytest.raises(PermissionDenied):
        services.create(Citizen, bob, organisation=tree.ubnd_quang_lam, full_name="Viewer Cannot")
    with pytest.raises(PermissionDenied):
        services.create(Citizen, charlie, organisation=tree.board_cb, full_name="Outsider Cannot")
    citizen = services.create(Citizen, alice, organisation=tree.ubnd_quang_lam, full_name="Hoàng Văn Dũng")
    with pytest.raises(PermissionDenied):
        services.update(citizen, charlie, address="Hà Nội")
    citizen.refresh_from_db()
    assert citizen.address == ""


def test_history_page_shows_before_and_after(client_for, alice, tree):
    tree.quang_lam._history_user = alice
    tree.quang_lam.remote = False
    tree.quang_lam.save()
    response = client_for(alice).get(reverse("history", args=["units", "area", tree.quang_lam.pk]))
    assert response.status_code == 200
    content = response.content.decode()
    assert "Lịch sử thay đổi" in content and "Vùng sâu, vùng xa" in content
    assert "Có → Không" in content


def test_citizen_history_is_for_heads_only(client_for, alice, hana, tree):
    citizen = services.create(Citizen, alice, organisation=tree.board_cb, full_name="Người Tố Cáo")
    url = reverse("history", args=["people", "citizen", citizen.pk])
    assert client_for(alice).get(url).status_code == 403
    assert client_for(hana).get(url).status_code == 200
