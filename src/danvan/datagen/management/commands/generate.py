"""`danvan generate --scale demo|province|national --seed N --years Y [--province CODE] [--if-empty | --add]`.

One run is one transaction (all or nothing) and refuses to add to a database that already has data."""

from __future__ import annotations

import datetime as dt
import sys

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from danvan.core.formatting import vn_number
from danvan.datagen.generator import SCALES, Generator, is_empty
from danvan.datagen.truth import export_truth


class Command(BaseCommand):
    help = "Sinh dữ liệu mẫu có tính quyết định (cùng seed → cùng dữ liệu) trên các đơn vị hành chính thật."

    def add_arguments(self, parser):
        parser.add_argument("--scale", choices=sorted(SCALES), default="demo")
        parser.add_argument("--seed", type=int, default=2026)
        parser.add_argument("--years", type=int, default=None, help="Số năm dữ liệu (mặc định theo quy mô).")
        parser.add_argument("--province", default="04", help="Mã tỉnh cho quy mô demo/province (mặc định 04 Cao Bằng).")
        parser.add_argument("--until", type=dt.date.fromisoformat, default=None,
                            help="Ngày cuối của dữ liệu (YYYY-MM-DD; mặc định hôm nay).")
        parser.add_argument("--if-empty", action="store_true", help="Không làm gì nếu đã có dữ liệu.")
        parser.add_argument("--add", action="store_true",
                            help="Sinh thêm vào cơ sở dữ liệu đã có dữ liệu (mặc định: từ chối, để không nhân đôi).")
        parser.add_argument("--history", choices=("auto", "rows", "run"), default="auto",
                            help="rows: một dòng lịch sử cho mỗi bản ghi; run: một bản ghi kiểm toán cho cả lần sinh "
                                 "(ADR 0010). auto: rows, trừ quy mô national.")
        parser.add_argument("--letters", type=int, default=None, help="Số đơn (ghi đè quy mô).")
        parser.add_argument("--visits", type=int, default=None, help="Số lượt tiếp (ghi đè quy mô).")
        parser.add_argument("--hot-spots", type=int, default=0,
                            help="Số điểm nóng cài sẵn (đông người, vượt cấp, gia tăng) để kiểm tra cảnh báo sớm.")
        parser.add_argument("--truth", default=None, help="Ghi nhãn chuỗi đơn trùng ra tệp JSONL.")
        parser.add_argument("--no-progress", action="store_true")

    def handle(self, *args, **options):
        if not is_empty():
            if options["if_empty"]:
                self.stdout.write("Đã có dữ liệu; bỏ qua (--if-empty).")
                return
            if not options["add"]:
                # A second run would add a second set of letters, visits and citizens beside the first.
                raise CommandError("Cơ sở dữ liệu đã có dữ liệu (đơn thư, lượt tiếp hoặc một lần sinh trước): "
                                   "không sinh thêm để tránh nhân đôi dữ liệu. Dùng --if-empty để bỏ qua khi đã có "
                                   "dữ liệu, hoặc --add nếu thật sự muốn sinh thêm.")
        scale = SCALES[options["scale"]]
        history = options["history"]
        if history == "auto":
            history = "run" if scale.name == "national" else "rows"
        show = not options["no_progress"]

        def progress(total, desc):
            return tqdm(total=total, desc=desc, unit=" bản ghi", file=sys.stderr, disable=not show, mininterval=1)

        generator = Generator(
            scale=scale, seed=options["seed"], years=options["years"], until=options["until"],
            province_code=options["province"], history=history == "rows", progress=progress,
            letters=options["letters"], visits=options["visits"], command=" ".join(sys.argv),
            hot_spots=options["hot_spots"],
        )
        try:
            summary = generator.run()
        except ValueError as exc:
            raise CommandError(str(exc)) from exc
        total = sum(summary.counts.values())
        self.stdout.write(f"Đã sinh {vn_number(total)} bản ghi trong {vn_number(summary.seconds, 1)} giây "
                          f"(quy mô {scale.name}, seed {options['seed']}, lịch sử: {history}).")
        for label, count in sorted(summary.counts.items()):
            self.stdout.write(f"  {label}: {vn_number(count)}")
        for skipped in summary.skipped:
            self.stdout.write(self.style.WARNING(f"  Bỏ qua {skipped}"))
        if options["truth"]:
            with open(options["truth"], "w", encoding="utf-8") as out:
                n = export_truth(out)
            self.stdout.write(f"Đã ghi {vn_number(n)} nhãn chuỗi đơn trùng vào {options['truth']}.")
