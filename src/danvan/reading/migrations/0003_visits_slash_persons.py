"""The reception sentence as the reports now write it and as many offices do: "tiếp 1.184 lượt/1.203 người"
(issue 15): the persons come after the visits, joined by a slash."""

from django.db import migrations

PHRASES = [("TCD_NGUOI", "lượt/{n} người", ""), ("TCD_VUVIEC", "người ({n} vụ việc", "")]


def load(apps, schema_editor):
    from django.utils import timezone

    Indicator = apps.get_model("reports", "Indicator")
    IndicatorPhrase = apps.get_model("reading", "IndicatorPhrase")
    Historical = apps.get_model("reading", "HistoricalIndicatorPhrase")
    by_code = {i.code: i for i in Indicator.objects.all()}
    for code, phrase, key in PHRASES:
        if code in by_code and not IndicatorPhrase.objects.filter(indicator=by_code[code], phrase=phrase).exists():
            obj = IndicatorPhrase.objects.create(indicator=by_code[code], phrase=phrase, disaggregation_key=key)
            values = {f.attname: getattr(obj, f.attname) for f in obj._meta.concrete_fields}
            Historical.objects.create(**values, history_date=timezone.now(), history_type="+",
                                      history_change_reason="Cách viết của báo cáo (reading 0003)")


class Migration(migrations.Migration):
    dependencies = [("reading", "0002_phrases_and_indicators_reports_state")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
