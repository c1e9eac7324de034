"""`danvan backup -o FILE`: the database, the attachments and a manifest in one archive (ADR 0016)."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from danvan.ops.backup import BackupError, create_backup


class Command(BaseCommand):
    help = "Back up the database and the attachments into one tar archive (.tar, or .tar.gz to compress)."

    def add_arguments(self, parser):
        parser.add_argument("-o", "--output", required=True, type=Path, help="archive to write")

    def handle(self, *args, output: Path, **options):
        try:
            manifest = create_backup(output)
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        files = sum(1 for member in manifest["members"] if member["name"].startswith("media/"))
        self.stdout.write(f"{output}: {manifest['vendor']} database and {files} attachment file(s), "
                          f"danvan {manifest['danvan_version']}, {manifest['created_at']}")
