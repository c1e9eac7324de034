"""The overdue query: letters past their applicable deadline in the province (letters.queries)."""

from __future__ import annotations

from bench.scenarios import scenario


def _sql(ctx):
    return ctx.sql_value(
        "SELECT COUNT(*) FROM letters_letter l JOIN units_area a ON a.id = l.area_id "
        "WHERE l.archived_at IS NULL AND a.path LIKE %s AND l.due_on < %s", [ctx.root.path + "%", ctx.today])


@scenario("query: đơn quá hạn (đếm)", requires=("danvan.letters.queries",), baseline=_sql,
          baseline_name="SQL COUNT due_on < hôm nay", same=lambda a, b: a == b)
def _(ctx):
    from danvan.letters.models import Letter
    from danvan.letters.queries import filter_letters

    return filter_letters(Letter.objects.restrict(ctx.user).active(), deadline="overdue", today=ctx.today).count()


@scenario("query: 50 đơn quá hạn lâu nhất", requires=("danvan.letters.queries",),
          baseline=lambda ctx: [r[0] for r in ctx.sql(
              "SELECT l.id FROM letters_letter l JOIN units_area a ON a.id = l.area_id WHERE l.archived_at IS NULL "
              "AND a.path LIKE %s AND l.due_on < %s ORDER BY l.due_on, l.id LIMIT 50",
              [ctx.root.path + "%", ctx.today])],
          baseline_name="SQL ORDER BY due_on LIMIT 50", same=lambda a, b: a == b)
def _(ctx):
    from danvan.letters.models import Letter
    from danvan.letters.queries import filter_letters

    qs = filter_letters(Letter.objects.restrict(ctx.user).active(), deadline="overdue", today=ctx.today)
    return list(qs.order_by("due_on", "pk").values_list("pk", flat=True)[:50])
