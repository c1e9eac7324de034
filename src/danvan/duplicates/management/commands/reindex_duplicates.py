"""`danvan reindex_duplicates`: recompute the fingerprint of every letter (after a bulk load, an upgrade
of the features or of `duplicates/vocabulary.py`, or to compact the index); running processes reload their
index at their next query.

`danvan reindex_duplicates --statistics`: only a new snapshot of the corpus statistics that every score uses
(ADR 0009), for a schedule (e.g. nightly): fingerprints are kept, scores move only at this moment."""

from django.core.management.base import BaseCommand

from danvan.duplicates.index import current_index, refresh_statistics, reindex_all


class Command(BaseCommand):
    help = "Tính lại đặc trưng nhận diện đơn trùng của toàn bộ đơn thư."

    def add_arguments(self, parser):
        parser.add_argument("--statistics", action="store_true",
                            help="Chỉ chụp lại thống kê tần suất đặc trưng (không tính lại đặc trưng).")

    def handle(self, *args, **options):
        if options["statistics"]:
            refresh_statistics()
            stats = current_index().stats
            self.stdout.write(self.style.SUCCESS(
                f"Đã chụp thống kê mới cho {stats.letters} đơn, {stats.matters} vụ việc."))
            return

        def progress(n: int) -> None:
            if n % 100_000 < 2000:
                self.stdout.write(f"{n}…")

        count = reindex_all(progress=progress)
        self.stdout.write(self.style.SUCCESS(f"Đã lập chỉ mục đơn trùng cho {count} đơn."))
