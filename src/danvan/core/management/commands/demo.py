"""`danvan demo`: migrate, load the real units, create the demo accounts and data, then serve."""

from typing import Any

from django.apps import apps
from django.core.management import call_command, get_commands
from django.core.management.base import BaseCommand, CommandParser
from django.db import transaction

from danvan.accounts.models import Role, User
from danvan.units.models import Organisation, OrganisationType
from danvan.units.services import load_administrative_units

DEMO_PASSWORD = "danvan-demo"
DEMO_PROVINCE = "04"  # Cao Bằng


class Command(BaseCommand):
    help = "Chuẩn bị cơ sở dữ liệu mẫu (SQLite) và chạy máy chủ thử nghiệm."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--serve", action="store_true", help="Chạy máy chủ sau khi chuẩn bị dữ liệu.")
        parser.add_argument("--port", default="8000")
        parser.add_argument("--no-data", action="store_true", help="Không sinh dữ liệu nghiệp vụ mẫu.")

    def handle(self, *args: Any, **options: Any) -> None:
        call_command("migrate", verbosity=0, interactive=False)
        result = load_administrative_units(history=True)
        self.stdout.write(f"Đơn vị: {result.provinces} tỉnh, thành phố; {result.communes} xã, phường, đặc khu; "
                          "cùng các đơn vị trước 01/7/2025.")
        accounts = self.create_accounts()
        if not options["no_data"] and "generate" in get_commands():
            call_command("generate", scale="demo", seed=2026, if_empty=True, stdout=self.stdout)
            self.fingerprint_generated_letters()
        url = f"http://127.0.0.1:{options['port']}/"
        self.stdout.write(self.style.SUCCESS(f"\nDân vận đang chạy tại {url}"))
        for username, description in accounts:
            self.stdout.write(f"  Đăng nhập: {username} / {DEMO_PASSWORD}   ({description})")
        if options["serve"]:
            call_command("runserver", f"127.0.0.1:{options['port']}", use_reloader=False)

    def fingerprint_generated_letters(self) -> None:
        """Generated letters are written in bulk, without the signals that fingerprint them (ADR 0010):
        index them now, once, so the first letter page does not do it while an officer waits."""
        if not (apps.is_installed("danvan.duplicates") and "reindex_duplicates" in get_commands()):
            return
        letters = apps.get_model("letters", "Letter").objects.count()
        if apps.get_model("duplicates", "LetterFingerprint").objects.count() < letters:
            call_command("reindex_duplicates", stdout=self.stdout)

    @transaction.atomic
    def create_accounts(self) -> list[tuple[str, str]]:
        central = Organisation.objects.get(type=OrganisationType.MOBILISATION_BOARD, area__level=0)
        board = Organisation.objects.get(
            type=OrganisationType.MOBILISATION_BOARD, area__code=DEMO_PROVINCE, area__level=1
        )
        specs = [
            ("demo", central, Role.HEAD, "Lãnh đạo, toàn quốc"),
            ("canbo", board, Role.OFFICER, f"Cán bộ, {board.area.name}"),
            ("lanhdao", board, Role.HEAD, f"Lãnh đạo, {board.area.name}"),
        ]
        for username, org, role, _description in specs:
            if not User.objects.filter(username=username).exists():
                user = User(username=username, organisation=org, role=role)
                user.set_password(DEMO_PASSWORD)
                user._change_reason = "demo"  # type: ignore[attr-defined]  # read by simple_history
                user.save()
        return [(username, description) for username, _o, _r, description in specs]
