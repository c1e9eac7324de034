"""Each count function of reception, letters and mobilisation, against a plain-SQL baseline computing
the same figure in the same run (and checked equal)."""

from __future__ import annotations

from bench.scenarios import scenario

EQ = lambda a, b: a == b  # noqa: E731

LETTER_BASE = ("FROM letters_letter l JOIN units_area a ON a.id = l.area_id WHERE l.archived_at IS NULL "
               "AND a.path LIKE %s")


def _letter_figure(ctx, where: str, date_column: str = "received_on", params=()):
    row = ctx.sql(f"SELECT COUNT(*), COUNT(DISTINCT l.matter_id) {LETTER_BASE} AND l.{date_column} BETWEEN %s AND %s "
                  f"{where}", [ctx.root.path + "%", ctx.start, ctx.end, *params])[0]
    return (row[0], row[1])


def _figure(f):
    return (f.letters, f.matters)


L = ("danvan.letters.counts",)


@scenario("count: letters.count_received", requires=L, baseline=lambda c: _letter_figure(c, ""),
          baseline_name="SQL COUNT, COUNT DISTINCT", same=EQ)
def _(ctx):
    from danvan.letters.counts import count_received

    return _figure(count_received(ctx.root, ctx.start, ctx.end))


@scenario("count: letters.count_within_jurisdiction", requires=L,
          baseline=lambda c: _letter_figure(c, "AND l.qualifying = %s AND l.within_jurisdiction = %s",
                                            params=(True, True)),
          baseline_name="SQL COUNT lọc", same=EQ)
def _(ctx):
    from danvan.letters.counts import count_within_jurisdiction

    return _figure(count_within_jurisdiction(ctx.root, ctx.start, ctx.end))


@scenario("count: letters.count_resolved_on_time", requires=L,
          baseline=lambda c: _letter_figure(c, "AND l.resolution_deadline IS NOT NULL AND l.resolved_on <= "
                                               "l.resolution_deadline", date_column="resolved_on"),
          baseline_name="SQL COUNT lọc", same=EQ)
def _(ctx):
    from danvan.letters.counts import count_resolved_on_time

    return _figure(count_resolved_on_time(ctx.root, ctx.start, ctx.end))


@scenario("count: letters.received_by_field", requires=L,
          baseline=lambda c: {r[0]: (r[1], r[2]) for r in c.sql(
              f"SELECT l.field, COUNT(*), COUNT(DISTINCT l.matter_id) {LETTER_BASE} "
              "AND l.received_on BETWEEN %s AND %s "
              "GROUP BY l.field", [c.root.path + "%", c.start, c.end])},
          baseline_name="SQL GROUP BY field",
          same=lambda a, b: {k: v for k, v in a.items() if v != (0, 0)} == b)
def _(ctx):
    from danvan.letters.counts import received_by_field

    return {k: _figure(v) for k, v in received_by_field(ctx.root, ctx.start, ctx.end).items()}


@scenario("count: letters.letter_counts (9 số liệu)", requires=L,
          baseline=lambda c: c.sql(
              "SELECT COUNT(*), SUM(CASE WHEN l.qualifying THEN 1 ELSE 0 END), SUM(CASE WHEN l.accepted_on IS NOT "
              f"NULL THEN 1 ELSE 0 END), SUM(CASE WHEN l.handling = 'forward' THEN 1 ELSE 0 END) {LETTER_BASE} "
              "AND l.received_on BETWEEN %s AND %s", [c.root.path + "%", c.start, c.end]),
          baseline_name="SQL một lượt SUM(CASE)")
def _(ctx):
    from danvan.letters.counts import letter_counts

    return letter_counts(ctx.root, ctx.start, ctx.end)


R = ("danvan.reception.counts",)
VISIT_BASE = ("FROM reception_visit v JOIN reception_receptionsession s ON s.id = v.session_id "
              "JOIN units_area a ON a.id = v.area_id WHERE v.archived_at IS NULL AND s.archived_at IS NULL "
              "AND v.date BETWEEN %s AND %s AND a.path LIKE %s")


def _visits(ctx, select: str, where: str = ""):
    return ctx.sql_value(f"SELECT {select} {VISIT_BASE} {where}", [ctx.start, ctx.end, ctx.root.path + "%"])


@scenario("count: reception.count_visits", requires=R, baseline=lambda c: _visits(c, "COUNT(*)"),
          baseline_name="SQL COUNT", same=EQ)
def _(ctx):
    from danvan.reception.counts import count_visits

    return count_visits(ctx.root, ctx.start, ctx.end)


@scenario("count: reception.count_persons", requires=R, baseline=lambda c: _visits(c, "COALESCE(SUM(v.persons), 0)"),
          baseline_name="SQL SUM", same=EQ)
def _(ctx):
    from danvan.reception.counts import count_persons

    return count_persons(ctx.root, ctx.start, ctx.end)


@scenario("count: reception.count_matters", requires=R,
          baseline=lambda c: _visits(
              c, "COUNT(DISTINCT v.matter_id) + SUM(CASE WHEN v.matter_id IS NULL THEN 1 ELSE 0 END)"),
          baseline_name="SQL COUNT DISTINCT", same=lambda a, b: a == (b or 0))
def _(ctx):
    from danvan.reception.counts import count_matters

    return count_matters(ctx.root, ctx.start, ctx.end)


@scenario("count: reception.count_large_groups", requires=R,
          baseline=lambda c: _visits(c, "COUNT(*)", "AND v.persons >= 5"), baseline_name="SQL COUNT persons >= 5",
          same=EQ)
def _(ctx):
    from danvan.reception.counts import count_large_groups

    return count_large_groups(ctx.root, ctx.start, ctx.end)


@scenario("count: reception.count_reception (mẫu 01/TCD)", requires=R,
          baseline=lambda c: c.sql(
              f"SELECT s.kind, COUNT(*), SUM(v.persons), COUNT(DISTINCT v.matter_id) {VISIT_BASE} GROUP BY s.kind",
              [c.start, c.end, c.root.path + "%"]),
          baseline_name="SQL GROUP BY kind")
def _(ctx):
    from danvan.reception.counts import count_reception

    return count_reception(ctx.root, ctx.start, ctx.end)


M = ("danvan.mobilisation.counts",)


@scenario("count: mobilisation.count_dialogues", requires=M,
          baseline=lambda c: c.sql(
              "SELECT COUNT(*), SUM(d.participants) FROM mobilisation_dialogue d JOIN units_area a ON a.id = d.area_id "
              "WHERE d.archived_at IS NULL AND a.path LIKE %s AND d.held_on BETWEEN %s AND %s",
              [c.root.path + "%", c.start, c.end])[0],
          baseline_name="SQL COUNT, SUM",
          same=lambda a, b: (a.dialogues, a.participants) == (b[0], b[1] or 0))
def _(ctx):
    from danvan.mobilisation.counts import count_dialogues

    return count_dialogues(ctx.root, ctx.start, ctx.end)


@scenario("count: mobilisation.count_commendations", requires=M,
          baseline=lambda c: c.sql_value(
              "SELECT COUNT(*) FROM mobilisation_commendation x JOIN units_area a ON a.id = x.area_id "
              "WHERE x.archived_at IS NULL AND a.path LIKE %s AND x.decided_on BETWEEN %s AND %s",
              [c.root.path + "%", c.start, c.end]),
          baseline_name="SQL COUNT", same=lambda a, b: a.commendations == b)
def _(ctx):
    from danvan.mobilisation.counts import count_commendations

    return count_commendations(ctx.root, ctx.start, ctx.end)


@scenario("count: mobilisation.count_all (8 nhóm)", requires=M,
          baseline=lambda c: c.sql(
              " UNION ALL ".join(
                  f"SELECT COUNT(*) FROM mobilisation_{table} x JOIN units_area a ON a.id = x.area_id "
                  f"WHERE x.archived_at IS NULL AND a.path LIKE %s AND x.{column} BETWEEN %s AND %s"
                  for table, column in (("dialogue", "held_on"), ("goodpractice", "registered_on"),
                                        ("propagandasession", "held_on"), ("briefing", "held_on"),
                                        ("supervision", "held_on"), ("commendation", "decided_on"))),
              [c.root.path + "%", c.start, c.end] * 6),
          baseline_name="SQL 6 COUNT trong địa bàn (một lượt)")
def _(ctx):
    from danvan.mobilisation.counts import count_all

    return count_all(ctx.root, ctx.start, ctx.end)
