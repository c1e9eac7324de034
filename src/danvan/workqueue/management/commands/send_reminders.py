"""`danvan send_reminders [--date dd/mm/yyyy]`: e-mail each user's deadline digest, once per user and day.

Run daily from cron or the systemd timer deploy/systemd/danvan-reminders.timer (README, "Reminders").
"""

import datetime as dt

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from danvan.workqueue.reminders import send_reminders


class Command(BaseCommand):
    help = "Gửi thư nhắc hạn hằng ngày cho từng tài khoản (mỗi người một thư mỗi ngày)."

    def add_arguments(self, parser):
        parser.add_argument("--date", help="Ngày nhắc (dd/mm/yyyy); mặc định hôm nay")

    def handle(self, *args, date=None, **options):
        if date:
            try:
                day = dt.datetime.strptime(date, "%d/%m/%Y").date()
            except ValueError as exc:
                raise CommandError(f"--date: ngày không hợp lệ {date!r}, cần dạng dd/mm/yyyy") from exc
        else:
            day = timezone.localdate()
        summary = send_reminders(day)
        self.stdout.write(
            f"{day:%d/%m/%Y}: đã gửi {summary.sent}, không có việc {summary.empty}, đã gửi trước đó {summary.skipped}, "
            f"chưa có địa chỉ {summary.no_address}, lỗi {summary.failed}")
        if summary.failed:
            raise CommandError(f"{summary.failed} thư gửi lỗi; chạy lại để gửi lại")
