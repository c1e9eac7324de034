"""Vietnamese-aware text features for recognising duplicate letters (pure functions, no database).

A letter is reduced to a set of features:

- **strong signals**, canonical whatever the spelling: land plots ("thửa đất số 45, tờ bản đồ số 12" =
  "thửa 45 tờ 12" give ``thua:45/12``), document numbers ("Quyết định số 125/QĐ-UBND",
  "QĐ 125/QĐ - UBND", "quyet dinh so 125/QD-UBND" all give ``vb:125/qd-ubnd``), full dates
  ("12/4/2024", "12/04/2024", "12.04.2024", "ngày 12 tháng 4 năm 2024" all give ``ngay:2024-04-12``)
  and long numbers (amounts "1.230.000.000 đồng" = "1230000000 đ" give ``so:1230000000``);
- **text shingles** over the folded text (lower case, no diacritics, so a letter typed without
  Vietnamese input matches its accented twin): syllables and syllable pairs (a Vietnamese word is
  usually two syllables, "đất đai", "bồi thường"), after the boilerplate every letter carries
  ("Kính gửi", "Tôi là", "đề nghị xem xét giải quyết", "trân trọng cảm ơn"…) has been cut out.

Features are hashed to unsigned 32-bit integers (CRC-32, stable across processes and machines) for
the index; the strong signals are also kept as text to show the officer why two letters match.

Protected denouncers (Luật Tố cáo 2018 Điều 8.3, 47): the caller passes the petitioner's name and
numbers as `identity`; their occurrences are removed from the features, so that text similarity can
never become a way to find who denounced.
"""

from __future__ import annotations

import re
import unicodedata
import zlib
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.utils.translation import gettext

from danvan.core.text import fold as _core_fold
from danvan.duplicates import vocabulary

# ------------------------------------------------------------------------------------------ tables

# Phrases every letter carries; they say nothing about the matter. Written folded (no diacritics).
BOILERPLATE_PHRASES: tuple[str, ...] = (
    "cong hoa xa hoi chu nghia viet nam", "doc lap tu do hanh phuc", "ooo",
    "don khieu nai", "don to cao", "don to giac", "don kien nghi", "don phan anh", "don de nghi",
    "kinh gui", "dong kinh gui", "toi ten la", "ten toi la", "ho va ten toi la", "ho va ten", "toi la",
    "nguoi lam don", "nguoi viet don", "nguoi khieu nai", "nguoi to cao", "nam sinh", "sinh nam",
    "so can cuoc cong dan", "can cuoc cong dan", "so can cuoc", "so dinh danh ca nhan", "so cccd", "cccd",
    "so cmnd", "cmnd", "hien cu tru tai", "thuong tru tai", "cu tru tai", "tru tai", "dia chi",
    "xin trinh bay su viec nhu sau", "xin trinh bay nhu sau", "toi xin trinh bay nhu sau", "xin trinh bay",
    "noi dung su viec nhu sau", "noi dung su viec", "su viec cu the", "nay toi lam don nay",
    "trinh bay voi quy co quan", "quy co quan", "quy cap", "cac cap", "co quan co tham quyen",
    "de nghi xem xet giai quyet", "kinh de nghi", "kinh mong", "de nghi", "xem xet giai quyet",
    "giai quyet thoa dang", "giai quyet dut diem", "som giai quyet", "giai quyet som",
    "toi xin cam doan", "xin cam doan", "nhung noi dung trinh bay tren la dung su that",
    "la dung su that", "chiu trach nhiem truoc phap luat", "xin chiu trach nhiem ve noi dung don",
    "chiu trach nhiem", "rat mong nhan duoc su quan tam", "su quan tam", "xin chan thanh cam on",
    "tran trong cam on", "xin tran trong cam on", "chan thanh cam on", "xin cam on", "cam on",
    "kem theo don", "ban photo", "cac giay to lien quan", "tha thiet mong",
)

# Function words of Vietnamese (folded): frequent everywhere, never a sign of the same matter.
STOP_SYLLABLES: frozenset[str] = frozenset("""
    va cua la cho nhung cac mot nay do da duoc bi tai voi theo trong khi thi ma o ve den tu nhu co khong
    se vi de tren sau truoc cung con nen neu hay hoac toi chung ong ba xin kinh nhieu rat lai ra vao
    gi nao ay kia viec nguoi lam don
""".split())

# ---------------------------------------------------------------------------------------- patterns

_DATE_NUMERIC = re.compile(r"(?<![\d/.\-])(\d{1,2})\s*([/.\-])\s*(\d{1,2})\s*\2\s*((?:19|20)\d{2})(?![\d/])")
_DATE_WORDS = re.compile(r"\bngay\s+(\d{1,2})\s+thang\s+(\d{1,2})\s+nam\s+((?:19|20)\d{2})\b")
# 125/QĐ-UBND, 125/2024/QĐ-UBND, 01/2021/TT-TTCP, 125/QĐ - UBND (after folding: 125/qd-ubnd)
_DOC_STATE = re.compile(
    r"\b(\d{1,5})\s*/\s*(?:((?:19|20)\d{2})\s*/\s*)?([a-z]{1,8}(?:\s*-\s*[a-z][a-z0-9]{0,11}){1,3})\b"
)
# A land plot: "thửa đất số 45, tờ bản đồ số 12", "thửa 45 tờ 12" (after folding). Within a commune it names
# one parcel, as precisely as a decision number names one decision.
_LAND_PLOT = re.compile(
    r"\bthua(?:\s+dat)?(?:\s+so)?\s+(\d{1,5})\s*,?\s*(?:thuoc\s+)?to(?:\s+ban\s+do)?(?:\s+so)?\s+(\d{1,4})\b"
)
# Party style: 24-KH/BDVTU, 11-QĐi/TW
_DOC_PARTY = re.compile(r"\b(\d{1,5})\s*-\s*([a-z]{1,6})\s*/\s*([a-z][a-z0-9]{0,11})\b")
_NUMBER = re.compile(r"(?<![\w.,])\d{1,3}(?:\.\d{3})+(?:,\d+)?(?![\w.])|(?<![\w.,])\d+(?:,\d+)?(?![\w])")
_SYLLABLE = re.compile(r"[a-z0-9]+")

# A number with this many digits or more is a strong signal (amounts, ID numbers, land plots codes).
STRONG_NUMBER_DIGITS = 6


def _phrase_table(phrases: Iterable[str]) -> dict[str, tuple[tuple[str, ...], ...]]:
    """first syllable → the phrases starting with it, longest first."""
    table: dict[str, list[tuple[str, ...]]] = {}
    for phrase in {p for p in phrases if p.strip()}:
        words = tuple(phrase.split())
        table.setdefault(words[0], []).append(words)
    return {first: tuple(sorted(group, key=len, reverse=True)) for first, group in table.items()}


_BOILERPLATE = _phrase_table(BOILERPLATE_PHRASES)
_SYNONYM_OF = {variant: canonical for canonical, variants in vocabulary.SYNONYMS.items() for variant in variants}
_SYNONYMS = _phrase_table(_SYNONYM_OF)
_GROUP = _phrase_table(vocabulary.GROUP_PHRASES)


def apply_synonyms(tokens: list[str]) -> list[str]:
    """Each variant of `vocabulary.SYNONYMS` (longest first) replaced by the syllables of its canonical form."""
    out: list[str] = []
    i, n = 0, len(tokens)
    while i < n:
        for phrase in _SYNONYMS.get(tokens[i], ()):
            if tuple(tokens[i:i + len(phrase)]) == phrase:
                out.extend(_SYNONYM_OF[" ".join(phrase)].split())
                i += len(phrase)
                break
        else:
            out.append(tokens[i])
            i += 1
    return out


def speaks_for_a_group(text: str) -> bool:
    """The letter speaks for several households or people ("thay mặt 40 hộ", "chúng tôi", "các hộ dân")."""
    tokens = syllables(fold(text))
    return any(tuple(tokens[i:i + len(p)]) == p for i, t in enumerate(tokens) for p in _GROUP.get(t, ()))


def _fold_table() -> dict[int, str]:
    """Each precomposed Latin letter → its base letter, lower case ("Ỹ" → "y", "Đ" → "d")."""
    table: dict[int, str] = {}
    for code in range(0x00C0, 0x0250):
        table[code] = _strip_marks(chr(code))
    for code in range(0x1E00, 0x1F00):
        table[code] = _strip_marks(chr(code))
    return {k: v for k, v in table.items() if v != chr(k)}


def _strip_marks(ch: str) -> str:
    decomposed = unicodedata.normalize("NFD", ch.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c)).replace("đ", "d")


_FOLD = _fold_table()
_COMBINING = re.compile(r"[\u0300-\u036f\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")
_SPACES = re.compile(r"\s+")


def fold(text: str) -> str:
    """`danvan.core.text.fold`, by table lookup: the same result, several times faster on long letters."""
    composed = unicodedata.normalize("NFC", text or "")
    if _COMBINING.search(composed):
        return _core_fold(composed)
    return _SPACES.sub(" ", composed.lower().translate(_FOLD)).strip()


# ----------------------------------------------------------------------------------------- signals

def canonical_date(day: int, month: int, year: int) -> str | None:
    """"2024-04-12", or None when the day or month is impossible (then it was not a date)."""
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"


def canonical_number(raw: str) -> str:
    """"1.230.000.000" → "1230000000"; "98,5" → "98.5"; "0125" → "125" (Vietnamese separators)."""
    text = raw.strip()
    if "." in text:
        text = text.replace(".", "")  # thousands separators, the only dots _NUMBER lets through
    whole, _, fraction = text.partition(",")
    if len(whole) < 9:  # identity and telephone numbers keep their leading zeros
        whole = whole.lstrip("0") or "0"
    return f"{whole}.{fraction}" if fraction else whole


def _document_number(number: str, year: str | None, symbol: str) -> str:
    symbol = re.sub(r"\s+", "", symbol)
    year_part = f"{year}/" if year else ""
    return f"{int(number)}/{year_part}{symbol}"


@dataclass(frozen=True)
class Signals:
    """What was recognised in a text, and the text left once they are cut out."""

    documents: tuple[str, ...]
    dates: tuple[str, ...]
    plots: tuple[str, ...]
    numbers: tuple[str, ...]
    rest: str
    amounts: tuple[str, ...] = ()


_SUPERSCRIPTS = str.maketrans({"²": "2", "³": "3"})
_TIME = re.compile(r"(?<![\d/.,])(\d{1,2})\s*(?:h|g|gio)\s*(?:(\d{2})\s*(?:phut|p)?)?(?![\w])")
_GLUED = re.compile(r"(?<![\w.,])(\d+(?:[.,]\d+)*)(m2|m3|m|km|ha|kg|cm|dong|d|vnd|trieu|tr|ty|ti|nghin|ngan|sao)\b")
_SCALES = {"ty": 10**9, "ti": 10**9, "trieu": 10**6, "tr": 10**6, "nghin": 10**3, "ngan": 10**3}
_AMOUNT_WORDS = re.compile(
    r"(?<![\w.,])(\d{1,3}(?:,\d{1,3})?)\s+(ty|ti|trieu|tr)\b"
    r"(?:\s+(\d{1,3})\s+(trieu|tr|nghin|ngan)\b)?(?:\s+(dong|d|vnd)\b)?"
)
_AMOUNT = re.compile(r"(?<![\w.,])(\d{1,3}(?:\.\d{3})+|\d{4,})\s*(?:dong|d|vnd)\b")
_NUMBER_WORD = "|".join(sorted(vocabulary.NUMBER_WORDS, key=len, reverse=True))
_COUNTER = "|".join(sorted(vocabulary.COUNTERS, key=len, reverse=True))
_SINGLE_WORD = "|".join(sorted(set(vocabulary.NUMBER_WORDS) - vocabulary.COMPOUND_ONLY, key=len, reverse=True))
_SPELLED = re.compile(
    rf"\b(?:((?:{_NUMBER_WORD})\s+muoi|muoi)(?:\s+({_NUMBER_WORD}))?|({_SINGLE_WORD}))\s+({_COUNTER})\b(?!\s*\d)"
)
MIN_AMOUNT = 100_000  # đồng: below this a number followed by "đ" is rarely an amount at stake


def _spelled(match: re.Match[str]) -> str:
    tens, units, single, counter = match.groups()
    if single:
        value = vocabulary.NUMBER_WORDS[single]
    else:
        head = tens.split()[0]
        value = 10 if head == "muoi" else vocabulary.NUMBER_WORDS[head] * 10
        if units:
            value += 1 if units == "mot" else vocabulary.NUMBER_WORDS[units] % 10
    return f"{value} {counter}"


def _amount_words(match: re.Match[str]) -> str:
    """"12 triệu đồng" → "12000000 dong"; "1,2 tỷ" → "1200000000 dong"; "1 tỷ 230 triệu" → "1230000000 dong"."""
    number, scale, more, more_scale, _unit = match.groups()
    whole, _, fraction = number.partition(",")
    value = int(whole) * _SCALES[scale] + (int(fraction) * _SCALES[scale] // 10 ** len(fraction) if fraction else 0)
    if more:
        value += int(more) * _SCALES[more_scale]
    return f"{value} dong"


def normalise(folded: str) -> str:
    """What is written two ways, written one way: units glued to numbers, amounts in millions, times, numbers
    in words ("450m2" = "450 m2", "12 triệu đồng" = "12.000.000 đồng", "21h" = "21 giờ", "bốn tháng" = "4
    tháng"). Works on folded text."""
    text = folded.translate(_SUPERSCRIPTS)
    text = _TIME.sub(lambda m: f"{int(m.group(1))} gio" + (f" {int(m.group(2))} phut" if m.group(2) else ""), text)
    text = _GLUED.sub(r"\1 \2", text)
    text = _AMOUNT_WORDS.sub(_amount_words, text)
    return _SPELLED.sub(_spelled, text)


def extract_signals(text: str) -> Signals:
    """Document numbers, dates and numbers of a text, canonical, in order of appearance (unique)."""
    folded = normalise(fold(text))
    dates: list[str] = []
    documents: list[str] = []
    numbers: list[str] = []

    def take_date(match: re.Match[str], groups: tuple[int, int, int]) -> str:
        day, month, year = (int(match.group(g)) for g in groups)
        value = canonical_date(day, month, year)
        if value is None:
            return match.group(0)
        dates.append(value)
        return " "

    folded = _DATE_WORDS.sub(lambda m: take_date(m, (1, 2, 3)), folded)
    folded = _DATE_NUMERIC.sub(lambda m: take_date(m, (1, 3, 4)), folded)
    plots: list[str] = []

    def take_plot(match: re.Match[str]) -> str:
        plots.append(f"{int(match.group(1))}/{int(match.group(2))}")
        return " "

    folded = _LAND_PLOT.sub(take_plot, folded)

    def take_state(match: re.Match[str]) -> str:
        documents.append(_document_number(match.group(1), match.group(2), match.group(3)))
        return " "

    def take_party(match: re.Match[str]) -> str:
        documents.append(f"{int(match.group(1))}-{match.group(2)}/{match.group(3)}")
        return " "

    folded = _DOC_STATE.sub(take_state, folded)
    folded = _DOC_PARTY.sub(take_party, folded)

    amounts: list[str] = []

    def take_amount(match: re.Match[str]) -> str:
        value = canonical_number(match.group(1))
        if int(value) >= MIN_AMOUNT:
            amounts.append(value)
            return " dong "
        return match.group(0)

    folded = _AMOUNT.sub(take_amount, folded)

    def take_number(match: re.Match[str]) -> str:
        numbers.append(canonical_number(match.group(0)))
        return " "

    folded = _NUMBER.sub(take_number, folded)
    return Signals(
        documents=tuple(dict.fromkeys(documents)),
        dates=tuple(dict.fromkeys(dates)),
        plots=tuple(dict.fromkeys(plots)),
        numbers=tuple(dict.fromkeys(numbers)),
        rest=folded,
        amounts=tuple(dict.fromkeys(amounts)),
    )


def syllables(folded: str) -> list[str]:
    return _SYLLABLE.findall(folded)


def strip_boilerplate(tokens: list[str]) -> list[str]:
    """Remove the phrases of `BOILERPLATE_PHRASES` from a list of folded syllables; a "|" marks each cut,
    so that no shingle spans it."""
    kept: list[str] = []
    i, n = 0, len(tokens)
    while i < n:
        for phrase in _BOILERPLATE.get(tokens[i], ()):
            if tuple(tokens[i:i + len(phrase)]) == phrase:
                kept.append("|")
                i += len(phrase)
                break
        else:
            kept.append(tokens[i])
            i += 1
    return kept


def shingles(tokens: list[str], size: int = 2) -> list[str]:
    """Runs of `size` consecutive tokens: ["dat", "dai", "bi"] → ["dat dai", "dai bi"] for size 2."""
    if size <= 0:
        raise ValueError("size must be positive")
    return [" ".join(tokens[i:i + size]) for i in range(len(tokens) - size + 1)]


def feature_hash(feature: str) -> int:
    """A stable unsigned 32-bit hash (Python's own `hash` differs between processes)."""
    return zlib.crc32(feature.encode("utf-8"))


# ---------------------------------------------------------------------------------------- features

@dataclass(frozen=True)
class Identity:
    """A petitioner's name and numbers, to be kept out of the features of a protected letter."""

    names: tuple[str, ...] = ()
    numbers: tuple[str, ...] = ()


@dataclass(frozen=True)
class LetterFeatures:
    terms: frozenset[str]  # every feature, strong ones included
    strong: frozenset[str] = field(default_factory=frozenset)

    def hashes(self) -> list[int]:
        return sorted({feature_hash(t) for t in self.terms})

    def strong_hashes(self) -> list[int]:
        return sorted({feature_hash(t) for t in self.strong})

    def identifier_hashes(self) -> list[int]:
        return identifier_hashes(self.strong)


KIND_DECISION, KIND_PLOT, KIND_AMOUNT = 0, 1, 2  # as `engine.KIND_*`


def identifiers(strong: Iterable[str]) -> list[tuple[int, str]]:
    """The strong signals that name one thing of a matter — an individual decision (its year left out: "125/QĐ-UBND"
    and "125/2024/QĐ-UBND" are one decision), a land plot, an amount — as (kind, value)."""
    found = []
    for feature in strong:
        kind, _, value = feature.partition(":")
        if kind == "vb" and "/" in value:
            number, *middle, symbol = value.split("/")
            if "-" in number or symbol.split("-")[0] not in vocabulary.INDIVIDUAL_ACTS:
                continue
            found.append((KIND_DECISION, f"{number}/{symbol}"))
        elif kind == "thua":
            found.append((KIND_PLOT, value))
        elif kind == "tien":
            found.append((KIND_AMOUNT, value))
    return found


def identifier_hash(kind: int, value: str) -> int:
    """A stable 32-bit hash whose two low bits are the kind (the engine reads it back from there)."""
    return (zlib.crc32(f"{kind}|{value}".encode()) & 0xFFFFFFFC) | kind


def identifier_hashes(strong: Iterable[str]) -> list[int]:
    return sorted({identifier_hash(kind, value) for kind, value in identifiers(strong)})


def _remove_names(tokens: list[str], names: Iterable[str]) -> list[str]:
    """Drop every occurrence of each name (as a run of syllables) from the token list."""
    for name in names:
        target = syllables(fold(name))
        if not target:
            continue
        width = len(target)
        kept: list[str] = []
        i = 0
        while i < len(tokens):
            if tokens[i:i + width] == target:
                kept.append("|")  # a break, so no shingle spans the removed name
                i += width
            else:
                kept.append(tokens[i])
                i += 1
        tokens = kept
    return tokens


def letter_features(text: str, *, identity: Identity | None = None) -> LetterFeatures:
    """The features of a letter's text (summary and content joined by the caller)."""
    signals = extract_signals(text)
    hidden_numbers = {canonical_number(n) for n in (identity.numbers if identity else ()) if n}
    strong: set[str] = ({f"vb:{d}" for d in signals.documents} | {f"ngay:{d}" for d in signals.dates}
                        | {f"thua:{p}" for p in signals.plots}
                        | {f"tien:{a}" for a in signals.amounts if a not in hidden_numbers})
    terms: set[str] = set(strong)
    for number in signals.numbers:
        if number in hidden_numbers:
            continue
        digits = number.split(".")[0]
        if len(digits) >= STRONG_NUMBER_DIGITS:
            strong.add(f"so:{number}")
        terms.add(f"so:{number}")
    terms |= strong
    kept = strip_boilerplate(apply_synonyms(syllables(signals.rest)))
    if identity and identity.names:
        kept = _remove_names(kept, identity.names)
    words = [t for t in kept if t == "|" or (t not in STOP_SYLLABLES and not t.isdigit() and len(t) > 1)]
    # A syllable of a protected name is not a feature on its own either: typing "Hoàng Văn Tú" must not
    # find the letter through the "Văn" of another name in it.
    hidden_syllables = {part for name in (identity.names if identity else ()) for part in syllables(fold(name))}
    terms.update(w for w in words if w != "|" and w not in hidden_syllables)
    terms.update(f"{a} {b}" for a, b in zip(words, words[1:], strict=False) if a != "|" and b != "|")
    return LetterFeatures(terms=frozenset(terms), strong=frozenset(strong))


# A name without birth year or ID number still counts (issue 19): most letters are signed by name alone, and
# two other people of the same name rarely write about matters that share text and place.
NAME_ONLY = 0.75


def petitioner_keys(*, full_name: str = "", id_number: str = "", birth_year: int | None = None,
                    stored: bool = False) -> dict[str, float]:
    """Keys under which the same petitioner is recognised, with how certain each one is.

    The rule of `people.services.find_matching_citizens`: an identical ID number is certain; the
    same folded name with the same birth year nearly so, and a name alone is a hint. Two known,
    different birth years are two people. `stored=True` gives the keys a stored letter is filed
    under; `stored=False` the keys a query looks up.
    """
    keys: dict[str, float] = {}
    digits = "".join(ch for ch in id_number or "" if ch.isdigit())
    if len(digits) >= 9:
        keys[f"id:{digits}"] = 1.0
    name = " ".join(syllables(fold(full_name)))
    if name:
        if stored:
            keys[f"nm:{name}|{birth_year or '?'}"] = 0.9
            keys[f"nm:{name}"] = NAME_ONLY
        elif birth_year:
            keys[f"nm:{name}|{birth_year}"] = 0.9
            keys[f"nm:{name}|?"] = NAME_ONLY
        else:
            keys[f"nm:{name}"] = NAME_ONLY
    return keys


# Document symbols whose "Đ" folding lost, as they are written back for the officer.
_SYMBOLS = {"qd": "QĐ", "nd": "NĐ", "qdi": "QĐi", "dbqh": "ĐBQH", "hdnd": "HĐND", "dtn": "ĐTN", "dvtu": "DVTU"}


def describe_strong(feature: str) -> str:
    """A strong feature as an officer writes it: "vb:125/qd-ubnd" → "125/QD-UBND", dates dd/mm/yyyy."""
    kind, _, value = feature.partition(":")
    if kind == "vb":
        return re.sub(r"[a-z]+", lambda m: _SYMBOLS.get(m.group(0), m.group(0).upper()), value)
    if kind == "thua":
        plot, _, sheet = value.partition("/")
        return gettext("thửa %(plot)s tờ bản đồ %(sheet)s") % {"plot": plot, "sheet": sheet}
    if kind == "ngay":
        year, month, day = value.split("-")
        return f"{int(day)}/{int(month)}/{year}"
    if kind == "tien":
        return describe_strong(f"so:{value}") + " đồng"
    if kind == "so":
        whole, _, fraction = value.partition(".")
        groups = []
        while len(whole) > 3:
            groups.insert(0, whole[-3:])
            whole = whole[:-3]
        groups.insert(0, whole)
        return ".".join(groups) + ("," + fraction if fraction else "")
    return value
