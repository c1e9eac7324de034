"""Matters (vụ việc): opening one, its status, and letters grouped into it so that figures exist by letter
and by matter ("29 đơn (29 vụ việc)")."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from danvan.core.choices import ContentKind, Field
from danvan.letters import counts, services
from danvan.letters.counts import Figure
from danvan.letters.models import FiledReason
from danvan.letters.workflow import LetterStatus
from danvan.matters.models import Matter, MatterStatus
from danvan.matters.services import open_matter, set_matter_status
from tests.letters.factories import accepted, receive

D = dt.date


def _matter(actor, organisation, **extra):
    extra.setdefault("title", "Tranh chấp đất giữa hai hộ ở thôn Nà Mạ")
    return open_matter(actor, organisation, content_kind=ContentKind.COMPLAINT, field=Field.LAND_HOUSING,
                       first_received=D(2026, 3, 2), **extra)


def test_opening_a_matter_is_audited_with_its_actor(tree, alice):
    matter = _matter(alice, tree.ubnd_quang_lam)
    assert (matter.status, matter.area, matter.resolved_on) == (MatterStatus.OPEN, tree.quang_lam, None)
    assert matter.history.get().history_user == alice


def test_a_matter_without_a_title_names_the_field_and_saves_nothing(tree, alice):
    with pytest.raises(ValidationError) as exc:
        _matter(alice, tree.board_cb, title="   ")
    assert exc.value.message_dict == {"title": ["Cần nhập tóm tắt vụ việc."]}
    assert not Matter.objects.exists()


def test_an_outsider_or_a_viewer_cannot_open_or_change_a_matter(tree, alice, bob, charlie):
    with pytest.raises(PermissionDenied):
        _matter(charlie, tree.board_cb)
    with pytest.raises(PermissionDenied):
        _matter(bob, tree.ubnd_quang_lam)
    matter = _matter(alice, tree.board_cb)
    with pytest.raises(PermissionDenied):
        set_matter_status(charlie, matter, MatterStatus.RESOLVED, on=D(2026, 3, 20))
    assert Matter.objects.get().status == MatterStatus.OPEN


def test_status_changes_keep_or_clear_the_resolution_date(tree, alice):
    matter = _matter(alice, tree.board_cb)
    with pytest.raises(ValidationError) as exc:
        set_matter_status(alice, matter, MatterStatus.RESOLVED)
    assert exc.value.message_dict == {"resolved_on": ["Cần nhập ngày giải quyết vụ việc."]}
    with pytest.raises(ValidationError) as exc:
        set_matter_status(alice, matter, "closed", on=D(2026, 3, 20))
    assert exc.value.message_dict == {"status": ["Tình trạng vụ việc không hợp lệ."]}
    matter = set_matter_status(alice, matter, MatterStatus.RESOLVED, on=D(2026, 3, 20), reason="Đã giải quyết")
    assert (matter.status, matter.resolved_on) == (MatterStatus.RESOLVED, D(2026, 3, 20))
    matter = set_matter_status(alice, matter, MatterStatus.FINAL)  # keeps the date it was resolved on
    assert (matter.status, matter.resolved_on) == (MatterStatus.FINAL, D(2026, 3, 20))
    matter = set_matter_status(alice, matter, MatterStatus.OPEN, reason="Có tình tiết mới")
    assert (matter.status, matter.resolved_on) == (MatterStatus.OPEN, None)
    assert matter.history.first().history_change_reason == "Có tình tiết mới"


def test_letters_about_one_matter_count_once_by_matter(tree, alice):
    first = receive(alice, tree.board_cb, received_on=D(2026, 3, 2), name="Nông Văn Dân")
    receive(alice, tree.board_cb, received_on=D(2026, 3, 9), name="Nông Thị Hai", matter=first.matter)
    receive(alice, tree.board_cb, received_on=D(2026, 3, 10), summary="Kiến nghị làm đường",
            kind=ContentKind.RECOMMENDATION)
    assert Matter.objects.count() == 2 and first.matter.letters.count() == 2
    assert counts.count_received(tree.cao_bang, D(2026, 3, 1), D(2026, 3, 31)) == Figure(3, 2)


def test_resolving_closing_as_final_and_reopening_move_the_matter(tree, alice):
    letter = accepted(alice, tree.board_cb, received_on=D(2026, 3, 2), accepted_on=D(2026, 3, 3))
    letter = services.resolve_letter(alice, letter, resolved_on=D(2026, 3, 20), outcome="c_wrong")
    assert Matter.objects.get().status == MatterStatus.RESOLVED
    letter = services.close_letter(alice, letter, closed_on=D(2026, 3, 25), reason="Quyết định có hiệu lực",
                                   final=True)
    assert Matter.objects.get().status == MatterStatus.FINAL
    # A later letter about a finally resolved matter is filed as a duplicate, not processed again.
    later = receive(alice, tree.board_cb, received_on=D(2026, 4, 2), name="Nông Văn Dân", matter=letter.matter)
    assert (later.status, later.filed_reason) == (LetterStatus.FILED, FiledReason.DUPLICATE)
    services.reopen_letter(alice, letter, reason="Quyết định bị hủy, giải quyết lại")
    matter = Matter.objects.get()
    assert (matter.status, matter.resolved_on) == (MatterStatus.OPEN, None)
