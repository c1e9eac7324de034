"""Issue 12 in a browser: alice opens a letter and a visit naming rita's protected denouncer and sees only the
mask and the note "Người tố cáo được bảo vệ"; the head sees the name. Screenshots at 1366 and 390 px."""

import datetime as dt

import pytest

from danvan.accounts.models import Role
from danvan.core.choices import ContentKind, Field
from danvan.reception import services as reception
from danvan.reception.models import Handling
from tests.browser.conftest import login, shot
from tests.conftest import PASSWORD, make_user
from tests.letters.factories import receive

NAME = "Đinh Thị Bảo Mật"


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_protected_denouncer_is_masked_for_a_colleague_and_shown_to_the_head(page, tree):
    rita = make_user("rita", tree.board_cb, Role.OFFICER)
    make_user("alice", tree.board_cb, Role.OFFICER)
    make_user("hana", tree.board_cb, Role.HEAD)
    letter = receive(rita, tree.board_cb, kind=ContentKind.DENUNCIATION, summary="Tố cáo cán bộ thu tiền",
                     new_petitioners=[{"full_name": NAME, "id_number": "004199887766"}])
    session = reception.open_session(rita, organisation=tree.board_cb, kind="regular", date=dt.date.today(),
                                     place="Trụ sở tiếp công dân tỉnh")
    visit = reception.record_visit(rita, session, citizen=letter.petitioners.get(),
                                   content_kind=ContentKind.RECOMMENDATION, field=Field.LAND_HOUSING,
                                   summary="Kiến nghị làm đường", handling=Handling.GUIDED)

    login(page, "alice", PASSWORD)
    for width in (1366, 390):
        page.set_viewport_size({"width": width, "height": 900})
        for url, name in ((f"/don-thu/{letter.pk}/", "letter"), (f"/tiep-cong-dan/luot-tiep/{visit.pk}/", "visit")):
            page.goto(url)
            main = page.locator("main").inner_text()
            assert NAME not in main and "Người tố cáo được bảo vệ" in main, url
            shot(page, f"identity-{name}-masked-{width}")
    page.context.clear_cookies()
    login(page, "hana", PASSWORD)
    page.goto(f"/tiep-cong-dan/luot-tiep/{visit.pk}/")
    assert NAME in page.locator("main").inner_text()
    shot(page, "identity-visit-head-1366")
