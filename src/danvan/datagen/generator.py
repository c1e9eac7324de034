"""`danvan generate`: deterministic, realistic data over the real units, streamed in batches.

Everything is drawn from one `random.Random(seed)` in a fixed order, so the same seed, scale, years
and end date give the same data. Rows go through `datagen.sink` (preassigned ids, batches of 5,000,
COPY on PostgreSQL). Apps whose tables are not there yet are skipped and named in the summary.
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import gc
import random
import zoneinfo
from collections import defaultdict
from dataclasses import dataclass, field

from django.apps import apps
from django.db import connection, transaction
from django.utils import timezone

from danvan.core.choices import ContentKind
from danvan.core.text import fold
from danvan.legal.services import current_calendar
from danvan.letters import deadlines as letter_deadlines
from danvan.letters.workflow import AWAITING_DECISION, BEING_RESOLVED
from danvan.people.models import Citizen
from danvan.units.models import Area, AreaLevel, Organisation, OrganisationType
from danvan.units.services import load_administrative_units

from . import texts
from .models import GeneratedLabel, GenerationRun
from .names import make_person, person_name
from .places import Place, ensure_villages
from .sink import Sink
from .texts import _c, _r

VN = zoneinfo.ZoneInfo("Asia/Ho_Chi_Minh")


@dataclass(frozen=True)
class Scale:
    name: str
    letters: int
    visits: int
    years: int
    all_provinces: bool
    communes_per_province: int | None  # None: every commune
    villages_per_commune: int = 4


SCALES = {
    # "tiny" is for tests: a few hundred rows in one province.
    "tiny": Scale("tiny", letters=240, visits=160, years=2, all_provinces=False, communes_per_province=6,
                  villages_per_commune=3),
    "demo": Scale("demo", letters=5_000, visits=4_000, years=3, all_provinces=False, communes_per_province=None),
    "province": Scale("province", letters=50_000, visits=40_000, years=3, all_provinces=False,
                      communes_per_province=None),
    "national": Scale("national", letters=1_000_000, visits=1_000_000, years=10, all_provinces=True,
                      communes_per_province=None, villages_per_commune=3),
}


def table_exists(model) -> bool:
    return model._meta.db_table in connection.introspection.table_names()


def model_or_none(label: str):
    try:
        model = apps.get_model(label)
    except LookupError:
        return None
    return model if table_exists(model) else None


@dataclass
class ProvinceContext:
    area: Area
    orgs: dict[str, Organisation]  # by type, province level
    communes: list[Area]
    commune_orgs: dict[int, dict[str, Organisation]]
    places_by_commune: dict[int, list[Place]]


@dataclass
class Summary:
    counts: dict[str, int] = field(default_factory=dict)
    skipped: list[str] = field(default_factory=list)
    seconds: float = 0.0
    run_id: int | None = None


_MINUTES = tuple(f" {m // 60:02d}:{m % 60:02d}:00" for m in range(600))  # 00:00–09:59 UTC


def _at(day: dt.date, rng: random.Random) -> str:
    """A moment of office hours (07:00–16:59, UTC+7) on `day`, as the UTC text both databases accept."""
    return day.isoformat() + _MINUTES[int(rng.random() * 600)]


def _channel(x: float) -> str:
    """Direct 40 %, post 35 %, forwarded 15 %, online 10 %."""
    return "direct" if x < 0.40 else "post" if x < 0.75 else "forwarded" if x < 0.90 else "online"


_fold_name = functools.lru_cache(maxsize=1 << 18)(fold)  # names repeat: folded once each


def _weekday_on_or_after(day: dt.date) -> dt.date:
    while day.weekday() >= 5:
        day += dt.timedelta(days=1)
    return day


@dataclass(frozen=True)
class _Subject:
    """The subject commune as `letters.deadlines.is_remote` reads it."""

    remote: bool
    parent: None = None
    level: int = AreaLevel.COMMUNE


@dataclass(frozen=True)
class _LetterFacts:
    """What `letters.deadlines.compute` reads of a letter; `pk=None`: a letter without pauses yet."""

    content_kind: str
    complaint_round: int
    received_on: dt.date
    accepted_on: dt.date | None
    complexity: str
    remote: bool
    extensions: int = 0
    several_places: bool = False
    pk: None = None
    within_jurisdiction: bool | None = None

    @property
    def subject_area(self) -> _Subject:
        return _Subject(self.remote)


class LetterDeadlines:
    """The deadlines the letters app stores (ADR 0007), from `letters.deadlines.compute` with the run's
    calendar. Memoised: the acceptance deadline depends only on kind, round, places and the day of receipt,
    the resolution deadline only on kind, round, complexity, remoteness, extensions and the day of
    acceptance, and a million letters share a few thousand such days."""

    def __init__(self, calendar=None):
        self.calendar = calendar or current_calendar()
        self._acceptance: dict[tuple, dt.date | None] = {}
        self._resolution: dict[tuple, dt.date | None] = {}

    def acceptance(self, kind: str, complaint_round: int, received_on: dt.date, several_places: bool = False,
                   within_jurisdiction: bool | None = None):
        key = (kind, complaint_round, received_on, several_places, within_jurisdiction)
        found = self._acceptance.get(key, False)
        if found is False:
            facts = _LetterFacts(kind, complaint_round, received_on, None, "normal", False,
                                 several_places=several_places, within_jurisdiction=within_jurisdiction)
            found = self._acceptance[key] = letter_deadlines.compute(facts, self.calendar).acceptance_date
        return found

    def resolution(self, kind: str, complaint_round: int, accepted_on: dt.date, complexity: str, remote: bool,
                   extensions: int = 0):
        key = (kind, complaint_round, accepted_on, complexity, remote, extensions)
        found = self._resolution.get(key, False)
        if found is False:
            facts = _LetterFacts(kind, complaint_round, accepted_on, accepted_on, complexity, remote, extensions)
            found = self._resolution[key] = letter_deadlines.compute(facts, self.calendar).resolution_date
        return found


class Generator:
    def __init__(self, *, scale: Scale, seed: int, years: int | None = None, until: dt.date | None = None,
                 province_code: str = "04", history: bool = True, progress=None, letters: int | None = None,
                 visits: int | None = None, command: str = "", bulk: bool | None = None, hot_spots: int = 0):
        self.scale = scale
        self.seed = seed
        self.years = years or scale.years
        self.until = until or timezone.localdate()
        self.start = self.until - dt.timedelta(days=365 * self.years)
        self.province_code = province_code
        self.history = history
        self.progress = progress  # callable(total, desc) -> tqdm-like, or None
        self.letter_target = scale.letters if letters is None else letters
        self.visit_target = scale.visits if visits is None else visits
        self.command = command
        self.hot_spots = hot_spots  # planted hot spots (datagen.hotspots, issue 21)
        self.planted: list[dict] = []
        # Bulk mode (sink.py): indexes rebuilt once at the end. Worth it from province scale up.
        self.bulk = (self.letter_target + self.visit_target >= 50_000) if bulk is None else bulk
        self.rng = random.Random(f"danvan:{seed}")
        self.summary = Summary()
        self.citizens: dict[tuple[int, str], int] = {}  # (organisation id, CCCD) -> citizen id

    # ------------------------------------------------------------------ setup
    def _provinces(self) -> list[ProvinceContext]:
        load_administrative_units()
        qs = Area.objects.filter(level=AreaLevel.PROVINCE, valid_to__isnull=True).order_by("code")
        if not self.scale.all_provinces:
            qs = qs.filter(code=self.province_code)
        contexts = []
        for province in qs:
            orgs = {o.type: o for o in Organisation.objects.filter(area=province).select_related("area").order_by("pk")}
            communes = list(Area.objects.filter(parent=province, level=AreaLevel.COMMUNE, valid_to__isnull=True)
                            .select_related("parent").order_by("code"))
            if self.scale.communes_per_province:
                communes = communes[: self.scale.communes_per_province]
            commune_orgs: dict[int, dict[str, Organisation]] = defaultdict(dict)
            for org in Organisation.objects.filter(area__in=communes).select_related("area").order_by("pk"):
                commune_orgs[org.area_id][org.type] = org
            places = ensure_villages(self.rng, communes, self.scale.villages_per_commune)
            by_commune: dict[int, list[Place]] = defaultdict(list)
            for place in places:
                by_commune[place.commune_id].append(place)
            contexts.append(ProvinceContext(province, orgs, communes, commune_orgs, by_commune))
        if not contexts:
            raise ValueError(f"Không tìm thấy tỉnh, thành phố mã {self.province_code}.")
        return contexts

    def _bar(self, total: int, desc: str):
        if self.progress is None:
            return None
        return self.progress(total, desc)

    def run(self) -> Summary:
        """One transaction from the run record to the last row: a run stopped half-way (an error, Ctrl-C,
        kill -9) leaves nothing behind, and running it again gives the same data as a run never stopped."""
        started = timezone.now()
        journal = None
        if connection.vendor == "sqlite":
            # This connection only: a large page cache for the index B-trees of a bulk load. Outside a
            # transaction (not in tests), a rollback journal instead of WAL for the run: the run is one
            # transaction, and in WAL mode every page of it would be written twice (WAL, then checkpoint).
            with connection.cursor() as cursor:
                cursor.execute("PRAGMA cache_size = -400000")
                if not connection.in_atomic_block:
                    cursor.execute("PRAGMA temp_store = MEMORY")
                    if self.bulk:
                        cursor.execute("PRAGMA journal_mode")
                        journal = cursor.fetchone()[0]
                        cursor.execute("PRAGMA journal_mode = DELETE")
        # The run builds millions of long-lived rows, tuples and dicts but no reference cycles: the cyclic
        # collector would only rescan them again and again (a tenth of the CPU at province scale).
        collecting = gc.isenabled()
        gc.disable()
        try:
            with transaction.atomic():
                run = self._run_atomic(started)
        finally:
            if collecting:
                gc.enable()
            if journal is not None:
                with connection.cursor() as cursor:
                    cursor.execute(f"PRAGMA journal_mode = {journal}")
        self.summary.seconds = run.seconds
        self.summary.run_id = run.pk
        return self.summary

    def _run_atomic(self, started) -> GenerationRun:
        run = GenerationRun.objects.create(
            started_at=started, scale=self.scale.name, seed=self.seed, years=self.years, until=self.until,
            history="rows" if self.history else "run", command=self.command,
        )
        self.provinces = self._provinces()  # loads the units and adds villages: inside the run's transaction
        run.provinces = ", ".join(p.area.code for p in self.provinces)
        weights = [len(p.communes) for p in self.provinces]
        self.cum_weights = list(_accumulate(weights))
        self.sink = Sink(history=self.history, reason=f"danvan generate (lần {run.pk}, seed {self.seed})",
                         rebuild_indexes=self.bulk)
        self.run_id = run.pk
        self.Letter = model_or_none("letters.Letter")
        self.Visit = model_or_none("reception.Visit")
        visit_letters = self.generate_reception() if self.Visit else []
        if self.Visit is None:
            self.summary.skipped.append("reception (ReceptionSession, Visit): bảng chưa có")
        if self.Letter is not None:
            self.generate_letters(visit_letters)
        else:
            self.summary.skipped.append("letters (Letter, …): bảng chưa có")
        if self.hot_spots and self.Letter is not None and self.Visit is not None:
            from . import hotspots

            self.planted = hotspots.plant(self, self.hot_spots)
        self.generate_mobilisation()
        self.summary.counts = self.sink.finish()
        if self.Letter is not None:
            self.flush_matter_updates()  # after finish(): the history table's index on id is back
        if self.Letter is not None and self.Visit is not None:
            # Rows written beside the services: their denouncers are protected here (ADR 0011).
            from danvan.people.identity import protect_existing_denouncers

            protect_existing_denouncers()
        run.counts = self.summary.counts | {"history_rows": self.history, "skipped": self.summary.skipped}
        if self.planted:
            run.counts["planted_hotspots"] = self.planted
        run.finished_at = timezone.now()
        run.seconds = (run.finished_at - started).total_seconds()
        run.save()
        return run

    # ------------------------------------------------------------------ shared pickers
    def pick_province(self) -> ProvinceContext:
        x = self.rng.random() * self.cum_weights[-1]
        return self.provinces[bisect.bisect_right(self.cum_weights, x)]

    def pick_place(self, ctx: ProvinceContext) -> Place:
        commune = ctx.communes[int(self.rng.random() * len(ctx.communes))]
        places = ctx.places_by_commune[commune.id]
        return places[int(self.rng.random() * len(places))]

    def random_day(self) -> dt.date:
        return self.start + dt.timedelta(days=int(self.rng.random() * ((self.until - self.start).days + 1)))

    def citizen_id(self, org: Organisation, person, place: Place, when: dt.date) -> int:
        key = (org.id, person.id_number)
        found = self.citizens.get(key)
        if found is not None:
            return found
        rng = self.rng
        phone = f"0{_c(rng, (9, 8, 3, 7))}{_r(rng, 10_000_000, 99_999_999)}" if rng.random() < 0.7 else ""
        cid = self.sink.add(Citizen, {
            "organisation_id": org.id, "area_id": org.area_id, "full_name": person.full_name,
            "id_number": person.id_number if rng.random() < 0.9 else "", "birth_year": person.birth_year,
            "address": place.address, "residence_id": place.commune_id, "phone": phone,
            "search_name": _fold_name(person.full_name), "created_at": _at(when, rng),
        })
        self.citizens[key] = cid
        return cid

    def matter(self, org: Organisation, title: str, kind: str, field_: str, place: Place, when: dt.date) -> int:
        from danvan.matters.models import Matter

        return self.sink.add(Matter, {
            "organisation_id": org.id, "area_id": org.area_id, "title": title[:300], "content_kind": kind,
            "field": field_, "subject_area_id": place.commune_id, "first_received": when, "status": "open",
            "created_at": _at(when, self.rng),
        })

    def set_matter(self, matter_id: int, status: str, on: dt.date) -> None:
        self.matter_updates[matter_id] = (status, on)

    # ------------------------------------------------------------------ reception
    def generate_reception(self) -> list[dict]:
        from danvan.reception.models import ReceptionSession, Visit

        rng = self.rng
        bar = self._bar(self.visit_target, "Lượt tiếp công dân")
        visit_letters: list[dict] = []
        made = 0
        # Per province: a citizen comes back to an office of the province where the matter is.
        repeaters: dict[int, list[tuple]] = defaultdict(list)  # province id -> [(org, person, place, topic, matter)]
        self.visit_matters = 0
        while made < self.visit_target:
            ctx = self.pick_province()
            r = rng.random()
            if r < 0.35:
                org = ctx.orgs[OrganisationType.PEOPLES_COMMITTEE]
            elif r < 0.42:
                org = ctx.orgs.get(OrganisationType.PARTY_COMMITTEE, ctx.orgs[OrganisationType.PEOPLES_COMMITTEE])
            else:
                commune = ctx.communes[int(rng.random() * len(ctx.communes))]
                org = ctx.commune_orgs[commune.id][OrganisationType.PEOPLES_COMMITTEE]
            day = _weekday_on_or_after(self.random_day())
            if day > self.until:
                day = self.until
            k = rng.random()
            kind = "regular" if k < 0.7 else ("periodic" if k < 0.95 else "ad_hoc")
            presiding = presiding_pos = ""
            if kind != "regular":
                presiding = person_name(rng, male=rng.random() < 0.8, province_code=ctx.area.code)
                presiding_pos = _c(rng, ("Chủ tịch", "Phó Chủ tịch", "Bí thư")) + " " + (
                    "Ủy ban nhân dân" if org.type == OrganisationType.PEOPLES_COMMITTEE else "cấp ủy")
            place_name = _c(rng, ("Trụ sở tiếp công dân", "Phòng tiếp công dân", "Hội trường",
                                     "Bộ phận tiếp công dân")) + f" — {org.name}"
            session_id = self.sink.add(ReceptionSession, {
                "organisation_id": org.id, "area_id": org.area_id, "kind": kind, "date": day,
                "place": place_name[:255], "online": day >= dt.date(2026, 7, 1) and rng.random() < 0.1,
                "presiding_name": presiding, "presiding_position": presiding_pos, "created_at": _at(day, rng),
            })
            for _ in range(1 + int(rng.expovariate(1 / 2.2))):
                if made >= self.visit_target:
                    break
                known = repeaters[ctx.area.id]
                if known and rng.random() < 0.18:
                    _org, person, place, topic, matter_id = known[int(rng.random() * len(known))]
                    occurrence = "repeated"
                else:
                    place = self.pick_place(ctx)
                    person = make_person(rng, province_code=ctx.area.code, year_now=day.year)
                    topic = texts.pick_topic(rng)
                    matter_id = None
                    occurrence = "first" if rng.random() < 0.85 else "repeated"
                persons, reps = 1, 0
                if rng.random() < 0.04:
                    persons = _c(rng, (5, 6, 7, 8, 10, 12, 15, 20, 25, 30, 45, 60))
                    reps = _r(rng, 1, 3) if persons <= 10 else _r(rng, 1, 6)
                case = texts.make_case(rng, topic, person, place, day)
                summary = texts.summary_for(rng, case)
                h = rng.random()
                handling = ("guided" if h < 0.35 else "letter" if h < 0.6 else "explained" if h < 0.85
                            else "forwarded")
                if matter_id is None and rng.random() < 0.5:
                    matter_id = self.matter(org, summary, topic.kind, topic.field, place, day)
                    self.visit_matters += 1
                citizen = self.citizen_id(org, person, place, day)
                visit_id = self.sink.add(Visit, {
                    "organisation_id": org.id, "area_id": org.area_id, "session_id": session_id,
                    "citizen_id": citizen, "persons": persons, "representatives": reps, "occurrence": occurrence,
                    "content_kind": topic.kind, "field": topic.field, "subject_area_id": place.commune_id,
                    "summary": summary, "handling": handling, "matter_id": matter_id,
                    "created_at": _at(day, rng), "date": day,  # Visit.date: its session's date
                })
                if len(known) < 5000:
                    known.append((org, person, place, topic, matter_id))
                else:
                    known[int(rng.random() * 5000)] = (org, person, place, topic, matter_id)
                if handling == "letter":
                    visit_letters.append({"visit_id": visit_id, "org": org, "person": person, "place": place,
                                          "topic": topic, "day": day, "matter_id": matter_id, "ctx": ctx})
                made += 1
                if bar is not None:
                    bar.update(1)
        if bar is not None:
            bar.close()
        return visit_letters

    # ------------------------------------------------------------------ letters
    def receiving_org(self, ctx: ProvinceContext, place: Place, level: str) -> Organisation:
        rng = self.rng
        if level == "commune":
            orgs = ctx.commune_orgs[place.commune_id]
            return orgs[OrganisationType.PEOPLES_COMMITTEE] if rng.random() < 0.85 else orgs.get(
                OrganisationType.FATHERLAND_FRONT, orgs[OrganisationType.PEOPLES_COMMITTEE])
        if level == "central":
            return self.central_board
        r = rng.random()
        if r < 0.6:
            return ctx.orgs[OrganisationType.PEOPLES_COMMITTEE]
        if r < 0.8:
            return ctx.orgs[OrganisationType.MOBILISATION_BOARD]
        if r < 0.9:
            return ctx.orgs[OrganisationType.FATHERLAND_FRONT]
        return ctx.orgs[OrganisationType.PARTY_COMMITTEE]

    def generate_letters(self, visit_letters: list[dict]) -> None:
        rng = self.rng
        self.central_board = Organisation.objects.select_related("area").get(
            type=OrganisationType.MOBILISATION_BOARD, area__level=AreaLevel.NATION)
        self.matter_updates: dict[int, tuple[str, dt.date]] = {}
        self.deadlines = LetterDeadlines()
        bar = self._bar(self.letter_target, "Đơn thư")
        made = 0
        chain_id = 0
        pending_visits = iter(visit_letters)
        while made < self.letter_target:
            chain_id += 1
            from_visit = next(pending_visits, None) if rng.random() < 0.5 else None
            if from_visit is not None:
                ctx, place = from_visit["ctx"], from_visit["place"]
                person, topic = from_visit["person"], from_visit["topic"]
                first_day = from_visit["day"]
            else:
                ctx = self.pick_province()
                place = self.pick_place(ctx)
                first_day = self.random_day()
                person = make_person(rng, province_code=ctx.area.code, year_now=first_day.year)
                topic = texts.pick_topic(rng)
            case = texts.make_case(rng, topic, person, place, first_day)
            length = 1
            if rng.random() < 0.16:
                length = min(6, 2 + int(rng.expovariate(1 / 1.2)))
            level = "commune" if rng.random() < 0.55 else "province"
            previous = None  # (org, letter_id, matter_id, day, template_key, outcome)
            anonymous = topic.kind == "denunciation" and rng.random() < 0.08
            day = first_day
            for position in range(1, length + 1):
                if made >= self.letter_target or day > self.until:
                    break
                flags: list[str] = []
                if previous is None:
                    org = self.receiving_org(ctx, place, level)
                else:
                    flags.append("reworded")
                    if rng.random() < 0.5:
                        level = {"commune": "province", "province": "central" if rng.random() < 0.25 else "province",
                                 "central": "province"}[level]
                        org = self.receiving_org(ctx, place, level)
                        if org.id != previous[0].id:
                            flags.append("resent_other_level")
                    else:
                        org = previous[0]
                no_diacritics = previous is not None and rng.random() < 0.22 or rng.random() < 0.02
                decision_variant = _r(rng, 1, 6) if previous is not None and rng.random() < 0.5 else 0
                letter = texts.write_letter(rng, case, org.name, repeat=position - 1,
                                            previous=previous[3] if previous else None,
                                            avoid=previous[4] if previous else "", no_diacritics=no_diacritics,
                                            decision_variant=decision_variant)
                flags += letter.variant_flags
                source = from_visit if (position == 1 and from_visit is not None) else None
                letter_id = self.write_letter(ctx, org, place, person, topic, case, letter, day, previous, source,
                                              anonymous)
                self.sink.add(GeneratedLabel, {
                    "run_id": self.run_id, "letter_id": letter_id, "chain_id": chain_id, "position": position,
                    "template_key": letter.template_key, "variant": ",".join(dict.fromkeys(flags)),
                })
                previous = (org, letter_id, self._last_matter, day, letter.template_key)
                made += 1
                if bar is not None:
                    bar.update(1)
                day = day + dt.timedelta(days=_r(rng, 15, 240))
        if bar is not None:
            bar.close()

    def write_letter(self, ctx, org, place, person, topic, case, letter, day, previous, source, anonymous) -> int:
        from danvan.letters.models import Letter, LetterPetitioner, StatusChange

        rng = self.rng
        status_rows: list[tuple[str, str, dt.date, str]] = []
        matter_id = None
        duplicate_of_known = False
        if previous is not None and previous[0].id == org.id and rng.random() < 0.6:
            matter_id = previous[2]  # the office recognised the matter
            duplicate_of_known = True
        elif source is not None and source["matter_id"]:
            matter_id = source["matter_id"]
        if matter_id is None:
            matter_id = self.matter(org, letter.summary, topic.kind, topic.field, place, day)
        self._last_matter = matter_id
        channel = "visit" if source else _channel(rng.random())
        values = {
            "organisation_id": org.id, "area_id": org.area_id, "channel": channel, "received_on": day,
            "anonymous": anonymous, "summary": letter.summary[:500], "content": letter.text,
            "content_kind": topic.kind, "field": topic.field, "subject_area_id": place.commune_id,
            "matter_id": matter_id, "signer_count": 0 if anonymous else 1, "created_at": _at(day, rng),
            "source_visit_id": source["visit_id"] if source else None, "status": "received",
        }
        if channel == "forwarded":
            values["forwarded_by_body"] = _c(rng, ("Ban Tiếp công dân Trung ương", "Văn phòng Đoàn ĐBQH tỉnh",
                                                      "Thanh tra tỉnh", "Ban Nội chính Tỉnh ủy"))
            values["forwarded_by_number"] = f"{_r(rng, 10, 999)}/CV-{_c(rng, ('BTCD', 'TTr', 'VP'))}"
        if topic.kind == "complaint" and previous is not None and duplicate_of_known and rng.random() < 0.3:
            values["complaint_round"] = 2
            values["previous_letter_id"] = previous[1]
        status_rows.append(("", "received", day, "Tiếp nhận đơn"))
        self._lifecycle(values, status_rows, org, topic, day, duplicate_of_known, anonymous, place)
        status = values["status"]
        values["due_on"] = (values["acceptance_deadline"] if status in AWAITING_DECISION
                            else values.get("resolution_deadline") if status in BEING_RESOLVED else None)
        citizen_ids: list[int] = []
        if not anonymous:
            signers = 1
            if rng.random() < 0.025:
                signers = 5 + int(rng.expovariate(1 / 4))
            citizen_ids = [self.citizen_id(org, person, place, day)]
            for _ in range(signers - 1):
                co = make_person(rng, province_code=ctx.area.code, year_now=day.year)
                citizen_ids.append(self.citizen_id(org, co, self.pick_place(ctx) if rng.random() < 0.2 else place, day))
            citizen_ids = list(dict.fromkeys(citizen_ids))
        values["signer_count"] = len(citizen_ids)
        letter_id = self.sink.add(Letter, values)
        for pos, cid in enumerate(citizen_ids, start=1):
            self.sink.add(LetterPetitioner, {"letter_id": letter_id, "citizen_id": cid, "position": pos,
                                             "created_at": values["created_at"]})
        for from_s, to_s, on, reason in status_rows:
            self.sink.add(StatusChange, {"letter_id": letter_id, "from_status": from_s, "to_status": to_s,
                                         "at": _at(on, rng), "by_id": None, "reason": reason})
        return letter_id

    def _lifecycle(self, v: dict, status_rows: list, org, topic, day: dt.date, duplicate: bool, anonymous: bool,
                   place: Place) -> None:
        """Walk the letter through the workflow (letters.workflow) as far as time allows before `until`."""
        rng = self.rng
        until = self.until
        kind = topic.kind
        complaint_round = v.get("complaint_round", 1)
        # Stored as the letters app stores them (ADR 0007); `due_on` follows the final status (write_letter).
        v["acceptance_deadline"] = self.deadlines.acceptance(kind, complaint_round, day)
        if duplicate and rng.random() < 0.7:
            filed = day + dt.timedelta(days=_r(rng, 1, 6))
            if filed <= until:
                v.update(status="filed", handling="file", filed_reason="duplicate", decided_on=filed, due_on=None)
                status_rows.append(("received", "filed", filed, "Lưu đơn: trùng với vụ việc đang giải quyết"))
                return
        classified = day + dt.timedelta(days=_r(rng, 1, 7))
        if classified > until:
            return
        qualifying = not anonymous and rng.random() < 0.9
        if org.area.level == AreaLevel.COMMUNE:
            within = rng.random() < 0.6
        elif org.type == OrganisationType.PEOPLES_COMMITTEE:
            within = rng.random() < 0.45
        else:
            within = rng.random() < 0.08
        complexity = "normal" if rng.random() < 0.8 else ("complex" if rng.random() < 0.8 else "especially_complex")
        v.update(status="classified", qualifying=qualifying, within_jurisdiction=within, complexity=complexity,
                 not_qualifying_reason="" if qualifying else ("anonymous" if anonymous else _c(rng,
                     ("missing_address", "missing_signature", "missing_date", "other"))))
        status_rows.append(("received", "classified", classified, "Phân loại đơn"))
        if not within:  # a denunciation outside jurisdiction is forwarded within 5 working days (Luật Tố cáo Điều 24.2)
            v["acceptance_deadline"] = self.deadlines.acceptance(kind, complaint_round, day, within_jurisdiction=False)
        decided = classified + dt.timedelta(days=_r(rng, 0, 6) if rng.random() < 0.9 else _r(rng, 6, 30))
        if decided > until:
            return
        if not qualifying:
            reason = "anonymous" if anonymous else "not_qualifying"
            v.update(status="filed", handling="file", filed_reason=reason, decided_on=decided, due_on=None)
            status_rows.append(("classified", "filed", decided, "Lưu đơn"))
            return
        if kind == "several":
            v.update(status="guided", handling="guide", decided_on=decided, due_on=None)
            status_rows.append(("classified", "guided", decided, "Hướng dẫn công dân tách đơn"))
            return
        if not within:
            if rng.random() < 0.75:
                target = _c(rng, ("Ủy ban nhân dân ", "Thanh tra ", "Công an ")) + place.commune
                v.update(status="forwarded", handling="forward", decided_on=decided, forwarded_to=target,
                         forward_document_number=f"{_r(rng, 1, 900)}/PC-{_c(rng, ('UBND', 'BDV', 'MTTQ'))}",
                         due_on=None)
                status_rows.append(("classified", "forwarded", decided, "Chuyển đơn"))
                reply = decided + dt.timedelta(days=_r(rng, 15, 90))
                if rng.random() < 0.55 and reply <= until:
                    v.update(forward_reply_on=reply,
                             forward_reply_summary="Cơ quan có thẩm quyền đã thụ lý, giải quyết "
                             "và thông báo kết quả cho công dân.")
            else:
                v.update(status="guided", handling="guide", decided_on=decided, due_on=None)
                status_rows.append(("classified", "guided", decided,
                                    "Hướng dẫn công dân gửi đơn đến cơ quan có thẩm quyền"))
            return
        # Accepted (thụ lý): resolution deadline (Luật Khiếu nại 2011 Điều 28; Luật Tố cáo 2018 Điều 30).
        v.update(status="accepted", handling="accept", decided_on=decided, accepted_on=decided)
        status_rows.append(("classified", "accepted", decided, "Thụ lý giải quyết"))
        if kind == "complaint":
            base = 45 if (complexity != "normal" or place.remote) else 30
            if complexity != "normal" and place.remote:
                base = 60
        elif kind == "denunciation":
            base = 30
        else:
            base = 15
        extensions = 0
        if kind == "denunciation" and complexity != "normal" and rng.random() < 0.5:
            extensions = 1 if complexity == "complex" else _r(rng, 1, 3)
        v["extensions"] = extensions
        v["resolution_deadline"] = self.deadlines.resolution(kind, complaint_round, decided, complexity, place.remote,
                                                             extensions)
        started = decided + dt.timedelta(days=_r(rng, 1, 8))
        if started > until:
            return
        v["status"] = "in_progress"
        status_rows.append(("accepted", "in_progress", started, "Bắt đầu giải quyết"))
        late = rng.random() < 0.14
        stuck = rng.random() < 0.03  # never resolved: these make the overdue list
        if stuck:
            return
        span = (base + 30 * extensions) * (rng.uniform(1.05, 2.5) if late else rng.uniform(0.4, 0.98))
        resolved = decided + dt.timedelta(days=int(span))
        if resolved > until:
            return
        outcome = {"complaint": ("c_right", "c_wrong", "c_partly"), "denunciation": ("d_true", "d_false", "d_partly"),
                   "recommendation": ("r_answered",)}[kind]
        v.update(status="resolved", resolved_on=resolved, outcome=_c(rng, outcome), due_on=None,
                 resolution_summary=f"Đã ban hành văn bản giải quyết số {_r(rng, 10, 3000)}/"
                                    f"{_c(rng, ('QĐ-UBND', 'KL-UBND', 'TB-UBND'))}.")
        status_rows.append(("in_progress", "resolved", resolved, "Giải quyết xong"))
        self.set_matter(v["matter_id"], "resolved", resolved)
        closed = resolved + dt.timedelta(days=_r(rng, 3, 25))
        if rng.random() < 0.75 and closed <= until:
            final = rng.random() < 0.35
            v.update(status="closed", closed_on=closed)
            status_rows.append(("resolved", "closed", closed, "Kết thúc đơn"))
            if final:
                self.set_matter(v["matter_id"], "final", resolved)

    def flush_matter_updates(self) -> None:
        """Matter statuses are known only after their letters: written in one pass at the end."""
        from danvan.matters.models import Matter

        self.sink.flush()
        rows = [(status, on, pk) for pk, (status, on) in sorted(self.matter_updates.items())]
        tables = [Matter._meta.db_table] + ([Matter.history.model._meta.db_table] if self.history else [])
        quote = connection.ops.quote_name
        with connection.cursor() as cursor:
            for table in tables:
                if connection.vendor == "postgresql":
                    # One COPY and one joined UPDATE instead of a statement per matter.
                    cursor.execute("CREATE TEMPORARY TABLE datagen_matter_update (status varchar(20), "
                                   "resolved_on date, id bigint) ON COMMIT DROP")
                    with cursor.cursor.copy("COPY datagen_matter_update (status, resolved_on, id) FROM STDIN") as copy:
                        for row in rows:
                            copy.write_row(row)
                    cursor.execute(f"UPDATE {quote(table)} AS m SET status = u.status, resolved_on = u.resolved_on "
                                   f"FROM datagen_matter_update AS u WHERE m.id = u.id")
                    cursor.execute("DROP TABLE datagen_matter_update")
                else:
                    cursor.executemany(f"UPDATE {quote(table)} SET status = %s, resolved_on = %s WHERE id = %s",
                                       [(status, on.isoformat(), pk) for status, on, pk in rows])

    # ------------------------------------------------------------------ mobilisation
    def generate_mobilisation(self) -> None:
        Dialogue = model_or_none("mobilisation.Dialogue")
        if Dialogue is None:
            self.summary.skipped.append("mobilisation: bảng chưa có")
            return
        from . import mobilisation as mob

        mob.generate(self)


def _accumulate(values):
    total = 0
    for v in values:
        total += v
        yield total


def label_chain_ids() -> dict[int, int]:
    return dict(GeneratedLabel.objects.values_list("letter_id", "chain_id"))


def is_empty() -> bool:
    """No letters, no visits and no generated run: the only state `generate` writes into unasked."""
    for label in ("letters.Letter", "reception.Visit"):
        model = model_or_none(label)
        if model is not None and model.objects.exists():
            return False
    return not GeneratedLabel.objects.exists() and not GenerationRun.objects.exists()


def ensure_kinds_known() -> None:
    assert set(texts.KINDS) == set(ContentKind.values)
