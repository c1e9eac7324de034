"""Vietnamese-aware features: what an officer would call "the same letter" gives the same features."""

import unicodedata

import pytest

from danvan.duplicates.features import (
    Identity,
    describe_strong,
    extract_signals,
    fold,
    letter_features,
    petitioner_keys,
)


def strong(text):
    return letter_features(text).strong


@pytest.mark.parametrize("variant", [
    "QĐ 125/QĐ-UBND ngày 12/04/2024",
    "quyết định số 125/QĐ - UBND ký ngày 12.04.2024",
    "Quyết định số 125/QĐ-UBND ngày 12 tháng 4 năm 2024",
    "quyet dinh so 125/QD-UBND ngay 12-4-2024",
])
def test_decision_numbers_and_dates_are_the_same_whatever_the_spelling(variant):
    assert strong(variant) == strong("Quyết định số 125/QĐ-UBND ngày 12/4/2024") == {
        "vb:125/qd-ubnd", "ngay:2024-04-12"}


def test_another_decision_or_date_is_another_signal():
    assert strong("Quyết định số 126/QĐ-UBND ngày 12/4/2024") == {"vb:126/qd-ubnd", "ngay:2024-04-12"}
    assert strong("ngày 13/4/2024") == {"ngay:2024-04-13"}
    assert strong("ngày 31/13/2024") == set()  # no 13th month: not a date


def test_amounts_land_plots_and_legal_documents():
    assert strong("bồi thường 1.230.000.000 đồng") == strong("boi thuong 1230000000 d") == {"tien:1230000000"}
    assert strong("số CCCD 004068001234") == {"so:004068001234"}  # a long number that is not an amount
    assert strong("thửa đất số 45, tờ bản đồ số 12") == strong("thua 45 to 12") == {"thua:45/12"}
    assert strong("theo Nghị định 29/2023/NĐ-CP") == {"vb:29/2023/nd-cp"}
    assert strong("Kế hoạch 24-KH/BDVTU") == {"vb:24-kh/bdvtu"}
    assert "so:300" in letter_features("300 m² đất").terms  # a small number is a feature, not a strong one
    assert strong("300 m² đất") == set()


def test_described_for_the_officer():
    assert describe_strong("vb:125/qd-ubnd") == "125/QĐ-UBND"
    assert describe_strong("ngay:2024-04-12") == "12/4/2024"
    assert describe_strong("so:1230000000") == "1.230.000.000"
    assert describe_strong("tien:12000000") == "12.000.000 đồng"
    assert describe_strong("thua:45/12") == "thửa 45 tờ bản đồ 12"


def test_diacritics_case_and_unicode_forms_do_not_matter():
    text = "Khiếu nại việc bồi thường đất đai tại xóm Nà Mạ"
    decomposed = unicodedata.normalize("NFD", text)
    assert fold(decomposed) == fold(text) == "khieu nai viec boi thuong dat dai tai xom na ma"
    assert letter_features(text.upper()) == letter_features(text) == letter_features(
        "Khieu nai viec boi thuong dat dai tai xom Na Ma") == letter_features(decomposed)


def test_boilerplate_and_function_words_are_not_features():
    plain = letter_features("trại lợn xả thải ra suối")
    wrapped = letter_features(
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nĐƠN KIẾN NGHỊ\nKính gửi: quý cơ quan.\n"
        "Tôi là … xin trình bày sự việc như sau: trại lợn xả thải ra suối. Đề nghị xem xét giải quyết. "
        "Tôi xin cam đoan những nội dung trình bày trên là đúng sự thật. Trân trọng cảm ơn!")
    assert wrapped.terms == plain.terms
    assert {"trai", "lon", "trai lon", "xa thai", "suoi"} <= plain.terms
    assert not {"ra", "cua", "va"} & plain.terms


def test_no_pair_of_words_spans_a_cut_out_phrase():
    features = letter_features("trại lợn kính gửi ủy ban đề nghị xem xét giải quyết suối cạn")
    assert {"trai lon", "ubnd", "suoi can"} <= features.terms  # "ủy ban" read as UBND
    assert "lon uy" not in features.terms and "ban suoi" not in features.terms


def test_a_protected_denouncers_name_and_numbers_stay_out_of_the_features():
    text = "Tôi là Hoàng Văn Tú, CCCD 004071009876, sinh năm 1971, tố cáo ông Lương Văn Hải nhận 15.000.000 đồng"
    hidden = letter_features(text, identity=Identity(names=("Hoàng Văn Tú",), numbers=("004071009876", "1971")))
    assert not {"hoang", "van", "tu", "hoang van", "van tu", "so:004071009876", "so:1971"} & hidden.terms
    assert {"luong", "hai", "luong van", "van hai", "tien:15000000"} <= hidden.terms  # the denounced official stays
    assert {"hoang", "so:1971"} <= letter_features(text).terms


def test_signals_are_cut_from_the_text_before_shingles():
    signals = extract_signals("QĐ 125/QĐ-UBND ngày 12/04/2024 về đất")
    assert signals.documents == ("125/qd-ubnd",) and signals.dates == ("2024-04-12",)
    assert "125" not in signals.rest and "2024" not in signals.rest


def test_petitioner_keys_follow_the_citizen_matching_rule():
    stored = petitioner_keys(full_name="Nông Văn Dũng", id_number="004 068 001 234", birth_year=1968, stored=True)
    assert stored == {"id:004068001234": 1.0, "nm:nong van dung|1968": 0.9, "nm:nong van dung": 0.75}
    # typed at intake without accents and without the year: the name alone still counts (issue 19)
    assert petitioner_keys(full_name="Nong Van Dung") == {"nm:nong van dung": 0.75}
    # another birth year is another person: no key in common with the stored letter but the name-only one
    typed = petitioner_keys(full_name="Nông Văn Dũng", birth_year=1990)
    assert set(typed) & set(stored) == set()


@pytest.mark.parametrize("one, other", [
    ("450m2 đất ở", "450 m2 đất ở"),
    ("đã nhận 12 triệu đồng", "đã nhận 12.000.000 đồng"),
    ("bồi thường 1,23 tỷ", "bồi thường 1.230.000.000 đ"),
    ("1 tỷ 230 triệu đồng", "1230000000 dong"),
    ("quán hát đến 21 giờ 30", "quán hát đến 21h30"),
    ("đã bốn tháng chưa trả lời", "đã 4 tháng chưa trả lời"),
    ("hai mươi lăm hộ dân", "25 hộ dân"),
    ("UBND xã Hòa An", "Ủy ban nhân dân xã Hòa An"),
    ("làm sổ đỏ thửa đất", "làm giấy chứng nhận quyền sử dụng đất thửa đất"),
    ("chưa được cấp GCNQSDĐ", "chưa được cấp sổ hồng"),
    ("tiền đền bù quá thấp", "tiền bồi thường quá thấp"),
])
def test_what_is_written_two_ways_gives_the_same_features(one, other):
    """Issue 19: numbers glued to units, amounts, times, numbers in words, domain synonyms and abbreviations."""
    assert letter_features(one) == letter_features(other)


def test_spelled_numbers_leave_dates_and_the_villagers_alone():
    assert "so:4" not in letter_features("từ tháng 9 năm 2023, sau năm 2020").terms
    terms = letter_features("bà con ba tháng nay chưa có nước").terms
    assert [t for t in terms if t.startswith("so:")] == ["so:3"]  # "bà con" stays the villagers


def test_identifiers_name_individual_acts_plots_and_amounts():
    from danvan.duplicates.features import identifiers

    found = identifiers(strong("QĐ 125/2024/QĐ-UBND, Nghị định 29/2023/NĐ-CP, thửa 45 tờ 12, 15 triệu đồng"))
    assert sorted(found) == [(0, "125/qd-ubnd"), (1, "45/12"), (2, "15000000")]
    assert identifiers(strong("Quyết định số 125/QĐ-UBND")) == [(0, "125/qd-ubnd")]  # year or not: one decision
