"""Issue 12: a protected denouncer's identity is behind one gate (`people.identity`, ADR 0011).

rita received the denunciation (she typed the identity in); alice is her colleague, neither head,
handler nor receiver. Each path the issue lists has its own test; each reveal is counted.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from pathlib import Path

import openpyxl
import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import translation

import danvan
from danvan.core import services as audited
from danvan.core.choices import ContentKind, Field
from danvan.letters import services as letters
from danvan.letters.models import Letter
from danvan.people import identity
from danvan.people.models import Citizen, IdentityReveal
from danvan.reception import services as reception
from danvan.reception.models import Handling
from tests.conftest import make_user
from tests.letters.factories import classify, receive

NAME, CCCD, PHONE, ADDRESS = "Đinh Thị Bảo Mật", "004199887766", "0987001122", "Xóm Khuổi Khon, xã Quảng Lâm"
SECRETS = (NAME, CCCD, PHONE, ADDRESS)
DAY = dt.date(2026, 3, 2)


@pytest.fixture
def denunciation(rita):
    return receive(rita, rita.organisation, kind=ContentKind.DENUNCIATION, summary="Tố cáo cán bộ thu tiền",
                   new_petitioners=[{"full_name": NAME, "id_number": CCCD, "phone": PHONE, "address": ADDRESS}])


@pytest.fixture
def denouncer(denunciation) -> Citizen:
    return denunciation.petitioners.get()


def _body(response) -> str:
    assert response.status_code in (200, 400), response.status_code
    return response.content.decode()


def _leaks(html: str) -> list[str]:
    return [secret for secret in SECRETS if secret in html]


def test_protection_is_sticky_on_the_person(denunciation, denouncer, hana):
    assert denouncer.protected_since is not None and denouncer.recorded_by.username == "rita"
    classify(hana, denunciation, content_kind=ContentKind.RECOMMENDATION, note="Đơn thực chất là kiến nghị")
    denouncer.refresh_from_db()
    assert denouncer.protected_since is not None
    assert Letter.objects.get(pk=denunciation.pk).protects_identity


# --- 1. reclassifying --------------------------------------------------------------------------------

def test_1_an_officer_may_not_reclassify_a_denunciation_and_a_head_must_give_a_reason(denunciation, alice, hana,
                                                                                    client_for):
    url = reverse("letters:letter_action", args=[denunciation.pk, "classify"])
    data = {"classify-content_kind": "recommendation", "classify-field": Field.LAND_HOUSING,
            "classify-qualifying": "yes", "classify-within_jurisdiction": "yes", "classify-complexity": "normal"}
    response = client_for(alice).post(url, data)
    assert response.status_code == 400 and "Chỉ lãnh đạo" in response.content.decode()
    assert Letter.objects.get(pk=denunciation.pk).content_kind == ContentKind.DENUNCIATION
    with pytest.raises(ValidationError) as exc:
        letters.classify_letter(hana, denunciation, content_kind="recommendation", field=Field.LAND_HOUSING,
                                qualifying=True, within_jurisdiction=True)
    assert "lý do" in exc.value.message_dict["note"][0]
    letters.classify_letter(hana, denunciation, content_kind="recommendation", field=Field.LAND_HOUSING,
                            qualifying=True, within_jurisdiction=True, note="Nội dung là kiến nghị")
    assert denunciation.status_changes.last().reason == "Nội dung là kiến nghị"
    # Reclassified, reopened or not: alice still sees the mask and the note.
    html = _body(client_for(alice).get(reverse("letters:letter_detail", args=[denunciation.pk])))
    assert _leaks(html) == [] and "Người tố cáo được bảo vệ" in html
    assert not IdentityReveal.objects.filter(user=alice).exists()


# --- 2. ticking the protected citizen on a new recommendation letter ----------------------------------

def _letter_post(tree, **extra):
    return {"organisation": tree.board_cb.pk, "channel": "direct", "received_on": "02/03/2026",
            "summary": "Kiến nghị sửa đường liên thôn", "content_kind": "recommendation", "field": Field.LAND_HOUSING,
            **extra}


def test_2_ticking_a_protected_citizen_links_the_record_but_shows_nothing(tree, denouncer, alice, client_for):
    client = client_for(alice)
    response = client.post(reverse("letters:letter_create"), _letter_post(tree, existing_petitioners=[denouncer.pk]))
    assert response.status_code == 302
    letter = Letter.objects.exclude(petitioners=None).latest("pk")
    assert list(letter.petitioners.all()) == [denouncer]
    html = _body(client.get(response.url))
    assert _leaks(html) == [] and "Người tố cáo được bảo vệ" in html
    # The matching panel does not offer the denouncer at all, by name or by CCCD.
    for query in ({"petitioner_name": NAME}, {"petitioner_id_number": CCCD}):
        assert _leaks(_body(client.get(reverse("letters:petitioner_matches"), query))) == []


# --- 3. typing the CCCD with a made-up name -----------------------------------------------------------

def test_3_a_typed_name_never_replaces_or_reveals_the_stored_one(tree, denouncer, alice, client_for):
    client = client_for(alice)
    response = client.post(reverse("letters:letter_create"), _letter_post(
        tree, petitioner_name="Tên Bịa Đặt", petitioner_id_number=CCCD))
    assert response.status_code == 302
    letter = Letter.objects.latest("pk")
    assert list(letter.petitioners.all()) == [denouncer]
    denouncer.refresh_from_db()
    assert denouncer.full_name == NAME
    html = _body(client.get(response.url))
    assert _leaks(html) == [] and "Người tố cáo được bảo vệ" in html
    export = client.get(reverse("letters:export"))
    book = openpyxl.load_workbook(io.BytesIO(b"".join(export.streaming_content)), read_only=True)
    cells = [str(value) for sheet in book.worksheets for row in sheet.iter_rows(values_only=True) for value in row]
    assert cells and not any(NAME in value or CCCD in value for value in cells)


# --- 4. recording a visit with that citizen -----------------------------------------------------------

def _visit_post(**extra):
    return {"full_name": "", "id_number": "", "birth_year": "", "address": "", "phone": "", "persons": "1",
            "representatives": "0", "occurrence": "first", "content_kind": ContentKind.COMPLAINT,
            "field": Field.LAND_HOUSING, "subject_area": "", "summary": "Khiếu nại bồi thường", "handling":
            Handling.GUIDED, "matter": "", "notes": ""} | extra


@pytest.mark.parametrize("how", ["picked", "typed"])
def test_4_a_visit_with_the_denouncer_shows_the_mask(tree, denouncer, alice, client_for, how):
    session = reception.open_session(alice, organisation=tree.board_cb, kind="regular", date=DAY, place="Trụ sở")
    client = client_for(alice)
    data = _visit_post(citizen=denouncer.pk) if how == "picked" else _visit_post(full_name="Ai Đó", id_number=CCCD)
    response = client.post(reverse("reception:visit_create", args=[session.pk]), data)
    assert response.status_code == 302
    visit = session.visits.get()
    assert visit.citizen == denouncer
    for url in (reverse("reception:session_detail", args=[session.pk]),
                reverse("reception:visit_detail", args=[visit.pk]),
                reverse("reception:register") + "?from=01/03/2026&to=31/03/2026",
                reverse("letters:letter_from_visit", args=[visit.pk])):
        html = _body(client.get(url))
        assert _leaks(html) == [], url
        assert "Người tố cáo được bảo vệ" in html, url


# --- 5. a denunciation visit edited into a recommendation, or a letter of another kind from it --------

@pytest.fixture
def denunciation_visit(tree, rita):
    session = reception.open_session(rita, organisation=tree.board_cb, kind="regular", date=DAY, place="Trụ sở")
    return reception.record_visit(
        rita, session, citizen=reception.CitizenDetails(full_name=NAME, id_number=CCCD, phone=PHONE, address=ADDRESS),
        content_kind=ContentKind.DENUNCIATION, field=Field.LAND_HOUSING, summary="Tố cáo trưởng thôn",
        handling=Handling.LETTER_RECEIVED)


def test_5a_editing_a_denunciation_visit_into_a_recommendation(denunciation_visit, alice, hana, client_for):
    url = reverse("reception:visit_edit", args=[denunciation_visit.pk])
    data = {k: v for k, v in _visit_post(content_kind="recommendation", handling=Handling.LETTER_RECEIVED).items()
            if k not in ("full_name", "id_number", "birth_year", "address", "phone")}
    response = client_for(alice).post(url, data)
    assert response.status_code == 400 and "Chỉ lãnh đạo" in response.content.decode()
    reception.update_visit(hana, denunciation_visit, content_kind="recommendation", reason="Là kiến nghị")
    html = _body(client_for(alice).get(reverse("reception:visit_detail", args=[denunciation_visit.pk])))
    assert _leaks(html) == [] and "Người tố cáo được bảo vệ" in html


def test_5b_a_letter_of_another_kind_from_a_protected_visit(tree, denunciation_visit, alice, client_for):
    client = client_for(alice)
    response = client.post(reverse("letters:letter_from_visit", args=[denunciation_visit.pk]), {
        "organisation": tree.board_cb.pk, "received_on": "02/03/2026", "summary": "Kiến nghị làm đường",
        "content_kind": "recommendation", "field": Field.LAND_HOUSING})
    assert response.status_code == 302
    html = _body(client.get(response.url))
    assert _leaks(html) == [] and "Người tố cáo được bảo vệ" in html


# --- the history page ---------------------------------------------------------------------------------

def test_history_page_masks_for_the_superuser_and_logs_the_heads_reveal(denouncer, hana, root, rita, client_for):
    audited.update(denouncer, rita, reason="Sửa số điện thoại", phone="0987009999")
    url = reverse("history", args=["people", "citizen", denouncer.pk])
    html = _body(client_for(root).get(url))
    assert _leaks(html) == [] and "0987009999" not in html and "Người tố cáo được bảo vệ" in html
    assert not IdentityReveal.objects.exists()
    html = _body(client_for(hana).get(url))
    assert NAME in html and "0987009999" in html
    assert list(IdentityReveal.objects.values_list("user__username", flat=True)) == ["hana"]


# --- who sees, and exactly one audit row per reveal ---------------------------------------------------

def test_head_handler_and_receiver_each_see_it_once_logged(tree, denunciation, denouncer, hana, rita, alice,
                                                           client_for):
    handler = make_user("dung", tree.board_cb, "officer")
    letters.assign_handler(hana, denunciation, handler)
    url = reverse("letters:letter_detail", args=[denunciation.pk])
    for user in (hana, handler, rita):
        html = _body(client_for(user).get(url))
        assert NAME in html and CCCD in html, user
        assert IdentityReveal.objects.filter(user=user, citizen=denouncer).count() == 1, user
        reveal = IdentityReveal.objects.get(user=user)
        assert denunciation.code in reveal.context and reveal.at is not None
    assert _leaks(_body(client_for(alice).get(url))) == []
    assert IdentityReveal.objects.count() == 3


def test_the_letter_list_follows_the_same_rule_for_each_reader(tree, denunciation, denouncer, hana, rita, alice,
                                                               client_for):
    """The list reads its names as values, not records (`letters_petitioner_names`): head, handler and receiver see
    the name with one reveal logged each; a colleague, an inactive account and no account at all do not."""
    handler = make_user("dung", tree.board_cb, "officer")
    letters.assign_handler(hana, denunciation, handler)
    url = reverse("letters:letter_list")
    for user in (hana, handler, rita):
        html = _body(client_for(user).get(url))
        assert denunciation.code in html and NAME in html, user
        reveal = IdentityReveal.objects.get(user=user, citizen=denouncer)
        assert reveal.context == "Danh sách đơn"
    html = _body(client_for(alice).get(url))
    assert denunciation.code in html and _leaks(html) == [] and identity.MASK in html
    assert not IdentityReveal.objects.filter(user=alice).exists()
    assert identity.letters_petitioner_names(None, [denunciation], context="t") == {denunciation.pk: [identity.MASK]}
    handler.is_active = False
    assert identity.letters_petitioner_names(handler, [denunciation], context="t") == {
        denunciation.pk: [identity.MASK]}


def test_the_rule_in_one_place(denouncer, hana, rita, alice, root, bob):
    assert [identity.may_see(u, denouncer) for u in (hana, rita, alice, root, bob)] == [True, True, False, False,
                                                                                      False]
    assert identity.show(alice, denouncer, context="t").masked
    assert str(denouncer) == f"Công dân số {denouncer.pk}"


def test_the_one_rendering_of_an_identity(denouncer, alice, hana):
    """`identity_html` (`{% person %}` on every page): what each user gets, escaped, in each form asked for."""
    masked = identity.identity_html(identity.show(alice, denouncer, context="t"), contacts=True)
    assert _leaks(masked) == []
    assert masked == (f'<span class="masked">{identity.MASK}</span> '
                      '<span class="badge warn">Người tố cáo được bảo vệ</span>')
    shown = identity.show(hana, denouncer, context="t")
    full = identity.identity_html(shown, contacts=True)
    assert full == (f'<strong>{NAME}</strong><br><span class="muted">CCCD: {CCCD}</span>'
                    f'<br><span class="muted">{ADDRESS}</span><br><span class="muted">Điện thoại: {PHONE}</span>')
    assert PHONE not in identity.identity_html(shown)  # contacts only where asked
    assert identity.identity_html(shown, brief=True) == f"<strong>{NAME}</strong>"
    hostile = identity.ShownIdentity(1, "<script>x</script>", "1&2", 1970, '"a"', "", "", False, False)
    assert identity.identity_html(hostile) == (
        '<strong>&lt;script&gt;x&lt;/script&gt;</strong>, sinh năm 1970<br><span class="muted">CCCD: 1&amp;2</span>'
        '<br><span class="muted">&quot;a&quot;</span>')
    with translation.override("en"):
        assert "Phone: " + PHONE in identity.identity_html(shown, contacts=True)


def _identity_html_by_format_html(shown, *, brief=False, contacts=False):
    """`identity_html` as it was written before it escaped in one pass (four `format_html` calls)."""
    from django.utils.html import format_html
    from django.utils.safestring import mark_safe
    from django.utils.translation import gettext

    if shown.masked:
        return format_html('<span class="masked">{}</span> <span class="badge warn">{}</span>', shown.full_name,
                           shown.note)
    parts = [format_html("<strong>{}</strong>", shown.full_name)]
    if not brief:
        if shown.birth_year:
            parts.append(format_html(", {} {}", gettext("sinh năm"), int(shown.birth_year)))
        if shown.id_number:
            parts.append(format_html('<br><span class="muted">{}: {}</span>', gettext("CCCD"), shown.id_number))
        if shown.address:
            parts.append(format_html('<br><span class="muted">{}</span>', shown.address))
        if contacts and shown.phone:
            parts.append(format_html('<br><span class="muted">{}: {}</span>', gettext("Điện thoại"), shown.phone))
    return mark_safe("".join(parts))


@pytest.mark.parametrize("language", ["vi", "en"])
def test_the_one_rendering_writes_what_format_html_wrote(language, denouncer, alice, hana):
    """The one-pass writer gives the former `format_html` markup character for character: hostile text in every
    field, quotes of both kinds, text already marked safe, a year of 0 or none, masked and not, in both
    languages and every form asked for."""
    from django.utils.safestring import mark_safe

    hostile = "<b>Lê</b> & 'Văn' \"A\" &amp; </td>"
    people = [
        identity.show(alice, denouncer, context="t"),
        identity.show(hana, denouncer, context="t"),
        identity.ShownIdentity(1, hostile, hostile, 1970, hostile, hostile, "", False, False),
        identity.ShownIdentity(2, hostile, "", 0, "", hostile, "", False, True),
        identity.ShownIdentity(3, mark_safe("<em>An</em>"), "079", None, mark_safe("A &amp; B"), "09", "", False,
                               False),
        identity.ShownIdentity(4, identity.MASK, "", None, identity.MASK, "", "", True, True),
        identity.ShownIdentity(5, "", "", None, "", "", "", False, False),
    ]
    with translation.override(language):
        for shown in people:
            for brief in (False, True):
                for contacts in (False, True):
                    written = identity.identity_html(shown, brief=brief, contacts=contacts)
                    assert written == _identity_html_by_format_html(shown, brief=brief, contacts=contacts)
                    assert hasattr(written, "__html__")
    assert "&lt;b&gt;Lê&lt;/b&gt; &amp; &#x27;Văn&#x27; &quot;A&quot; &amp;amp; &lt;/td&gt;" in identity.identity_html(
        people[2])


# --- static check: nothing but the gate reads identity fields for display ----------------------------

SRC = Path(danvan.__file__).parent
FIELDS = "full_name|id_number|phone|address|email|birth_year"
# Files that read identity fields for something other than display, each for a reason.
ALLOWED = {
    "people/identity.py": "the gate itself",
    "people/models.py": "the model",
    "people/services.py": "matching and recording citizens (returns records, not text)",
    "people/migrations": "schema",
    "reception/services.py": "CitizenDetails typed at the desk, before a record exists",
    "duplicates/index.py": "keeps a protected identity OUT of the duplicate features",
    "duplicates/services.py": "petitioner keys for matching, never shown",
    "duplicates/bench_scenarios.py": "benchmark corpus",
    "datagen": "generated data",
    "accounts/models.py": "User.get_full_name, not a citizen",
    "workqueue/reminders.py": "the account's own e-mail address for its digest (a User, not a citizen)",
}
TEMPLATE_READ = re.compile(rf"\{{[{{%][^}}]*?(?<!form)\.({FIELDS})\b")
# `shown.…` reads a ShownIdentity the gate produced (masked or not, as the user may see it).
PYTHON_READ = re.compile(rf"(?<!form)(?<!data)(?<!details)(?<!shown)\.({FIELDS})\b")


def _allowed(path: Path) -> bool:
    relative = path.relative_to(SRC).as_posix()
    return any(relative == allowed or relative.startswith(allowed + "/") for allowed in ALLOWED)


def test_no_template_or_view_reads_identity_fields_outside_the_gate():
    offenders = []
    for path in sorted(SRC.rglob("*")):
        if path.suffix not in (".py", ".html") or _allowed(path) or "locale" in path.parts:
            continue
        pattern = TEMPLATE_READ if path.suffix == ".html" else PYTHON_READ
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if pattern.search(line):
                offenders.append(f"{path.relative_to(SRC)}:{number}: {line.strip()[:100]}")
    assert not offenders, "identity fields read outside people.identity:\n" + "\n".join(offenders)


def test_the_static_check_would_catch_a_direct_read():
    assert TEMPLATE_READ.search("<td>{{ visit.citizen.full_name }}</td>")
    assert TEMPLATE_READ.search("{% if p.phone %}")
    assert not TEMPLATE_READ.search("{{ form.full_name.as_field_group }}")
    assert PYTHON_READ.search("names = [link.citizen.full_name for link in links]")
    assert not PYTHON_READ.search("label = shown.full_name")


def test_the_migration_protects_earlier_denouncers_and_finds_who_recorded_them(denouncer, rita, tree):
    import importlib

    from django.apps import apps

    plain = receive(rita, tree.board_cb, name="Nông Văn Thường").petitioners.get()
    Citizen.objects.update(protected_since=None, recorded_by=None)
    migration = importlib.import_module("danvan.people.migrations.0002_citizen_protection_and_recorder")
    migration.backfill(apps, None)
    denouncer.refresh_from_db()
    plain.refresh_from_db()
    assert denouncer.protected_since is not None and plain.protected_since is None
    assert denouncer.recorded_by == rita and plain.recorded_by == rita


def test_rows_written_beside_the_services_get_their_denouncers_protected(denouncer, rita, tree):
    """`protect_existing_denouncers` (the generator's bulk path): denouncers marked, others not, each counted once."""
    from danvan.people.identity import protect_existing_denouncers

    plain = receive(rita, tree.board_cb, name="Nông Văn Thường").petitioners.get()
    Citizen.objects.update(protected_since=None)
    assert protect_existing_denouncers() == 1
    denouncer.refresh_from_db()
    plain.refresh_from_db()
    assert denouncer.protected_since is not None and plain.protected_since is None
    assert protect_existing_denouncers() == 0
