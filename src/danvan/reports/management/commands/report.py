"""`danvan report --unit CODE --period 2025 [--format docx|xlsx] [--cutoff calendar|state] -o FILE`."""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from danvan.reports.documents import excel_report, word_report
from danvan.reports.periods import Cutoff, PeriodError, parse_period
from danvan.reports.rollup import build_report
from danvan.units.models import Area, Organisation, OrganisationType

# Which office issues a report on a unit when --organisation is not given.
ISSUER_PREFERENCE = [OrganisationType.MOBILISATION_BOARD, OrganisationType.PARTY_COMMITTEE,
                     OrganisationType.PEOPLES_COMMITTEE]


class Command(BaseCommand):
    help = "Lập báo cáo (Word hoặc Excel) của một đơn vị cho một kỳ."

    def add_arguments(self, parser):
        parser.add_argument("--unit", required=True, help="Mã đơn vị hành chính (GSO), ví dụ 04 hoặc VN")
        parser.add_argument("--period", required=True,
                            help="2025, 2025-Q1, 2025-H1, 2025-9M, 2025-03 hoặc 01/01/2025-30/06/2025")
        parser.add_argument("--format", choices=["docx", "xlsx"], default="docx")
        parser.add_argument("--cutoff", choices=[c.value for c in Cutoff], default=Cutoff.CALENDAR.value)
        parser.add_argument("--organisation", type=int, help="Mã số (id) cơ quan ban hành báo cáo Word")
        parser.add_argument("-o", "--output", required=True, help="Tệp kết quả")

    def handle(self, *args, **options):
        try:
            period = parse_period(options["period"], options["cutoff"])
        except PeriodError as exc:
            raise CommandError(str(exc)) from exc
        today = timezone.localdate()
        units = Area.objects.filter(code=options["unit"]).current(min(period.end, today)).order_by("-valid_from")
        unit = units.first() or Area.objects.filter(code=options["unit"]).order_by("-valid_from").first()
        if unit is None:
            raise CommandError(f"Không tìm thấy đơn vị có mã “{options['unit']}”.")
        report = build_report(unit, period)
        if options["format"] == "xlsx":
            generated = excel_report(report)
        else:
            organisation = self._issuer(unit, options.get("organisation"))
            generated = word_report(None, organisation, report, today)
        Path(options["output"]).write_bytes(generated.content)
        self.stdout.write(f"{options['output']}: {report.root.name}, {report.period.label}"
                          + (f", {generated.number}" if generated.number else ""))

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
