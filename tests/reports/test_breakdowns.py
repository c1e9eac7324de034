"""The breakdowns the report writes out (issue 15): the resolution rate by matter with its carried-over and
arising parts, letters by content kind and field with their matters, outcomes, group letters, replies to
forwarded letters, and reception as "lượt/người" — each figure checked against a direct query."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db.models import Q

from danvan.core.choices import ContentKind, Field
from danvan.letters import services as letters
from danvan.letters.models import Handling, Letter
from danvan.reports import narrative
from danvan.reports.documents import word_document
from danvan.reports.periods import parse_period
from danvan.reports.rollup import build_report
from tests.reports.conftest import enter, visits

D = dt.date


def _letter(actor, organisation, day, kind, field, *, matter=None, signers=1, n=0):
    letter = letters.receive_letter(
        actor, organisation, received_on=day, summary=f"Đơn {kind} {n}", content_kind=kind, field=field,
        matter=matter, new_petitioners=[{"full_name": f"Người ký {kind}-{day}-{n}-{k}"} for k in range(signers)])
    return letters.classify_letter(actor, letter, content_kind=kind, field=field, qualifying=True,
                                   within_jurisdiction=kind != ContentKind.RECOMMENDATION)


def _resolve(actor, letter, day, outcome):
    letter = letters.accept_letter(actor, letter, accepted_on=letter.received_on)
    return letters.resolve_letter(actor, letter, resolved_on=day, outcome=outcome)


@pytest.fixture
def hoa_an(tree, alice):
    """Xã Hòa An, 2025: one complaint matter written three times (land), resolved right; two denunciations
    (policy), one resolved false; a recommendation (environment) forwarded and answered; a group letter of six
    signers (land); one complaint of 2024 still open on 01/01/2025, resolved partly right in February."""
    body = tree.ubnd_hoa_an
    old = _letter(alice, body, D(2024, 11, 4), ContentKind.COMPLAINT, Field.LAND_HOUSING, n=9)
    _resolve(alice, old, D(2025, 2, 3), "c_partly")
    first = _letter(alice, body, D(2025, 3, 2), ContentKind.COMPLAINT, Field.LAND_HOUSING, n=1)
    again = [_letter(alice, body, D(2025, 3, 9 + k), ContentKind.COMPLAINT, Field.LAND_HOUSING, matter=first.matter,
                     n=2 + k) for k in range(2)]
    for letter in (first, *again):
        _resolve(alice, letter, D(2025, 4, 20), "c_right")
    false = _letter(alice, body, D(2025, 5, 5), ContentKind.DENUNCIATION, Field.POLICY, n=1)
    _resolve(alice, false, D(2025, 6, 30), "d_false")
    _letter(alice, body, D(2025, 5, 6), ContentKind.DENUNCIATION, Field.POLICY, n=2)
    forwarded = _letter(alice, body, D(2025, 6, 1), ContentKind.RECOMMENDATION, Field.ENVIRONMENT, n=1)
    forwarded = letters.forward_letter(alice, forwarded, forwarded_to="Sở Nông nghiệp và Môi trường",
                                       forwarded_on=D(2025, 6, 3))
    letters.record_forward_reply(alice, forwarded, replied_on=D(2025, 7, 1), summary="Đã kiểm tra, trả lời công dân")
    _letter(alice, body, D(2025, 8, 8), ContentKind.COMPLAINT, Field.LAND_HOUSING, signers=6, n=5)
    visits(alice, body, D(2025, 9, 9), [1, 1, 7])
    return tree.hoa_an


def _direct(area, q: Q) -> tuple[int, int]:
    """(letters, matters) by a direct query on the letters of `area`."""
    found = Letter.objects.filter(q, area=area, archived_at__isnull=True)
    return found.count(), found.values("matter").distinct().count()


def test_the_letters_are_written_by_matter_content_field_and_outcome(hoa_an):
    report = build_report(hoa_an, parse_period("2025"), as_of=D(2026, 1, 10))
    text = dict(narrative.sections(report))
    letters_text, breakdowns = text["Công tác tiếp nhận, xử lý đơn thư"]

    year = Q(received_on__year=2025)
    assert _direct(hoa_an, year) == (7, 5)
    assert _direct(hoa_an, year & Q(content_kind=ContentKind.COMPLAINT)) == (4, 2)
    assert _direct(hoa_an, year & Q(content_kind=ContentKind.DENUNCIATION)) == (2, 2)
    within = Q(qualifying=True, within_jurisdiction=True) & ~Q(handling__in=(Handling.FORWARD, Handling.GUIDE,
                                                                              Handling.FILE))
    resolved = within & Q(resolved_on__year=2025)
    carried = within & Q(received_on__lt=D(2025, 1, 1)) & (Q(resolved_on__isnull=True) | Q(resolved_on__year=2025))
    assert _direct(hoa_an, resolved) == (5, 3)
    assert _direct(hoa_an, carried) == (1, 1)
    assert _direct(hoa_an, within & year) == (6, 4)
    assert letters_text.startswith(
        "Đã tiếp nhận 7 đơn (5 vụ việc), tăng 6 đơn (4 vụ việc) so với cùng kỳ, gồm 4 đơn khiếu nại (2 vụ việc); "
        "2 đơn tố cáo (2 vụ việc); 1 đơn kiến nghị, phản ánh (1 vụ việc). Có 7 đơn đủ điều kiện xử lý, trong đó "
        "6 đơn thuộc thẩm quyền; đã thụ lý 4 đơn; đã chuyển 1 đơn đến cơ quan có thẩm quyền (1 đơn đã có văn bản "
        "trả lời).")
    # Form 02/XLD by matter: 3 of the 5 matters that had to be resolved (1 carried over, 4 arising), then by letter.
    assert ("Đã giải quyết 3/5 vụ việc thuộc thẩm quyền (gồm 1 vụ việc kỳ trước chuyển sang, 4 vụ việc phát sinh "
            "trong kỳ), đạt 60%; tính theo đơn, đã giải quyết 5/7 đơn, đạt 71,4%") in letters_text
    assert breakdowns == (
        "Phân theo lĩnh vực: 4 đơn về đất đai, nhà ở; 2 đơn về chế độ, chính sách; 1 đơn về môi trường. "
        "Có 1 đơn đông người ký, tăng 1 đơn so với cùng kỳ. "
        "Qua giải quyết có 1 vụ việc khiếu nại đúng; 1 vụ việc khiếu nại có đúng, có sai; 1 vụ việc tố cáo sai.")
    assert text["Công tác tiếp công dân"] == [
        "Năm 2025, đã tiếp 3 lượt/9 người (3 vụ việc), tăng 3 lượt (3 vụ việc) so với cùng kỳ; có 1 đoàn đông người, "
        "tăng 1 đoàn so với cùng kỳ."]


def test_the_word_document_carries_the_breakdowns(hoa_an, tree):
    import io

    from docx import Document

    report = build_report(hoa_an, parse_period("2025"), as_of=D(2026, 1, 10))
    body = "\n".join(p.text for p in Document(io.BytesIO(word_document(tree.ubnd_hoa_an, report,
                                                                         D(2026, 1, 10)).content)).paragraphs)
    assert "3/5 vụ việc thuộc thẩm quyền" in body and "Phân theo lĩnh vực: 4 đơn về đất đai, nhà ở" in body


def test_letters_entered_as_aggregates_are_written_by_letter_without_breakdowns(hoa_an, tree, alice):
    """A unit that keeps no detailed records enters letters by number only: no breakdown that does not add up."""
    enter(alice, tree.ubnd_hoa_an, "DT_NHAN", D(2025, 1, 1), D(2025, 12, 31), 4)
    report = build_report(hoa_an, parse_period("2025"), as_of=D(2026, 1, 10))
    paragraphs = dict(narrative.sections(report))["Công tác tiếp nhận, xử lý đơn thư"]
    assert len(paragraphs) == 1 and paragraphs[0].startswith("Đã tiếp nhận 11 đơn, tăng 10 đơn so với cùng kỳ; có")
    assert "Đã giải quyết 5/7 đơn thuộc thẩm quyền (gồm 1 đơn kỳ trước chuyển sang, 6 đơn phát sinh" in paragraphs[0]
