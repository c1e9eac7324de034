"""Arguments for every papers URL that names a record, made in Cao Bằng (tests/core/test_outsiders.py)."""

from tests.letters.factories import receive
from tests.papers.factories import receipt


def _letter(tree, user):
    return {"source": "don", "pk": receive(user, tree.board_cb).pk}


def _issue(tree, user):
    return _letter(tree, user) | {"kind": "receipt"}


def _paper(tree, user):
    return {"pk": receipt(user, tree.board_cb)[1].pk}


URL_FACTORIES = {
    "papers:record_papers": _letter,
    "papers:issue": _issue,
    "papers:paper_detail": _paper,
    "papers:paper_docx": _paper,
    "papers:paper_sent": _paper,
    "papers:paper_archive": _paper,
}
