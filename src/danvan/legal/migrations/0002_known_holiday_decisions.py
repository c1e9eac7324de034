"""The Government's holiday decisions for 2024-2026 that could be established, loaded on `migrate`.

Only what is known with confidence is recorded; every other occasion of these years stays with the
rule of Bộ luật Lao động 2019 Điều 111-112 (see danvan.legal.calendar), which the calendar page
labels as such. Each decision's note says what was checked. Reference numbers that could not be
checked are left descriptive rather than guessed: an administrator completes them in the admin.

Confidence, per year:
- 2024: Tết 8/2-14/2 (high; matches the rule too); 30/4-1/5: 27/4-1/5 off, Saturday 4/5 worked in
  exchange for Monday 29/4 (high: Công văn 2450/VPCP-KGVX, 12/4/2024); Quốc khánh 31/8-3/9 (high).
  1/1 and Giỗ Tổ (18/4) had no bridge: rule.
- 2025: Tết 25/1-2/2 (high); Quốc khánh 30/8-2/9, i.e. 1/9 and 2/9 (high); 30/4-1/5: 30/4-4/5 off,
  Friday 2/5 swapped with Saturday 26/4 (high). Giỗ Tổ (7/4, a Monday) and 1/1: rule.
- 2026: Tết 14/2-22/2 (high, decided in October 2025); Tết Dương lịch 1/1-4/1 with Friday 2/1
  swapped with Saturday 10/1 (high, agreed by the Government on 25/12/2025). Quốc khánh 2026 (a
  five-day break was proposed, final days not confirmed here), Giỗ Tổ (26/4, a Sunday, made up on
  Monday 27/4 by Điều 111 khoản 3) and 30/4-1/5: rule, until an administrator records the decisions.
"""

import datetime as dt

from django.db import migrations
from django.utils import timezone

LOADED = "Nạp sẵn khi cài đặt danvan"
D = dt.date

DECISIONS = [
    {
        "year": 2024,
        "reference": "Thông báo của Bộ Lao động - Thương binh và Xã hội về nghỉ Tết Âm lịch, Quốc khánh năm 2024",
        "note": "Số hiệu chưa đối chiếu. Tết: nghỉ từ thứ Năm 8/2 đến hết thứ Tư 14/2/2024 (29 tháng Chạp đến "
        "mùng 5 Tết). Quốc khánh: nghỉ từ thứ Bảy 31/8 đến hết thứ Ba 3/9/2024.",
        "days": [
            *[(D(2024, 2, day), "off", "lunar_new_year", "Nghỉ Tết Âm lịch Giáp Thìn") for day in range(8, 15)],
            *[(D(2024, 8, 31), "off", "national_day", "Nghỉ hằng tuần trong dịp Quốc khánh")],
            *[(D(2024, 9, day), "off", "national_day", "Nghỉ Quốc khánh") for day in (1, 2, 3)],
        ],
    },
    {
        "year": 2024,
        "reference": "Công văn số 2450/VPCP-KGVX ngày 12/4/2024 của Văn phòng Chính phủ",
        "issued_on": D(2024, 4, 12),
        "note": "Thủ tướng đồng ý hoán đổi ngày làm việc thứ Hai 29/4/2024 với thứ Bảy 4/5/2024: "
        "nghỉ 5 ngày liên tục từ 27/4 đến hết 1/5/2024.",
        "days": [
            *[(D(2024, 4, day), "off", "victory_labour", "Nghỉ lễ 30/4 - 1/5") for day in (27, 28, 29, 30)],
            (D(2024, 5, 1), "off", "victory_labour", "Ngày Quốc tế lao động"),
            (D(2024, 5, 4), "worked", "victory_labour", "Làm bù cho thứ Hai 29/4/2024"),
        ],
    },
    {
        "year": 2025,
        "reference": "Thông báo số 6150/TB-LĐTBXH của Bộ Lao động - Thương binh và Xã hội",
        "note": "Số hiệu cần đối chiếu với văn bản gốc. Tết: nghỉ từ thứ Bảy 25/1 đến hết Chủ nhật 2/2/2025. "
        "Quốc khánh: nghỉ thứ Hai 1/9 và thứ Ba 2/9/2025 (cùng hai ngày cuối tuần 30-31/8).",
        "days": [
            *[(D(2025, 1, day), "off", "lunar_new_year", "Nghỉ Tết Âm lịch Ất Tỵ") for day in range(25, 32)],
            *[(D(2025, 2, day), "off", "lunar_new_year", "Nghỉ Tết Âm lịch Ất Tỵ") for day in (1, 2)],
            *[(D(2025, 8, day), "off", "national_day", "Nghỉ hằng tuần trong dịp Quốc khánh") for day in (30, 31)],
            *[(D(2025, 9, day), "off", "national_day", "Nghỉ Quốc khánh") for day in (1, 2)],
        ],
    },
    {
        "year": 2025,
        "reference": "Văn bản của Thủ tướng Chính phủ đồng ý hoán đổi ngày làm việc dịp 30/4 - 1/5/2025",
        "note": "Số hiệu chưa đối chiếu. Hoán đổi thứ Sáu 2/5/2025 với thứ Bảy 26/4/2025: nghỉ 5 ngày "
        "liên tục từ thứ Tư 30/4 đến hết Chủ nhật 4/5/2025.",
        "days": [
            (D(2025, 4, 30), "off", "victory_labour", "Ngày Chiến thắng"),
            (D(2025, 5, 1), "off", "victory_labour", "Ngày Quốc tế lao động"),
            (D(2025, 5, 2), "off", "victory_labour", "Nghỉ hoán đổi (làm bù thứ Bảy 26/4/2025)"),
            *[(D(2025, 5, day), "off", "victory_labour", "Nghỉ hằng tuần") for day in (3, 4)],
            (D(2025, 4, 26), "worked", "victory_labour", "Làm bù cho thứ Sáu 2/5/2025"),
        ],
    },
    {
        "year": 2026,
        "reference": "Thông báo của Bộ Nội vụ về nghỉ Tết Âm lịch năm 2026",
        "note": "Số hiệu chưa đối chiếu. Tết Bính Ngọ: nghỉ từ thứ Bảy 14/2 (27 tháng Chạp) đến hết Chủ nhật "
        "22/2/2026 (mùng 6 Tết); 5 ngày Tết là thứ Hai 16/2 đến thứ Sáu 20/2. Quốc khánh 2026 chưa ghi: "
        "tính theo quy tắc cho đến khi có văn bản.",
        "days": [
            *[(D(2026, 2, day), "off", "lunar_new_year", "Nghỉ Tết Âm lịch Bính Ngọ") for day in range(14, 23)],
        ],
    },
    {
        "year": 2026,
        "reference": "Thông báo của Bộ Nội vụ về hoán đổi ngày làm việc dịp Tết Dương lịch 2026",
        "note": "Số hiệu chưa đối chiếu. Chính phủ đồng ý ngày 25/12/2025: hoán đổi thứ Sáu 2/1/2026 với "
        "thứ Bảy 10/1/2026; nghỉ từ thứ Năm 1/1 đến hết Chủ nhật 4/1/2026.",
        "days": [
            (D(2026, 1, 1), "off", "new_year", "Tết Dương lịch"),
            (D(2026, 1, 2), "off", "new_year", "Nghỉ hoán đổi (làm bù thứ Bảy 10/1/2026)"),
            *[(D(2026, 1, day), "off", "new_year", "Nghỉ hằng tuần") for day in (3, 4)],
            (D(2026, 1, 10), "worked", "new_year", "Làm bù cho thứ Sáu 2/1/2026"),
        ],
    },
]


def _history_row(historical_model, instance, now):
    values = {f.attname: getattr(instance, f.attname) for f in instance._meta.concrete_fields}
    return historical_model(
        **values, history_date=now, history_type="+", history_change_reason=LOADED, history_user=None
    )


def load(apps, schema_editor):
    Decision = apps.get_model("legal", "HolidayDecision")
    Day = apps.get_model("legal", "HolidayDay")
    HistoricalDecision = apps.get_model("legal", "HistoricalHolidayDecision")
    HistoricalDay = apps.get_model("legal", "HistoricalHolidayDay")
    now = timezone.now()
    for entry in DECISIONS:
        decision = Decision.objects.create(
            year=entry["year"], reference=entry["reference"], issued_on=entry.get("issued_on"),
            note=entry["note"],
        )
        HistoricalDecision.objects.bulk_create([_history_row(HistoricalDecision, decision, now)])
        Day.objects.bulk_create(
            [Day(decision=decision, date=date, kind=kind, occasion=occasion, description=description)
             for date, kind, occasion, description in entry["days"]]
        )
        days = Day.objects.filter(decision=decision)  # primary keys, on every database
        HistoricalDay.objects.bulk_create([_history_row(HistoricalDay, day, now) for day in days])


def unload(apps, schema_editor):
    Decision = apps.get_model("legal", "HolidayDecision")
    Day = apps.get_model("legal", "HolidayDay")
    references = [entry["reference"] for entry in DECISIONS]
    for name in ("HistoricalHolidayDay", "HistoricalHolidayDecision"):
        apps.get_model("legal", name).objects.filter(history_change_reason=LOADED).delete()
    Day.objects.filter(decision__reference__in=references).delete()
    Decision.objects.filter(reference__in=references).delete()


class Migration(migrations.Migration):
    dependencies = [("legal", "0001_initial")]

    operations = [migrations.RunPython(load, unload)]
