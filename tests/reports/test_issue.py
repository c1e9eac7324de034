"""Draft → issue (issue 15): a draft takes no number; a head issues it, numbered from the body's register,
dated and frozen; re-downloading an issued report gives the same bytes; a correction is a new report."""

import datetime as dt
import io

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management import call_command
from docx import Document

from danvan.reports import services
from danvan.reports.models import DocumentSequence, IssuedDocument, ReportDocument, ReportSettings, ReportStatus
from danvan.reports.periods import parse_period
from tests.reports.conftest import D, letters_batch

TEXTS = {"strengths": "Công tác tiếp công dân được duy trì.", "limitations": "Một số xã báo cáo chậm.",
         "directions": "Nâng cao chất lượng tiếp công dân.", "recommendations": "Đề nghị tổ chức tập huấn."}
ON = D(2026, 1, 10)


def _texts(content: bytes) -> list[str]:
    return [p.text for p in Document(io.BytesIO(content)).paragraphs if p.text.strip()]


@pytest.fixture
def settings_cb(tree, alice):
    from danvan.core import services as audited

    return audited.create(ReportSettings, None, organisation=tree.board_cb, authority="tm",
                          authority_of="Ban Thường vụ", signer_title="Phó Trưởng ban", signer_name="Nông Thị Hoa",
                          recipients="Ban Dân vận Trung ương (b/c)\nThường trực Tỉnh ủy (b/c)")


@pytest.fixture
def draft(scenario, tree, alice, settings_cb):
    return services.create_draft(alice, tree.board_cb, report_area=scenario.province, period=parse_period("2025"))


def test_a_draft_takes_no_number_and_carries_the_bodys_signature(draft, tree):
    assert (draft.status, draft.signer_name, draft.authority) == (ReportStatus.DRAFT, "Nông Thị Hoa", "tm")
    for _ in range(2):
        generated = services.draft_file(draft, ON)
    texts = _texts(generated.content)
    assert texts[0] == "DỰ THẢO" and generated.number == ""
    assert not IssuedDocument.objects.exists() and not DocumentSequence.objects.exists()
    signature = Document(io.BytesIO(generated.content)).tables[1].rows[0].cells
    assert [p.text for p in signature[0].paragraphs] == [
        "Nơi nhận:", "- Ban Dân vận Trung ương (b/c);", "- Thường trực Tỉnh ủy (b/c);", "- Lưu: VT."]
    assert [p.text for p in signature[1].paragraphs if p.text] == ["T/M BAN THƯỜNG VỤ", "PHÓ TRƯỞNG BAN",
                                                                  "Nông Thị Hoa"]


def test_only_a_head_issues_and_only_a_complete_draft(draft, alice, hana):
    with pytest.raises(PermissionDenied):
        services.issue_report(alice, draft, on=ON)
    with pytest.raises(ValidationError) as error:
        services.issue_report(hana, draft, on=ON)
    assert "Ưu điểm" in str(error.value)
    assert not IssuedDocument.objects.exists()


def test_an_issued_report_is_numbered_dated_frozen_and_its_bytes_stable(draft, alice, hana, tree):
    services.save_draft(alice, draft, **TEXTS)
    issued = services.issue_report(hana, draft, on=ON)
    assert issued.status == ReportStatus.ISSUED and issued.issued.number_text == "Số 01-BC/BTGDVTU"
    first = services.draft_file(issued, ON)
    texts = _texts(first.content)
    assert "DỰ THẢO" not in texts and "Công tác tiếp công dân được duy trì." in texts
    assert first.filename == "bao-cao-so-1-04-2025.docx"
    # Later corrections of data do not change it: same bytes, and no figure moves.
    letters_batch(alice, tree.ubnd_hoa_an, D(2025, 6, 1), within=5, accepted=5, resolved=5)
    again = services.draft_file(ReportDocument.objects.get(pk=issued.pk), D(2026, 3, 1))
    assert again.content == first.content
    with pytest.raises(ValidationError):
        services.save_draft(alice, issued, strengths="Sửa sau khi ban hành")
    with pytest.raises(ValidationError):
        services.issue_report(hana, issued, on=ON)
    assert DocumentSequence.objects.get(organisation=tree.board_cb).last_number == 1

    # The next period's draft starts from these texts; a correction says what it replaces.
    following = services.create_draft(alice, tree.board_cb, report_area=tree.cao_bang, period=parse_period("2026-Q1"))
    assert following.strengths == TEXTS["strengths"]
    correction = services.create_draft(alice, tree.board_cb, report_area=issued.report_area,
                                       period=parse_period("2025"), replaces=issued)
    corrected = services.issue_report(hana, correction, on=D(2026, 1, 20))
    assert corrected.issued.number_text == "Số 02-BC/BTGDVTU"
    assert "Báo cáo này thay thế Báo cáo số 01-BC/BTGDVTU ngày 10/01/2026." in _texts(corrected.issued_file)


def test_document_numbers_restart_yearly_for_the_state_and_run_on_for_the_party(scenario, tree, hana):
    def issue(organisation, on):
        document = services.create_draft(None, organisation, report_area=scenario.province,
                                         period=parse_period("2025"))
        services.save_draft(None, document, signer_name="Lê Văn Nam", **TEXTS)
        return services.issue_report(None, document, on=on).issued.number_text

    assert [issue(tree.ubnd_cb, day) for day in (ON, D(2026, 5, 4), D(2027, 1, 5))] == [
        "Số: 01/BC-UBND", "Số: 02/BC-UBND", "Số: 01/BC-UBND"]
    # Per term (HD 36-HD/VPTW), not per year.
    assert [issue(tree.board_cb, day) for day in (ON, D(2027, 1, 5))] == ["Số 01-BC/BTGDVTU", "Số 02-BC/BTGDVTU"]


def test_the_cli_makes_drafts_unless_told_to_issue(scenario, tree, tmp_path, settings_cb):
    output = tmp_path / "bao-cao.docx"
    for _ in range(2):
        call_command("report", unit=scenario.province.code, period="2025", output=str(output),
                     organisation=tree.board_cb.pk)
    assert _texts(output.read_bytes())[0] == "DỰ THẢO"
    assert not IssuedDocument.objects.exists() and not ReportDocument.objects.exists()
    # --issue: the draft is saved; it cannot be issued before people write sections II–IV.
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="Chưa ban hành"):
        call_command("report", unit=scenario.province.code, period="2025", output=str(output),
                     organisation=tree.board_cb.pk, issue=True)
    draft = ReportDocument.objects.get()
    services.save_draft(None, draft, **TEXTS)
    call_command("report", report=draft.pk, output=str(output), issue=True)
    assert IssuedDocument.objects.get().number_text == "Số 01-BC/BTGDVTU"
    issued_bytes = output.read_bytes()
    call_command("report", report=draft.pk, output=str(output))
    assert output.read_bytes() == issued_bytes


def test_the_cli_defaults_to_the_state_cut_off_for_a_peoples_committee(scenario, tree, tmp_path, capsys):
    output = tmp_path / "ubnd.docx"
    call_command("report", unit=scenario.province.code, period="2025-Q3", output=str(output),
                 organisation=tree.ubnd_cb.pk)
    # NĐ 09/2019/NĐ-CP Điều 12: Q3 runs from 15/6 to 14/9.
    assert "(Số liệu từ ngày 15/06/2025 đến ngày 14/09/2025)" in _texts(output.read_bytes())
    call_command("report", unit=scenario.province.code, period="2025-Q3", output=str(output),
                 organisation=tree.board_cb.pk)
    assert "(Số liệu từ ngày 01/07/2025 đến ngày 30/09/2025)" in _texts(output.read_bytes())


def test_an_unfinished_period_is_reported_to_date_and_compared_like_for_like(scenario, tree, alice, monkeypatch):
    """A 2025 report made on 30/11/2025 covers 01/01–30/11 and compares with 01/01–30/11/2024."""
    from danvan.reports.documents import word_document
    from danvan.reports.periods import same_period_last_year, up_to
    from danvan.reports.rollup import build_report

    period = up_to(parse_period("2025"), D(2025, 11, 30))
    assert (period.start, period.end, period.to_date) == (D(2025, 1, 1), D(2025, 11, 30), True)
    previous = same_period_last_year(period)
    assert (previous.start, previous.end) == (D(2024, 1, 1), D(2024, 11, 30))
    report = build_report(scenario.province, period, as_of=D(2025, 11, 30))
    assert report.previous_period == previous
    texts = _texts(word_document(tree.board_cb, report, D(2025, 11, 30)).content)
    assert ("(Số liệu từ ngày 01/01/2025 đến ngày 30/11/2025, so sánh với cùng kỳ từ ngày 01/01/2024 đến ngày "
            "30/11/2024)") in texts
    assert any(t.startswith("Từ ngày 01/01/2025 đến ngày 30/11/2025, đã tiếp") for t in texts)
    assert not any("31/12/2025" in t for t in texts)
    # The draft remembers the day its data stop.
    draft = services.create_draft(alice, tree.board_cb, report_area=scenario.province, period=period)
    assert draft.data_until == D(2025, 11, 30) and services.document_period(draft) == period
    assert dt.date(2025, 12, 31) == period.full_end


def test_a_body_without_settings_keeps_its_last_reports_signature(scenario, tree, alice):
    first = services.create_draft(alice, tree.ubnd_cb, report_area=scenario.province, period=parse_period("2025"))
    assert first.signer_name == ""
    services.save_draft(alice, first, authority="kt", authority_of="Chủ tịch", signer_title="Phó Chủ tịch",
                        signer_name="Lê Văn Nam", recipients="Thanh tra Chính phủ (b/c)", **TEXTS)
    following = services.create_draft(alice, tree.ubnd_cb, report_area=scenario.province,
                                      period=parse_period("2026-Q1"))
    assert (following.authority, following.signer_name, following.recipients, following.directions) == (
        "kt", "Lê Văn Nam", "Thanh tra Chính phủ (b/c)", TEXTS["directions"])
