"""`danvan restore FILE`: verify an archive of `danvan backup` and restore it into an empty database."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from danvan.ops.backup import BackupError, restore_backup


class Command(BaseCommand):
    help = ("Restore a backup archive: checks every checksum first, refuses a database that already holds "
            "accounts or records unless --force. Stop the application servers first.")

    def add_arguments(self, parser):
        parser.add_argument("archive", type=Path)
        parser.add_argument("--force", action="store_true", help="replace a database that already holds data")

    def handle(self, *args, archive: Path, force: bool, **options):
        try:
            manifest = restore_backup(archive, force=force)
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(f"restored {archive} (danvan {manifest['danvan_version']}, {manifest['created_at']}); "
                          "run `danvan migrate` if this danvan is newer than the backup")
