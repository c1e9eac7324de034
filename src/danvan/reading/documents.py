"""A report's text from a Word (.docx) or text (.txt) file, and its period and unit from its header and title."""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile

from danvan.reading.grammar import normalise
from danvan.reports.periods import Period, PeriodError, date_range, make_period

MAX_BYTES = 5 * 1024 * 1024  # a report of a few dozen pages is far below; a larger file is refused
KINDS = (".docx", ".txt")
ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4}


class DocumentError(ValueError):
    """A file that cannot be read as a report; the message is Vietnamese and names the problem."""


def extract_text(name: str, content: bytes) -> str:
    """The report's paragraphs (and table cells, row by row), one per line."""
    lower = (name or "").lower()
    if len(content) > MAX_BYTES:
        raise DocumentError(f"Tệp quá lớn (tối đa {MAX_BYTES // (1024 * 1024)} MB).")
    if not content:
        raise DocumentError("Tệp rỗng.")
    if lower.endswith(".txt"):
        for encoding in ("utf-8-sig", "utf-16"):
            try:
                text = content.decode(encoding)
            except UnicodeDecodeError:
                continue
            if "\x00" not in text:
                return normalise(text)
        raise DocumentError("Tệp văn bản phải mã hóa UTF-8.")
    if lower.endswith(".docx"):
        import docx

        try:
            document = docx.Document(io.BytesIO(content))
        except (zipfile.BadZipFile, KeyError, ValueError) as exc:
            raise DocumentError("Tệp không phải tài liệu Word (.docx) hợp lệ.") from exc
        except Exception as exc:  # python-docx raises its own errors on a damaged package
            raise DocumentError("Tệp không phải tài liệu Word (.docx) hợp lệ.") from exc
        lines = [p.text for p in document.paragraphs]
        for table in document.tables:
            for row in table.rows:
                lines.append(" ".join(dict.fromkeys(cell.text.strip() for cell in row.cells)))
        return normalise("\n".join(line for line in lines if line.strip()))
    raise DocumentError("Chỉ đọc được tệp Word (.docx) hoặc văn bản (.txt).")


_PERIODS = [
    (re.compile(r"(?i)từ\s+ngày\s+(\d{1,2})/(\d{1,2})/(\d{4})\s+đến\s+ngày\s+(\d{1,2})/(\d{1,2})/(\d{4})"), "range"),
    (re.compile(r"(?i)(?:6|sáu)\s+tháng\s+đầu\s+năm\s+(\d{4})"), "h1"),
    (re.compile(r"(?i)(?:6|sáu)\s+tháng\s+cuối\s+năm\s+(\d{4})"), "h2"),
    (re.compile(r"(?i)(?:9|chín)\s+tháng(?:\s+đầu)?\s+năm\s+(\d{4})"), "9m"),
    (re.compile(r"(?i)quý\s+(IV|III|II|I|[1-4])\s+(?:năm\s+)?(\d{4})"), "quarter"),
    (re.compile(r"(?i)(?<!\d\s)tháng\s+(\d{1,2})(?:\s+năm\s+|/)(\d{4})"), "month"),
    (re.compile(r"(?i)năm\s+(\d{4})"), "year"),
]


def _period(match: re.Match, kind: str) -> Period:
    if kind == "range":
        g = [int(x) for x in match.groups()]
        return date_range(dt.date(g[2], g[1], g[0]), dt.date(g[5], g[4], g[3]))
    if kind in ("h1", "h2"):
        return make_period("half", int(match[1]), 1 if kind == "h1" else 2)
    if kind == "9m":
        return make_period("9m", int(match[1]))
    if kind == "quarter":
        index = ROMAN.get(match[1].upper()) or int(match[1])
        return make_period("quarter", int(match[2]), index)
    if kind == "month":
        return make_period("month", int(match[2]), int(match[1]))
    return make_period("year", int(match[1]))


def find_period(text: str) -> tuple[Period | None, str]:
    """The period a report covers, from its title ("BÁO CÁO … 6 tháng đầu năm 2024") or, failing that, its first
    sentences; (None, "") when it says none. Returns the period and the words it was read from."""
    lines = [line for line in normalise(text).splitlines() if line.strip()]
    # The title block: the lines before the first long paragraph, then the first paragraphs.
    for chunk in ("\n".join(lines[:12]), "\n".join(lines[:40])):
        for pattern, kind in _PERIODS:
            match = pattern.search(chunk)
            if match:
                try:
                    return _period(match, kind), match.group()
                except (PeriodError, ValueError):
                    continue
    return None, ""


def find_unit(text: str, areas) -> tuple[object | None, str]:
    """The unit named in the header ("UBND XÃ HÒA AN", "ĐẢNG ỦY XÃ QUẢNG LÂM"): the area of `areas` (a queryset
    the user may see, old units included) whose full name appears in the first lines, the longest name first."""
    head = " ".join(normalise(text).splitlines()[:12]).lower()
    if not head.strip():
        return None, ""
    best = None
    for area in areas.only("pk", "name", "code", "valid_from", "valid_to", "level"):
        name = area.name.lower()
        if len(name) > 4 and re.search(rf"(?<!\w){re.escape(name)}(?!\w)", head):
            if best is None or len(name) > len(best.name):
                best = area
    return best, best.name if best else ""
