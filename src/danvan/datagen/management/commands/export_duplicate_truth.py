"""`danvan export_duplicate_truth -o FILE.jsonl`: letter id → duplicate chain id of generated letters."""

from __future__ import annotations

import sys

from django.core.management.base import BaseCommand

from danvan.datagen.truth import export_truth


class Command(BaseCommand):
    help = "Xuất nhãn chuỗi đơn trùng (letter_id, chain_id) của dữ liệu mẫu, mỗi dòng một đối tượng JSON."

    def add_arguments(self, parser):
        parser.add_argument("-o", "--output", default="-", help="Tệp đích (mặc định: đầu ra chuẩn).")

    def handle(self, *args, **options):
        if options["output"] == "-":
            n = export_truth(sys.stdout)
        else:
            with open(options["output"], "w", encoding="utf-8") as out:
                n = export_truth(out)
        self.stderr.write(f"{n} nhãn.")
