"""Report generation (issue 6): the annual report of the busiest province and of the whole country,
every indicator of the catalogue rolled up per subordinate unit, this year and the same period last
year; and the Word and Excel documents of the province.

Baseline: one plain SQL `GROUP BY` scan of the same rows on the same database: the letters and the
visits of the subtree, for both years, grouped by subordinate unit (the path prefix one level down)
with the report's letter figures as `SUM(CASE …)` in the same pass. Targets (issue 6): province under
0,5 s, country under 3 s on PostgreSQL, within 2× the scan. A second baseline replays the report's own
statements as plain SQL (`_own_queries`): the report's overhead over the database work it needs.
"""

from __future__ import annotations

import datetime as dt

from bench.scenarios import scenario

REQUIRES = ("danvan.reports.rollup", "danvan.letters.counts", "danvan.reception.counts")
PATH_SEGMENT = 8


def _period(ctx):
    from danvan.reports.periods import date_range

    return date_range(ctx.start, ctx.end)


def _nation(ctx):
    from danvan.units.models import Area

    return Area.objects.get(pk=int(ctx.root.path.split("/")[0]))


def _scan(ctx, root) -> dict:
    """Per child prefix and year: letters received/qualifying/within/accepted/forwarded, resolved, visits."""
    depth = len(root.path) + PATH_SEGMENT
    previous = (dt.date(ctx.start.year - 1, ctx.start.month, ctx.start.day),
                dt.date(ctx.end.year - 1, ctx.end.month, ctx.end.day))
    result = {}
    for label, (start, end) in (("now", (ctx.start, ctx.end)), ("before", previous)):
        letters = ctx.sql(
            "SELECT substr(a.path, 1, %s), COUNT(*), SUM(CASE WHEN l.qualifying THEN 1 ELSE 0 END), "
            "SUM(CASE WHEN l.qualifying AND l.within_jurisdiction THEN 1 ELSE 0 END), "
            "SUM(CASE WHEN l.accepted_on IS NOT NULL THEN 1 ELSE 0 END), "
            "SUM(CASE WHEN l.handling = 'forward' THEN 1 ELSE 0 END), "
            "SUM(CASE WHEN l.resolved_on BETWEEN %s AND %s THEN 1 ELSE 0 END), COUNT(DISTINCT l.matter_id) "
            "FROM letters_letter l JOIN units_area a ON a.id = l.area_id "
            "WHERE l.archived_at IS NULL AND a.path LIKE %s AND l.received_on BETWEEN %s AND %s GROUP BY 1",
            [depth, start, end, root.path + "%", start, end])
        visits = ctx.sql(
            "SELECT substr(a.path, 1, %s), COUNT(*), SUM(v.persons), COUNT(DISTINCT v.matter_id) "
            "FROM reception_visit v JOIN reception_receptionsession s ON s.id = v.session_id "
            "JOIN units_area a ON a.id = v.area_id WHERE v.archived_at IS NULL AND s.archived_at IS NULL "
            "AND v.date BETWEEN %s AND %s AND a.path LIKE %s GROUP BY 1",
            [depth, start, end, root.path + "%"])
        result[label] = (letters, visits)
    return result


_CAPTURED: dict[tuple, list[tuple[str, tuple]]] = {}


def _own_queries(ctx, root) -> int:
    """The report's own statements (its GROUP BYs, as the ORM wrote them), captured from one build and run again
    as plain SQL: what the database does for the report. Against it, the ratio is the report's own overhead
    (Python, the ORM); against `_scan`, the cost of every figure beyond letters and visits as well."""
    from django.db import connection

    from danvan.reports.rollup import build_report

    key = (connection.vendor, root.pk, ctx.start, ctx.end, ctx.today)
    if key not in _CAPTURED:
        captured: list[tuple[str, tuple]] = []

        def capture(execute, sql, params, many, context):
            captured.append((sql, params))
            return execute(sql, params, many, context)

        with connection.execute_wrapper(capture):
            build_report(root, _period(ctx), as_of=ctx.today)
        _CAPTURED[key] = captured
    rows = 0
    with connection.cursor() as cursor:
        for sql, params in _CAPTURED[key]:
            cursor.execute(sql, params)
            rows += len(cursor.fetchall())
    return rows


def _letters_received(report) -> int:
    return report.total.current["DT_NHAN"].value


def _same_total(report, scan) -> bool:
    return _letters_received(report) == sum(row[1] for row in scan["now"][0])


@scenario("report: báo cáo năm của tỉnh (mọi chỉ tiêu, theo xã, so cùng kỳ)", requires=REQUIRES,
          baseline=lambda ctx: _scan(ctx, ctx.root), baseline_name="SQL GROUP BY xã (đơn + lượt, 2 năm)",
          same=_same_total, repeat=5)
def _(ctx):
    from danvan.reports.rollup import build_report

    return build_report(ctx.root, _period(ctx), as_of=ctx.today)


@scenario("report: báo cáo năm của tỉnh, so với chính các truy vấn của nó", requires=REQUIRES,
          baseline=lambda ctx: _own_queries(ctx, ctx.root), baseline_name="các truy vấn GROUP BY của báo cáo, chạy lại",
          repeat=5)
def _(ctx):
    from danvan.reports.rollup import build_report

    return build_report(ctx.root, _period(ctx), as_of=ctx.today)


@scenario("report: báo cáo năm toàn quốc (theo tỉnh, so cùng kỳ)", requires=REQUIRES,
          baseline=lambda ctx: _scan(ctx, _nation(ctx)), baseline_name="SQL GROUP BY tỉnh (đơn + lượt, 2 năm)",
          same=_same_total, repeat=3)
def _(ctx):
    from danvan.reports.rollup import build_report

    return build_report(_nation(ctx), _period(ctx), as_of=ctx.today)


@scenario("report: tệp Word báo cáo năm của tỉnh (số liệu + .docx)", requires=REQUIRES,
          baseline=lambda ctx: _scan(ctx, ctx.root), baseline_name="SQL GROUP BY xã (đơn + lượt, 2 năm)", repeat=3)
def _(ctx):
    from danvan.reports.documents import word_document
    from danvan.reports.rollup import build_report

    # As a viewer downloads it: an unnumbered draft, so the run leaves nothing in the register.
    return len(word_document(ctx.user.organisation, build_report(ctx.root, _period(ctx), as_of=ctx.today),
                             ctx.today).content)


@scenario("report: tệp Excel báo cáo năm của tỉnh (số liệu + .xlsx)", requires=REQUIRES,
          baseline=lambda ctx: _scan(ctx, ctx.root), baseline_name="SQL GROUP BY xã (đơn + lượt, 2 năm)", repeat=3)
def _(ctx):
    from danvan.reports.documents import excel_report
    from danvan.reports.rollup import build_report

    return len(excel_report(build_report(ctx.root, _period(ctx), as_of=ctx.today)).content)
