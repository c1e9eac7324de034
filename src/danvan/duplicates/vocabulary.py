"""Data for reading letters as officers do (issue 19): the same thing said with other words.

Everything here is written folded (no diacritics, lower case, as `features.fold` gives it). Editing a table
changes the features of every letter: run `danvan reindex_duplicates` afterwards.
"""

from __future__ import annotations

# canonical → the ways citizens write it. The canonical form replaces each variant, as a run of syllables.
SYNONYMS: dict[str, tuple[str, ...]] = {
    # Land-use certificates by their everyday names (Luật Đất đai 2024 Điều 3.21: "giấy chứng nhận quyền sử
    # dụng đất, quyền sở hữu tài sản gắn liền với đất").
    "gcnqsdd": (
        "giay chung nhan quyen su dung dat quyen so huu nha o va tai san khac gan lien voi dat",
        "giay chung nhan quyen su dung dat quyen so huu tai san gan lien voi dat",
        "giay chung nhan quyen su dung dat", "giay chung nhan qsdd", "giay cn qsdd", "gcn qsdd", "gcnqsd",
        "giay chung nhan", "so do", "so hong", "bia do", "giay do", "so dat",
    ),
    "ubnd": ("uy ban nhan dan", "uy ban"),
    "hdnd": ("hoi dong nhan dan",),
    "mttq": ("mat tran to quoc",),
    "htx": ("hop tac xa",),
    "bhxh": ("bao hiem xa hoi",),
    "bhyt": ("bao hiem y te",),
    "cong ty": ("cty", "cong ty tnhh", "cty tnhh"),
    "quyet dinh": ("qd",),
    "thanh pho": ("tp",),
    "quoc lo": ("ql",),
    "tinh lo": ("tl",),
    "giai phong mat bang": ("gpmb",),
    "tai dinh cu": ("tdc",),
    "dia chinh": ("can bo dia chinh", "cong chuc dia chinh"),
    "boi thuong": ("den bu", "dien bu", "boi hoan"),
    "lon": ("heo",),
    "ngo": ("hem", "kiet"),
    "karaoke": ("hat karaoke", "quan hat", "hat hoi"),
    "xa thai": ("thai ra", "xa nuoc thai", "thai nuoc"),
    "lan chiem": ("lan sang", "lan dat", "chiem dat"),
    "o nhiem": ("hoi thoi", "boc mui", "mui hoi"),
    "tuong rao": ("tuong bao", "hang rao"),
    "thu hoi dat": ("lay dat", "thu dat"),
    "tro cap": ("phu cap", "che do tro cap"),
    "nghi viec": ("thoi viec",),
}

# Numbers written in words, before a counting word ("bốn tháng" = "4 tháng"); not when a number follows the
# counting word ("từ tháng 9", "sau năm 2020": a date, not a count).
NUMBER_WORDS: dict[str, int] = {
    "mot": 1, "hai": 2, "ba": 3, "bon": 4, "tu": 4, "nam": 5, "lam": 5, "sau": 6, "bay": 7, "tam": 8, "chin": 9,
    "muoi": 10,
}
# Only in compounds ("hai mươi lăm", "mười tư"): alone, "tư", "lăm" are other words ("từ" folds to "tu").
COMPOUND_ONLY: frozenset[str] = frozenset({"tu", "lam", "muoi"})
# Not "con": "bà con" (the villagers) folds to "ba con".
COUNTERS: tuple[str, ...] = (
    "thang", "nam", "ngay", "tuan", "lan", "ho", "nguoi", "sao", "met", "m", "km", "ha", "hecta", "cay",
    "gian", "phong", "chau", "nhan khau", "thua", "gio", "buoi", "dot", "thon", "xom", "can", "cong nhan",
)

# Signs that a letter is signed for several people or households (then another signer is not another matter);
# a letter that only mentions households ("58 hộ dân") is not.
GROUP_PHRASES: tuple[str, ...] = (
    "thay mat", "dai dien cho", "lam dai dien", "chung toi gom", "chung toi la", "chung toi ky ten", "tap the",
    "don tap the", "cac ho ky ten", "dong ky ten",
)

# Kinds of documents that name one individual act (a decision on one household, a conclusion, a judgment):
# two letters citing two of them are about two acts. Normative documents (Nghị định, Thông tư, Luật) are
# cited by letters of every matter and are not identifiers.
INDIVIDUAL_ACTS: frozenset[str] = frozenset({"qd", "kl", "tb", "ds", "hs", "hc", "kdtm", "bb", "qdxp", "qdxpvphc"})
