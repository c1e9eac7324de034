"""Indicators real reports state that the catalogue lacked (issue 20), with the phrases that name them:

- dân vận chính quyền: one-stop dossiers received, resolved, resolved on time and the on-time rate (Nghị định
  61/2018/NĐ-CP, Điều 7 and the periodic assessment of the one-stop mechanism), electronic documents exchanged
  between bodies: entered by the units (danvan keeps no dossier records);
- the armed forces' help: working days and money in đồng computed from the support records
  (mobilisation.SupportContribution); the persons ("lượt cán bộ, chiến sĩ", LLVT_LUOT, reading 0002) stay entered;
- units holding dialogues out of all units ("10/12 xã, phường", QĐ 23-QĐ/TW Điều 8): entered, with the rate;
- pressing issues directed: the hot spots' count DN_CHIDAO (hotspots 0002) gets its phrases.
Additive: an indicator or phrase already present is kept; the first history row of each is written.
"""

from django.db import migrations
from django.utils import timezone

REASON = "Chỉ tiêu báo cáo thường nêu (reading 0004)"

# (code, name, short name, unit, group, position, source, registry key)
SUMS = [
    ("HS_TIEPNHAN", "Số hồ sơ thủ tục hành chính tiếp nhận", "Hồ sơ TTHC tiếp nhận", "hồ sơ", "government", 10,
     "entered", ""),
    ("HS_GIAIQUYET", "Số hồ sơ thủ tục hành chính đã giải quyết", "Hồ sơ đã giải quyết", "hồ sơ", "government", 20,
     "entered", ""),
    ("HS_DUNGHAN", "Số hồ sơ giải quyết đúng và trước hạn", "Hồ sơ đúng hạn", "hồ sơ", "government", 30, "entered", ""),
    ("VBDT_SO", "Số văn bản điện tử gửi, nhận trên môi trường mạng", "Văn bản điện tử", "văn bản", "government", 50,
     "entered", ""),
    ("DTH_DONVI", "Số đơn vị tổ chức đối thoại với Nhân dân", "Đơn vị có đối thoại", "đơn vị", "dialogues", 50,
     "entered", ""),
    ("DTH_DONVI_TONG", "Tổng số đơn vị trực thuộc", "Tổng số đơn vị", "đơn vị", "dialogues", 51, "entered", ""),
    ("HT_NGAYCONG", "Số ngày công giúp Nhân dân", "Ngày công giúp dân", "ngày công", "activities", 91, "computed",
     "mobilisation.support_workdays"),
    ("HT_TIEN", "Giá trị tiền, hiện vật hỗ trợ Nhân dân", "Tiền, hiện vật hỗ trợ", "đồng", "activities", 92,
     "computed", "mobilisation.support_money"),
]
# (code, name, short name, group, position, numerator, denominator)
RATIOS = [
    ("HS_TYLE_DUNGHAN", "Tỷ lệ hồ sơ giải quyết đúng và trước hạn", "Tỷ lệ hồ sơ đúng hạn", "government", 40,
     "HS_DUNGHAN", "HS_GIAIQUYET"),
    ("DTH_TYLE_DONVI", "Tỷ lệ đơn vị tổ chức đối thoại", "Tỷ lệ đơn vị có đối thoại", "dialogues", 52, "DTH_DONVI",
     "DTH_DONVI_TONG"),
]
# (code, left, operator, right, message)
RULES = [
    ("hs-dunghan-le-giaiquyet", "HS_DUNGHAN", "le", "HS_GIAIQUYET",
     "Số hồ sơ giải quyết đúng hạn không thể nhiều hơn số hồ sơ đã giải quyết"),
    ("dth-donvi-le-tong", "DTH_DONVI", "le", "DTH_DONVI_TONG",
     "Số đơn vị tổ chức đối thoại không thể nhiều hơn tổng số đơn vị"),
]
# (indicator code, phrase): {n} a count, {r} a fraction, {p} a percentage, … a gap of ≤ 8 words.
PHRASES = [
    ("HS_TIEPNHAN", "tiếp nhận {n} hồ sơ"),
    ("HS_TIEPNHAN", "{n} hồ sơ được tiếp nhận"),
    ("HS_GIAIQUYET", "giải quyết {n} hồ sơ"),
    ("HS_GIAIQUYET", "{n} hồ sơ đã giải quyết"),
    ("HS_DUNGHAN", "đúng hạn {n} hồ sơ"),
    ("HS_DUNGHAN", "trước hạn {n} hồ sơ"),
    ("HS_DUNGHAN", "{n} hồ sơ giải quyết đúng hạn"),
    ("HS_DUNGHAN", "{n} hồ sơ đúng hạn"),
    ("HS_TYLE_DUNGHAN", "đúng hạn {r} hồ sơ"),
    ("HS_TYLE_DUNGHAN", "trước hạn {r} hồ sơ"),
    ("HS_TYLE_DUNGHAN", "đúng hạn {p} hồ sơ"),
    ("HS_TYLE_DUNGHAN", "tỷ lệ hồ sơ giải quyết đúng … đạt {p}"),
    ("HS_TYLE_DUNGHAN", "tỷ lệ giải quyết hồ sơ đúng … đạt {p}"),
    ("VBDT_SO", "{n} văn bản điện tử"),
    ("VBDT_SO", "{n} văn bản đi/đến"),
    ("VBDT_SO", "{n} văn bản đi, đến"),
    ("DTH_TYLE_DONVI", "{r} xã … đối thoại"),
    ("DTH_TYLE_DONVI", "{r} đơn vị … đối thoại"),
    ("DTH_TYLE_DONVI", "{p} xã … đối thoại"),
    ("DTH_TYLE_DONVI", "{p} đơn vị … đối thoại"),
    ("DTH_DONVI", "{n} xã, phường tổ chức đối thoại"),
    ("HT_NGAYCONG", "{n} ngày công"),
    ("HT_TIEN", "trị giá … {n} đồng"),
    ("HT_TIEN", "hỗ trợ … {n} đồng"),
    ("HT_TIEN", "ủng hộ … {n} đồng"),
    ("DN_CHIDAO", "chỉ đạo xử lý {n} vấn đề"),
    ("DN_CHIDAO", "{n} vấn đề bức xúc, nổi cộm được chỉ đạo"),
    ("VDBX_SO", "giải quyết dứt điểm {n} vấn đề"),
    ("KNC_SO", "kỷ niệm chương … cho {n} cá nhân"),
]


def _history(apps, app_label, model_name, obj):
    Historical = apps.get_model(app_label, f"Historical{model_name}")
    values = {f.attname: getattr(obj, f.attname) for f in obj._meta.concrete_fields}
    Historical.objects.create(**values, history_date=timezone.now(), history_type="+", history_change_reason=REASON)
    return obj


def load(apps, schema_editor):
    Indicator = apps.get_model("reports", "Indicator")
    ValidationRule = apps.get_model("reports", "ValidationRule")
    IndicatorPhrase = apps.get_model("reading", "IndicatorPhrase")
    if not Indicator.objects.filter(code="DT_GIAIQUYET").exists():
        return  # a database without the shipped catalogue
    for code, name, short, unit, group, position, source, key in SUMS:
        if not Indicator.objects.filter(code=code).exists():
            _history(apps, "reports", "Indicator", Indicator.objects.create(
                code=code, name=name, short_name=short, unit=unit, group=group, position=position,
                aggregation="sum", source=source, registry_key=key))
    by_code = {i.code: i for i in Indicator.objects.all()}
    for code, name, short, group, position, numerator, denominator in RATIOS:
        if code not in by_code:
            by_code[code] = _history(apps, "reports", "Indicator", Indicator.objects.create(
                code=code, name=name, short_name=short, unit="%", group=group, position=position,
                aggregation="ratio", source="computed", numerator=by_code[numerator],
                denominator=by_code[denominator]))
    for code, left, operator, right, message in RULES:
        if not ValidationRule.objects.filter(code=code).exists():
            _history(apps, "reports", "ValidationRule", ValidationRule.objects.create(
                code=code, left=by_code[left], operator=operator, right=by_code[right], message=message))
    for code, phrase in PHRASES:
        if code in by_code and not IndicatorPhrase.objects.filter(indicator=by_code[code], phrase=phrase).exists():
            _history(apps, "reading", "IndicatorPhrase", IndicatorPhrase.objects.create(
                indicator=by_code[code], phrase=phrase, disaggregation_key=""))


class Migration(migrations.Migration):
    dependencies = [
        ("reading", "0003_visits_slash_persons"),
        ("reports", "0005_units_money_workdays_dossiers_government"),
        ("hotspots", "0002_seed_rules_and_indicators"),
    ]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
