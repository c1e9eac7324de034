"""The dân vận indicator set, its validation rules and the two document formats, shipped as data.

Administrators edit them in Django's admin afterwards; every change is kept in their history.
"""

from django.db import migrations

# (code, name, short name, unit, group, position, source, registry key, disaggregation, key figure)
INDICATORS = [
    # Form 01/TCD (TT 01/2024/TT-TTCP)
    ("TCD_LUOT", "Số lượt tiếp công dân", "Lượt tiếp", "lượt", "reception", 10, "computed", "reception.visits", "", True),
    ("TCD_NGUOI", "Số người được tiếp", "Người được tiếp", "người", "reception", 20, "computed", "reception.persons", "", False),
    ("TCD_VUVIEC", "Số vụ việc", "Vụ việc", "vụ việc", "reception", 30, "computed", "reception.matters", "", True),
    ("TCD_DOAN", "Số đoàn đông người", "Đoàn đông người", "đoàn", "reception", 40, "computed", "reception.large_groups", "", False),
    # Form 02/XLD (TT 01/2024/TT-TTCP)
    ("DT_NHAN", "Số đơn tiếp nhận", "Đơn tiếp nhận", "đơn", "letters", 10, "computed", "letters.received", "", True),
    ("DT_DUDK", "Số đơn đủ điều kiện xử lý", "Đủ điều kiện", "đơn", "letters", 20, "computed", "letters.qualifying", "", False),
    ("DT_THAMQUYEN", "Số đơn thuộc thẩm quyền", "Thuộc thẩm quyền", "đơn", "letters", 30, "computed", "letters.within_jurisdiction", "", False),
    ("DT_THULY", "Số đơn đã thụ lý", "Đã thụ lý", "đơn", "letters", 40, "computed", "letters.accepted", "", False),
    ("DT_GIAIQUYET", "Số đơn đã giải quyết", "Đã giải quyết", "đơn", "letters", 50, "computed", "letters.resolved", "", False),
    ("DT_DUNGHAN", "Số đơn giải quyết đúng hạn", "Đúng hạn", "đơn", "letters", 60, "computed", "letters.resolved_on_time", "", False),
    ("DT_CHUYEN", "Số đơn chuyển cơ quan có thẩm quyền", "Đơn chuyển", "đơn", "letters", 70, "computed", "letters.forwarded", "", False),
    ("DT_TRUNG", "Số đơn trùng", "Đơn trùng", "đơn", "letters", 80, "computed", "letters.duplicates", "", False),
    # QĐ 23-QĐ/TW 2021
    ("DTH_CUOC", "Số cuộc đối thoại với Nhân dân", "Cuộc đối thoại", "cuộc", "dialogues", 10, "computed", "mobilisation.dialogues", "", True),
    ("DTH_NGUOI", "Số người tham dự đối thoại", "Người tham dự", "người", "dialogues", 20, "computed", "mobilisation.dialogue_participants", "", False),
    ("DTH_YKIEN", "Số ý kiến của Nhân dân tại đối thoại", "Ý kiến", "ý kiến", "dialogues", 30, "computed", "mobilisation.opinions", "", False),
    ("DTH_CAMKET", "Số việc cam kết giải quyết", "Cam kết", "việc", "dialogues", 40, "computed", "mobilisation.commitments", "", False),
    ("MH_DANGKY", 'Số mô hình "Dân vận khéo" đăng ký', "Mô hình đăng ký", "mô hình", "models", 10, "computed", "mobilisation.models", "practice_field", True),
    ("MH_CONGNHAN", 'Số mô hình "Dân vận khéo" được công nhận', "Được công nhận", "mô hình", "models", 20, "computed", "mobilisation.models_recognised", "", False),
    ("TT_BUOI", "Số buổi tuyên truyền", "Buổi tuyên truyền", "buổi", "activities", 10, "computed", "mobilisation.propaganda_sessions", "", False),
    ("TT_NGUOI", "Số lượt người dự tuyên truyền", "Lượt người dự", "lượt người", "activities", 20, "computed", "mobilisation.propaganda_attendees", "", False),
    ("TH_NGUOI", "Số lượt người được bồi dưỡng, tập huấn", "Lượt tập huấn", "lượt người", "activities", 30, "computed", "mobilisation.training_attendances", "", False),
    ("GB_CUOC", "Số cuộc giao ban công tác dân vận", "Giao ban", "cuộc", "activities", 40, "computed", "mobilisation.briefings", "", False),
    ("GS_CUOC", "Số cuộc giám sát", "Giám sát", "cuộc", "activities", 50, "computed", "mobilisation.supervisions", "", False),
    ("KT_SO", "Số tập thể, cá nhân được khen thưởng", "Khen thưởng", "trường hợp", "activities", 60, "computed", "mobilisation.commendations", "", False),
]

# (code, name, short name, group, position, numerator, denominator, key figure)
RATIOS = [
    ("DT_TYLE_GQ", "Tỷ lệ giải quyết đơn thuộc thẩm quyền", "Tỷ lệ giải quyết", "letters", 55, "DT_GIAIQUYET", "DT_THAMQUYEN", True),
    ("DT_TYLE_DUNGHAN", "Tỷ lệ giải quyết đúng hạn", "Tỷ lệ đúng hạn", "letters", 65, "DT_DUNGHAN", "DT_GIAIQUYET", False),
]

# (code, left, operator, right, message)
RULES = [
    ("nguoi-ge-luot", "TCD_NGUOI", "ge", "TCD_LUOT", "Số người được tiếp không thể ít hơn số lượt tiếp"),
    ("vuviec-le-luot", "TCD_VUVIEC", "le", "TCD_LUOT", "Số vụ việc không thể nhiều hơn số lượt tiếp"),
    ("dudk-le-nhan", "DT_DUDK", "le", "DT_NHAN", "Số đơn đủ điều kiện không thể nhiều hơn số đơn tiếp nhận"),
    ("thamquyen-le-dudk", "DT_THAMQUYEN", "le", "DT_DUDK", "Số đơn thuộc thẩm quyền không thể nhiều hơn số đơn đủ điều kiện"),
    ("giaiquyet-le-thamquyen", "DT_GIAIQUYET", "le", "DT_THAMQUYEN", "Số đơn đã giải quyết không thể nhiều hơn số đơn thuộc thẩm quyền"),
    ("dunghan-le-giaiquyet", "DT_DUNGHAN", "le", "DT_GIAIQUYET", "Số đơn giải quyết đúng hạn không thể nhiều hơn số đơn đã giải quyết"),
    ("congnhan-le-dangky", "MH_CONGNHAN", "le", "MH_DANGKY", "Số mô hình được công nhận không thể nhiều hơn số mô hình đăng ký"),
]

PAGE = {"width_mm": 210, "height_mm": 297, "top_mm": 20, "bottom_mm": 20, "left_mm": 30, "right_mm": 15}

# NĐ 30/2020/NĐ-CP, Phụ lục I (thể thức và kỹ thuật trình bày văn bản hành chính).
STATE_FORMAT = {
    "page": PAGE,
    "font": "Times New Roman",
    "left_width_mm": 70,
    "superior": {"size": 12, "bold": False, "caps": True},
    "issuer": {"size": 12, "bold": True, "caps": True},
    "star": "",
    "number": {"pattern": "Số: {number}/{type}-{issuer}", "size": 13, "blank": "      "},
    "national_title": {"text": "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "size": 12, "bold": True, "underline": False},
    "motto": {"text": "Độc lập - Tự do - Hạnh phúc", "size": 13, "bold": True, "underline": True},
    "place_date": {"size": 13, "italic": True},
    "doc_type": {"size": 14, "bold": True},
    "subject": {"size": 14, "bold": True},
    "heading": {"size": 14, "bold": True},
    "body": {"size": 14, "first_line_indent_mm": 10, "space_after_pt": 6},
    "table": {"size": 11},
    "page_numbers": {"size": 13, "skip_first": True},
    "numbering": "yearly",
}

# HD 36-HD/VPTW (2018), thể thức văn bản của Đảng.
PARTY_FORMAT = {
    "page": PAGE,
    "font": "Times New Roman",
    "left_width_mm": 80,
    "superior": {"size": 14, "bold": False, "caps": True},
    "issuer": {"size": 14, "bold": True, "caps": True},
    "star": "*",
    "number": {"pattern": "Số {number}-{type}/{issuer}", "size": 14, "blank": "      "},
    "national_title": {"text": "ĐẢNG CỘNG SẢN VIỆT NAM", "size": 15, "bold": True, "underline": True},
    "motto": None,
    "place_date": {"size": 14, "italic": True},
    "doc_type": {"size": 16, "bold": True},
    "subject": {"size": 14, "bold": True},
    "heading": {"size": 14, "bold": True},
    "body": {"size": 14, "first_line_indent_mm": 10, "space_after_pt": 6},
    "table": {"size": 11},
    "page_numbers": {"size": 14, "skip_first": True},
    "numbering": "term",
    # Unconfirmed (domain.md): the current term of Party committees; each sequence may override it.
    "default_term_start": "2025-10-01",
}


def _with_history(apps, obj, model_name):
    """The first history row, as `bulk_create_with_history` writes it for loaded data (ADR 0003)."""
    from django.utils import timezone

    Historical = apps.get_model("reports", f"Historical{model_name}")
    values = {f.attname: getattr(obj, f.attname) for f in obj._meta.concrete_fields}
    Historical.objects.create(**values, history_date=timezone.now(), history_type="+",
                              history_change_reason="Danh mục ban đầu (migration 0002)")
    return obj


def load(apps, schema_editor):
    Indicator = apps.get_model("reports", "Indicator")
    ValidationRule = apps.get_model("reports", "ValidationRule")
    DocumentFormat = apps.get_model("reports", "DocumentFormat")
    by_code = {}
    for code, name, short, unit, group, position, source, key, disaggregation, key_figure in INDICATORS:
        by_code[code] = _with_history(apps, Indicator.objects.create(
            code=code, name=name, short_name=short, unit=unit, group=group, position=position, source=source,
            registry_key=key, disaggregation=disaggregation, key_figure=key_figure, aggregation="sum",
        ), "Indicator")
    for code, name, short, group, position, numerator, denominator, key_figure in RATIOS:
        by_code[code] = _with_history(apps, Indicator.objects.create(
            code=code, name=name, short_name=short, unit="%", group=group, position=position, source="computed",
            aggregation="ratio", numerator=by_code[numerator], denominator=by_code[denominator],
            key_figure=key_figure,
        ), "Indicator")
    for code, left, operator, right, message in RULES:
        _with_history(apps, ValidationRule.objects.create(
            code=code, left=by_code[left], operator=operator, right=by_code[right], message=message,
        ), "ValidationRule")
    for style, name, basis, params in [
        ("state", "Văn bản hành chính (NĐ 30/2020/NĐ-CP)", "Nghị định 30/2020/NĐ-CP, Phụ lục I", STATE_FORMAT),
        ("party", "Văn bản của Đảng (HD 36-HD/VPTW)", "Hướng dẫn 36-HD/VPTW ngày 03/4/2018", PARTY_FORMAT),
    ]:
        _with_history(apps, DocumentFormat.objects.create(style=style, name=name, legal_basis=basis, params=params),
                      "DocumentFormat")


class Migration(migrations.Migration):
    dependencies = [("reports", "0001_initial")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
