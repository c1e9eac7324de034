"""URL factories for tests/core/test_outsiders.py. The dashboard and documents take the unit and period as
query parameters (their scoping is tested in test_views.py); a report made (draft or issued) is a record
of the Cao Bằng board."""

from __future__ import annotations


def _report(tree, user):
    from danvan.reports import services
    from danvan.reports.periods import parse_period

    return {"pk": services.create_draft(user, tree.board_cb, report_area=tree.cao_bang,
                                        period=parse_period("2025")).pk}


URL_FACTORIES = {
    "reports:report_detail": _report,
    "reports:report_download": _report,
    "reports:report_issue": _report,
    "reports:report_replace": _report,
}
