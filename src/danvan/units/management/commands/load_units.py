import time

from django.core.management.base import BaseCommand

from danvan.units import legacy
from danvan.units.services import load_administrative_units


class Command(BaseCommand):
    help = "Nạp 34 tỉnh, thành phố và 3.321 xã, phường, đặc khu từ gói vietnam-provinces."

    def add_arguments(self, parser):
        parser.add_argument("--no-organisations", action="store_true", help="Không tạo các cơ quan chuẩn.")
        parser.add_argument(
            "--history", action="store_true",
            help="Nạp cả 63 tỉnh, các huyện và 10.040 xã trước 01/7/2025 cùng quan hệ kế thừa (gói vietnamadminunits).",
        )

    def handle(self, *args, **options):
        started = time.monotonic()
        result = load_administrative_units(with_organisations=not options["no_organisations"],
                                           history=options["history"])
        verb = "Đã nạp" if result.created else "Đã có sẵn"
        self.stdout.write(
            f"{verb} {result.provinces} tỉnh, thành phố; {result.communes} xã, phường, đặc khu; "
            f"{result.organisations} cơ quan, tổ chức."
        )
        if options["history"]:
            old = legacy.load_legacy_units()  # already loaded: only reads the counts
            self.stdout.write(
                f"Trước 01/7/2025: {old.provinces} tỉnh, thành phố; {old.districts} huyện, quận, thị xã, thành phố "
                f"thuộc tỉnh; {old.communes} xã, phường, thị trấn; {old.links} quan hệ kế thừa "
                f"({time.monotonic() - started:.1f} giây)."
            )
