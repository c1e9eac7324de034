"""The phrases that name each indicator in narrative reports, and three indicators real reports state that the
catalogue lacked, as figures units enter (additive: only new rows; an indicator already present is kept).

Administrators edit the phrases afterwards in the admin; every change is kept in their history.
"""

from django.db import migrations

# (code, name, short name, unit, group, position)
NEW_INDICATORS = [
    ("KNC_SO", "Số Kỷ niệm chương “Vì sự nghiệp Dân vận” được tặng", "Kỷ niệm chương", "người", "activities", 70),
    ("VDBX_SO", "Số vấn đề bức xúc, nổi cộm được giải quyết", "Vấn đề bức xúc", "việc", "activities", 80),
    ("LLVT_LUOT", "Số lượt cán bộ, chiến sĩ lực lượng vũ trang giúp dân", "Lượt LLVT giúp dân", "lượt người",
     "activities", 90),
]

# (indicator code, phrase, breakdown key). {n} a count, {r} a fraction, {p} a percentage, … a gap of ≤ 8 words.
PHRASES = [
    ("TCD_LUOT", "{n} lượt công dân", ""),
    ("TCD_LUOT", "số lượt tiếp là {n}", ""),
    ("TCD_LUOT", "tiếp {n} lượt", ""),
    ("TCD_NGUOI", "số người được tiếp … {n} người", ""),
    ("TCD_NGUOI", "{n} người được tiếp", ""),
    ("TCD_VUVIEC", "lượt công dân ({n} vụ việc", ""),
    ("TCD_VUVIEC", "số vụ việc là {n}", ""),
    ("TCD_DOAN", "{n} đoàn đông người", ""),
    ("DT_NHAN", "tiếp nhận {n} đơn", ""),
    ("DT_NHAN", "nhận được {n} đơn", ""),
    ("DT_DUDK", "{n} đơn đủ điều kiện", ""),
    ("DT_DUDK", "số đơn đủ điều kiện xử lý là {n}", ""),
    ("DT_THAMQUYEN", "{n} đơn thuộc thẩm quyền", ""),
    ("DT_THULY", "thụ lý {n} đơn", ""),
    ("DT_KYTRUOC", "{n} đơn kỳ trước chuyển sang", ""),
    ("DT_PHATSINH", "{n} đơn phát sinh trong kỳ", ""),
    ("DT_CHUYEN", "chuyển {n} đơn", ""),
    ("DT_TRUNG", "{n} đơn trùng", ""),
    ("DT_TYLE_GQ", "giải quyết {r} đơn", ""),
    ("DT_TYLE_GQ", "giải quyết {r} vụ việc", ""),
    ("DT_TYLE_GQ", "tỷ lệ giải quyết … đạt {p}", ""),
    ("DT_TYLE_DUNGHAN", "giải quyết đúng hạn {r} đơn", ""),
    ("DT_TYLE_DUNGHAN", "tỷ lệ giải quyết đúng hạn … đạt {p}", ""),
    ("DTH_CUOC", "{n} cuộc đối thoại", ""),
    ("DTH_NGUOI", "đối thoại … {n} lượt người", ""),
    ("DTH_NGUOI", "đối thoại … {n} người", ""),
    ("DTH_YKIEN", "{n} ý kiến", ""),
    ("DTH_YKIEN", "{n} lượt ý kiến", ""),
    ("DTH_CAMKET", "cam kết giải quyết {n} việc", ""),
    ("MH_DANGKY", '{n} mô hình "Dân vận khéo"', ""),
    ("MH_DANGKY", "{n} mô hình dân vận khéo", ""),
    ("MH_CONGNHAN", 'công nhận {n} mô hình "Dân vận khéo"', ""),
    ("MH_CONGNHAN", "{n} mô hình được công nhận", ""),
    ("MH_DANGKY", "xây dựng Đảng", "political"),
    ("MH_DANGKY", "xây dựng Đảng, chính quyền", "political"),
    ("MH_DANGKY", "hệ thống chính trị", "political"),
    ("MH_DANGKY", "quốc phòng, an ninh", "defence"),
    ("MH_DANGKY", "văn hóa, xã hội", "culture"),
    ("MH_DANGKY", "nông thôn mới", "rural"),
    ("TT_BUOI", "{n} buổi tuyên truyền", ""),
    ("TT_NGUOI", "tuyên truyền … {n} lượt người", ""),
    ("TH_NGUOI", "tập huấn … {n} lượt", ""),
    ("GB_CUOC", "{n} cuộc giao ban", ""),
    ("GS_CUOC", "{n} cuộc giám sát", ""),
    ("GS_CUOC", "giám sát {n} cuộc", ""),
    ("GS_CUOC", "số cuộc giám sát là {n}", ""),
    ("KT_SO", "khen thưởng {n} tập thể", ""),
    ("KT_SO", "khen thưởng {n} lượt tập thể", ""),
    ("KNC_SO", "kỷ niệm chương … cho {n} đồng chí", ""),
    ("KNC_SO", "{n} đồng chí được tặng kỷ niệm chương", ""),
    ("VDBX_SO", "{n} vấn đề bức xúc", ""),
    ("VDBX_SO", "{n} vụ việc bức xúc", ""),
    ("LLVT_LUOT", "{n} lượt cán bộ, chiến sĩ", ""),
]


def _with_history(apps, model_name, obj, reason):
    """The first history row, as `bulk_create_with_history` writes it for loaded data (ADR 0003)."""
    from django.utils import timezone

    app = "reports" if model_name == "Indicator" else "reading"
    Historical = apps.get_model(app, f"Historical{model_name}")
    values = {f.attname: getattr(obj, f.attname) for f in obj._meta.concrete_fields}
    Historical.objects.create(**values, history_date=timezone.now(), history_type="+", history_change_reason=reason)
    return obj


def load(apps, schema_editor):
    Indicator = apps.get_model("reports", "Indicator")
    IndicatorPhrase = apps.get_model("reading", "IndicatorPhrase")
    reason = "Danh mục ban đầu (reading 0002)"
    for code, name, short, unit, group, position in NEW_INDICATORS:
        if not Indicator.objects.filter(code=code).exists():
            _with_history(apps, "Indicator", Indicator.objects.create(
                code=code, name=name, short_name=short, unit=unit, group=group, position=position,
                aggregation="sum", source="entered"), reason)
    by_code = {i.code: i for i in Indicator.objects.all()}
    for code, phrase, key in PHRASES:
        if code in by_code:
            _with_history(apps, "IndicatorPhrase", IndicatorPhrase.objects.create(
                indicator=by_code[code], phrase=phrase, disaggregation_key=key), reason)


class Migration(migrations.Migration):
    dependencies = [
        ("reading", "0001_indicator_phrases"),
        ("reports", "0004_report_drafts_and_signature"),
    ]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
