"""Charts drawn on the server with matplotlib (Agg): SVG for pages, PNG for Word documents.

No JavaScript and no CDN (strict Content-Security-Policy); the charts print with the page.
"""

from __future__ import annotations

import base64
import io
import threading

import matplotlib

matplotlib.use("Agg")
from django.utils.translation import gettext as _  # noqa: E402
from matplotlib import pyplot as plt  # noqa: E402
from matplotlib.ticker import FuncFormatter, MaxNLocator  # noqa: E402

from danvan.core.formatting import vn_number  # noqa: E402
from danvan.reports.rollup import Report  # noqa: E402

# pyplot keeps global state; one chart at a time per process.
_LOCK = threading.Lock()
THIS, BEFORE = "#1f5fa8", "#b8c4d6"
UNITS_CODE = "TCD_LUOT"  # the figure drawn per subordinate unit (visits), when the catalogue has it
# A serif beside the Times New Roman body: Liberation Serif has Times New Roman's metrics (Debian's
# fonts-liberation), DejaVu Serif (fonts-dejavu-core) is the fallback; both carry Vietnamese diacritics.
FONT = ["Liberation Serif", "DejaVu Serif"]


def _render(fig, fmt: str) -> bytes:
    buffer = io.BytesIO()
    # Fixed margins (`_axes`), not a constrained layout nor bbox_inches="tight": both measure every
    # text of the figure before drawing it, which took a third of a chart's time.
    fig.savefig(buffer, format=fmt, dpi=120 if fmt == "png" else 72,
                metadata={"Date": None} if fmt == "svg" else None)
    plt.close(fig)
    return buffer.getvalue()


def _text_width(labels: list[str], size: float) -> float:
    """The width in inches of the longest label at `size` points (an average glyph is about 0,6 em)."""
    return max((len(label) for label in labels), default=0) * size * 0.6 / 72


def _axes(width: float, height: float, *, left: float = 0.55, bottom: float = 0.45, top: float = 0.45):
    """A figure whose axes leave `left`, `bottom` and `top` inches for the tick labels and the title."""
    plt.rcParams["font.family"] = FONT
    plt.rcParams["svg.hashsalt"] = "danvan"
    # Text as text, not as the glyphs' outlines: a province's two charts weighed 188 KB of the dashboard's 245 KB
    # (issue 23). The browser draws it in Liberation Serif or Times New Roman, whose letters are as wide.
    plt.rcParams["svg.fonttype"] = "none"
    fig, ax = plt.subplots(figsize=(width, height))
    fig.subplots_adjust(left=min(0.6, left / width), right=1 - 0.15 / width,
                        bottom=min(0.5, bottom / height), top=1 - min(0.4, top / height))
    ax.spines[["top", "right"]].set_visible(False)
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _pos: vn_number(v)))
    return fig, ax


LEGEND = 0.3  # inches under the axes' labels for the legend


def _legend(fig, ax) -> None:
    """The legend under the chart, centred. Above the axes, beside the title, it ran over the title once the
    periods were written as dates ("Từ ngày 01/01/2025 đến ngày 31/12/2025"); inside them it covered the
    tallest bars."""
    handles, labels = ax.get_legend_handles_labels()
    fig.legend(handles, labels, fontsize=8, frameon=False, loc="lower center", bbox_to_anchor=(0.5, 0.02), ncol=2)


def comparison_chart(report: Report, fmt: str = "svg") -> bytes:
    """Key figures of the period beside the same period last year."""
    indicators = [i for i in report.indicators if i.key_figure and not i.is_ratio]
    labels = [_(i.short_name) for i in indicators]  # the shipped names are in the catalogue (catalogue_names)
    now = [report.total.current[i.code].value for i in indicators]
    before = [report.total.previous[i.code].value for i in indicators]
    with _LOCK:
        # Room for the longest tick label: the largest figure, one digit more (the axis goes past it).
        fig, ax = _axes(7.5, 3.6, left=0.25 + _text_width([vn_number(max([*now, *before], default=0) * 10)], 10),
                        bottom=0.45 + LEGEND)
        positions = range(len(labels))
        ax.bar([p - 0.2 for p in positions], now, width=0.4, color=THIS, label=report.period.display)
        ax.bar([p + 0.2 for p in positions], before, width=0.4, color=BEFORE,
               label=_("Cùng kỳ (%(period)s)") % {"period": report.previous_period.display})
        for p, value in zip(positions, now, strict=True):
            ax.annotate(vn_number(value), (p - 0.2, value), ha="center", va="bottom", fontsize=8)
        ax.set_xticks(list(positions), labels, fontsize=8)
        _legend(fig, ax)
        ax.set_ylim(0, max([*now, *before, 1]) * 1.12)  # room for the value labels
        ax.set_title(_("Chỉ tiêu chủ yếu – %(unit)s") % {"unit": report.root.name}, fontsize=10, loc="left")
        return _render(fig, fmt)


def units_chart(report: Report, code: str = "TCD_LUOT", fmt: str = "svg") -> bytes:
    """One indicator per subordinate unit (the largest 15), this period and the same period."""
    indicator = report.indicator(code)
    rows = sorted((r for r in report.rows if r.area is not None), key=lambda r: -r.current[code].value)[:15]
    with _LOCK:
        names = [r.label for r in rows][::-1]
        fig, ax = _axes(7.5, max(2.0, 0.32 * len(rows) + 1) + LEGEND, left=0.2 + _text_width(names, 8),
                        bottom=0.4 + LEGEND)
        now = [r.current[code].value for r in rows][::-1]
        before = [r.previous[code].value for r in rows][::-1]
        positions = range(len(names))
        ax.barh([p + 0.2 for p in positions], now, height=0.4, color=THIS, label=report.period.display)
        ax.barh([p - 0.2 for p in positions], before, height=0.4, color=BEFORE, label=_("Cùng kỳ"))
        ax.set_yticks(list(positions), names, fontsize=8)
        ax.xaxis.set_major_locator(MaxNLocator(integer=True))
        ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _pos: vn_number(v)))
        _legend(fig, ax)
        ax.set_title(_("%(indicator)s theo đơn vị") % {"indicator": _(indicator.short_name)}, fontsize=10, loc="left")
        return _render(fig, fmt)


def data_uri(svg: bytes) -> str:
    """An SVG chart inlined in the page (`img-src data:` is allowed), so the dashboard computes its
    report once instead of once more per chart image."""
    return "data:image/svg+xml;base64," + base64.b64encode(svg).decode("ascii")
