"""Ground truth of duplicate chains as JSON lines: one object per generated letter."""

from __future__ import annotations

import json
from typing import IO

from .models import GeneratedLabel


def export_truth(out: IO[str]) -> int:
    count = 0
    rows = GeneratedLabel.objects.order_by("letter_id").values_list(
        "letter_id", "chain_id", "position", "variant", "template_key")
    for letter_id, chain_id, position, variant, template_key in rows.iterator(chunk_size=10_000):
        out.write(json.dumps({"letter_id": letter_id, "chain_id": chain_id, "position": position,
                              "variant": variant, "template": template_key}, ensure_ascii=False) + "\n")
        count += 1
    return count
