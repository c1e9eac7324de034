from django.core.management.base import BaseCommand

from danvan.units.services import load_administrative_units


class Command(BaseCommand):
    help = "Nạp 34 tỉnh, thành phố và 3.321 xã, phường, đặc khu từ gói vietnam-provinces."

    def add_arguments(self, parser):
        parser.add_argument("--no-organisations", action="store_true", help="Không tạo các cơ quan chuẩn.")

    def handle(self, *args, **options):
        result = load_administrative_units(with_organisations=not options["no_organisations"])
        verb = "Đã nạp" if result.created else "Đã có sẵn"
        self.stdout.write(
            f"{verb} {result.provinces} tỉnh, thành phố; {result.communes} xã, phường, đặc khu; "
            f"{result.organisations} cơ quan, tổ chức."
        )
