"""URL arguments for the outsider walk (tests/core/test_outsiders.py): letters in Cao Bằng."""

from tests.letters.factories import receive


def _pair(tree, user):
    earlier = receive(user, tree.ubnd_quang_lam, summary="Khiếu nại bồi thường đất theo Quyết định số 125/QĐ-UBND")
    later = receive(user, tree.board_cb, summary="Khiếu nại lần hai về Quyết định 125/QĐ-UBND bồi thường đất")
    return {"letter_pk": later.pk, "candidate_pk": earlier.pk}


URL_FACTORIES = {
    "duplicates:suggestions_for_letter": lambda tree, user: {
        "letter_pk": receive(user, tree.ubnd_quang_lam, summary="Khiếu nại việc thu hồi đất").pk},
    "duplicates:confirm": _pair,
    "duplicates:reject": _pair,
}
