"""`danvan backup -o FILE`: the database, the attachments and a manifest in one archive (ADR 0016)."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from danvan.ops.backup import BackupError, create_backup


class Command(BaseCommand):
    help = "Sao lưu cơ sở dữ liệu và tệp đính kèm vào một tệp tar (.tar, hoặc .tar.gz để nén)."

    def add_arguments(self, parser):
        parser.add_argument("-o", "--output", required=True, type=Path, help="tệp sao lưu sẽ ghi")

    def handle(self, *args, output: Path, **options):
        try:
            manifest = create_backup(output)
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        files = sum(1 for member in manifest["members"] if member["name"].startswith("media/"))
        self.stdout.write(f"{output}: cơ sở dữ liệu {manifest['vendor']} và {files} tệp đính kèm, "
                          f"danvan {manifest['danvan_version']}, {manifest['created_at']}")
