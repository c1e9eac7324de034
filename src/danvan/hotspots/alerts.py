"""The early-warning rules: each reads the records, finds what crosses its thresholds (`AlertRule`, tuned by an
administrator) and returns findings with a plain Vietnamese explanation and the records behind them.
`services.compute_alerts` stores the findings as `Alert` rows, idempotently (ADR 0023).

Counted records: letters and visits not archived. A letter written at a reception visit (`source_visit`) is the
same approach as the visit and is not counted twice. The commune of a record is its `subject_area` (where the
matter arose), else the area of the unit that received it.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db.models import Count, Min, Q
from django.db.models.functions import Coalesce

from danvan.core.choices import Field, choice_labels
from danvan.core.formatting import vn_date, vn_number
from danvan.hotspots import stats
from danvan.hotspots.models import AlertRule, RuleKind
from danvan.letters.models import Letter
from danvan.letters.workflow import LetterStatus
from danvan.matters.models import Matter, MatterStatus
from danvan.mobilisation.choices import FollowUpStatus
from danvan.mobilisation.models import DialogueCommitment
from danvan.reception.models import Visit
from danvan.units.models import Area, AreaLevel

# Levels "above the commune" for going over levels (vượt cấp): the province and the centre. A complaint is
# brought first to the one who made the decision, a second time to the head of the level above (Luật Khiếu
# nại 2011 Điều 7): a second-round complaint at the province is not going over levels.
HIGHER_LEVELS = (AreaLevel.PROVINCE, AreaLevel.NATION)
# Letters still to be resolved (the workflow's states before resolution).
UNRESOLVED_LETTER_STATES = (LetterStatus.ACCEPTED, LetterStatus.IN_PROGRESS)


@dataclass
class Finding:
    key: str
    subject_area_id: int
    explanation: str
    letters: list[int] = field(default_factory=list)
    visits: list[int] = field(default_factory=list)
    commitments: list[int] = field(default_factory=list)
    matter_id: int | None = None
    field: str = ""

    @property
    def evidence(self) -> dict[str, list[int]]:
        out = {}
        for name in ("letters", "visits", "commitments"):
            ids = sorted(set(getattr(self, name)))
            if ids:
                out[name] = ids
        return out


def letters():
    return Letter.objects.filter(archived_at__isnull=True, source_visit__isnull=True)


def visits():
    return Visit.objects.filter(archived_at__isnull=True)


def _window(on: dt.date, days: int) -> tuple[dt.date, dt.date]:
    return on - dt.timedelta(days=days - 1), on


def _matter_areas(matter_ids: Iterable[int]) -> dict[int, tuple[int, str, str]]:
    """matter id → (area id the alert is about, field, title)."""
    rows = Matter.objects.filter(pk__in=list(matter_ids)).values_list("pk", "subject_area_id", "area_id", "field",
                                                                      "title")
    return {pk: (subject or area, fld, title) for pk, subject, area, fld, title in rows}


def _by_matter(qs, date_field: str, matter_ids: set[int] | None) -> dict[int, list[int]]:
    if matter_ids is not None:
        qs = qs.filter(matter_id__in=matter_ids)
    out: dict[int, list[int]] = defaultdict(list)
    for pk, matter_id in qs.filter(matter__isnull=False).values_list("pk", "matter_id").iterator(chunk_size=5000):
        out[matter_id].append(pk)
    return out


def _chunks(ids: set[int] | None, size: int = 900):
    """Matter ids in chunks (SQLite limits the parameters of one query); None: one pass over everything."""
    if ids is None:
        yield None
        return
    ordered = sorted(ids)
    for i in range(0, len(ordered), size):
        yield set(ordered[i:i + size])


def repeated(rule: AlertRule, on: dt.date, matter_ids: set[int] | None) -> list[Finding]:
    """A matter received `threshold` times or more (letters and visits) within `window_days` days."""
    start, end = _window(on, rule.window_days)
    findings = []
    for chunk in _chunks(matter_ids):
        hits: dict[int, tuple[list[int], list[int]]] = defaultdict(lambda: ([], []))
        counts: dict[int, int] = defaultdict(int)
        for qs in (letters().filter(received_on__range=(start, end)), visits().filter(date__range=(start, end))):
            scoped = qs.filter(matter__isnull=False)
            if chunk is not None:
                scoped = scoped.filter(matter_id__in=chunk)
            for row in scoped.values("matter_id").annotate(n=Count("pk")):
                counts[row["matter_id"]] += row["n"]
        flagged = {m for m, n in counts.items() if n >= rule.threshold}
        if not flagged:
            continue
        for m, ids in _by_matter(letters().filter(received_on__range=(start, end)), "received_on", flagged).items():
            hits[m][0].extend(ids)
        for m, ids in _by_matter(visits().filter(date__range=(start, end)), "date", flagged).items():
            hits[m][1].extend(ids)
        areas = _matter_areas(flagged)
        for m in sorted(flagged):
            area_id, fld, title = areas[m]
            letter_ids, visit_ids = hits[m]
            findings.append(Finding(
                key=f"repeated:matter:{m}", subject_area_id=area_id, matter_id=m, field=fld,
                letters=letter_ids, visits=visit_ids,
                explanation=(
                    f"Vụ việc «{title}» được tiếp nhận {vn_number(counts[m])} lần "
                    f"({vn_number(len(letter_ids))} đơn, {vn_number(len(visit_ids))} lượt tiếp) trong "
                    f"{vn_number(rule.window_days)} ngày từ {vn_date(start)} đến {vn_date(end)}, "
                    f"từ ngưỡng {vn_number(rule.threshold)} lần trở lên."
                ),
            ))
    return findings


def over_levels(rule: AlertRule, on: dt.date, matter_ids: set[int] | None) -> list[Finding]:
    """A matter still open, received at the province or the centre `threshold` times or more within `window_days`
    days, each after a commune received it (within `window_days` days before) and before the commune resolved it
    (vượt cấp). One copy sent upwards is common; a matter carried up again and again is the warning."""
    start, end = _window(on, rule.window_days)
    span = dt.timedelta(days=rule.window_days)
    findings = []
    for chunk in _chunks(matter_ids):
        closed = Q(matter__status__in=(MatterStatus.RESOLVED, MatterStatus.FINAL))
        higher_letters = letters().filter(received_on__range=(start, end), area__level__in=HIGHER_LEVELS,
                                          matter__isnull=False).exclude(complaint_round=2).exclude(closed)
        higher_visits = visits().filter(date__range=(start, end), area__level__in=HIGHER_LEVELS,
                                        matter__isnull=False).exclude(closed)
        if chunk is not None:
            higher_letters = higher_letters.filter(matter_id__in=chunk)
            higher_visits = higher_visits.filter(matter_id__in=chunk)
        higher: dict[int, list[tuple[dt.date, str, int]]] = defaultdict(list)
        for pk, m, day in higher_letters.values_list("pk", "matter_id", "received_on"):
            higher[m].append((day, "letters", pk))
        for pk, m, day in higher_visits.values_list("pk", "matter_id", "date"):
            higher[m].append((day, "visits", pk))
        if not higher:
            continue
        lower: dict[int, list[tuple[dt.date, dt.date | None, str, int]]] = defaultdict(list)
        for pk, m, day, resolved in letters().filter(matter_id__in=set(higher), area__level=AreaLevel.COMMUNE) \
                .values_list("pk", "matter_id", "received_on", "resolved_on"):
            lower[m].append((day, resolved, "letters", pk))
        for pk, m, day in visits().filter(matter_id__in=set(higher), area__level=AreaLevel.COMMUNE) \
                .values_list("pk", "matter_id", "date"):
            lower[m].append((day, None, "visits", pk))
        areas = _matter_areas(lower)
        for m in sorted(lower):
            found = Finding(key=f"over_levels:matter:{m}", subject_area_id=0, matter_id=m, explanation="")
            first_high = None
            first_low = None
            times = 0
            for day, kind, pk in sorted(higher[m]):
                # The commune received it within the window before, and had not resolved it by then.
                before = [row for row in lower[m] if day - span <= row[0] <= day and (row[1] is None or row[1] >= day)]
                if before:
                    getattr(found, kind).append(pk)
                    for low in before:
                        getattr(found, low[2]).append(low[3])
                    first_high = first_high or day
                    first_low = min(first_low or before[0][0], min(row[0] for row in before))
                    times += 1
            if first_high is None or times < rule.threshold:
                continue
            area_id, fld, title = areas[m]
            found.subject_area_id, found.field = area_id, fld
            found.explanation = (
                f"Vụ việc «{title}» được cấp xã tiếp nhận từ {vn_date(first_low)} và chưa giải quyết xong, nhưng "
                f"đã được gửi, trình bày lên cấp tỉnh hoặc Trung ương {vn_number(times)} lần (vượt cấp), lần đầu ngày "
                f"{vn_date(first_high)}; ngưỡng cảnh báo từ {vn_number(rule.threshold)} lần."
            )
            findings.append(found)
    return findings


def _commune_of(qs):
    return qs.annotate(commune=Coalesce("subject_area_id", "area_id"))


def large_groups(rule: AlertRule, on: dt.date, matter_ids: set[int] | None = None) -> list[Finding]:
    """`threshold` large groups (visits of `min_persons` or more) and group letters (as many signers or more,
    TT 05/2021/TT-TTCP: 5) on one matter, or one more than `threshold` in one commune and field, within
    `window_days` days. Crowds about different matters of one commune are weaker evidence than crowds about one
    matter: on national generated data, 3 in a commune and field in 90 days happened by chance in busy communes
    (ADR 0023, amendment)."""
    start, end = _window(on, rule.window_days)
    group_letters = _commune_of(letters().filter(received_on__range=(start, end), signer_count__gte=rule.min_persons))
    group_visits = _commune_of(visits().filter(date__range=(start, end), persons__gte=rule.min_persons))
    events: list[tuple[str, int, int | None, int, str, int]] = []  # kind, pk, matter, commune, field, persons
    for pk, m, commune, fld, n in group_letters.values_list("pk", "matter_id", "commune", "field", "signer_count"):
        events.append(("letters", pk, m, commune, fld, n))
    for pk, m, commune, fld, n in group_visits.values_list("pk", "matter_id", "commune", "field", "persons"):
        events.append(("visits", pk, m, commune, fld, n))
    by_matter: dict[int, list] = defaultdict(list)
    by_commune: dict[int, list] = defaultdict(list)
    for event in events:
        if event[2] is not None:
            by_matter[event[2]].append(event)
        by_commune[(event[3], event[4])].append(event)
    findings = []
    flagged_matters = {m for m, evs in by_matter.items() if len(evs) >= rule.threshold}
    areas = _matter_areas(flagged_matters)
    for m in sorted(flagged_matters):
        evs = by_matter[m]
        area_id, fld, title = areas[m]
        f = Finding(key=f"large_groups:matter:{m}", subject_area_id=area_id, matter_id=m, field=fld,
                    explanation=(
                        f"Vụ việc «{title}» có {vn_number(len(evs))} đoàn đông người, đơn đông người "
                        f"(tổng {vn_number(sum(e[5] for e in evs))} người) trong {vn_number(rule.window_days)} "
                        f"ngày đến {vn_date(end)}."))
        for kind, pk, *_rest in evs:
            getattr(f, kind).append(pk)
        findings.append(f)
    names = dict(Area.objects.filter(pk__in=[c for c, _f in by_commune]).values_list("pk", "name"))
    labels = choice_labels(Field)
    for (commune, fld), evs in sorted(by_commune.items()):
        if len(evs) < rule.threshold + 1:
            continue
        if len({e[2] for e in evs}) == 1 and evs[0][2] in flagged_matters:
            continue  # one matter, already warned about
        f = Finding(key=f"large_groups:area:{commune}:{fld}", subject_area_id=commune, field=fld,
                    explanation=(
                        f"{names.get(commune, '')}, lĩnh vực {labels.get(fld, fld)}: {vn_number(len(evs))} đoàn đông "
                        f"người, đơn đông người "
                        f"(tổng {vn_number(sum(e[5] for e in evs))} người) trong {vn_number(rule.window_days)} "
                        f"ngày đến {vn_date(end)}."))
        for kind, pk, *_rest in evs:
            getattr(f, kind).append(pk)
        findings.append(f)
    return findings


def _counts_by_commune_field(start: dt.date, end: dt.date) -> dict[tuple[int, str], int]:
    out: dict[tuple[int, str], int] = defaultdict(int)
    for qs in (letters().filter(received_on__range=(start, end)), visits().filter(date__range=(start, end))):
        for row in _commune_of(qs).values("commune", "field").annotate(n=Count("pk")).order_by():
            out[(row["commune"], row["field"])] += row["n"]
    return out


def _decimal(value: float, spec: str) -> str:
    """A decimal as Vietnamese writes it: 3,2 and 0,00012."""
    return format(value, spec).replace(".", ",")


def _probability(p: float) -> str:
    """A probability as a percentage an official reads: "0,49%", "dưới 0,01%"."""
    if p < 0.0001:
        return "dưới 0,01%"
    return _decimal(p * 100, ".2g") + "%"


def _shift_years(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February
        return day.replace(year=day.year - years, day=28)


def earliest_record() -> dt.date | None:
    first = [d for d in (letters().aggregate(d=Min("received_on"))["d"], visits().aggregate(d=Min("date"))["d"]) if d]
    return min(first) if first else None


def surge(rule: AlertRule, on: dt.date, matter_ids: set[int] | None = None) -> list[Finding]:
    """This `window_days` days in a commune and field against the same days of its `history_years` earlier years
    (Poisson test, `stats`). Years before the first record of the database do not count as zero: with no such
    year the rule says nothing."""
    start, end = _window(on, rule.window_days)
    first = earliest_record()
    years = [y for y in range(1, rule.history_years + 1) if first and _shift_years(start, y) >= first]
    if not years:
        return []
    current = _counts_by_commune_field(start, end)
    candidates = {k: n for k, n in current.items() if n >= rule.threshold}
    if not candidates:
        return []
    history = [_counts_by_commune_field(_shift_years(start, y), _shift_years(end, y)) for y in years]
    names = dict(Area.objects.filter(pk__in=[k[0] for k in candidates]).values_list("pk", "name"))
    labels = choice_labels(Field)
    findings = []
    for (commune, fld), n in sorted(candidates.items()):
        past = [h.get((commune, fld), 0) for h in history]
        warn, mean, p = stats.is_surge(n, past, p_value=float(rule.p_value), minimum=rule.threshold)
        if not warn:
            continue
        f = Finding(
            key=f"surge:{commune}:{fld}:{start.isoformat()}", subject_area_id=commune, field=fld,
            explanation=(
                f"{names.get(commune, '')}, lĩnh vực {labels.get(fld, fld)}: {vn_number(n)} đơn, lượt tiếp trong "
                f"{vn_number(rule.window_days)} ngày từ {vn_date(start)} đến {vn_date(end)}, trong khi cùng kỳ "
                f"{vn_number(len(years))} năm trước là {', '.join(vn_number(x) for x in past)} (bình quân "
                f"{_decimal(mean, '.1f')}). Theo phân phối Poisson, xác suất có từ {vn_number(n)} trở lên chỉ là "
                f"{_probability(p)} (nhỏ hơn mức {_probability(float(rule.p_value))})."
            ),
        )
        qs_l = _commune_of(letters().filter(received_on__range=(start, end), field=fld)).filter(commune=commune)
        qs_v = _commune_of(visits().filter(date__range=(start, end), field=fld)).filter(commune=commune)
        f.letters = list(qs_l.values_list("pk", flat=True))
        f.visits = list(qs_v.values_list("pk", flat=True))
        findings.append(f)
    return findings


def _crowded_matters(matter_ids: set[int], min_persons: int) -> set[int]:
    crowded = set(letters().filter(matter_id__in=matter_ids, signer_count__gte=min_persons)
                  .values_list("matter_id", flat=True))
    crowded |= set(visits().filter(matter_id__in=matter_ids, persons__gte=min_persons)
                   .values_list("matter_id", flat=True))
    return crowded


def overdue_resolution(rule: AlertRule, on: dt.date, matter_ids: set[int] | None = None) -> list[Finding]:
    """Letters past their resolution deadline by `window_days` days or more, on a matter that brought a large
    group or a group letter (`min_persons` or more)."""
    limit = on - dt.timedelta(days=rule.window_days)
    overdue = Letter.objects.filter(archived_at__isnull=True, status__in=UNRESOLVED_LETTER_STATES,
                                    due_on__lt=limit, resolved_on__isnull=True) \
        .exclude(matter__status__in=(MatterStatus.RESOLVED, MatterStatus.FINAL))
    by_matter: dict[int, list[tuple[int, dt.date]]] = defaultdict(list)
    for pk, m, due in overdue.values_list("pk", "matter_id", "due_on"):
        by_matter[m].append((pk, due))
    crowded: set[int] = set()
    for chunk in _chunks(set(by_matter)):
        crowded |= _crowded_matters(chunk, rule.min_persons)
    areas = _matter_areas(crowded)
    findings = []
    for m in sorted(crowded):
        rows = by_matter[m]
        area_id, fld, title = areas[m]
        oldest = min(due for _pk, due in rows)
        findings.append(Finding(
            key=f"overdue_resolution:matter:{m}", subject_area_id=area_id, matter_id=m, field=fld,
            letters=[pk for pk, _due in rows],
            explanation=(
                f"Vụ việc đông người «{title}» có {vn_number(len(rows))} đơn quá hạn giải quyết (hạn sớm nhất "
                f"{vn_date(oldest)}, đã quá {vn_number((on - oldest).days)} ngày)."),
        ))
    return findings


def overdue_commitment(rule: AlertRule, on: dt.date, matter_ids: set[int] | None = None) -> list[Finding]:
    """Commitments made at a dialogue about a hot spot not yet resolved (the register of complex, crowded matters),
    still open `window_days` days or more after their due date (QĐ 23-QĐ/TW 2021: what is promised at a dialogue is
    followed until done)."""
    from danvan.hotspots.models import HotSpotLink, HotSpotStatus

    limit = on - dt.timedelta(days=rule.window_days)
    dialogues = HotSpotLink.objects.filter(
        archived_at__isnull=True, dialogue__isnull=False, hotspot__archived_at__isnull=True,
    ).exclude(hotspot__status=HotSpotStatus.RESOLVED).values_list("dialogue_id", flat=True)
    rows = DialogueCommitment.objects.filter(
        archived_at__isnull=True, dialogue__archived_at__isnull=True, status=FollowUpStatus.OPEN, due_on__lt=limit,
        dialogue_id__in=dialogues,
    ).values_list("pk", "dialogue_id", "dialogue__area_id", "dialogue__topic", "dialogue__participants", "due_on")
    by_dialogue: dict[int, list] = defaultdict(list)
    for row in rows:
        by_dialogue[row[1]].append(row)
    findings = []
    for dialogue_id, items in sorted(by_dialogue.items()):
        _pk, _d, area_id, topic, participants, _due = items[0]
        oldest = min(r[5] for r in items)
        findings.append(Finding(
            key=f"overdue_commitment:dialogue:{dialogue_id}", subject_area_id=area_id,
            commitments=[r[0] for r in items],
            explanation=(
                f"Cuộc đối thoại «{topic}» ({vn_number(participants)} người tham gia) về một điểm nóng chưa giải "
                f"quyết xong còn {vn_number(len(items))} cam kết quá hạn chưa thực hiện (hạn sớm nhất "
                f"{vn_date(oldest)})."),
        ))
    return findings


RULES = {
    RuleKind.REPEATED: repeated,
    RuleKind.OVER_LEVELS: over_levels,
    RuleKind.LARGE_GROUPS: large_groups,
    RuleKind.SURGE: surge,
    RuleKind.OVERDUE_RESOLUTION: overdue_resolution,
    RuleKind.OVERDUE_COMMITMENT: overdue_commitment,
}
# Rules whose findings change only when records of a matter arrive: the incremental run looks at those matters.
# The others read a window of a few weeks (or the overdue records) in full: a few grouped queries.
INCREMENTAL = {RuleKind.REPEATED, RuleKind.OVER_LEVELS}


def touched_matters(since) -> set[int]:
    """Matters of the letters and visits created (or archived, updated) after `since`."""
    changed = Q(created_at__gt=since) | Q(updated_at__gt=since)
    ids = set(Letter.objects.filter(changed, matter__isnull=False).values_list("matter_id", flat=True))
    ids |= set(Visit.objects.filter(changed, matter__isnull=False).values_list("matter_id", flat=True))
    return ids

