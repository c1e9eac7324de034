"""`danvan compute_alerts`: the nightly early-warning job (deploy/systemd/danvan-alerts.timer, ADR 0023).

Incremental: the rules that follow a matter look only at the matters whose letters or visits changed since the
last finished run; the others read their window in full. Idempotent: an alert is stored once per key, so running
twice changes nothing."""

import time

from django.core.management.base import BaseCommand, CommandError

from danvan.core.forms import DATE_INPUT_FORMATS
from danvan.hotspots.services import compute_alerts


def _date(text: str):
    import datetime as dt

    for fmt in DATE_INPUT_FORMATS:
        try:
            return dt.datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    raise CommandError(f"Ngày không hợp lệ: {text!r} (dd/mm/yyyy).")


class Command(BaseCommand):
    help = "Tính các cảnh báo sớm (vụ việc lặp lại, vượt cấp, đông người, gia tăng bất thường, quá hạn)."

    def add_arguments(self, parser):
        parser.add_argument("--on", help="Ngày tính (dd/mm/yyyy); mặc định hôm nay.")
        parser.add_argument("--full", action="store_true", help="Tính lại toàn bộ thay vì chỉ hồ sơ mới.")

    def handle(self, *args, on=None, full=False, **options):
        started = time.monotonic()
        run = compute_alerts(_date(on) if on else None, full=full)
        seconds = time.monotonic() - started
        mode = "toàn bộ" if run.full else "hồ sơ mới"
        self.stdout.write(self.style.SUCCESS(
            f"Đã tính cảnh báo ({mode}) ngày {run.computed_on:%d/%m/%Y}: {run.created} cảnh báo mới, "
            f"{run.updated} cập nhật, {seconds:.1f} giây."))
