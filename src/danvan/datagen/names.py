"""Vietnamese person names and CCCD numbers, drawn from a seeded `random.Random` (deterministic).

Surname frequencies follow the commonly cited national shares (Nguyễn about 38%, Trần 11%, Lê 9.5%,
Phạm 7%, …); the northern mountain provinces add the Tày, Nùng, Dao and Thái surnames that dominate
there (Nông, Hoàng, Lục, Bế, Đàm, Triệu, Lò, …). Middle and given names depend on the gender.
"""

from __future__ import annotations

import bisect
import itertools
import random
from dataclasses import dataclass

# (surname, weight in ‰)
NATIONAL_SURNAMES: tuple[tuple[str, float], ...] = (
    ("Nguyễn", 380), ("Trần", 110), ("Lê", 95), ("Phạm", 70), ("Hoàng", 30), ("Huỳnh", 21), ("Phan", 45),
    ("Vũ", 24), ("Võ", 15), ("Đặng", 21), ("Bùi", 20), ("Đỗ", 14), ("Hồ", 13), ("Ngô", 13), ("Dương", 10),
    ("Lý", 5), ("Đinh", 6), ("Trịnh", 5), ("Đoàn", 5), ("Lương", 4), ("Mai", 4), ("Cao", 3), ("Lâm", 3),
    ("Tô", 2), ("Tạ", 2), ("Hà", 3), ("Chu", 2), ("Kiều", 1), ("Vương", 1), ("Quách", 1), ("Thái", 1),
    ("La", 1), ("Tăng", 1), ("Lưu", 2), ("Văn", 1), ("Khúc", 1), ("Triệu", 1), ("Phùng", 2), ("Âu", 1),
)
# Cao Bằng, Lạng Sơn, Tuyên Quang, Thái Nguyên, Lào Cai, Điện Biên, Lai Châu, Sơn La.
MOUNTAIN_SURNAMES: tuple[tuple[str, float], ...] = (
    ("Nông", 90), ("Hoàng", 90), ("Lục", 35), ("Đàm", 30), ("Bế", 30), ("Mạc", 20), ("Lương", 35),
    ("Triệu", 35), ("Hà", 30), ("Lâm", 25), ("Lò", 25), ("Vi", 20), ("Sầm", 10), ("Ma", 15), ("Hứa", 10),
    ("Chu", 15), ("Đinh", 15), ("Lành", 10), ("Ngôn", 8), ("Quan", 10), ("Lăng", 8), ("Giàng", 10),
    ("Vàng", 12), ("Lù", 8), ("Phùng", 10),
)
MOUNTAIN_PROVINCES = frozenset({"04", "20", "08", "19", "15", "11", "12", "14"})

MALE_MIDDLE = (("Văn", 40), ("Đức", 8), ("Minh", 8), ("Quang", 6), ("Hữu", 6), ("Công", 5), ("Thanh", 5),
               ("Xuân", 4), ("Ngọc", 4), ("Đình", 5), ("Trọng", 3), ("Quốc", 4), ("Tuấn", 2), ("Gia", 2),
               ("Bá", 2), ("Khắc", 2), ("Mạnh", 2), ("Thế", 3))
FEMALE_MIDDLE = (("Thị", 50), ("Thu", 6), ("Ngọc", 6), ("Thanh", 5), ("Minh", 4), ("Hồng", 4), ("Phương", 3),
                 ("Kim", 4), ("Bích", 3), ("Mai", 3), ("Diệu", 2), ("Khánh", 2), ("Hải", 2), ("Quỳnh", 2))
MALE_GIVEN = ("An", "Anh", "Bảo", "Bình", "Cường", "Chiến", "Công", "Dũng", "Duy", "Đạt", "Định", "Đông", "Giang",
              "Hải", "Hiếu", "Hòa", "Hoàng", "Hùng", "Huy", "Hưng", "Khải", "Khánh", "Khoa", "Kiên", "Lâm",
              "Long", "Lộc", "Lợi", "Mạnh", "Minh", "Nam", "Nghĩa", "Nhân", "Phong", "Phúc", "Phương", "Quân",
              "Quang", "Quyết", "Sơn", "Tài", "Tâm", "Thắng", "Thành", "Thiện", "Thịnh", "Toàn", "Trung",
              "Tú", "Tuấn", "Tùng", "Việt", "Vinh", "Vũ", "Hậu", "Sáng", "Thuận", "Tiến", "Trường", "Hoan")
FEMALE_GIVEN = ("Anh", "Ánh", "Bích", "Chi", "Dung", "Duyên", "Giang", "Hà", "Hạnh", "Hằng", "Hiền", "Hoa",
                "Hồng", "Huệ", "Hương", "Hường", "Lan", "Liên", "Linh", "Loan", "Mai", "My", "Nga", "Ngân",
                "Ngọc", "Nhung", "Oanh", "Phương", "Quyên", "Quỳnh", "Tâm", "Thảo", "Thơm", "Thu", "Thủy",
                "Trang", "Trinh", "Tuyết", "Uyên", "Vân", "Yến", "Xuân", "Lụa", "Nhàn", "Thắm", "Sen", "Lý",
                "Đào", "Hiên", "Mến")


def _cumulative(pairs):
    names = tuple(name for name, _ in pairs)
    cum = tuple(itertools.accumulate(weight for _, weight in pairs))
    return names, cum


_NATIONAL = _cumulative(NATIONAL_SURNAMES)
_MOUNTAIN = _cumulative(MOUNTAIN_SURNAMES)
_MALE_MIDDLE = _cumulative(MALE_MIDDLE)
_FEMALE_MIDDLE = _cumulative(FEMALE_MIDDLE)


def _pick(rng: random.Random, table) -> str:
    names, cum = table
    return names[bisect.bisect_right(cum, rng.random() * cum[-1])]


@dataclass(slots=True)  # not frozen: a frozen dataclass is built several times slower
class Person:
    full_name: str
    male: bool
    birth_year: int
    id_number: str


def person_name(rng: random.Random, *, male: bool, province_code: str = "") -> str:
    """"Nguyễn Văn Hùng", "Nông Thị Thu Hà"; a quarter of names carry a second middle name."""
    mountain = province_code in MOUNTAIN_PROVINCES and rng.random() < 0.7
    surname = _pick(rng, _MOUNTAIN if mountain else _NATIONAL)
    middle = _pick(rng, _MALE_MIDDLE if male else _FEMALE_MIDDLE)
    given_pool = MALE_GIVEN if male else FEMALE_GIVEN
    given = given_pool[int(rng.random() * len(given_pool))]
    parts = [surname, middle]
    if rng.random() < 0.25:
        extra = given_pool[int(rng.random() * len(given_pool))]
        if extra not in (given, middle):
            parts.append(extra)
    parts.append(given)
    return " ".join(parts)


def cccd_number(rng: random.Random, *, province_code: str, male: bool, birth_year: int) -> str:
    """A 12-digit citizen identity number (Thông tư 59/2021/TT-BCA Điều 7).

    Digits 1–3: the province of birth registration ("0" + the 2-digit GSO code, e.g. 004 Cao Bằng);
    digit 4: gender and century (0/1 male/female born 1900–1999, 2/3 born 2000–2099);
    digits 5–6: the last two digits of the birth year; digits 7–12: a random serial.
    """
    century = 0 if birth_year < 2000 else 2
    gender_century = century + (0 if male else 1)
    return f"0{int(province_code):02d}{gender_century}{birth_year % 100:02d}{int(rng.random() * 1_000_000):06d}"


def make_person(rng: random.Random, *, province_code: str, year_now: int) -> Person:
    male = rng.random() < 0.58  # men write and visit somewhat more often than women in the seed reports
    age = max(18, min(90, int(rng.gauss(52, 14))))
    birth_year = year_now - age
    return Person(
        full_name=person_name(rng, male=male, province_code=province_code),
        male=male,
        birth_year=birth_year,
        id_number=cccd_number(rng, province_code=province_code, male=male, birth_year=birth_year),
    )
