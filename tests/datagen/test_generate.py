"""`danvan generate` at a tiny scale: volumes, labels, ground truth, validation, real units, determinism."""

import datetime as dt
import io
import json
from collections import Counter

import pytest
from django.core.management import call_command
from django.db import connection

from danvan.core.text import fold
from danvan.datagen.generator import SCALES, Generator
from danvan.datagen.models import GeneratedLabel, GenerationRun
from danvan.legal.services import current_calendar
from danvan.letters import deadlines
from danvan.letters.models import Complexity, Letter, LetterPetitioner, StatusChange
from danvan.letters.workflow import AWAITING_DECISION, BEING_RESOLVED
from danvan.matters.models import Matter
from danvan.people.models import Citizen
from danvan.reception.models import ReceptionSession, Visit
from danvan.units.models import Area, AreaLevel
from danvan.units.services import create_standard_organisations

UNTIL = dt.date(2026, 10, 31)


@pytest.fixture(autouse=True)
def units(tree):
    """The shared small tree (real Cao Bằng communes) with the offices every unit has."""
    create_standard_organisations(tree.nation, [tree.cao_bang, tree.ha_noi], [tree.quang_lam, tree.hoa_an,
                                                                              tree.hoan_kiem])
    return tree


def generate(seed=5, letters=120, visits=80, history=True):
    return Generator(scale=SCALES["tiny"], seed=seed, until=UNTIL, letters=letters, visits=visits,
                     history=history).run()


def fingerprint():
    letters = list(Letter.objects.order_by("pk").values_list(
        "pk", "summary", "content", "content_kind", "field", "status", "received_on", "due_on", "matter_id",
        "organisation_id", "subject_area_id"))
    visits = list(Visit.objects.order_by("pk").values_list("pk", "summary", "persons", "citizen_id", "session_id"))
    citizens = list(Citizen.objects.order_by("pk").values_list("pk", "full_name", "id_number", "address"))
    labels = list(GeneratedLabel.objects.order_by("letter_id").values_list("letter_id", "chain_id", "variant"))
    return letters, visits, citizens, labels


def wipe_generated():
    """Raw deletes: the application never deletes, but a test must start the second run from empty."""
    from django.apps import apps

    tables = []
    for label in ("datagen", "letters", "reception", "mobilisation", "matters", "people"):
        for model in apps.get_app_config(label).get_models():
            tables.append(model._meta.db_table)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            connection.check_constraints()  # fire the deferred checks first: TRUNCATE refuses pending ones
            cursor.execute("TRUNCATE " + ", ".join(connection.ops.quote_name(t) for t in tables) + " CASCADE")
        else:
            cursor.execute("PRAGMA defer_foreign_keys = ON")
            for table in tables:
                cursor.execute(f"DELETE FROM {connection.ops.quote_name(table)}")
        cursor.execute(f"DELETE FROM {Area._meta.db_table} WHERE level = %s AND code LIKE %s",
                       [AreaLevel.VILLAGE, "0%-%"])  # generated: "<commune code>-<n>"


def test_volumes_labels_and_truth_export(tmp_path):
    summary = generate()
    assert Letter.objects.count() == 120 == GeneratedLabel.objects.count()
    assert Visit.objects.count() == 80
    assert ReceptionSession.objects.exists() and Matter.objects.exists()
    assert LetterPetitioner.objects.count() >= Letter.objects.filter(anonymous=False).count()
    assert StatusChange.objects.filter(to_status="received").count() == 120
    assert summary.counts["letters.Letter"] == 120
    # Every letter of a chain is labelled; some chains are rewritten, re-sent, without diacritics.
    chains = Counter(GeneratedLabel.objects.values_list("chain_id", flat=True))
    assert any(n > 1 for n in chains.values())
    variants = ",".join(GeneratedLabel.objects.values_list("variant", flat=True))
    assert "reworded" in variants and "resent_other_level" in variants and "no_diacritics" in variants
    # Columns the ORM fills on save (a folded copy of the summary for search) are filled here too.
    if any(f.name == "search_text" for f in Letter._meta.concrete_fields):
        for summary, folded in Letter.objects.values_list("summary", "search_text"):
            assert folded == fold(summary)[:500]
    # Large groups exist among the visits.
    assert Visit.objects.filter(persons__gte=5).exists() or Visit.objects.count() < 100
    out = tmp_path / "truth.jsonl"
    call_command("export_duplicate_truth", "-o", str(out), stderr=io.StringIO())
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert {line["letter_id"] for line in lines} == set(Letter.objects.values_list("pk", flat=True))
    truth = {line["letter_id"]: line["chain_id"] for line in lines}
    for letter_id, chain_id in GeneratedLabel.objects.values_list("letter_id", "chain_id")[:50]:
        assert truth[letter_id] == chain_id
    # Letters of one chain share the petitioner (folded name, diacritics or not).
    chain = next(c for c, n in chains.items() if n > 1)
    ids = GeneratedLabel.objects.filter(chain_id=chain).values_list("letter_id", flat=True)
    names = {c.search_name for c in Citizen.objects.filter(letter_links__letter_id__in=ids, letter_links__position=1)}
    assert len(names) <= 1


def test_generated_records_pass_model_validation_and_use_real_communes():
    generate(history=False)
    from django.apps import apps

    checked = 0
    for label in ("letters", "reception", "mobilisation", "matters", "people"):
        for model in apps.get_app_config(label).get_models():
            if model.__name__.startswith("Historical"):
                continue
            # StatusChange.by is null for system actors, as letters.services writes it, but not blank.
            exclude = ["by"] if model is StatusChange else None
            for obj in model._default_manager.all()[:25]:
                obj.full_clean(exclude=exclude)
                checked += 1
    assert checked > 200
    citizen = Citizen.objects.exclude(residence=None).select_related("residence__parent").first()
    assert citizen.residence.level == AreaLevel.COMMUNE and citizen.residence.parent.code == "04"
    assert citizen.residence.name in citizen.address
    village = Area.objects.filter(level=AreaLevel.VILLAGE).select_related("parent").first()
    assert village.parent.level == AreaLevel.COMMUNE and village.path.startswith(village.parent.path)
    assert village.name.split()[0] in {"Thôn", "Xóm", "Bản", "Tổ"}
    # Generated without per-row history: the run is the audit record (ADR 0006).
    run = GenerationRun.objects.get()
    assert run.history == "run" and run.counts["letters.Letter"] == 120
    assert not Letter.history.exists()


def test_per_row_history_is_written_when_asked():
    generate(letters=30, visits=20, history=True)
    assert Letter.history.filter(history_type="+").count() == 30
    assert Visit.history.count() == 20
    assert Citizen.history.count() == Citizen.objects.count()


def test_same_seed_same_data_other_seed_other_data():
    generate(seed=9)
    first = fingerprint()
    wipe_generated()
    generate(seed=9)
    assert fingerprint() == first
    wipe_generated()
    generate(seed=10)
    assert fingerprint() != first


def test_if_empty_leaves_existing_letters_alone():
    generate(letters=20, visits=10)
    call_command("generate", scale="tiny", seed=1, if_empty=True, no_progress=True, stdout=io.StringIO())
    assert Letter.objects.count() == 20


def schema():
    """Every index and constraint of the generated tables, as Django introspection sees them."""
    from django.apps import apps

    tables = sorted(m._meta.db_table for label in ("datagen", "letters", "reception", "matters", "people")
                    for m in apps.get_app_config(label).get_models())
    with connection.cursor() as cursor:
        return {t: connection.introspection.get_constraints(cursor, t) for t in tables}


def test_bulk_mode_rebuilds_every_index_and_constraint_it_suspended():
    before = schema()
    assert any(c["index"] and not c["primary_key"] for c in before["letters_letter"].values())
    Generator(scale=SCALES["tiny"], seed=4, until=UNTIL, letters=60, visits=40, history=True, bulk=True).run()
    assert schema() == before
    assert Letter.objects.count() == 60 and Letter.history.count() == 60
    # Matter statuses, written after the indexes came back, follow their letters (row and history).
    resolved = Matter.objects.filter(status__in=("resolved", "final"), resolved_on__isnull=False)
    assert resolved.exists()
    assert Matter.history.filter(status__in=("resolved", "final")).count() == resolved.count()


def test_stored_deadlines_are_the_ones_the_letters_app_computes():
    """ADR 0007/0010: generated letters carry the deadlines `letters.deadlines.compute` gives (holidays, make-up
    days, calendar periods ending on a day off, remote areas, extensions), and `due_on` the one of their status."""
    generate(letters=300, visits=60, history=False)
    calendar = current_calendar()
    open_letters = kinds = 0
    seen_kinds = set()
    for letter in Letter.objects.select_related("subject_area__parent").order_by("pk"):
        computed = deadlines.compute(letter, calendar)
        assert (letter.acceptance_deadline, letter.resolution_deadline) == (
            computed.acceptance_date, computed.resolution_date), letter.pk
        if letter.status in AWAITING_DECISION:
            expected = computed.acceptance_date
        elif letter.status in BEING_RESOLVED:
            expected = computed.resolution_date
        else:
            expected = None
        assert letter.due_on == expected, letter.pk
        if expected is not None:
            open_letters += 1
            seen_kinds.add(letter.content_kind)
        kinds += 1
    assert kinds == 300 and open_letters >= 5 and len(seen_kinds) >= 2
    assert set(Letter.objects.values_list("complexity", flat=True)) <= set(Complexity.values)
