"""`danvan read_report FILE [--unit CODE] [--period P] [--json]`: the figures a narrative report states.

Reads .docx or .txt. Without --json, one line per figure ("Số lượt tiếp công dân: 63 — «…63 lượt công dân…»")
and, after them, the numbers not understood ("chưa nhận dạng") with their sentence. With --json, one JSON
object per line: indicator, label, key, value (a number), approx, comparison, previous, sentence, text, rule;
then one object per number not understood, with "indicator": null. Nothing is written to the database.
"""

from __future__ import annotations

import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from danvan.reading.documents import DocumentError, extract_text, find_period, find_unit
from danvan.reading.grammar import value_text
from danvan.reading.vocabulary import reader
from danvan.reports.periods import PeriodError, parse_period
from danvan.units.models import Area


class Command(BaseCommand):
    help = "Đọc số liệu từ báo cáo bằng lời (Word .docx hoặc .txt)."

    def add_arguments(self, parser):
        parser.add_argument("file", help="Tệp báo cáo .docx hoặc .txt")
        parser.add_argument("--unit", help="Mã đơn vị (GSO), kể cả đơn vị trước sáp nhập; mặc định: đọc ở tiêu đề")
        parser.add_argument("--period", help="2025, 2025-Q1, 2025-H1, 2025-9M, 2025-03; mặc định: đọc ở tiêu đề")
        parser.add_argument("--json", action="store_true", help="Mỗi dòng một đối tượng JSON")

    def handle(self, *args, **options):
        path = Path(options["file"])
        if not path.is_file():
            raise CommandError(f"Không tìm thấy tệp {path}.")
        try:
            text = extract_text(path.name, path.read_bytes())
        except DocumentError as exc:
            raise CommandError(str(exc)) from exc
        if options.get("period"):
            try:
                period = parse_period(options["period"])
            except PeriodError as exc:
                raise CommandError(str(exc)) from exc
        else:
            period, _words = find_period(text)
        if options.get("unit"):
            units = Area.objects.filter(code=options["unit"]).order_by("-valid_from")
            if period is not None:
                # The unit that existed in the period: a report of 2019 is one of the units before 01/7/2025.
                units = units.current(period.end) or units
            unit = units.first() or Area.objects.filter(code=options["unit"]).first()
            if unit is None:
                raise CommandError(f"Không tìm thấy đơn vị có mã “{options['unit']}”.")
        else:
            unit, _words = find_unit(text, Area.objects.all())
        reading = reader().read(text)
        context = {"unit": unit.code if unit else None, "unit_name": unit.name if unit else None,
                   "period": period.code if period else None}
        if options["json"]:
            for figure in reading.figures:
                self.stdout.write(json.dumps({**figure.as_dict(), **context}, ensure_ascii=False))
            for unread in reading.unread:
                self.stdout.write(json.dumps({"indicator": None, "label": "chưa nhận dạng", "text": unread.text,
                                              "sentence": unread.sentence, **context}, ensure_ascii=False))
            return
        self.stdout.write(f"Đơn vị: {context['unit_name'] or 'chưa rõ'} · Kỳ: {period.label if period else 'chưa rõ'}")
        for figure in reading.figures:
            what = value_text(figure.value)
            if figure.comparison is not None:
                what = ("bằng cùng kỳ" if figure.comparison == 0
                        else f"{'tăng' if figure.comparison > 0 else 'giảm'} {what} so với cùng kỳ")
            elif figure.previous:
                what = f"cùng kỳ: {what}"
            approx = f"{figure.approx} " if figure.approx else ""
            self.stdout.write(f"{figure.label}: {approx}{what} — «{figure.sentence[figure.start:figure.end]}»")
        for unread in reading.unread:
            self.stdout.write(f"Chưa nhận dạng: «{unread.text}» trong câu: {unread.sentence}")
