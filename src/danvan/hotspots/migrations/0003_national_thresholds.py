"""Default thresholds calibrated on national data (ADR 0023, amended): on 1.000.000 letters and 1.000.000 visits
with 60 planted hot spots, the first defaults found every planted one but 55 % of their alerts were elsewhere —
mostly one copy of a letter sent to the province (over levels, 47) and two large groups in a commune in 90 days
(68). Crowds about different matters of one commune and field now need one more than the threshold. A rule an administrator has already tuned (threshold or note changed) is left as it is."""

import django.core.validators
from django.db import migrations, models
from django.utils import timezone

REASON = "Ngưỡng cảnh báo hiệu chỉnh trên dữ liệu toàn quốc (migration hotspots 0003)"

# kind: (old threshold, old note) → (new threshold, new note)
CHANGES = {
    "over_levels": (
        (1, "Vụ việc cấp xã tiếp nhận, chưa giải quyết xong, nhưng trong vòng 90 ngày công dân đã gửi đơn, đến trình "
            "bày ở cấp tỉnh, Trung ương."),
        (2, "Vụ việc cấp xã tiếp nhận, chưa giải quyết xong, nhưng trong vòng 90 ngày công dân đã gửi đơn, đến trình "
            "bày ở cấp tỉnh, Trung ương từ 2 lần trở lên."),
    ),
    "large_groups": (
        (2, "Từ 2 đoàn đông người, đơn đông người (từ 5 người) về một vụ việc hoặc một xã trong 90 ngày."),
        (3, "Từ 3 đoàn đông người, đơn đông người (từ 5 người) về một vụ việc, hoặc từ 4 về các vụ việc của một xã "
            "trong một lĩnh vực, trong 90 ngày."),
    ),
    "surge": (
        (5, "30 ngày gần nhất so với cùng kỳ 3 năm trước của chính xã và lĩnh vực đó; kiểm định Poisson, p < 0,001, "
            "từ 5 đơn, lượt trở lên."),
        (6, "30 ngày gần nhất so với cùng kỳ 3 năm trước của chính xã và lĩnh vực đó; kiểm định Poisson, p < 0,001, "
            "từ 6 đơn, lượt trở lên."),
    ),
}


def forward(apps, schema_editor):
    AlertRule = apps.get_model("hotspots", "AlertRule")
    Historical = apps.get_model("hotspots", "HistoricalAlertRule")
    for kind, ((old_threshold, old_note), (threshold, note)) in CHANGES.items():
        rule = AlertRule.objects.filter(kind=kind, threshold=old_threshold, description=old_note).first()
        if rule is None:
            continue
        rule.threshold, rule.description = threshold, note
        rule.save(update_fields=["threshold", "description", "updated_at"])
        values = {f.attname: getattr(rule, f.attname) for f in rule._meta.concrete_fields}
        Historical.objects.create(**values, history_date=timezone.now(), history_type="~",
                                  history_change_reason=REASON)


class Migration(migrations.Migration):

    dependencies = [
        ('hotspots', '0002_seed_rules_and_indicators'),
    ]

    operations = [
        migrations.AlterField(
            model_name='alertrule',
            name='threshold',
            field=models.PositiveIntegerField(default=3, help_text='Lặp lại: số lần tiếp nhận; vượt cấp: số lần gửi, trình bày lên cấp trên; đông người: số đoàn/đơn; gia tăng: số lượt tối thiểu trong kỳ.', validators=[django.core.validators.MinValueValidator(1)], verbose_name='Ngưỡng (số lần, số đoàn, số đơn)'),
        ),
        migrations.AlterField(
            model_name='historicalalertrule',
            name='threshold',
            field=models.PositiveIntegerField(default=3, help_text='Lặp lại: số lần tiếp nhận; vượt cấp: số lần gửi, trình bày lên cấp trên; đông người: số đoàn/đơn; gia tăng: số lượt tối thiểu trong kỳ.', validators=[django.core.validators.MinValueValidator(1)], verbose_name='Ngưỡng (số lần, số đoàn, số đơn)'),
        ),
        migrations.RunPython(forward, migrations.RunPython.noop),
    ]
