""""Xuất Excel" of the whole letter list of the province, through the real view as a province officer
(issue 13: target under 30 s for 100.000 letters). Baseline: the plain SQL reading the same columns of
the same letters. `same` opens the file and checks it holds one row per letter."""

from __future__ import annotations

import io

from bench.scenarios import scenario

LETTERS = ("danvan.letters.views", "danvan.core.exports")


def _all_letters_sql(ctx):
    return ctx.sql(
        "SELECT l.id, l.received_on, l.summary, l.content_kind, l.field, l.status, l.due_on, o.name "
        "FROM letters_letter l JOIN units_area a ON a.id = l.area_id "
        "JOIN units_organisation o ON o.id = l.organisation_id "
        "WHERE l.archived_at IS NULL AND a.path LIKE %s ORDER BY l.received_on DESC, l.id DESC",
        [ctx.root.path + "%"],
    )


def _one_row_per_letter(content: bytes, baseline: list) -> bool:
    from openpyxl import load_workbook

    sheet = load_workbook(io.BytesIO(content), read_only=True).active
    return sum(1 for _row in sheet.iter_rows(values_only=True)) == len(baseline) + 1  # + the header


@scenario("export: Xuất Excel toàn bộ đơn của tỉnh", requires=LETTERS, baseline=_all_letters_sql,
          baseline_name="SQL đọc mọi đơn của tỉnh", same=_one_row_per_letter, repeat=3)
def _(ctx):
    response = ctx.client.get("/don-thu/xuat-excel/")
    if response.status_code != 200:
        raise AssertionError(f"GET /don-thu/xuat-excel/ -> {response.status_code}")
    return b"".join(response.streaming_content)
