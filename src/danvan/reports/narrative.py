"""Narrative sentences in the register of the seed reports (domain.md §Reports).

"Năm 2018, đã tiếp 46 lượt công dân (29 vụ việc), giảm 20 lượt (15 vụ việc) so với cùng kỳ; đã giải
quyết 22/29 vụ việc, đạt 75,9%". Numbers are written 1.538 and 75,9%; figures are exact, so "trên"
(over) and "gần" (nearly) never appear.
"""

from __future__ import annotations

from danvan.core.formatting import vn_date, vn_number, vn_percent
from danvan.reports.models import IndicatorGroup
from danvan.reports.rollup import Figure, Report, UnitRow

SAME = "bằng cùng kỳ"


def compare_phrase(current: int, previous: int, unit: str = "") -> str:
    """"tăng 5 lượt", "giảm 20 lượt", "bằng cùng kỳ"."""
    difference = current - previous
    if difference == 0:
        return SAME
    word = "tăng" if difference > 0 else "giảm"
    return f"{word} {vn_number(abs(difference))}{' ' + unit if unit else ''}"


def compare_pair(current: tuple[int, int], previous: tuple[int, int], units: tuple[str, str]) -> str:
    """Two figures compared at once: "giảm 20 lượt (15 vụ việc) so với cùng kỳ".

    When they move in different directions each gets its own verb: "tăng 3 lượt (giảm 2 vụ việc)".
    """
    first, second = (current[i] - previous[i] for i in (0, 1))
    if first == 0 and second == 0:
        return SAME
    if first * second > 0:
        word = "tăng" if first > 0 else "giảm"
        return f"{word} {vn_number(abs(first))} {units[0]} ({vn_number(abs(second))} {units[1]}) so với cùng kỳ"
    one = compare_phrase(current[0], previous[0], units[0]) if first else f"số {units[0]} {SAME}"
    two = compare_phrase(current[1], previous[1], units[1]) if second else f"số {units[1]} {SAME}"
    return f"{one} ({two}) so với cùng kỳ"


def _with_comparison(phrase: str, current: int, previous: int, unit: str) -> str:
    """"1 đoàn đông người, tăng 1 đoàn so với cùng kỳ": the comparison after a comma, not in brackets, so that
    no bracket is ever nested in another."""
    comparison = compare_phrase(current, previous, unit)
    return f"{phrase}, {comparison}{'' if comparison == SAME else ' so với cùng kỳ'}"


def sentence_case(label: str) -> str:
    """A field's label inside a sentence: only its first letter lowered ("xây dựng Đảng, hệ thống chính trị")."""
    return label[:1].lower() + label[1:]


def rate_phrase(figure: Figure, unit: str) -> str:
    """"22/29 vụ việc, đạt 75,9%"; with no denominator, only the count."""
    if not figure.denominator:
        return f"{vn_number(figure.value)} {unit}"
    rate = vn_percent(figure.value, figure.denominator)
    return f"{vn_number(figure.value)}/{vn_number(figure.denominator)} {unit}, đạt {rate}"


def lead(report: Report) -> str:
    """"Năm 2025", "Quý I năm 2025", "Từ ngày 01/01/2025 đến ngày 30/06/2025"; a period not over yet is
    written as the days it covers ("Từ ngày 01/01/2026 đến ngày 30/11/2026"). Only the first paragraph opens
    with it; the others start with their verb."""
    period = report.period
    if period.to_date:
        return f"Từ ngày {vn_date(period.start)} đến ngày {vn_date(period.end)}"
    return period.label


def _f(row: UnitRow, code: str) -> tuple[int, int]:
    return row.current[code].value, row.previous[code].value


def _n(value: int, unit: str) -> str:
    return f"{vn_number(value)} {unit}"


def _clauses(*parts: tuple[int, str], separator: str = ", ") -> str:
    """The clauses whose figure is not zero: "2 cuộc giao ban, 3 cuộc giám sát" (no "0 cuộc" written out)."""
    return separator.join(text for value, text in parts if value)


def reception_sentence(report: Report) -> str:
    row = report.total
    visits, matters = _f(row, "TCD_LUOT"), _f(row, "TCD_VUVIEC")
    persons, groups = _f(row, "TCD_NGUOI"), _f(row, "TCD_DOAN")
    comparison = compare_pair((visits[0], matters[0]), (visits[1], matters[1]), ("lượt", "vụ việc"))
    text = (f"{lead(report)}, đã tiếp {_n(visits[0], 'lượt')} công dân ({_n(matters[0], 'vụ việc')}), "
            f"{comparison}; số người được tiếp là {_n(persons[0], 'người')}")
    if groups[0] or groups[1]:
        text += f"; có {_with_comparison(_n(groups[0], 'đoàn đông người'), *groups, 'đoàn')}"
    return text + "."


def resolution_phrase(row: UnitRow) -> str:
    """Form 02/XLD: "đã giải quyết 31/38 đơn thuộc thẩm quyền (gồm 6 đơn kỳ trước chuyển sang, 32 đơn
    phát sinh trong kỳ), đạt 81,6%"; the rate is over what had to be resolved, never above 100 %."""
    rate = row.current["DT_TYLE_GQ"]
    carried, arising = row.current["DT_KYTRUOC"].value, row.current["DT_PHATSINH"].value
    if not rate.denominator:
        return "không có đơn thuộc thẩm quyền phải giải quyết"
    parts = _clauses((carried, f"{_n(carried, 'đơn')} kỳ trước chuyển sang"),
                     (arising, f"{_n(arising, 'đơn')} phát sinh trong kỳ"))
    detail = f" (gồm {parts})" if parts else ""
    return (f"đã giải quyết {vn_number(rate.value)}/{vn_number(rate.denominator)} đơn thuộc thẩm quyền{detail}, "
            f"đạt {vn_percent(rate.value, rate.denominator)}")


def letters_sentence(report: Report) -> str:
    row = report.total
    received, qualifying = _f(row, "DT_NHAN"), _f(row, "DT_DUDK")
    within, accepted = _f(row, "DT_THAMQUYEN"), _f(row, "DT_THULY")
    forwarded, duplicates = _f(row, "DT_CHUYEN"), _f(row, "DT_TRUNG")
    comparison = compare_phrase(*received, "đơn")
    text = (f"Đã tiếp nhận {_n(received[0], 'đơn')}, {comparison}{'' if comparison == SAME else ' so với cùng kỳ'}; "
            f"{_n(qualifying[0], 'đơn')} đủ điều kiện xử lý, trong đó {_n(within[0], 'đơn')} thuộc thẩm quyền; "
            f"đã thụ lý {_n(accepted[0], 'đơn')}")
    if forwarded[0]:
        text += f"; đã chuyển {_n(forwarded[0], 'đơn')} đến cơ quan có thẩm quyền"
    if duplicates[0]:
        text += f"; {_n(duplicates[0], 'đơn')} trùng"
    resolution = resolution_phrase(row)
    text += f". {resolution[0].upper()}{resolution[1:]}"
    previous_rate = row.previous["DT_TYLE_GQ"]
    if previous_rate.denominator and row.current["DT_TYLE_GQ"].denominator:
        text += f"; cùng kỳ đạt {vn_percent(previous_rate.value, previous_rate.denominator)}"
    on_time = row.current["DT_TYLE_DUNGHAN"]
    if on_time.denominator:
        text += f"; giải quyết đúng hạn {rate_phrase(on_time, 'đơn')}"
    return text + "."


def dialogues_sentence(report: Report) -> str:
    row = report.total
    dialogues, people = _f(row, "DTH_CUOC"), _f(row, "DTH_NGUOI")
    opinions, commitments = _f(row, "DTH_YKIEN"), _f(row, "DTH_CAMKET")
    text = f"Đã tổ chức {_n(dialogues[0], 'cuộc đối thoại')}"
    if people[0]:
        text += f" với {_n(people[0], 'người')} tham dự"
    comparison = compare_phrase(*dialogues, "cuộc")
    text += f", {comparison}{'' if comparison == SAME else ' so với cùng kỳ'}"
    tail = _clauses((opinions[0], f"tiếp nhận {_n(opinions[0], 'ý kiến')} của Nhân dân"),
                    (commitments[0], f"cam kết giải quyết {_n(commitments[0], 'việc')}"))
    return text + (f"; {tail}." if tail else ".")


def models_sentence(report: Report) -> str:
    row = report.total
    registered, recognised = _f(row, "MH_DANGKY"), _f(row, "MH_CONGNHAN")
    comparison = compare_phrase(*registered, "mô hình")
    text = (f"Có {_n(registered[0], 'mô hình “Dân vận khéo”')} được đăng ký, {comparison}"
            f"{'' if comparison == SAME else ' so với cùng kỳ'}")
    # "xây dựng Đảng: 12 mô hình" — each field with its own count, not "xây dựng đảng, hệ thống chính trị 5".
    parts = [f"{sentence_case(label)}: {_n(now.value, 'mô hình')}"
             for _key, label, now, _before in report.breakdown.get("MH_DANGKY", []) if now.value]
    if parts:
        text += f" ({'; '.join(parts)})"
    return text + f"; {_n(recognised[0], 'mô hình')} được công nhận."


def activities_sentence(report: Report) -> str:
    row = report.total
    sessions, attendees = _f(row, "TT_BUOI"), _f(row, "TT_NGUOI")
    training, briefings = _f(row, "TH_NGUOI"), _f(row, "GB_CUOC")
    supervisions, commendations = _f(row, "GS_CUOC"), _f(row, "KT_SO")
    held = _clauses((sessions[0], f"{_n(sessions[0], 'buổi tuyên truyền')} với {_n(attendees[0], 'lượt người')} dự"),
                    (briefings[0], _n(briefings[0], "cuộc giao ban")),
                    (supervisions[0], _n(supervisions[0], "cuộc giám sát")))
    parts = _clauses((1 if held else 0, f"đã tổ chức {held}"),
                     (training[0], f"bồi dưỡng, tập huấn cho {_n(training[0], 'lượt người')}"),
                     (commendations[0], f"khen thưởng {_n(commendations[0], 'tập thể, cá nhân')}"), separator="; ")
    if not parts:
        return "Chưa có số liệu về tuyên truyền, tập huấn, giao ban, giám sát và khen thưởng."
    return f"Trong kỳ, {parts}."


def generic_sentences(report: Report, group: str, known: set[str]) -> list[str]:
    """Indicators an administrator added to a group: one plain sentence each."""
    sentences = []
    for indicator in report.by_group().get(group, []):
        if indicator.code in known:
            continue
        now, before = report.total.current[indicator.code], report.total.previous[indicator.code]
        if indicator.is_ratio:
            sentences.append(f"{indicator.name}: {now.text() or '—'} (cùng kỳ: {before.text() or '—'}).")
        elif now.value or before.value:  # like the shipped sentences, a figure of 0 in both periods is not written
            comparison = compare_phrase(now.value, before.value, indicator.unit)
            tail = "" if comparison == SAME else " so với cùng kỳ"
            sentences.append(f"{indicator.name}: {vn_number(now.value)} {indicator.unit}, {comparison}{tail}.")
    return sentences


SECTIONS = [
    (IndicatorGroup.RECEPTION, "Công tác tiếp công dân", reception_sentence,
     {"TCD_LUOT", "TCD_NGUOI", "TCD_VUVIEC", "TCD_DOAN"}),
    (IndicatorGroup.LETTERS, "Công tác tiếp nhận, xử lý đơn thư", letters_sentence,
     {"DT_NHAN", "DT_DUDK", "DT_THAMQUYEN", "DT_THULY", "DT_KYTRUOC", "DT_PHATSINH", "DT_PHAIGQ", "DT_GIAIQUYET",
      "DT_DUNGHAN", "DT_CHUYEN", "DT_TRUNG", "DT_TYLE_GQ", "DT_TYLE_DUNGHAN"}),
    (IndicatorGroup.DIALOGUES, "Công tác đối thoại với Nhân dân", dialogues_sentence,
     {"DTH_CUOC", "DTH_NGUOI", "DTH_YKIEN", "DTH_CAMKET"}),
    (IndicatorGroup.MODELS, "Phong trào thi đua “Dân vận khéo”", models_sentence, {"MH_DANGKY", "MH_CONGNHAN"}),
    (IndicatorGroup.ACTIVITIES, "Tuyên truyền, giao ban, giám sát và khen thưởng", activities_sentence,
     {"TT_BUOI", "TT_NGUOI", "TH_NGUOI", "GB_CUOC", "GS_CUOC", "KT_SO"}),
]


def sections(report: Report) -> list[tuple[str, list[str]]]:
    """(heading, sentences) per work area, skipping a shipped sentence whose indicators were archived."""
    codes = {i.code for i in report.indicators}
    result = []
    for group, heading, sentence, known in SECTIONS:
        paragraphs = []
        if known <= codes:
            paragraphs.append(sentence(report))
        paragraphs += generic_sentences(report, group, known if known <= codes else set())
        if paragraphs:
            result.append((heading, paragraphs))
    return result
