"""Every hot-spot URL with an argument, with a record in Cao Bằng (tests/core/test_outsiders.py)."""

import datetime as dt

from danvan.core.choices import Field
from danvan.hotspots import services
from danvan.hotspots.models import Alert, HotSpotField, SituationSource
from tests.hotspots.factories import DAY, hotspot, letter, measure, visit


def _spot(tree, user):
    return {"pk": hotspot(user, tree.board_cb, tree.quang_lam).pk}


def _measure(tree, user):
    return {"pk": measure(user, hotspot(user, tree.board_cb, tree.quang_lam)).pk}


def _link(tree, user):
    spot = hotspot(user, tree.board_cb, tree.quang_lam)
    return {"pk": services.link(user, spot, letter(user, tree.board_cb, on=DAY)).pk}


def alert(tree, user):
    group = letter(user, tree.board_cb, on=DAY - dt.timedelta(days=3), subject_area=tree.quang_lam, signers=6,
                   field=Field.ENVIRONMENT)
    visit(user, tree.board_cb, on=DAY - dt.timedelta(days=1), matter=group.matter, persons=12, field=Field.ENVIRONMENT)
    visit(user, tree.board_cb, on=DAY, matter=group.matter, persons=20, field=Field.ENVIRONMENT)
    services.compute_alerts(DAY)  # three crowds on one matter: the large-groups threshold (ADR 0023)
    return Alert.objects.filter(matter=group.matter).first()


def _alert(tree, user):
    return {"pk": alert(tree, user).pk}


def report(tree, user):
    return services.file_report(user, organisation=tree.board_cb, period_start=dt.date(2026, 3, 1),
                                period_end=dt.date(2026, 3, 31), summary="Nhân dân phấn khởi")


def topic(tree, user, report_=None):
    return services.add_topic(user, report_ or report(tree, user), field=HotSpotField.SITE_CLEARANCE,
                              subject_area=tree.quang_lam, intensity="high", source=SituationSource.MEETINGS,
                              content="Băn khoăn về giá bồi thường", proposals="Đối thoại")


URL_FACTORIES = {
    "hotspots:detail": _spot,
    "hotspots:edit": _spot,
    "hotspots:measure_add": _spot,
    "hotspots:resolve": _spot,
    "hotspots:status": _spot,
    "hotspots:link": _spot,
    "hotspots:measure_complete": _measure,
    "hotspots:link_remove": _link,
    "hotspots:alert_detail": _alert,
    "hotspots:alert_dismiss": _alert,
    "hotspots:alert_open": _alert,
    "hotspots:report_detail": lambda tree, user: {"pk": report(tree, user).pk},
    "hotspots:report_add_topic": lambda tree, user: {"pk": report(tree, user).pk},
    "hotspots:topic_raise": lambda tree, user: {"pk": topic(tree, user).pk},
}
