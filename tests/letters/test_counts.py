"""Letter counts against a hand-computed register, and against a direct query (issue 4: every count
agrees with a direct query)."""

from __future__ import annotations

import datetime as dt

import pytest

from danvan.core import services as audited
from danvan.core.choices import ContentKind, Field
from danvan.letters import counts, services
from danvan.letters.counts import Figure, Rate
from danvan.letters.models import FiledReason, Letter
from tests.letters.factories import accepted, classify, receive

D = dt.date
Q1 = (D(2026, 1, 1), D(2026, 3, 31))


@pytest.fixture
def register(tree, alice, charlie):
    """The register the expected figures below were computed from by hand.

    L0  Cao Bằng 01/11/2025 complaint, resolved 20/11/2025, closed as final (matter M4)   — before Q1
    L10 Cao Bằng 20/12/2025 complaint, accepted 22/12, resolved 05/01/2026 on time (M6)   — resolved in Q1
    L1  Cao Bằng 10/01 complaint land (M1), accepted 12/01, resolved 20/01 — on time
    L2  Cao Bằng 15/01 complaint land, same matter M1, accepted 16/01, not resolved
    L3  Quảng Lâm 01/02 denunciation policy (M2), accepted 02/02, resolved 30/03 — late (30 days)
    L4  Quảng Lâm 10/02 recommendation other (M3), qualifying, outside jurisdiction, forwarded
    L5  Cao Bằng 05/03 complaint land about M4 (final) — filed as a duplicate
    L6  Cao Bằng 10/03 complaint policy (M5), not qualifying, filed
    L7  Hà Nội 01/02 — another province;  L8 Cao Bằng 02/04 — after Q1;  L9 Cao Bằng 20/02 — archived
    """
    cb, ql = tree.board_cb, tree.ubnd_quang_lam
    l0 = accepted(alice, cb, received_on=D(2025, 11, 1), summary="Khiếu nại cũ")
    l0 = services.resolve_letter(alice, l0, resolved_on=D(2025, 11, 20), outcome="c_wrong")
    services.close_letter(alice, l0, closed_on=D(2025, 11, 25), reason="Quyết định cuối cùng", final=True)
    l10 = accepted(alice, cb, received_on=D(2025, 12, 20), accepted_on=D(2025, 12, 22), summary="Khiếu nại tháng 12")
    services.resolve_letter(alice, l10, resolved_on=D(2026, 1, 5), outcome="c_right")

    l1 = accepted(alice, cb, received_on=D(2026, 1, 10), accepted_on=D(2026, 1, 12))
    services.resolve_letter(alice, l1, resolved_on=D(2026, 1, 20), outcome="c_partly")
    l2 = classify(alice, receive(alice, cb, received_on=D(2026, 1, 15), matter=l1.matter, name="Trần Thị Bình"))
    services.accept_letter(alice, l2, accepted_on=D(2026, 1, 16))
    l3 = accepted(alice, ql, received_on=D(2026, 2, 1), accepted_on=D(2026, 2, 2), kind=ContentKind.DENUNCIATION,
                  field=Field.POLICY, summary="Tố cáo cán bộ xã")
    services.resolve_letter(alice, l3, resolved_on=D(2026, 3, 30), outcome="d_true")
    l4 = classify(alice, receive(alice, ql, received_on=D(2026, 2, 10), kind=ContentKind.RECOMMENDATION,
                                 field=Field.OTHER, summary="Kiến nghị sửa đường"), within=False)
    services.forward_letter(alice, l4, forwarded_to="Sở Xây dựng", forwarded_on=D(2026, 2, 12))
    l5 = receive(alice, cb, received_on=D(2026, 3, 5), matter=l0.matter)
    assert l5.filed_reason == FiledReason.DUPLICATE
    l6 = classify(alice, receive(alice, cb, received_on=D(2026, 3, 10), field=Field.POLICY, summary="Đơn không ký"),
                  qualifying=False)
    services.file_letter(alice, l6, reason=FiledReason.NOT_QUALIFYING, filed_on=D(2026, 3, 11))
    receive(charlie, tree.board_hn, received_on=D(2026, 2, 1))
    receive(alice, cb, received_on=D(2026, 4, 2))
    l9 = receive(alice, cb, received_on=D(2026, 2, 20))
    audited.archive(l9, alice, reason="Nhập trùng")
    return tree


def direct(root, *, by="received_on", **conditions) -> Figure:
    start, end = Q1
    qs = Letter.objects.filter(archived_at__isnull=True, area__path__startswith=root.path,
                               **{f"{by}__gte": start, f"{by}__lte": end}, **conditions)
    return Figure(qs.count(), qs.values("matter").distinct().count())


def test_province_counts_match_the_hand_computed_register(register):
    figures = counts.letter_counts(register.cao_bang, *Q1)
    assert figures.received == Figure(6, 5)
    assert figures.qualifying == Figure(4, 3)
    assert figures.within_jurisdiction == Figure(3, 2)
    assert figures.accepted == Figure(3, 2)
    assert figures.resolved == Figure(3, 3)
    assert figures.resolved_on_time == Figure(2, 2)
    assert figures.forwarded == Figure(1, 1)
    assert figures.forward_replied == Figure(0, 0)
    assert figures.filed_duplicate == Figure(1, 1)
    # Form 02/XLD: L10 (received in December, open on 01/01) is carried over; L1–L3 arise in Q1. Resolved
    # over carried over + arising: 3/4, where resolved over received within jurisdiction read 3/3.
    assert figures.carried_over == Figure(1, 1)
    assert figures.arising == Figure(3, 2)
    assert figures.to_resolve == Figure(4, 3)
    assert figures.resolution_rate == Rate(3, 4)


def test_the_open_letter_is_carried_over_into_the_next_quarter(register):
    q2 = (D(2026, 4, 1), D(2026, 6, 30))
    figures = counts.letter_counts(register.cao_bang, *q2)
    # L2 (accepted 16/01, never resolved) is still to resolve; L8 (02/04) was never classified.
    assert figures.carried_over == Figure(1, 1) == counts.count_carried_over(register.cao_bang, *q2)
    assert figures.resolution_rate == Rate(0, 1) == counts.resolution_rate(register.cao_bang, *q2)


def test_no_resolution_rate_above_100_percent_on_any_window(register):
    """Every letter resolved in a period is one that had to be resolved in it."""
    for start in (D(2025, 11, 1), D(2025, 12, 1), D(2026, 1, 1), D(2026, 1, 15), D(2026, 2, 1), D(2026, 3, 1)):
        for days in (1, 10, 31, 92):
            end = start + dt.timedelta(days=days)
            for root in (register.cao_bang, register.quang_lam, register.nation):
                rate = counts.resolution_rate(root, start, end)
                assert rate.numerator <= rate.denominator, (root, start, end, rate)


def test_a_written_reply_on_a_forwarded_letter_is_counted(register, alice):
    l4 = Letter.objects.get(summary="Kiến nghị sửa đường")
    services.record_forward_reply(alice, l4, replied_on=D(2026, 3, 2), summary="Sở đã đưa vào kế hoạch sửa đường")
    assert counts.letter_counts(register.cao_bang, *Q1).forward_replied == Figure(1, 1)
    assert counts.count_forward_replied(register.quang_lam, *Q1) == direct(
        register.quang_lam, handling="forward", forward_reply_on__isnull=False) == Figure(1, 1)
    assert counts.count_forward_replied(register.hoa_an, *Q1) == Figure(0, 0)


def test_commune_subtree_counts_match_the_hand_computed_register(register):
    figures = counts.letter_counts(register.quang_lam, *Q1)
    assert (figures.received, figures.qualifying, figures.within_jurisdiction) == (Figure(2, 2), Figure(2, 2),
                                                                                    Figure(1, 1))
    assert (figures.accepted, figures.resolved, figures.resolved_on_time) == (Figure(1, 1), Figure(1, 1),
                                                                              Figure(0, 0))
    assert (figures.forwarded, figures.filed_duplicate, figures.resolution_rate) == (Figure(1, 1), Figure(0, 0),
                                                                                     Rate(1, 1))


def test_an_empty_subtree_has_zeros_and_no_rate(register):
    figures = counts.letter_counts(register.hoa_an, *Q1)
    assert figures.received == Figure(0, 0) and figures.resolution_rate == Rate(0, 0)


def test_every_count_agrees_with_a_direct_query(register):
    for root in (register.cao_bang, register.quang_lam, register.nation):
        figures = counts.letter_counts(root, *Q1)
        assert figures.received == direct(root)
        assert figures.qualifying == direct(root, qualifying=True)
        assert figures.within_jurisdiction == direct(root, qualifying=True, within_jurisdiction=True)
        assert figures.accepted == direct(root, accepted_on__isnull=False)
        assert figures.forwarded == direct(root, handling="forward")
        assert figures.forward_replied == direct(root, handling="forward", forward_reply_on__isnull=False)
        assert figures.filed_duplicate == direct(root, filed_reason__in=["duplicate", "final"])
        assert figures.resolved == direct(root, by="resolved_on", qualifying=True, within_jurisdiction=True)
        assert figures.arising == direct(root, qualifying=True, within_jurisdiction=True, handling="accept")
        # Carried over: within jurisdiction, received before 01/01, neither resolved nor closed before it.
        before = Letter.objects.filter(
            archived_at__isnull=True, area__path__startswith=root.path, qualifying=True, within_jurisdiction=True,
            received_on__lt=Q1[0]).exclude(handling__in=["forward", "guide", "file"])
        open_then = [letter for letter in before
                     if (letter.resolved_on is None or letter.resolved_on >= Q1[0])
                     and (letter.closed_on is None or letter.closed_on >= Q1[0] or letter.resolved_on)]
        assert figures.carried_over == Figure(len(open_then), len({letter.matter_id for letter in open_then}))
        on_time = [pk for pk, done, due in Letter.objects.filter(
            archived_at__isnull=True, area__path__startswith=root.path, resolved_on__range=Q1,
        ).values_list("pk", "resolved_on", "resolution_deadline") if due and done <= due]
        assert figures.resolved_on_time.letters == len(on_time)
        assert figures.resolution_rate == Rate(figures.resolved.letters, figures.to_resolve.letters)
        assert figures.to_resolve.letters == figures.carried_over.letters + figures.arising.letters


def test_the_nation_counts_the_other_province_too(register):
    assert counts.count_received(register.nation, *Q1) == Figure(7, 6)


def test_counts_by_content_kind_and_field(register):
    by_kind = counts.received_by_content_kind(register.cao_bang, *Q1)
    assert by_kind == {"complaint": Figure(4, 3), "denunciation": Figure(1, 1), "recommendation": Figure(1, 1),
                       "several": Figure(0, 0)}
    by_field = counts.received_by_field(register.cao_bang, *Q1)
    assert by_field["land"] == Figure(3, 2) and by_field["policy"] == Figure(2, 2) and by_field["other"] == Figure(1, 1)
    assert sum(f.letters for f in by_field.values()) == 6
    for kind, figure in by_kind.items():
        assert figure == direct(register.cao_bang, content_kind=kind)
    assert counts.letter_counts(register.cao_bang, *Q1, content_kind="complaint").received == Figure(4, 3)
    assert counts.letter_counts(register.cao_bang, *Q1, field="land").accepted == direct(
        register.cao_bang, field="land", accepted_on__isnull=False)


def test_group_letters(register, alice):
    receive(alice, register.board_cb, received_on=D(2026, 3, 1),
            new_petitioners=[{"full_name": f"Hộ dân {i}"} for i in range(6)])
    assert counts.count_group_letters(register.cao_bang, *Q1) == Figure(1, 1)
    assert counts.count_group_letters(register.cao_bang, *Q1) == direct(register.cao_bang, signer_count__gte=5)
