"""Suggestions in the application: kept up to date with the letters, scoped, masked, and decided on."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied
from django.core.management import call_command

from danvan.core import services as audited
from danvan.core.choices import ContentKind
from danvan.duplicates import index as dup_index
from danvan.duplicates import services
from danvan.duplicates.models import DuplicateDecision, LetterFingerprint, Verdict
from danvan.letters import services as letter_services
from danvan.letters.models import FiledReason, Letter
from danvan.letters.workflow import LetterStatus
from danvan.matters.models import MatterStatus
from danvan.matters.services import set_matter_status
from danvan.people.services import MASK
from tests.letters.factories import receive

D = dt.date
LAND = dict(
    summary="Khiếu nại Quyết định số 125/QĐ-UBND ngày 12/4/2024 về bồi thường thu hồi đất",
    content="Gia đình tôi có 300 m² đất lúa thửa số 45, tờ bản đồ số 12 bị thu hồi làm đường; tiền bồi thường "
            "1.230.000.000 đồng thấp hơn giá thị trường.",
)
LAND_AGAIN = dict(
    summary="Don khieu nai lan 2 ve QD 125/QD-UBND ngay 12/04/2024",
    content="Tien boi thuong 1230000000 dong cho thua 45 to ban do 12 qua thap, toi da gui don nhung chua duoc "
            "tra loi.",
)
PIGS = dict(summary="Phản ánh trại lợn Phúc Sen xả thải ra suối Khuổi Khon",
            content="Trại lợn 2.000 con xả nước thải ra suối, 27 hộ không có nước sạch.")


@pytest.fixture(autouse=True)
def fresh_index():
    dup_index.forget()
    yield
    dup_index.forget()


def codes(suggestions):
    return [s.letter.code for s in suggestions]


def test_a_repeat_is_suggested_with_its_reasons(tree, alice):
    first = receive(alice, tree.ubnd_quang_lam, name="Nông Văn Dũng", received_on=D(2024, 6, 3),
                    subject_area=tree.quang_lam, **LAND)
    receive(alice, tree.ubnd_quang_lam, name="Lý Thị Mai", received_on=D(2024, 6, 10), field="environment",
            kind=ContentKind.RECOMMENDATION, subject_area=tree.quang_lam, **PIGS)
    again = receive(alice, tree.board_cb, name="Nong Van Dung", received_on=D(2024, 8, 19),
                    subject_area=tree.quang_lam, **LAND_AGAIN)
    suggestions = services.suggestions_for_letter(alice, again)
    assert codes(suggestions)[0] == first.code
    top = suggestions[0]
    assert top.likely_same and top.matter == first.matter
    joined = " | ".join(top.reasons)
    assert "Trùng họ tên người viết đơn" in joined
    assert "125/QĐ-UBND" in joined and "12/4/2024" in joined and "1.230.000.000" in joined
    assert "thửa 45 tờ bản đồ 12" in joined
    assert "Cùng địa bàn: Xã Quảng Lâm" in joined and "Cùng lĩnh vực: Đất đai, nhà ở" in joined
    # the earlier letter sees nothing received after it
    assert again.code not in codes(services.suggestions_for_letter(alice, first))


def test_the_index_follows_letters_edited_archived_and_rebuilt(tree, alice):
    first = receive(alice, tree.ubnd_quang_lam, received_on=D(2024, 6, 3), **PIGS)
    draft = dict(text="trại lợn Phúc Sen xả thải suối Khuổi Khon", received_on=D(2024, 9, 1))
    assert codes(services.suggestions_for_draft(alice, **draft)) == [first.code]
    letter_services.amend_letter(alice, first, reason="Sửa tóm tắt", summary="Đề nghị sửa đường liên thôn",
                                 content="Đường liên thôn bị sạt lở sau mưa lũ.")
    assert services.suggestions_for_draft(alice, **draft) == []
    assert codes(services.suggestions_for_draft(alice, text="đường liên thôn sạt lở")) == [first.code]
    audited.archive(Letter.objects.get(pk=first.pk), alice, reason="Nhập trùng")
    assert services.suggestions_for_draft(alice, text="đường liên thôn sạt lở") == []
    assert LetterFingerprint.objects.get(letter_id=first.pk).active is False

    second = receive(alice, tree.ubnd_quang_lam, received_on=D(2024, 6, 3), **PIGS)
    LetterFingerprint.objects.all().delete()  # derived data, lost: the command rebuilds it
    call_command("reindex_duplicates", stdout=__import__("io").StringIO())
    assert LetterFingerprint.objects.count() == 2
    assert codes(services.suggestions_for_draft(alice, **draft)) == [second.code]


def test_another_process_sees_a_letter_written_elsewhere(tree, alice):
    first = receive(alice, tree.ubnd_quang_lam, received_on=D(2024, 6, 3), **PIGS)
    assert codes(services.suggestions_for_draft(alice, text=PIGS["summary"])) == [first.code]
    dup_index._STATE.index.remove(first.pk)  # as if this process had loaded its index before the letter…
    dup_index._STATE.revisions.pop(first.pk)
    dup_index._STATE.recent.pop(first.pk)
    assert codes(services.suggestions_for_draft(alice, text=PIGS["summary"])) == [first.code]  # …synced


def test_an_officer_sees_only_suggestions_in_their_subtree(tree, alice, bob, charlie):
    in_hoa_an = receive(alice, tree.ubnd_hoa_an, received_on=D(2024, 5, 1), **PIGS)
    in_quang_lam = receive(alice, tree.ubnd_quang_lam, received_on=D(2024, 5, 2), **PIGS)
    text = dict(text=PIGS["summary"] + " " + PIGS["content"])
    assert set(codes(services.suggestions_for_draft(alice, **text))) == {in_hoa_an.code, in_quang_lam.code}
    assert codes(services.suggestions_for_draft(bob, **text)) == [in_quang_lam.code]
    assert services.suggestions_for_draft(charlie, **text) == []


def test_a_protected_denouncer_stays_masked_and_unmatched(tree, alice, rita, hana):
    # Received by rita: alice is neither head, handler nor receiver (ADR 0011).
    denunciation = receive(
        rita, tree.ubnd_quang_lam, kind=ContentKind.DENUNCIATION, received_on=D(2024, 3, 11),
        summary="Tố cáo cán bộ địa chính nhận tiền làm sổ đỏ",
        content="Tôi Hoàng Văn Tú tố cáo ông Lương Văn Hải nhận 15.000.000 đồng ngày 20/01/2024 để làm giấy "
                "chứng nhận thửa số 112 tờ bản đồ số 7.",
        new_petitioners=[{"full_name": "Hoàng Văn Tú", "id_number": "004071009876", "birth_year": 1971}])
    # Typing only the denouncer's name and ID finds nothing, whoever types it below head level.
    by_name = dict(text="", petitioners=[("Hoàng Văn Tú", "004071009876", 1971)])
    assert services.suggestions_for_draft(alice, **by_name) == []
    assert services.suggestions_for_draft(alice, text="Hoàng Văn Tú") == []
    # The matter itself is found by its content, with the petitioner masked and its numbers not listed.
    about = dict(text="ông Lương Văn Hải địa chính nhận 15.000.000 đồng ngày 20/01/2024 làm sổ đỏ")
    [suggestion] = services.suggestions_for_draft(alice, **about)
    assert suggestion.letter == denunciation and suggestion.petitioner == MASK
    assert not any("15.000.000" in r or "20/1/2024" in r for r in suggestion.reasons)
    assert any(r.startswith("Cùng 2 số văn bản") for r in suggestion.reasons)
    # A head may match on the identity, but the suggestion still does not name the denouncer.
    [seen_by_head] = services.suggestions_for_draft(hana, **by_name)
    assert seen_by_head.letter == denunciation and seen_by_head.petitioner == MASK
    assert any("15.000.000" in r for r in services.suggestions_for_draft(hana, **about)[0].reasons)
    # No reason, for anyone, names the denouncer (identity gate, issue 19).
    for user, draft in ((alice, about), (hana, about), (hana, by_name)):
        for s in services.suggestions_for_draft(user, **draft):
            assert not any("Hoàng Văn Tú" in r or "004071009876" in r for r in s.reasons)


def test_confirming_same_matter_joins_and_files_a_repeat_of_a_resolved_matter(tree, alice):
    first = receive(alice, tree.ubnd_quang_lam, name="Nông Văn Dũng", received_on=D(2024, 6, 3), **LAND)
    set_matter_status(alice, first.matter, MatterStatus.RESOLVED, on=D(2024, 7, 30))
    again = receive(alice, tree.board_cb, name="Nông Văn Dũng", received_on=D(2024, 8, 19), **LAND_AGAIN)
    decision = services.confirm_same_matter(alice, again, first, on=D(2024, 8, 20))
    again.refresh_from_db()
    assert again.matter_id == first.matter_id
    assert again.status == LetterStatus.FILED and again.filed_reason == FiledReason.DUPLICATE
    assert decision.verdict == Verdict.SAME_MATTER and decision.decided_by == alice and decision.score > 0.25
    assert decision.history.get().history_user == alice
    assert again.history.filter(history_user=alice, matter=first.matter).exists()
    # now in the same matter, it is no longer suggested
    assert first.code not in codes(services.suggestions_for_letter(alice, again))


def test_confirming_a_matter_still_open_joins_without_filing(tree, alice):
    first = receive(alice, tree.ubnd_quang_lam, name="Nông Văn Dũng", received_on=D(2024, 6, 3), **LAND)
    again = receive(alice, tree.board_cb, name="Nông Văn Dũng", received_on=D(2024, 8, 19), **LAND_AGAIN)
    services.confirm_same_matter(alice, again, first)
    again.refresh_from_db()
    assert again.matter_id == first.matter_id and again.status == LetterStatus.RECEIVED


def test_a_rejected_suggestion_is_recorded_and_not_shown_again(tree, alice):
    first = receive(alice, tree.ubnd_quang_lam, received_on=D(2024, 6, 3), **LAND)
    again = receive(alice, tree.board_cb, received_on=D(2024, 8, 19), **LAND_AGAIN)
    decision = services.reject_suggestion(alice, again, first, note="Khác thửa đất")
    assert decision.verdict == Verdict.DIFFERENT and decision.note == "Khác thửa đất"
    assert decision.history.get().history_user == alice
    assert first.code not in codes(services.suggestions_for_letter(alice, again))
    again.refresh_from_db()
    assert again.matter_id != first.matter_id


def test_a_viewer_or_an_outsider_cannot_decide(tree, alice, bob, charlie):
    first = receive(alice, tree.ubnd_quang_lam, received_on=D(2024, 6, 3), **LAND)
    again = receive(alice, tree.ubnd_quang_lam, received_on=D(2024, 8, 19), **LAND_AGAIN)
    for user in (bob, charlie):
        with pytest.raises(PermissionDenied):
            services.confirm_same_matter(user, again, first)
    assert DuplicateDecision.objects.count() == 0
    assert Letter.objects.get(pk=again.pk).matter_id != first.matter_id


# ----------------------------------------------------------------------------------------------- views

def test_intake_fragment_follows_what_is_typed(tree, alice, client_for):
    first = receive(alice, tree.ubnd_quang_lam, name="Nông Văn Dũng", received_on=D(2024, 6, 3), **LAND)
    client = client_for(alice)
    response = client.post("/don-trung/du-thao/", {
        "summary": LAND_AGAIN["summary"], "content": "", "petitioner_name": "Nong Van Dung",
        "received_on": "19/08/2024", "field": "land", "subject_area": "",
    }, HTTP_HX_REQUEST="true")
    html = response.content.decode()
    assert response.status_code == 200 and "<html" not in html
    assert first.code in html and "Rất có thể cùng vụ việc" in html and "125/QĐ-UBND" in html
    # half-typed date: ignored, suggestions still come
    response = client.post("/don-trung/du-thao/", {"summary": LAND_AGAIN["summary"], "received_on": "19/08/20"},
                           HTTP_HX_REQUEST="true")
    assert first.code in response.content.decode()
    nothing = client.post("/don-trung/du-thao/", {"summary": "Kiến nghị lắp đèn chiếu sáng ngõ xóm"},
                          HTTP_HX_REQUEST="true")
    assert "Chưa thấy đơn nào" in nothing.content.decode()


def test_letter_page_fragment_and_decisions(tree, alice, bob, client_for):
    first = receive(alice, tree.ubnd_quang_lam, received_on=D(2024, 6, 3), **LAND)
    again = receive(alice, tree.ubnd_quang_lam, received_on=D(2024, 8, 19), **LAND_AGAIN)
    detail = client_for(alice).get(f"/don-thu/{again.pk}/")
    assert f"/don-trung/thu/{again.pk}/" in detail.content.decode()
    client = client_for(alice)
    fragment = client.get(f"/don-trung/thu/{again.pk}/", HTTP_HX_REQUEST="true").content.decode()
    assert first.code in fragment and f"/don-trung/thu/{again.pk}/cung-vu-viec/{first.pk}/" in fragment
    full_page = client.get(f"/don-trung/thu/{again.pk}/").content.decode()
    assert "<html" in full_page and first.code in full_page
    # a viewer sees the suggestions but no buttons, and a POST is refused
    viewer = client_for(bob)
    assert "cung-vu-viec" not in viewer.get(f"/don-trung/thu/{again.pk}/", HTTP_HX_REQUEST="true").content.decode()
    assert viewer.post(f"/don-trung/thu/{again.pk}/cung-vu-viec/{first.pk}/").status_code == 403
    assert not DuplicateDecision.objects.exists()
    client = client_for(alice)
    response = client.post(f"/don-trung/thu/{again.pk}/cung-vu-viec/{first.pk}/", follow=True)
    assert "Đã ghi nhận: đơn cùng vụ việc" in response.content.decode()
    assert Letter.objects.get(pk=again.pk).matter_id == first.matter_id
    assert client.get(f"/don-trung/thu/{again.pk}/cung-vu-viec/{first.pk}/").status_code == 405


# ------------------------------------------------------------------------------- scores without history

def _scores_by_text(user, letters) -> dict[tuple[str, str], float]:
    """Every (letter, suggested letter) score, keyed by the letters' summaries (ids differ between rounds)."""
    scores = {}
    for letter in letters:
        for s in services.suggestions_for_letter(user, letter, k=20):
            scores[letter.summary, s.letter.summary] = s.score
    return scores


def test_scores_do_not_depend_on_arrival_order_restart_or_rebuild(tree, hana):
    """Issue 19: the same letters give the same scores, exactly, whatever the order they were received in, after
    a restart (the process's index dropped and reloaded) and after a rebuild of the fingerprints."""
    from danvan.duplicates.models import IndexGeneration
    from tests.duplicates.handwritten import LETTERS

    chosen = [w for w in LETTERS if w.org in ("ubnd_quang_lam", "board_cb")][:16]

    def receive_all(order):
        received = []
        for w in order:
            received.append(receive(hana, getattr(tree, w.org), name=w.name, received_on=w.received_on,
                                    summary=w.summary, content=w.content, kind=w.kind, field=w.field,
                                    subject_area=getattr(tree, w.area)))
            services.suggestions_for_letter(hana, received[-1])  # the index is in use while letters arrive
        return received

    first = receive_all(chosen)
    dup_index.refresh_statistics()  # the scheduled refresh, once every letter is in
    expected = _scores_by_text(hana, first)
    assert len(expected) > 20
    dup_index.forget()  # a restart
    assert _scores_by_text(hana, first) == expected
    call_command("reindex_duplicates", stdout=__import__("io").StringIO())  # a rebuild
    assert _scores_by_text(hana, first) == expected
    generation = IndexGeneration.objects.order_by("-pk").first()
    assert generation.letters == len(chosen)

    # The same letters again, received in the reverse order (the first ones archived: nothing is deleted).
    for letter in first:
        audited.archive(Letter.objects.get(pk=letter.pk), hana, reason="Nhập lại theo thứ tự khác")
    second = receive_all(list(reversed(chosen)))
    dup_index.refresh_statistics()
    assert _scores_by_text(hana, second) == expected


def test_a_letter_added_after_the_snapshot_does_not_move_other_scores(tree, alice):
    first = receive(alice, tree.ubnd_quang_lam, name="Nông Văn Dũng", received_on=D(2024, 6, 3), **LAND)
    again = receive(alice, tree.board_cb, name="Nông Văn Dũng", received_on=D(2024, 8, 19), **LAND_AGAIN)
    [before] = [s.score for s in services.suggestions_for_letter(alice, again) if s.letter == first]
    for day in range(1, 6):  # more repeats of the same matter arrive, filed in its matter
        receive(alice, tree.ubnd_cb, name="Nông Văn Dũng", received_on=D(2024, 9, day), matter=first.matter,
                **LAND_AGAIN)
    [after] = [s.score for s in services.suggestions_for_letter(alice, again) if s.letter == first]
    assert after == before
    out = __import__("io").StringIO()
    call_command("reindex_duplicates", "--statistics", stdout=out)  # the scheduled refresh
    assert "7 đơn, 2 vụ việc" in out.getvalue()
    # even once they are counted, a matter's repeats do not dilute its words
    [refreshed] = [s.score for s in services.suggestions_for_letter(alice, again) if s.letter == first]
    assert refreshed == before


# ----------------------------------------------------------------------------------- evidence and bands

def test_same_person_other_decision_is_unlikely_and_says_why(tree, alice):
    """The same man's boilerplate complaint against another decision of the commune chairman (issue 19): the
    conflicting decision numbers count against, and the officer is told why."""
    from tests.duplicates.handwritten import LETTERS

    def receive_written(w):
        return receive(alice, getattr(tree, w.org), name=w.name, received_on=w.received_on, summary=w.summary,
                       content=w.content, kind=w.kind, field=w.field, subject_area=getattr(tree, w.area))

    fine, fine_again, kiosk = [receive_written(w) for w in LETTERS if w.matter in ("P", "Q")][:3]
    about_fine = [s for s in services.suggestions_for_letter(alice, kiosk) if s.matter in (fine.matter,
                                                                                             fine_again.matter)]
    assert len(about_fine) == 2
    for s in about_fine:
        assert s.hit.conflict == 1.0 and not s.likely_same and "Khác số quyết định" in s.reasons
    # The repeat of the fine, which cites the same decision, is flagged.
    [repeat] = [s for s in services.suggestions_for_letter(alice, fine_again) if s.letter == fine]
    assert repeat.likely_same and repeat.hit.conflict == 0 and "Khác số quyết định" not in repeat.reasons


def test_a_group_and_one_resident_on_the_same_matter(tree, alice):
    group = receive(alice, tree.ubnd_quang_lam, name="Lưu Văn Cao", received_on=D(2024, 6, 17),
                    subject_area=tree.quang_lam, summary="18 hộ xóm Nà Mạ đề nghị khơi thông cống thủy lợi bị lấp",
                    content="Chúng tôi gồm 18 hộ dân xóm Nà Mạ kiến nghị khơi thông cống thủy lợi cánh đồng Pác Rằng "
                            "bị đơn vị thi công đường đổ đất lấp, 3 ha lúa bị ngập úng.")
    one = receive(alice, tree.board_cb, name="Lưu Thị Bích", received_on=D(2024, 8, 26), subject_area=tree.quang_lam,
                  summary="Ruộng Pác Rằng vẫn ngập vì cống thủy lợi bị lấp",
                  content="Ruộng nhà tôi ở cánh đồng Pác Rằng bị ngập vì cống thủy lợi bị đơn vị thi công đường đổ "
                          "đất lấp, lúa chết.")
    [s] = services.suggestions_for_letter(alice, one)
    assert s.letter == group and not s.hit.other_petitioner and "Người viết đơn khác" not in s.reasons


def test_bands_replace_percentages_in_the_page(tree, alice, client_for):
    first = receive(alice, tree.ubnd_quang_lam, name="Nông Văn Dũng", received_on=D(2024, 6, 3), **LAND)
    again = receive(alice, tree.ubnd_quang_lam, name="Nông Văn Dũng", received_on=D(2024, 8, 19), **LAND_AGAIN)
    html = client_for(alice).get(f"/don-trung/thu/{again.pk}/", HTTP_HX_REQUEST="true").content.decode()
    assert first.code in html and "Rất có thể cùng vụ việc" in html and "%</strong>" not in html
    assert "Trùng họ tên người viết đơn" in html


@pytest.mark.django_db
def test_an_old_address_is_the_same_place_as_its_new_commune():
    """Issue 18 in duplicate detection: "xã Diễn Kim, huyện Diễn Châu, Nghệ An" is today's Xã Hải Châu."""
    from danvan.accounts.models import Role
    from danvan.duplicates import addresses
    from danvan.units.legacy import load_legacy_units
    from danvan.units.models import Area, AreaLevel, OrganisationType
    from danvan.units.services import load_administrative_units
    from tests.conftest import make_org, make_user

    load_administrative_units(with_organisations=False)
    load_legacy_units(provinces={"40"})
    addresses.forget()
    nghe_an = Area.objects.get(level=AreaLevel.PROVINCE, code="40", valid_to__isnull=True)
    hai_chau = Area.objects.get(level=AreaLevel.COMMUNE, name="Xã Hải Châu", valid_to__isnull=True, parent=nghe_an)
    assert addresses.communes_named("Tôi ở xóm 3, xã Diễn Kim, huyện Diễn Châu, Nghệ An.") == {hai_chau.pk}
    assert addresses.communes_named("Tôi ở xóm 3, xã Hải Châu, tỉnh Nghệ An.") == {hai_chau.pk}
    officer = make_user("na", make_org("Ủy ban nhân dân tỉnh Nghệ An", OrganisationType.PEOPLES_COMMITTEE, nghe_an),
                        Role.OFFICER)
    old = receive(officer, officer.organisation, name="Cao Văn Hòe", received_on=D(2024, 5, 6), field="environment",
                  kind=ContentKind.RECOMMENDATION, summary="Phản ánh bãi rác gây ô nhiễm",
                  content="Tôi ở xóm 3, xã Diễn Kim, huyện Diễn Châu, Nghệ An. Bãi rác tập trung đầu xóm bốc mùi.")
    receive(officer, officer.organisation, name="Phan Thị Lụa", received_on=D(2024, 5, 7), field="environment",
            kind=ContentKind.RECOMMENDATION, summary="Phản ánh bãi rác gây ô nhiễm",
            content="Tôi ở xóm 3, xã Quỳnh Đôi, huyện Quỳnh Lưu, Nghệ An. Bãi rác tập trung đầu xóm bốc mùi.")
    draft = "Bãi rác đầu xóm 3 bốc mùi hôi. Địa chỉ: xã Hải Châu, tỉnh Nghệ An."
    suggestions = services.suggestions_for_draft(officer, text=draft)
    assert suggestions[0].letter == old and suggestions[0].score > suggestions[1].score
    assert "Cùng địa chỉ (theo đơn vị hành chính hiện nay): Xã Hải Châu" in suggestions[0].reasons


def test_the_panel_reads_only_what_it_shows_in_queries_that_do_not_grow_with_its_suggestions(tree, alice,
                                                                                              client_for):
    """The panel loads its letter and the suggested letters' few columns (views.suggestions_for_letter,
    services.SUGGESTED_FIELDS): a column it reads but did not load would be fetched letter by letter. Its links are
    each reversed once and completed with the suggested letter's id: they must be the URLs `reverse()` writes."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext
    from django.urls import reverse

    receive(alice, tree.ubnd_quang_lam, name="Nông Văn Dũng", received_on=D(2024, 6, 3),
            subject_area=tree.quang_lam, **LAND)
    again = receive(alice, tree.board_cb, name="Nong Van Dung", received_on=D(2024, 8, 19),
                    subject_area=tree.quang_lam, **LAND_AGAIN)
    client, url = client_for(alice), f"/don-trung/thu/{again.pk}/"

    def panel():
        client.get(url, HTTP_HX_REQUEST="true")  # the index synced first
        with CaptureQueriesContext(connection) as queries:
            html = client.get(url, HTTP_HX_REQUEST="true").content.decode()
        return html, len(queries)

    html, one = panel()
    for n in range(3):  # three more letters about the same decision: more suggestions
        receive(alice, tree.ubnd_quang_lam, name=f"Hộ số {n}", received_on=D(2024, 7, 1 + n),
                subject_area=tree.quang_lam, **{**LAND, "summary": f"{LAND['summary']} (hộ {n})"})
    html, four = panel()
    suggested = services.suggestions_for_letter(alice, Letter.objects.get(pk=again.pk))
    assert len(suggested) == 4 and four == one
    for s in suggested:
        assert f'href="{reverse("letters:letter_detail", args=[s.letter.pk])}"' in html
        assert f'action="{reverse("duplicates:confirm", args=[again.pk, s.letter.pk])}"' in html
        assert f'hx-post="{reverse("duplicates:reject", args=[again.pk, s.letter.pk])}"' in html
        assert s.letter.code in html and s.matter.title[:50] in html
    assert "Cùng địa bàn: Xã Quảng Lâm" in html and "Đang xử lý" in html

    # A letter never fingerprinted (written in bulk) is fingerprinted from the whole letter, read once.
    LetterFingerprint.objects.filter(letter_id=again.pk).delete()
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url, HTTP_HX_REQUEST="true").status_code == 200
    assert LetterFingerprint.objects.filter(letter_id=again.pk).exists()
    # The panel's own read of the letter and the whole letter once; a column read field by field would add more.
    reads = [q["sql"] for q in queries if q["sql"].startswith('SELECT "letters_letter"."id"')
             and f'"letters_letter"."id" = {again.pk}' in q["sql"]]
    assert len(reads) == 2, reads
