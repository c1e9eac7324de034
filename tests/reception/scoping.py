"""Arguments for every reception URL that names a record, made in Cao Bằng (tests/core/test_outsiders.py)."""

from tests.reception.conftest import open_session, record_visit


def _session(tree, user):
    return {"pk": open_session(user, tree.board_cb).pk}


def _visit(tree, user):
    return {"pk": record_visit(user, open_session(user, tree.board_cb)).pk}


def _scan(tree, user):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from danvan.reception import services

    visit = record_visit(user, open_session(user, tree.board_cb))
    scan = SimpleUploadedFile("bien-ban.pdf", b"%PDF-1.4 test", content_type="application/pdf")
    return {"pk": services.attach_scans(user, visit, [scan])[0].pk}


URL_FACTORIES = {
    "reception:session_detail": _session,
    "reception:session_edit": _session,
    "reception:session_archive": _session,
    "reception:visit_create": _session,
    "reception:visit_detail": _visit,
    "reception:visit_edit": _visit,
    "reception:visit_archive": _visit,
    "reception:visit_attach": _visit,
    "reception:visit_attachment_download": _scan,
}
