"""Read the figures a narrative report states: rules and a phrase grammar, no statistics (pure, no database).

A phrase names an indicator around a number: "{n} lượt công dân", "tiếp nhận {n} đơn", "tuyên truyền … {n}
lượt người", "giải quyết {r} đơn" (a fraction: numerator / denominator of a ratio indicator), "tỷ lệ giải
quyết … đạt {p}" (a rate). "…" is a gap of at most eight words holding no number and no sentence mark. The
phrases are data (`danvan.reading.models.IndicatorPhrase`, edited in the admin); this module only applies them.

The rules around the phrases, in the order they apply in a sentence:
1. not figures: dates, years, document numbers ("23-QĐ/TW", "số 64/2014/NĐ-CP", "Điều 15"), durations ("10
   năm", "6 tháng"), ordinals ("lần thứ 26") and section numbers ("2.");
2. comparisons: "tăng/giảm N <unit>" is the change of the latest figure before it in the sentence stated in
   the same unit (a number in brackets right after a comparison shares its verb: "giảm 12 lượt (7 vụ việc)");
   "bằng cùng kỳ" is a change of 0 for the clause's first figure and the figures in its brackets; "số <unit>
   bằng cùng kỳ" for the figure in that unit;
3. breakdowns: after a figure of an indicator broken down by field, "(kinh tế 25, văn hóa - xã hội 30, …)" or
   "trong đó kinh tế 5 mô hình, …" give one figure per field named by a breakdown phrase;
4. phrases: of the phrases matching around a number, the one with the smallest gap wins, then the longest
   literal text; two indicators tied is not guessed;
5. "đạt N%" after a fraction is that ratio's rate; "cùng kỳ đạt N%" is the same period's rate last year.
Every number left is listed as "chưa nhận dạng" with its sentence: never guessed.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from decimal import Decimal

from danvan.reading.numbers import APPROX_WORDS, DIGIT_NUMBER, SCALE, WORD_NUMBER, NumberError, parse_number, plain

GAP_WORDS = 8


@dataclass(frozen=True)
class Term:
    """What the reader knows of an indicator: the catalogue's row, without the database."""

    code: str
    name: str
    unit: str = ""
    numerator: str = ""  # a ratio's numerator and denominator codes
    denominator: str = ""
    breakdown: tuple[tuple[str, str], ...] = ()  # (key, label) the indicator may be broken down by

    @property
    def is_ratio(self) -> bool:
        return bool(self.numerator and self.denominator)


@dataclass(frozen=True)
class Phrase:
    code: str
    text: str  # "{n} lượt công dân"; for a breakdown label, the label ("văn hóa - xã hội")
    key: str = ""  # a breakdown key: the phrase is a label in a list after a figure of `code`


@dataclass
class Vocabulary:
    terms: dict[str, Term]
    phrases: list[Phrase]

    def __post_init__(self):
        self.patterns = [(phrase, compile_phrase(phrase.text)) for phrase in self.phrases if not phrase.key]
        # The indicator's own name is always a phrase: "Số vấn đề bức xúc được giải quyết: 7 việc".
        for term in self.terms.values():
            name = Phrase(term.code, f"{term.name}: {{p}}" if term.is_ratio else f"{term.name}: {{n}}")
            self.patterns.append((name, compile_phrase(name.text)))
        self.labels: dict[str, list[tuple[str, str]]] = {}
        for term in self.terms.values():
            self.labels[term.code] = [(normalise(label).lower(), key) for key, label in term.breakdown]
        for phrase in self.phrases:
            if phrase.key:
                self.labels.setdefault(phrase.code, []).append((normalise(phrase.text).lower(), phrase.key))
        for labels in self.labels.values():
            labels.sort(key=lambda pair: -len(pair[0]))
        # Unit words: what follows "{n}" in the phrases and the catalogue's units ("lượt", "vụ việc", …).
        units = {term.unit for term in self.terms.values() if term.unit and term.unit != "%"}
        for phrase in self.phrases:
            after = re.search(r"\{[nr]\}\s+([^\s…{},;()]+(?:\s+[^\s…{},;()]+)?)", phrase.text)
            if after:
                units.add(after[1].lower())
                units.add(after[1].lower().split()[0])
        self.units = sorted(units, key=len, reverse=True)


@dataclass
class Found:
    """One figure read, traceable to its words: `sentence[start:end]` is the text that states it."""

    indicator: str
    label: str
    value: int | float
    approx: str = ""
    comparison: int | float | None = None
    key: str = ""
    previous: bool = False
    sentence: str = ""
    start: int = 0
    end: int = 0
    rule: str = ""  # the phrase or rule that read it
    unit_text: str = ""  # the words after the number, to find it again for a comparison

    def as_dict(self) -> dict:
        return {"indicator": self.indicator, "label": self.label, "key": self.key, "value": self.value,
                "approx": self.approx, "comparison": self.comparison, "previous": self.previous,
                "sentence": self.sentence, "text": self.sentence[self.start:self.end], "rule": self.rule}


@dataclass
class Unread:
    """A number the reader did not understand ("chưa nhận dạng"), with its sentence."""

    text: str
    sentence: str
    start: int
    end: int


@dataclass
class Reading:
    figures: list[Found] = field(default_factory=list)
    unread: list[Unread] = field(default_factory=list)
    sentences: list[str] = field(default_factory=list)


def normalise(text: str) -> str:
    """NFC, one kind of quote and dash, single spaces: the phrases and the report compare alike."""
    text = unicodedata.normalize("NFC", text)
    for quote in "“”„‟«»":
        text = text.replace(quote, '"')
    text = text.replace("–", "-").replace("—", "-").replace("\u00a0", " ")
    return re.sub(r"[ \t]+", " ", text)


NUMBER = rf"(?:{DIGIT_NUMBER}|(?<![\w]){WORD_NUMBER}(?![\w]))(?:\s+(?:{SCALE})(?![\w]))?"
APPROX = rf"(?:(?P<approx>{'|'.join(APPROX_WORDS)})\s+)?"
MENTION = re.compile(rf"{APPROX}(?P<number>{NUMBER})(?:\s*/\s*(?P<denominator>{NUMBER}))?(?P<percent>\s*%)?",
                     re.IGNORECASE)
_PLACEHOLDER = {"n": "count", "r": "fraction", "p": "percent"}
# A phrase's last word that means something else when a word follows: "đồng" (the currency) vs "đồng chí".
NOT_FOLLOWED_BY = {"đồng": "chí"}


def compile_phrase(text: str) -> re.Pattern:
    """"tuyên truyền … {n} lượt người" → a pattern whose group `m` is the number (with "gần/trên/hơn")."""
    parts = re.split(r"(\{[nrp]\}|…)", normalise(text).strip())
    out = []
    for part in parts:
        if part in ("{n}", "{r}", "{p}"):
            number = rf"{APPROX}{NUMBER}"
            if part == "{r}":
                number += rf"\s*/\s*{NUMBER}"
            if part == "{p}":
                number += r"\s*%"
            out.append(rf"(?P<m>{number})")
        elif part == "…":
            out.append(rf"(?P<gap>(?:[\s,]*[^\d\s;.()]+){{0,{GAP_WORDS}}}?)[\s,]+")
        elif part.strip():
            words = [re.escape(word) for word in part.split()]
            literal = r"\s+".join(words)
            lead = r"\s*" if part[:1].isspace() or not out else ""
            tail = r"\s*" if part[-1:].isspace() else ""
            start = "" if out else r"(?<!\w)"
            end = "" if part is parts[-1] or not part[-1:].isalnum() else ""
            out.append(f"{lead}{start}{literal}{end}{tail}")
        else:
            out.append(r"\s*")
    pattern = "".join(out)
    if not pattern.endswith("%)") and parts[-1].strip() and parts[-1].strip()[-1:].isalnum():
        pattern += r"(?!\w)"
        last = parts[-1].split()[-1].lower()
        if last in NOT_FOLLOWED_BY:  # "{n} đồng" is money, "5 đồng chí" is five comrades
            pattern += rf"(?!\s+{NOT_FOLLOWED_BY[last]}(?!\w))"
    return re.compile(pattern, re.IGNORECASE)


def kind_of(text: str) -> str:
    for placeholder, kind in _PLACEHOLDER.items():
        if "{" + placeholder + "}" in text:
            return kind
    return ""


SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[\"(]?[A-ZĐÀ-Ỹ0-9])|\n+")


def sentences(text: str) -> list[str]:
    """Sentences of a report: split at ". " before a capital letter and at line breaks."""
    return [s.strip() for s in SENTENCE_END.split(normalise(text)) if s and s.strip()]


# Rule 1: numbers that are not figures.
NOT_FIGURES = [
    re.compile(r"\d{1,2}/\d{1,2}/\d{4}|\d{1,2}/\d{4}(?!\d)"),  # dates
    re.compile(r"\d+(?:/\d+)*(?:/\d{4})?[-/][A-ZĐ][\w-]*(?:/[A-ZĐ][\w-]*)*"),  # 23-QĐ/TW, 64/2014/NĐ-CP
    re.compile(r"(?i)(?<!\w)(?<!tổng\s)(?:số|điều|khoản|chương|mục|khóa|khoá|lần thứ|thứ|quý|tháng|bão số)\s+\d+"),
    re.compile(r"(?i)(?<!\w)(?:chỉ thị|nghị quyết|kết luận|quyết định|nghị định|thông tư|quy định|hướng dẫn|"
               r"luật|công văn|kế hoạch)\s+(?:số\s+)?\d+"),
    re.compile(rf"(?i)(?:{NUMBER})\s+(?:năm|tháng|ngày(?!\s+công)|tuần|giờ)(?!\w)"),  # durations, not "ngày công"
    re.compile(r"(?<![\d.,])(?:19|20)\d{2}(?!\d|[.,]\d|\s*%)"),  # years
    re.compile(r"^\s*(?:\d+\.)+\s"),  # section numbers
]
COMPARISON_VERB = re.compile(r"(?i)(tăng|giảm)(?:\s+thêm)?\s*$")
SAME = re.compile(r"(?i)(?:số\s+(?P<unit>[^\d,;()]+?)\s+)?bằng\s+(?:với\s+)?cùng\s+kỳ")
RATE_AFTER = re.compile(r"(?i)(?<!cùng kỳ )đạt(?:\s+tỷ lệ)?\s*$")
PREVIOUS_RATE = re.compile(r"(?i)cùng\s+kỳ(?:\s+năm\s+trước)?(?:\s+đạt|\s*:)\s*$")  # "cùng kỳ: 97,2%"
LIST_OPEN = re.compile(r"(?i)(?:\(|trong đó|gồm|bao gồm)")


def _masked(sentence: str) -> list[tuple[int, int]]:
    spans = []
    for pattern in NOT_FIGURES:
        spans += [m.span() for m in pattern.finditer(sentence)]
    return spans


def _mentions(sentence: str, units: list[str]) -> list[re.Match]:
    """Every number of the sentence; a number in words only when a unit word follows it ("hai vụ")."""
    found = []
    for match in MENTION.finditer(sentence):
        number = match["number"]
        if not re.match(r"\d", number):
            after = sentence[match.end():].lstrip().lower()
            if not any(re.match(rf"{re.escape(unit)}(?!\w)", after) for unit in units):
                continue
        found.append(match)
    return found


def _unit_after(sentence: str, end: int, units: list[str]) -> str:
    after = sentence[end:].lstrip().lower()
    return next((unit for unit in units if re.match(rf"{re.escape(unit)}(?!\w)", after)), "")


def _depth_at(sentence: str, position: int) -> int:
    return sentence[:position].count("(") - sentence[:position].count(")")


def _clause_start(sentence: str, position: int) -> int:
    """Where the clause holding `position` starts: after the last ";" outside brackets."""
    depth, start = 0, 0
    for index, char in enumerate(sentence[:position]):
        depth += {"(": 1, ")": -1}.get(char, 0)
        if char == ";" and depth <= 0:
            start = index + 1
    return start


class Reader:
    def __init__(self, vocabulary: Vocabulary):
        self.vocabulary = vocabulary

    def label(self, code: str, key: str = "") -> str:
        term = self.vocabulary.terms.get(code)
        name = term.name if term else code
        if key and term:
            name += " – " + dict(term.breakdown).get(key, key)
        return name

    def read(self, text: str) -> Reading:
        reading = Reading()
        for sentence in sentences(text):
            reading.sentences.append(sentence)
            figures, unread = self.read_sentence(sentence)
            reading.figures += figures
            reading.unread += unread
        return reading

    def _figure(self, code, value, match, sentence, rule, **extra) -> Found:
        return Found(code, self.label(code, extra.get("key", "")), plain(value), sentence=sentence,
                     start=match.start(), end=match.end(), rule=rule,
                     unit_text=sentence[match.end():match.end() + 40].lstrip().lower(), **extra)

    def read_sentence(self, sentence: str) -> tuple[list[Found], list[Unread]]:
        units = self.vocabulary.units
        masked = _masked(sentence)
        mentions = [m for m in _mentions(sentence, units)
                    if not any(s <= m.start("number") < e for s, e in masked)]
        figures: list[Found] = []
        unread: list[Unread] = []
        matches = self._phrase_matches(sentence)
        comparison_sign: dict[int, int] = {}  # mention start -> sign, for the brackets after a comparison
        last_comparison: tuple[int, int] | None = None  # (end, sign)
        for mention in mentions:
            before = sentence[:mention.start()]
            try:
                number = parse_number(mention["number"])
                denominator = parse_number(mention["denominator"]) if mention["denominator"] else None
            except NumberError:
                unread.append(Unread(mention.group(), sentence, *mention.span()))
                continue
            approx = (mention["approx"] or "").lower()
            found = None
            verb = COMPARISON_VERB.search(before)
            sign = None
            if verb:
                sign = 1 if verb[1].lower() == "tăng" else -1
            elif last_comparison and re.fullmatch(r"[^\d;()]*\(\s*", sentence[last_comparison[0]:mention.start()]):
                sign = last_comparison[1]  # "giảm 12 lượt (7 vụ việc)"
            if sign is not None and not mention["percent"] and denominator is None:
                unit = _unit_after(sentence, mention.end(), units)
                referent = self._referent(figures, unit)
                if referent is not None:
                    found = self._figure(referent.indicator, number, mention, sentence, "so sánh: tăng/giảm",
                                         approx=approx, comparison=plain(number * sign), key=referent.key)
                last_comparison = (mention.end(), sign)
                comparison_sign[mention.start()] = sign
            elif mention["percent"]:
                found = self._rate(figures, mention, number, sentence, before, matches)
            elif denominator is None:
                found = self._breakdown(figures, mention, number, sentence, approx)
            if found is None and sign is None:
                found = self._from_phrase(matches, mention, number, denominator, sentence, approx)
            if found is None:
                unread.append(Unread(mention.group(), sentence, *mention.span()))
                continue
            if isinstance(found, list):
                figures += found
            else:
                figures.append(found)
        figures += self._same_as_last_year(sentence, figures)
        return figures, unread

    def _phrase_matches(self, sentence: str) -> dict[int, list[tuple[int, int, Phrase, re.Match]]]:
        """Phrase matches by the start of their number: (gap length, -literal length, phrase, match)."""
        by_start: dict[int, list] = {}
        for phrase, pattern in self.vocabulary.patterns:
            for match in pattern.finditer(sentence):
                gap = len(match["gap"]) if "gap" in pattern.groupindex and match["gap"] else 0
                literal = len(match.group()) - len(match["m"]) - gap
                number = MENTION.match(sentence, match.start("m"))
                start = number.start("number") if number else match.start("m")
                by_start.setdefault(start, []).append((gap, -literal, phrase, match))
        return by_start

    def _best(self, matches, start: int, kind: str):
        candidates = sorted((c for c in matches.get(start, []) if kind_of(c[2].text) == kind),
                            key=lambda c: (c[0], c[1]))
        if not candidates:
            return None
        best = candidates[0]
        tied = [c for c in candidates if c[:2] == best[:2] and c[2].code != best[2].code]
        return None if tied else best

    def _from_phrase(self, matches, mention, number, denominator, sentence, approx):
        kind = "fraction" if denominator is not None else "count"
        best = self._best(matches, mention.start("number"), kind)
        if best is None:
            return None
        phrase = best[2]
        rule = f"cụm từ: {phrase.text}"
        if kind == "count":
            return self._figure(phrase.code, number, mention, sentence, rule, approx=approx)
        term = self.vocabulary.terms.get(phrase.code)
        if term is None or not term.is_ratio:
            return None
        numerator = self._figure(term.numerator, number, mention, sentence, rule, approx=approx)
        numerator.unit_text = sentence[mention.end():mention.end() + 40].lstrip().lower()
        bottom = self._figure(term.denominator, denominator, mention, sentence, rule)
        bottom.unit_text = ""  # a comparison after a fraction is about its numerator
        numerator.rule = bottom.rule = f"{rule} (tỷ lệ {term.code})"
        return [numerator, bottom]

    def _referent(self, figures: list[Found], unit: str) -> Found | None:
        if not unit:
            return None
        for figure in reversed(figures):
            if figure.comparison is None and not figure.previous and figure.unit_text and re.match(
                    rf"{re.escape(unit)}(?!\w)", figure.unit_text):
                return figure
        return None

    def _rate(self, figures, mention, number, sentence, before, matches):
        best = self._best(matches, mention.start("number"), "percent")
        if best is not None:
            return self._figure(best[2].code, number, mention, sentence, f"cụm từ: {best[2].text}")
        clause = _clause_start(sentence, mention.start())
        if PREVIOUS_RATE.search(before):
            for figure in reversed(figures):
                term = self.vocabulary.terms.get(figure.indicator)
                if term and term.is_ratio and not figure.previous:
                    return self._figure(term.code, number, mention, sentence, "cùng kỳ đạt N%", previous=True)
            # "Tỷ lệ …: — (cùng kỳ: 97,2%)": no rate this period, the ratio named at the clause's start.
            head = normalise(sentence[clause:mention.start()]).strip().lower()
            for term in self.vocabulary.terms.values():
                if term.is_ratio and re.fullmatch(rf"{re.escape(normalise(term.name).lower())}:\s*[-—]\s*\(cùng kỳ:",
                                                  head):
                    return self._figure(term.code, number, mention, sentence, "cùng kỳ: N%", previous=True)
            return None
        if RATE_AFTER.search(before):
            for figure in reversed(figures):
                if figure.start < clause:
                    break
                ratio = next((t for t in self.vocabulary.terms.values()
                              if t.is_ratio and t.numerator == figure.indicator and figure.rule.endswith(
                                  f"(tỷ lệ {t.code})")), None)
                if ratio is not None:
                    return self._figure(ratio.code, number, mention, sentence, "phân số, đạt N%")
        return None

    def _breakdown(self, figures, mention, number, sentence, approx):
        """Rule 3: "(kinh tế 25, văn hóa - xã hội 30, …)" after a figure broken down by field."""
        clause = _clause_start(sentence, mention.start())
        owner = next((f for f in reversed(figures) if f.start >= clause and f.comparison is None and not f.key
                      and self.vocabulary.labels.get(f.indicator)), None)
        if owner is None:
            return None
        opened = LIST_OPEN.search(sentence, owner.end)
        if opened is None or opened.start() > mention.start():
            return None
        last = max([owner.end, opened.end()] + [f.end for f in figures if f.start >= owner.end])
        raw = sentence[last:mention.start()].lower()
        # the unit of the item before may lead ("20 mô hình; văn hóa - xã hội: 18"), or a unit word may merely
        # start the label ("văn" of "văn bản" before "văn hóa - xã hội"): both readings are tried
        stripped = re.sub(r"^[^\w]*(?:" + "|".join(map(re.escape, self.vocabulary.units)) + r")(?!\w)", "", raw)
        for label, key in self.vocabulary.labels[owner.indicator]:
            for between in dict.fromkeys(b.strip().rstrip(":").strip() for b in (stripped, raw)):
                if not between.endswith(label):
                    continue
                head = between[: -len(label)].strip()
                if head in ("", "(", ",", ";", "lĩnh vực", "trong đó", "trong đó lĩnh vực", "gồm", ", lĩnh vực",
                            "; lĩnh vực", "(lĩnh vực"):
                    return self._figure(owner.indicator, number, mention, sentence, f"danh sách: {label}",
                                        approx=approx, key=key)
        return None

    def _same_as_last_year(self, sentence: str, figures: list[Found]) -> list[Found]:
        """Rule 2, "bằng cùng kỳ": a change of 0 (a comparison, not a value)."""
        added = []
        for same in SAME.finditer(sentence):
            targets = []
            if same["unit"]:
                referent = self._referent([f for f in figures if f.start < same.start()], same["unit"].lower())
                targets = [referent] if referent else []
            else:
                clause = _clause_start(sentence, same.start())
                values = [f for f in figures if clause <= f.start < same.start() and f.comparison is None
                          and not f.key and not f.previous]
                if values:
                    first = values[0]
                    targets = [first] + [f for f in values[1:] if _depth_at(sentence, f.start) > 0
                                         and re.fullmatch(r"[^;()]*\([^()]*", sentence[first.end:f.start])]
            for target in targets:
                found = Found(target.indicator, target.label, 0, comparison=0, key=target.key, sentence=sentence,
                              start=same.start(), end=same.end(), rule="bằng cùng kỳ")
                added.append(found)
        return added


def value_text(value: Decimal | int | float) -> str:
    from danvan.core.formatting import vn_number

    number = Decimal(str(value))
    decimals = 0 if number == number.to_integral_value() else 1
    return vn_number(number, decimals)
