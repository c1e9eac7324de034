"""The work queue on the home page: what waits for the user today, as tiles (a count and a link).

Each tile is one entry of `TILES`: a function `(QueueContext) -> Tile | None`. The counts come from the
apps' own conditions (`letters.queries`, `mobilisation.services`/`counts`) over querysets scoped by
`restrict()`; nothing here decides what a letter "overdue" is. Adding a tile is one line in `TILES`
(for letters: `letter_tile(...)` with the letters app's condition and the list filter that shows the
same letters). A head (`can_approve`) sees each scope-wide tile split by the sub-units of the scope.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.db.models import Count, QuerySet
from django.db.models.functions import Substr
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from danvan.letters import queries as letter_queries
from danvan.letters.models import Letter
from danvan.units.models import Area, AreaLevel

# A materialised path segment: "0000042/" (units.models).
PATH_SEGMENT = 8


@dataclass(frozen=True)
class UnitCount:
    name: str
    count: int
    url: str = ""


@dataclass(frozen=True)
class Tile:
    key: str
    label: str
    count: int
    url: str
    tone: str = ""  # "bad" (overdue), "warn" (due soon) or "" for the badge colour
    by_unit: tuple[UnitCount, ...] = field(default_factory=tuple)


@dataclass
class QueueContext:
    user: object
    today: dt.date

    @cached_property
    def root(self) -> Area | None:
        """The top of the user's scope: their organisation's area, or the nation for a superuser."""
        user = self.user
        if getattr(user, "organisation_id", None):
            return user.organisation.area
        if getattr(user, "is_superuser", False):
            return Area.objects.filter(level=AreaLevel.NATION, parent__isnull=True).order_by("pk").first()
        return None

    @property
    def by_sub_unit(self) -> bool:
        return bool(getattr(self.user, "can_approve", False)) and self.root is not None

    @cached_property
    def sub_units(self) -> list[Area]:
        if self.root is None:
            return []
        return list(Area.objects.filter(parent=self.root).current().order_by("name"))

    @cached_property
    def letters(self) -> QuerySet:
        return Letter.objects.restrict(self.user).active()


def _letter_list(query: dict[str, str], unit: Area | None = None) -> str:
    params = dict(query)
    if unit is not None:
        params["unit"] = str(unit.pk)
    return f"{reverse('letters:letter_list')}?{urlencode(params)}"


def letters_by_sub_unit(ctx: QueueContext, letters: QuerySet, query: dict[str, str]) -> tuple[UnitCount, ...]:
    """The letters counted per sub-unit of the scope in one grouped query (by the path prefix of their area);
    the scope's own letters (of the root area itself) are a row of their own."""
    root = ctx.root
    width = len(root.path) + PATH_SEGMENT
    rows = (letters.order_by().annotate(prefix=Substr("area__path", 1, width)).values("prefix")
            .annotate(n=Count("pk")))
    counts = {row["prefix"]: row["n"] for row in rows}
    result = []
    own = counts.pop(root.path, 0)
    if own:
        result.append(UnitCount(str(_("%(unit)s (trực tiếp)") % {"unit": root.name}), own, ""))
    for unit in ctx.sub_units:
        n = counts.get(unit.path, 0)
        if n:
            result.append(UnitCount(unit.name, n, _letter_list(query, unit)))
    return tuple(result)


def letter_tile(key: str, label, query: dict[str, str], select: Callable[[QueueContext, QuerySet], QuerySet],
                tone: str = "", split: bool = True) -> Callable[[QueueContext], Tile]:
    """A tile counting the scoped letters `select` keeps; `query` is the letter list's filter showing them."""

    def build(ctx: QueueContext) -> Tile:
        letters = select(ctx, ctx.letters)
        by_unit = letters_by_sub_unit(ctx, letters, query) if split and ctx.by_sub_unit else ()
        return Tile(key, str(label), letters.count(), _letter_list(query), tone, by_unit)

    return build


def commitments_tile(ctx: QueueContext) -> Tile:
    from danvan.mobilisation.services import overdue_commitments

    return Tile("commitments", str(_("Cam kết sau đối thoại quá hạn")),
                overdue_commitments(ctx.user, ctx.today).count(), reverse("mobilisation:overdue_commitments"), "bad")


def missing_reviews_tile(ctx: QueueContext) -> Tile | None:
    from danvan.mobilisation.services import missing_reviews_in_scope

    if ctx.root is None:
        return None
    groups = missing_reviews_in_scope(ctx.user, ctx.root, ctx.today)
    by_unit: tuple[UnitCount, ...] = ()
    if ctx.by_sub_unit:
        counts: dict[str, int] = {}
        for _directive, missing in groups:
            for review in missing:
                counts[review.organisation.area.path] = counts.get(review.organisation.area.path, 0) + 1
        rows = []
        own = sum(n for path, n in counts.items() if path == ctx.root.path)
        if own:
            rows.append(UnitCount(str(_("%(unit)s (trực tiếp)") % {"unit": ctx.root.name}), own))
        for unit in ctx.sub_units:
            n = sum(v for path, v in counts.items() if path.startswith(unit.path))
            if n:
                rows.append(UnitCount(unit.name, n))
        by_unit = tuple(rows)
    return Tile("missing_reviews", str(_("Báo cáo sơ kết, tổng kết chưa nộp")),
                sum(len(missing) for _d, missing in groups), reverse("mobilisation:missing_reviews"), "warn", by_unit)


def notices_tile(ctx: QueueContext) -> Tile:
    """Notices owed to citizens and not recorded as sent (papers.queries.pending_notices)."""
    from danvan.papers.queries import pending_notices
    from danvan.reports.cache import cached_for_version

    def count() -> tuple[int, bool]:
        pending = pending_notices(ctx.letters, ctx.today)
        return len(pending), any(n.overdue for n in pending)

    # Each letter's notice deadlines are computed in Python (the legal calendar): once per data version and day.
    n, overdue = cached_for_version(f"notices:{ctx.user.pk}:{ctx.today}", count)
    return Tile("notices", str(_("Thông báo cho công dân chưa gửi")), n, _letter_list({"notice": "pending"}),
                "bad" if overdue else "warn")


TILES: list[Callable[[QueueContext], Tile | None]] = [
    letter_tile("awaiting_decision", _("Đơn chờ quyết định xử lý"), {"stage": "awaiting_decision"},
                lambda ctx, qs: letter_queries.awaiting_decision(qs)),
    letter_tile("due_this_week", _("Đơn đến hạn trong tuần"), {"deadline": "this_week"},
                lambda ctx, qs: letter_queries.due_this_week(qs, ctx.today), "warn"),
    letter_tile("overdue", _("Đơn quá hạn"), {"deadline": "overdue"},
                lambda ctx, qs: letter_queries.overdue(qs, ctx.today), "bad"),
    letter_tile("mine", _("Đơn được giao cho tôi"), {"mine": "on"},
                lambda ctx, qs: letter_queries.assigned_to(qs, ctx.user), split=False),
    notices_tile,
    commitments_tile,
    missing_reviews_tile,
]


def work_queue(user, today: dt.date) -> list[Tile]:
    """The tiles of `user`'s work queue on `today`, in the order of `TILES`."""
    ctx = QueueContext(user, today)
    return [tile for build in TILES if (tile := build(ctx)) is not None]
