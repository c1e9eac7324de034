"""`danvan reindex_duplicates`: recompute the fingerprint of every letter (after a bulk load, an upgrade
of the features, or to compact the index); running processes reload their index at their next query."""

from django.core.management.base import BaseCommand

from danvan.duplicates.index import reindex_all


class Command(BaseCommand):
    help = "Tính lại đặc trưng nhận diện đơn trùng của toàn bộ đơn thư."

    def handle(self, *args, **options):
        def progress(n: int) -> None:
            if n % 100_000 < 2000:
                self.stdout.write(f"{n}…")

        count = reindex_all(progress=progress)
        self.stdout.write(self.style.SUCCESS(f"Đã lập chỉ mục đơn trùng cho {count} đơn."))
