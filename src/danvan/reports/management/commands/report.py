"""`danvan report --unit CODE --period 2025 [--format docx|xlsx] [--cutoff calendar|state] [--issue] -o FILE`.

A Word report is a draft (no number, marked "DỰ THẢO", nothing written to the register) unless `--issue`
is given: then the report is saved, numbered from the issuing body's register, dated and frozen, as a
head issues it in the browser. The cut-off defaults to NĐ 09/2019/NĐ-CP (the 14th) for a State issuer
(People's Committee) and to the calendar for a Party one. A period not over yet is reported up to today.
"""

from __future__ import annotations

from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from danvan.reports import services
from danvan.reports.documents import excel_report, word_document
from danvan.reports.models import ReportDocument
from danvan.reports.periods import Cutoff, PeriodError, parse_period, up_to
from danvan.reports.rollup import build_report
from danvan.units.models import Area, DocumentStyle, Organisation, OrganisationType

# Which office issues a report on a unit when --organisation is not given.
ISSUER_PREFERENCE = [OrganisationType.MOBILISATION_BOARD, OrganisationType.PARTY_COMMITTEE,
                     OrganisationType.PEOPLES_COMMITTEE]


class Command(BaseCommand):
    help = "Lập báo cáo (Word hoặc Excel) của một đơn vị cho một kỳ."

    def add_arguments(self, parser):
        parser.add_argument("--unit", help="Mã đơn vị hành chính (GSO), ví dụ 04 hoặc VN")
        parser.add_argument("--period",
                            help="2025, 2025-Q1, 2025-H1, 2025-9M, 2025-03 hoặc 01/01/2025-30/06/2025")
        parser.add_argument("--format", choices=["docx", "xlsx"], default="docx")
        parser.add_argument("--cutoff", choices=[c.value for c in Cutoff], default=None,
                            help="Mặc định: state (NĐ 09/2019/NĐ-CP) cho cơ quan nhà nước, calendar cho cơ quan Đảng")
        parser.add_argument("--organisation", type=int, help="Mã số (id) cơ quan ban hành báo cáo Word")
        parser.add_argument("--issue", action="store_true",
                            help="Ban hành: cấp số trong sổ văn bản, ghi ngày và lưu nguyên bản (mặc định: dự thảo)")
        parser.add_argument("--report", type=int, help="Mã số (id) dự thảo đã lập để ban hành (cùng --issue)")
        parser.add_argument("-o", "--output", required=True, help="Tệp kết quả")

    def handle(self, *args, **options):
        today = timezone.localdate()
        if options.get("report"):
            return self._issue_existing(options, today)
        # The unit is looked up before the period: the issuer's style decides the default cut-off.
        if not options.get("unit") or not options.get("period"):
            raise CommandError("Cần --unit và --period (hoặc --report để tải, ban hành một báo cáo đã lập).")
        unit = self._unit(options["unit"], today)
        try:
            organisation = self._issuer(unit, options.get("organisation"))
        except CommandError:
            if options["format"] != "xlsx":
                raise
            organisation = None
        state = organisation is not None and organisation.document_style == DocumentStyle.STATE
        cutoff = options["cutoff"] or (Cutoff.STATE if state else Cutoff.CALENDAR)
        try:
            period = up_to(parse_period(options["period"], cutoff), today)
        except PeriodError as exc:
            raise CommandError(str(exc)) from exc
        if options["format"] == "xlsx":
            generated = excel_report(build_report(unit, period))
        elif options["issue"]:
            draft = services.create_draft(None, organisation, report_area=unit, period=period)
            generated = self._issue(draft, today)
        else:
            generated = word_document(organisation, build_report(unit, period), today)
        Path(options["output"]).write_bytes(generated.content)
        self.stdout.write(f"{options['output']}: {unit.name}, {period.label}"
                          + (f" (đến ngày {period.end:%d/%m/%Y})" if period.to_date else "")
                          + (f", {generated.number}" if generated.number else ", dự thảo"))

    def _issue(self, draft: ReportDocument, today):
        try:
            issued = services.issue_report(None, draft, on=today)
        except ValidationError as exc:
            messages = "; ".join(m for ms in exc.message_dict.values() for m in ms)
            raise CommandError(f"Chưa ban hành được dự thảo số {draft.pk}: {messages}") from exc
        return services.draft_file(issued, today)

    def _issue_existing(self, options, today):
        draft = ReportDocument.objects.filter(pk=options["report"], archived_at__isnull=True).first()
        if draft is None:
            raise CommandError(f"Không tìm thấy báo cáo có mã số {options['report']}.")
        generated = self._issue(draft, today) if options["issue"] and draft.is_draft else services.draft_file(
            draft, today)
        Path(options["output"]).write_bytes(generated.content)
        self.stdout.write(f"{options['output']}: {generated.number or 'dự thảo'}")

    def _unit(self, code: str, today) -> Area:
        units = Area.objects.filter(code=code).current(today).order_by("-valid_from")
        unit = units.first() or Area.objects.filter(code=code).order_by("-valid_from").first()
        if unit is None:
            raise CommandError(f"Không tìm thấy đơn vị có mã “{code}”.")
        return unit

    def _issuer(self, unit: Area, organisation_id: int | None) -> Organisation:
        if organisation_id:
            organisation = Organisation.objects.filter(pk=organisation_id).first()
            if organisation is None:
                raise CommandError(f"Không tìm thấy cơ quan có mã số {organisation_id}.")
            return organisation
        for kind in ISSUER_PREFERENCE:
            organisation = Organisation.objects.filter(area=unit, type=kind, active=True).order_by("pk").first()
            if organisation is not None:
                return organisation
        organisation = Organisation.objects.filter(area=unit, active=True).order_by("pk").first()
        if organisation is None:
            raise CommandError(f"Đơn vị {unit.name} chưa có cơ quan nào để ban hành báo cáo; dùng --organisation.")
        return organisation
