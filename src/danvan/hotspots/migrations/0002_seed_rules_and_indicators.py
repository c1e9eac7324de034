"""The early-warning rules with their default thresholds (tuned later by an administrator, ADR 0023), and the
hot-spot indicators of the period report ("vấn đề bức xúc được chỉ đạo xử lý", "không để xảy ra điểm nóng")."""

from django.db import migrations
from django.utils import timezone

REASON = "Quy tắc cảnh báo sớm và chỉ tiêu điểm nóng (migration hotspots 0002)"

# kind, threshold, window days, min persons, history years, p, description
RULES = [
    ("repeated", 3, 90, 5, 3, "0.01",
     "Một vụ việc được tiếp nhận (đơn, lượt tiếp) từ 3 lần trở lên trong 90 ngày."),
    ("over_levels", 1, 90, 5, 3, "0.01",
     "Vụ việc cấp xã tiếp nhận, chưa giải quyết xong, nhưng trong vòng 90 ngày công dân đã gửi đơn, đến trình bày ở "
     "cấp tỉnh, Trung ương."),
    ("large_groups", 2, 90, 5, 3, "0.01",
     "Từ 2 đoàn đông người, đơn đông người (từ 5 người) về một vụ việc hoặc một xã trong 90 ngày."),
    ("surge", 5, 30, 5, 3, "0.001",
     "30 ngày gần nhất so với cùng kỳ 3 năm trước của chính xã và lĩnh vực đó; kiểm định Poisson, p < 0,001, "
     "từ 5 đơn, lượt trở lên."),
    ("overdue_resolution", 1, 1, 5, 3, "0.01",
     "Đơn quá hạn giải quyết thuộc vụ việc có đoàn đông người hoặc đơn đông người (từ 5 người)."),
    ("overdue_commitment", 1, 1, 5, 3, "0.01",
     "Cam kết tại cuộc đối thoại về một điểm nóng chưa giải quyết xong đã quá hạn mà chưa hoàn thành."),
]

# code, name, short name, position, registry key
INDICATORS = [
    ("DN_PHATSINH", "Số điểm nóng, vụ việc phức tạp phát sinh", "Điểm nóng phát sinh", 90, "hotspots.identified"),
    ("DN_CHIDAO", "Số vấn đề bức xúc, nổi cộm được chỉ đạo xử lý", "Được chỉ đạo xử lý", 91, "hotspots.directed"),
    ("DN_GIAIQUYET", "Số điểm nóng, vụ việc phức tạp đã giải quyết xong", "Điểm nóng đã giải quyết", 92,
     "hotspots.resolved"),
]


def _history(apps, app_label, model_name, obj):
    Historical = apps.get_model(app_label, f"Historical{model_name}")
    values = {f.attname: getattr(obj, f.attname) for f in obj._meta.concrete_fields}
    Historical.objects.create(**values, history_date=timezone.now(), history_type="+", history_change_reason=REASON)


def forward(apps, schema_editor):
    AlertRule = apps.get_model("hotspots", "AlertRule")
    for kind, threshold, window, persons, years, p, description in RULES:
        if not AlertRule.objects.filter(kind=kind).exists():
            _history(apps, "hotspots", "AlertRule", AlertRule.objects.create(
                kind=kind, threshold=threshold, window_days=window, min_persons=persons, history_years=years,
                p_value=p, description=description))
    Indicator = apps.get_model("reports", "Indicator")
    if not Indicator.objects.filter(code="DT_GIAIQUYET").exists():
        return  # a database without the shipped catalogue
    for code, name, short, position, key in INDICATORS:
        if not Indicator.objects.filter(code=code).exists():
            _history(apps, "reports", "Indicator", Indicator.objects.create(
                code=code, name=name, short_name=short, unit="vụ việc", group="activities", position=position,
                source="computed", registry_key=key, aggregation="sum"))


class Migration(migrations.Migration):
    dependencies = [
        ("hotspots", "0001_hotspots_alerts_situation"),
        ("reports", "0004_report_drafts_and_signature"),
    ]

    operations = [migrations.RunPython(forward, migrations.RunPython.noop)]
