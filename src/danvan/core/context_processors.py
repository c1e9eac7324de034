import functools
from typing import Any

from django.conf import settings
from django.http import HttpRequest
from django.urls import NoReverseMatch, get_script_prefix, get_urlconf, reverse
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


@functools.cache
def _entries(urlconf: str | None, prefix: str) -> tuple[tuple[str, Any], ...]:
    """The bar's entries, reversed once per URL configuration and script prefix (`prefix`, which `reverse` reads
    itself: the key only): every page shows them, and their eight
    `reverse()` were a fortieth of the letter list's Python work. The labels stay lazy, read in the reader's
    language when the page is drawn."""
    entries = []
    for name, label in MODULES:
        try:
            entries.append((reverse(name, urlconf=urlconf), label))
        except NoReverseMatch:
            continue
    return tuple(entries)


def navigation(request: HttpRequest) -> dict[str, Any]:
    return {"nav_modules": [{"url": url, "label": label,
                             "active": url != "/" and request.path.startswith(url) or request.path == url}
                            for url, label in _entries(get_urlconf(settings.ROOT_URLCONF), get_script_prefix())]}
