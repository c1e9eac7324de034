"""Narrative sentences in the register of the seed reports (domain.md §Reports).

"Năm 2018, đã tiếp 46 lượt/51 người (29 vụ việc), giảm 20 lượt (15 vụ việc) so với cùng kỳ; đã giải
quyết 22/29 vụ việc, đạt 75,9%". Numbers are written 1.538 and 75,9%; figures are exact, so "trên"
(over) and "gần" (nearly) never appear.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from danvan.core.formatting import vn_date, vn_number, vn_percent
from danvan.reports.details import Details, report_details
from danvan.reports.models import IndicatorGroup
from danvan.reports.rollup import Figure, Report, UnitRow

if TYPE_CHECKING:
    from danvan.letters.counts import LetterDetails

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


# Words written with a capital inside a sentence too (the Party, the People, the State, the Front).
PROPER = ("Đảng", "Nhân dân", "Nhà nước", "Mặt trận")


def sentence_case(label: str) -> str:
    """A field's label inside a sentence: only its first letter lowered ("xây dựng Đảng, hệ thống chính trị"),
    unless it opens with a word always capitalised ("Đảng, đoàn thể")."""
    if label.startswith(PROPER):
        return label
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
    """"Quý III năm 2025, đã tiếp 1.184 lượt/1.203 người (37 vụ việc), giảm 9 lượt (4 vụ việc) so với cùng kỳ"."""
    row = report.total
    visits, matters = _f(row, "TCD_LUOT"), _f(row, "TCD_VUVIEC")
    persons, groups = _f(row, "TCD_NGUOI"), _f(row, "TCD_DOAN")
    comparison = compare_pair((visits[0], matters[0]), (visits[1], matters[1]), ("lượt", "vụ việc"))
    text = (f"{lead(report)}, đã tiếp {_n(visits[0], 'lượt')}/{_n(persons[0], 'người')} "
            f"({_n(matters[0], 'vụ việc')}), {comparison}")
    if groups[0] or groups[1]:
        text += f"; có {_with_comparison(_n(groups[0], 'đoàn đông người'), *groups, 'đoàn')}"
    return text + "."


def _letters_or_matters(figure, unit: str = "đơn") -> str:
    """"41 đơn (37 vụ việc)"."""
    return f"{_n(figure.letters, unit)} ({_n(figure.matters, 'vụ việc')})"


def resolution_phrase(row: UnitRow, details: Details | None = None) -> str:
    """Form 02/XLD: "đã giải quyết 31/38 vụ việc thuộc thẩm quyền (gồm 6 vụ việc kỳ trước chuyển sang, 32 vụ
    việc phát sinh trong kỳ), đạt 81,6%; tính theo đơn, 33/41 đơn, đạt 80,5%"; the rate is over what had to be
    resolved, never above 100 %. By matter when the records hold every letter of the figures (`details`), else
    by letter only."""
    rate = row.current["DT_TYLE_GQ"]
    if not rate.denominator:
        return "không có đơn thuộc thẩm quyền phải giải quyết"
    by_letter = (f"{vn_number(rate.value)}/{vn_number(rate.denominator)} đơn, "
                 f"đạt {vn_percent(rate.value, rate.denominator)}")
    if details is not None and details.complete:
        counts = details.current.counts
        resolved, to_resolve = counts.resolved.matters, counts.to_resolve.matters
        carried, arising = counts.carried_over.matters, counts.arising.matters
        unit = "vụ việc"
    else:
        resolved, to_resolve = rate.value, rate.denominator
        carried, arising = row.current["DT_KYTRUOC"].value, row.current["DT_PHATSINH"].value
        unit = "đơn"
    parts = _clauses((carried, f"{_n(carried, unit)} kỳ trước chuyển sang"),
                     (arising, f"{_n(arising, unit)} phát sinh trong kỳ"))
    detail = f" (gồm {parts})" if parts else ""
    text = (f"đã giải quyết {vn_number(resolved)}/{vn_number(to_resolve)} {unit} thuộc thẩm quyền{detail}, "
            f"đạt {vn_percent(resolved, to_resolve)}")
    if unit == "vụ việc" and (resolved, to_resolve) != (rate.value, rate.denominator):
        text += f"; tính theo đơn, đã giải quyết {by_letter}"
    return text


def _field_label(label: str) -> str:
    """"về đất đai, nhà ở"; "Khác" is "về lĩnh vực khác"."""
    return "về lĩnh vực khác" if label.lower() == "khác" else f"về {sentence_case(label)}"


def _kinds_phrase(details: LetterDetails) -> str:
    """"trong đó 20 đơn khiếu nại (18 vụ việc); 10 đơn tố cáo (9 vụ việc); …": the letters received by
    content kind (TT 05/2021/TT-TTCP), the kinds with none left out."""
    from danvan.core.choices import ContentKind

    # "20 đơn (18 vụ việc) khiếu nại" reads badly: the kind goes after "đơn".
    parts = [f"{vn_number(figure.letters)} đơn {sentence_case(str(ContentKind(kind).label))} "
             f"({_n(figure.matters, 'vụ việc')})"
             for kind, figure in details.by_content_kind.items() if figure.letters]
    return "; ".join(parts)


def _fields_phrase(details: LetterDetails) -> str:
    """"25 đơn về đất đai, nhà ở; 8 đơn về chế độ, chính sách": the letters received by field, largest first."""
    from danvan.core.choices import Field

    found = sorted(((figure, kind) for kind, figure in details.by_field.items() if figure.letters),
                   key=lambda item: -item[0].letters)
    return "; ".join(f"{_n(figure.letters, 'đơn')} {_field_label(str(Field(kind).label))}" for figure, kind in found)


def _outcomes_phrase(details: LetterDetails) -> str:
    """"22 vụ việc khiếu nại đúng; 3 vụ việc khiếu nại có đúng, có sai; đã trả lời 5 vụ việc kiến nghị, phản
    ánh": the matters resolved by outcome (form 02/XLD), the outcomes with none left out."""
    from danvan.letters.models import Outcome

    parts = []
    for outcome, figure in details.by_outcome.items():
        if not figure.letters:
            continue
        if outcome == Outcome.RECOMMENDATION_ANSWERED:
            parts.append(f"đã trả lời {_n(figure.matters, 'vụ việc')} kiến nghị, phản ánh")
        else:
            parts.append(f"{_n(figure.matters, 'vụ việc')} {sentence_case(str(Outcome(outcome).label))}")
    return "; ".join(parts)


def letter_breakdowns(details: Details) -> str:
    """The paragraph of breakdowns: by field, group letters, outcomes."""
    current = details.current
    sentences = []
    fields = _fields_phrase(current)
    if fields:
        sentences.append(f"Phân theo lĩnh vực: {fields}.")
    groups = (current.group_letters.letters, details.previous.group_letters.letters)
    if any(groups):
        sentences.append(f"Có {_with_comparison(_n(groups[0], 'đơn đông người ký'), *groups, 'đơn')}.")
    outcomes = _outcomes_phrase(current)
    if outcomes:
        sentences.append(f"Qua giải quyết có {outcomes}.")
    return " ".join(sentences)


def letters_sentence(report: Report, details: Details | None = None) -> str:
    """"Đã tiếp nhận 41 đơn (37 vụ việc), tăng 5 đơn (3 vụ việc) so với cùng kỳ, gồm 20 đơn khiếu nại (18 vụ
    việc); …" — by matter and by content kind when the records hold every letter of the figures."""
    row = report.total
    received, qualifying = _f(row, "DT_NHAN"), _f(row, "DT_DUDK")
    within, accepted = _f(row, "DT_THAMQUYEN"), _f(row, "DT_THULY")
    forwarded, duplicates = _f(row, "DT_CHUYEN"), _f(row, "DT_TRUNG")
    complete = details is not None and details.complete
    if complete:
        now, before = details.current.counts.received, details.previous.counts.received
        comparison = compare_pair((now.letters, now.matters), (before.letters, before.matters), ("đơn", "vụ việc"))
        text = f"Đã tiếp nhận {_letters_or_matters(now)}, {comparison}"
        kinds = _kinds_phrase(details.current)
        text += f", gồm {kinds}. Có" if kinds else "; có"
    else:
        comparison = compare_phrase(*received, "đơn")
        text = (f"Đã tiếp nhận {_n(received[0], 'đơn')}, {comparison}"
                f"{'' if comparison == SAME else ' so với cùng kỳ'}; có")
    text += (f" {_n(qualifying[0], 'đơn')} đủ điều kiện xử lý, trong đó {_n(within[0], 'đơn')} thuộc thẩm quyền; "
             f"đã thụ lý {_n(accepted[0], 'đơn')}")
    if forwarded[0]:
        text += f"; đã chuyển {_n(forwarded[0], 'đơn')} đến cơ quan có thẩm quyền"
        replied = details.current.counts.forward_replied.letters if complete else 0
        if replied:
            text += f" ({_n(replied, 'đơn')} đã có văn bản trả lời)"
    if duplicates[0]:
        text += f"; {_n(duplicates[0], 'đơn')} trùng"
    resolution = resolution_phrase(row, details)
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
    if not dialogues[0]:
        # Last year's count is in the annex: "(cùng kỳ N cuộc)" here is a number the report reader (danvan.reading)
        # cannot tie to a figure without guessing, and every sentence danvan writes must read back (issue 20).
        return "Trong kỳ chưa tổ chức cuộc đối thoại nào."
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
    if not recognised[0]:
        return text + "; trong kỳ chưa có mô hình được công nhận."
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
            if not (now.denominator or before.denominator):
                continue  # no rate in either period ("— (cùng kỳ: —)") is not written, like a sum of 0
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
    # Entered figures only (one-stop dossiers, electronic documents): the generic sentence of each.
    (IndicatorGroup.GOVERNMENT, "Công tác dân vận chính quyền", None, set()),
]


def sections(report: Report) -> list[tuple[str, list[str]]]:
    """(heading, sentences) per work area, skipping a shipped sentence whose indicators were archived. The
    letters' breakdowns (by content kind, field, outcome, by matter) come from the records of a report read
    from the database (`details.report_details`)."""
    codes = {i.code for i in report.indicators}
    details = report_details(report) if report.root.pk is not None else None
    result = []
    for group, heading, sentence, known in SECTIONS:
        paragraphs = []
        if sentence is None:
            pass
        elif known <= codes:
            if group == IndicatorGroup.LETTERS:
                paragraphs.append(letters_sentence(report, details))
                if details is not None and details.complete and (more := letter_breakdowns(details)):
                    paragraphs.append(more)
            else:
                paragraphs.append(sentence(report))
        paragraphs += generic_sentences(report, group, known if known <= codes else set())
        if paragraphs:
            result.append((heading, paragraphs))
    return result
