"""Planted hot spots (issue 21): realistic patterns the early-warning rules must find, recorded in the run.

`danvan generate --hot-spots N` plants N hot spots in distinct communes, cycling over three patterns, all in the
last weeks before `until` (the nightly job computes as of that day):
- crowded: a land-compensation matter of one commune brought by 3–4 large groups (12–60 persons) to the
  commune's reception and by one group letter (6–15 signers);
- over levels: a matter the commune received and has not resolved, sent again to the province's People's
  Committee 8 days later and brought to its reception a week after that;
- surge: 12–16 letters and visits in one field (environment or land) from one commune in the last 30 days,
  each about its own case.
What was planted (pattern, commune, matter) is stored in `GenerationRun.counts["planted_hotspots"]`, so a test or
a bench measures recall and the share of alerts outside the planted communes. A separate random stream keeps the
rest of the data identical with or without planting.
"""

from __future__ import annotations

import datetime as dt
import random

from danvan.core.text import fold
from danvan.units.models import OrganisationType

from . import texts
from .generator import _at
from .names import make_person

PATTERNS = ("crowded", "over_levels", "surge")


def plant(gen, count: int) -> list[dict]:
    from danvan.datagen.models import GeneratedLabel
    from danvan.letters.models import Letter, LetterPetitioner, StatusChange
    from danvan.reception.models import ReceptionSession, Visit

    rng = random.Random(f"danvan:{gen.seed}:hotspots")
    until = gen.until
    planted: list[dict] = []
    used: set[int] = set()
    chain_base = 10_000_000  # chain ids of planted letters, apart from the generator's (1, 2, …)

    def session(org, day):
        return gen.sink.add(ReceptionSession, {
            "organisation_id": org.id, "area_id": org.area_id, "kind": "ad_hoc", "date": day,
            "place": f"Trụ sở tiếp công dân — {org.name}"[:255], "presiding_name": "Nông Văn Chủ",
            "presiding_position": "Chủ tịch Ủy ban nhân dân", "created_at": _at(day, rng),
        })

    def visit(ctx, org, place, topic, day, matter_id, persons, occurrence):
        person = make_person(rng, province_code=ctx.area.code, year_now=day.year)
        case = texts.make_case(rng, topic, person, place, day)
        reps = 0 if persons < 5 else (min(2, persons // 5) if persons <= 10 else 5)
        return gen.sink.add(Visit, {
            "organisation_id": org.id, "area_id": org.area_id, "session_id": session(org, day),
            "citizen_id": gen.citizen_id(org, person, place, day), "persons": persons, "representatives": reps,
            "occurrence": occurrence, "content_kind": topic.kind, "field": topic.field,
            "subject_area_id": place.commune_id, "summary": texts.summary_for(rng, case), "handling": "explained",
            "matter_id": matter_id, "created_at": _at(day, rng), "date": day,
        })

    def letter(ctx, org, place, topic, day, matter_id, signers, chain, position):
        person = make_person(rng, province_code=ctx.area.code, year_now=day.year)
        case = texts.make_case(rng, topic, person, place, day)
        rendered = texts.write_letter(rng, case, org.name, repeat=position - 1)
        acceptance = gen.deadlines.acceptance(topic.kind, 1, day)
        letter_id = gen.sink.add(Letter, {
            "organisation_id": org.id, "area_id": org.area_id, "channel": "direct", "received_on": day,
            "summary": rendered.summary[:500], "search_text": fold(rendered.summary)[:500], "content": rendered.text,
            "content_kind": topic.kind, "field": topic.field, "subject_area_id": place.commune_id,
            "matter_id": matter_id, "signer_count": signers, "created_at": _at(day, rng), "status": "received",
            "acceptance_deadline": acceptance, "due_on": acceptance,
        })
        citizens = [gen.citizen_id(org, person, place, day)]
        for _ in range(signers - 1):
            co = make_person(rng, province_code=ctx.area.code, year_now=day.year)
            citizens.append(gen.citizen_id(org, co, place, day))
        for pos, cid in enumerate(dict.fromkeys(citizens), start=1):
            gen.sink.add(LetterPetitioner, {"letter_id": letter_id, "citizen_id": cid, "position": pos,
                                            "created_at": _at(day, rng)})
        gen.sink.add(StatusChange, {"letter_id": letter_id, "from_status": "", "to_status": "received",
                                    "at": _at(day, rng), "by_id": None, "reason": "Tiếp nhận đơn"})
        gen.sink.add(GeneratedLabel, {"run_id": gen.run_id, "letter_id": letter_id, "chain_id": chain,
                                      "position": position, "template_key": rendered.template_key,
                                      "variant": ",".join(rendered.variant_flags)})
        return letter_id

    for i in range(count):
        pattern = PATTERNS[i % len(PATTERNS)]
        ctx = gen.pick_province()
        free = [c for c in ctx.communes if c.id not in used]
        if not free:
            break
        commune = free[int(rng.random() * len(free))]
        used.add(commune.id)
        places = ctx.places_by_commune[commune.id]
        place = places[int(rng.random() * len(places))]
        commune_org = ctx.commune_orgs[commune.id][OrganisationType.PEOPLES_COMMITTEE]
        province_org = ctx.orgs[OrganisationType.PEOPLES_COMMITTEE]
        chain = chain_base + i
        record = {"pattern": pattern, "commune_id": commune.id, "commune": commune.name}
        if pattern == "crowded":
            topic = texts.TOPIC_BY_KEY["land_compensation"]
            first = until - dt.timedelta(days=rng.randint(50, 70))
            matter = gen.matter(commune_org, f"Nhiều hộ dân {place.commune} khiếu nại mức bồi thường thu hồi đất",
                                topic.kind, topic.field, place, first)
            days = sorted(first + dt.timedelta(days=rng.randint(0, (until - first).days)) for _ in range(3))
            for n, day in enumerate([first] + days[: rng.randint(2, 3)]):
                visit(ctx, commune_org, place, topic, day, matter, rng.randint(12, 60), "first" if n == 0 else
                      "repeated")
            letter(ctx, commune_org, place, topic, first + dt.timedelta(days=rng.randint(3, 20)), matter,
                   rng.randint(6, 15), chain, 1)
            record["matter_id"] = matter
        elif pattern == "over_levels":
            topic = texts.TOPIC_BY_KEY["land_compensation"]
            first = until - dt.timedelta(days=rng.randint(18, 25))
            matter = gen.matter(commune_org, f"Khiếu nại việc thu hồi đất ở {place.commune}", topic.kind,
                                topic.field, place, first)
            letter(ctx, commune_org, place, topic, first, matter, 1, chain, 1)
            letter(ctx, province_org, place, topic, first + dt.timedelta(days=8), matter, 1, chain, 2)
            visit(ctx, province_org, place, topic, min(until, first + dt.timedelta(days=15)), matter, 1, "repeated")
            record["matter_id"] = matter
        else:
            topic = texts.TOPIC_BY_KEY[rng.choice(("pollution", "land_compensation"))]
            record["field"] = topic.field
            for _ in range(rng.randint(12, 16)):
                day = until - dt.timedelta(days=rng.randint(0, 29))
                matter = gen.matter(commune_org, f"Phản ánh ở {place.commune}", topic.kind, topic.field, place, day)
                if rng.random() < 0.5:
                    visit(ctx, commune_org, place, topic, day, matter, 1, "first")
                else:
                    chain += 1000
                    letter(ctx, commune_org, place, topic, day, matter, 1, chain, 1)
        planted.append(record)
    return planted
