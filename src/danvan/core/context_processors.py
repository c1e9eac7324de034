from typing import Any

from django.http import HttpRequest
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext_lazy as _

# The modules in the navigation bar; an entry shows once its app provides the URL.
MODULES = [
    ("home", _("Tổng quan")),
    ("reception:session_list", _("Tiếp công dân")),
    ("letters:letter_list", _("Đơn thư")),
    ("mobilisation:index", _("Công tác dân vận")),
    ("hotspots:list", _("Điểm nóng")),
    ("reports:dashboard", _("Báo cáo")),
    ("units:browse", _("Đơn vị")),
    ("legal:calendar", _("Lịch làm việc")),
]


def navigation(request: HttpRequest) -> dict[str, Any]:
    entries = []
    for name, label in MODULES:
        try:
            url = reverse(name)
        except NoReverseMatch:
            continue
        active = url != "/" and request.path.startswith(url) or request.path == url
        entries.append({"url": url, "label": label, "active": active})
    return {"nav_modules": entries}
