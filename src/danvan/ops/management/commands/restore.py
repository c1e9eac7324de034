"""`danvan restore FILE`: verify an archive of `danvan backup` and restore it into an empty database."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from danvan.ops.backup import BackupError, restore_backup


class Command(BaseCommand):
    help = ("Khôi phục một bản sao lưu: kiểm tra mọi mã SHA-256 trước, từ chối cơ sở dữ liệu đã có tài khoản hoặc "
            "hồ sơ trừ khi có --force. Dừng máy chủ ứng dụng trước khi khôi phục.")

    def add_arguments(self, parser):
        parser.add_argument("archive", type=Path)
        parser.add_argument("--force", action="store_true", help="thay thế cơ sở dữ liệu đã có dữ liệu")

    def handle(self, *args, archive: Path, force: bool, **options):
        try:
            manifest = restore_backup(archive, force=force)
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(f"đã khôi phục {archive} (danvan {manifest['danvan_version']}, {manifest['created_at']}); "
                          "chạy `danvan migrate` nếu danvan này mới hơn bản sao lưu")
