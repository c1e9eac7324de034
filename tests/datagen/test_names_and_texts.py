"""Pure generators: names, CCCD numbers, letter texts. No database."""

import datetime as dt
import random
import re
from collections import Counter

from danvan.core.choices import ContentKind, Field
from danvan.core.text import fold
from danvan.datagen import texts
from danvan.datagen.names import FEMALE_MIDDLE, MALE_MIDDLE, cccd_number, make_person, person_name
from danvan.datagen.places import Place

PLACE = Place(1, "Thôn Nà Mạ", 2, "Xã Quảng Lâm", "04", "Tỉnh Cao Bằng", True)


def test_surnames_follow_national_and_mountain_distributions():
    rng = random.Random(1)
    national = Counter(person_name(rng, male=True, province_code="01").split()[0] for _ in range(4000))
    mountain = Counter(person_name(rng, male=True, province_code="04").split()[0] for _ in range(4000))
    assert national.most_common(1)[0][0] == "Nguyễn"
    assert 0.30 < national["Nguyễn"] / 4000 < 0.46
    assert mountain["Nông"] > national["Nông"] + 200
    assert len(national) > 25


def test_middle_names_depend_on_gender():
    rng = random.Random(2)
    men = [person_name(rng, male=True).split()[1] for _ in range(500)]
    women = [person_name(rng, male=False).split()[1] for _ in range(500)]
    assert Counter(women).most_common(1)[0][0] == "Thị"
    assert "Thị" not in men
    assert set(men) <= {m for m, _ in MALE_MIDDLE} and set(women) <= {m for m, _ in FEMALE_MIDDLE}


def test_cccd_has_twelve_digits_province_gender_century_and_year():
    rng = random.Random(3)
    assert re.fullmatch(r"004099\d{6}", cccd_number(rng, province_code="04", male=True, birth_year=1999))
    assert re.fullmatch(r"001305\d{6}", cccd_number(rng, province_code="01", male=False, birth_year=2005))
    person = make_person(rng, province_code="79", year_now=2026)
    assert len(person.id_number) == 12 and person.id_number.startswith("079")
    assert person.id_number[4:6] == f"{person.birth_year % 100:02d}"


def _case(seed, topic=None):
    rng = random.Random(seed)
    person = make_person(rng, province_code="04", year_now=2025)
    return rng, texts.make_case(rng, topic or texts.pick_topic(rng), person, PLACE, dt.date(2025, 6, 1))


def test_texts_come_from_many_templates_and_cover_every_kind_and_field():
    keys, kinds, fields, bodies = set(), set(), set(), set()
    for seed in range(600):
        rng, case = _case(seed)
        letter = texts.write_letter(rng, case, "Ủy ban nhân dân xã Quảng Lâm")
        keys.add(letter.template_key)
        kinds.add(case.kind)
        fields.add(case.field)
        bodies.add(letter.text)
        assert "{" not in letter.text and "}" not in letter.text
        assert case.petitioner in letter.text or "nặc" in letter.text
    assert len(keys) > 500  # almost every letter has its own combination of wording
    assert len(bodies) == 600
    assert kinds == set(ContentKind.values)
    assert fields <= set(Field.values) and len(fields) >= 7


def test_a_rewrite_uses_other_wording_and_can_lose_diacritics_and_rewrite_the_decision():
    rng, case = _case(11, texts.TOPIC_BY_KEY["land_compensation"])
    first = texts.write_letter(rng, case, "Ủy ban nhân dân xã Quảng Lâm")
    again = texts.write_letter(rng, case, "Ủy ban nhân dân tỉnh Cao Bằng", repeat=1, previous=dt.date(2025, 6, 1),
                               avoid=first.template_key, no_diacritics=True, decision_variant=1)
    assert again.template_key != first.template_key
    assert again.text == texts.strip_diacritics(again.text)
    assert fold(case.petitioner) in fold(again.text)
    # The decision is written the second way (zero-padded date), and typed without marks like the rest: "QD", "ngay".
    d = case.decision
    assert texts.strip_diacritics(d.variants()[1]) in again.text
    assert texts.strip_diacritics(d.canonical()) not in again.text
    assert set(again.variant_flags) == {"no_diacritics", "decision_rewritten"}


def test_decision_numbers_are_written_several_ways_with_the_same_number():
    d = texts.Decision(125, 2024, "UBND", "QĐ", dt.date(2024, 4, 12))
    assert d.canonical() == "Quyết định số 125/QĐ-UBND ngày 12/4/2024"
    variants = d.variants()
    assert "QĐ 125/QĐ-UBND ngày 12/04/2024" in variants
    assert len(set(variants)) == len(variants)
    assert all("125" in v for v in variants)


def test_strip_diacritics_keeps_case_and_maps_d():
    assert texts.strip_diacritics("Đơn khiếu nại Quyết định") == "Don khieu nai Quyet dinh"


def test_fast_diacritic_stripping_is_the_unicode_decomposition():
    """`strip_diacritics` maps characters through a table built once; it must equal NFD minus combining marks."""
    for seed in range(150):
        rng, case = _case(seed)
        text = texts.write_letter(rng, case, "Ủy ban nhân dân xã Quảng Lâm").text
        assert texts.strip_diacritics(text) == texts._strip_slowly(text)
    assert texts.strip_diacritics("Đặng Thị Ngọc Ánh, 40 m² — “đơn”") == "Dang Thi Ngoc Anh, 40 m² — “don”"
    decomposed = "Nguye\u0302\u0303n"  # typed as base letters plus combining marks
    assert texts.strip_diacritics(decomposed) == "Nguyen"


def test_each_decision_variant_is_the_one_listed():
    _, case = _case(5)
    d = case.decision
    assert [d.variant(i) for i in range(texts.DECISION_VARIANTS)] == list(d.variants())
    assert d.canonical() == d.variants()[0] and len(set(d.variants())) == texts.DECISION_VARIANTS
