"""The resolution rate as form 02/XLD (TT 01/2024/TT-TTCP) defines it: resolved over what had to be
resolved, i.e. carried over from the previous period plus arising in the period (issue 15).

Also gives the document formats their signature abbreviations (NĐ 30/2020/NĐ-CP writes "TM.", "KT.",
"TL."; HD 36-HD/VPTW "T/M", "K/T", "T/L") and the rules under the issuing body and the subject.

Adds the carried-over, arising and to-resolve indicators, points DT_TYLE_GQ and the rule on resolved
letters at the new denominator, and archives the rule "recognised ≤ registered", which compared models
recognised in the period with models registered in it (a model registered last year and recognised
this year is no error).
"""

from django.db import migrations
from django.utils import timezone

REASON = "Tỷ lệ giải quyết theo biểu 02/XLD: kỳ trước chuyển sang + phát sinh (migration 0003)"

# (code, name, short name, position, registry key)
NEW = [
    ("DT_KYTRUOC", "Số đơn thuộc thẩm quyền kỳ trước chuyển sang", "Kỳ trước chuyển sang", 45, "letters.carried_over"),
    ("DT_PHATSINH", "Số đơn thuộc thẩm quyền phát sinh trong kỳ", "Phát sinh trong kỳ", 46, "letters.arising"),
    ("DT_PHAIGQ", "Số đơn thuộc thẩm quyền phải giải quyết", "Phải giải quyết", 47, "letters.to_resolve"),
]


def _history(apps, obj, model_name, kind):
    Historical = apps.get_model("reports", f"Historical{model_name}")
    values = {f.attname: getattr(obj, f.attname) for f in obj._meta.concrete_fields}
    Historical.objects.create(**values, history_date=timezone.now(), history_type=kind,
                              history_change_reason=REASON)


SIGNING = {
    "state": {"tm": "TM.", "kt": "KT.", "q": "Q.", "tl": "TL."},
    "party": {"tm": "T/M", "kt": "K/T", "q": "Q.", "tl": "T/L"},
}


def formats(apps):
    DocumentFormat = apps.get_model("reports", "DocumentFormat")
    for fmt in DocumentFormat.objects.filter(style__in=SIGNING):
        params = dict(fmt.params)
        params.setdefault("signing", SIGNING[fmt.style])
        params.setdefault("signature", {"size": 14 if fmt.style == "party" else 13, "bold": True})
        params.setdefault("receivers", {"size": 12 if fmt.style == "state" else 14, "list_size": 11 if
                                        fmt.style == "state" else 12})
        params.setdefault("issuer_rule", fmt.style == "state")  # the Party's "*" stands for it
        params.setdefault("title_rule", True)
        fmt.params = params
        fmt.save()
        _history(apps, fmt, "DocumentFormat", "~")


def forward(apps, schema_editor):
    formats(apps)
    Indicator = apps.get_model("reports", "Indicator")
    ValidationRule = apps.get_model("reports", "ValidationRule")
    if not Indicator.objects.filter(code="DT_GIAIQUYET").exists():
        return  # a database without the shipped catalogue
    for code, name, short, position, key in NEW:
        if Indicator.objects.filter(code=code).exists():
            continue
        _history(apps, Indicator.objects.create(
            code=code, name=name, short_name=short, unit="đơn", group="letters", position=position,
            source="computed", registry_key=key, aggregation="sum"), "Indicator", "+")
    to_resolve = Indicator.objects.get(code="DT_PHAIGQ")
    rate = Indicator.objects.filter(code="DT_TYLE_GQ").first()
    if rate is not None:
        rate.denominator = to_resolve
        rate.name = "Tỷ lệ giải quyết đơn thuộc thẩm quyền (trên số phải giải quyết)"
        rate.save()
        _history(apps, rate, "Indicator", "~")
    rule = ValidationRule.objects.filter(code="giaiquyet-le-thamquyen").first()
    if rule is not None:
        rule.right = to_resolve
        rule.message = "Số đơn đã giải quyết không thể nhiều hơn số đơn thuộc thẩm quyền phải giải quyết"
        rule.save()
        _history(apps, rule, "ValidationRule", "~")
    recognised = ValidationRule.objects.filter(code="congnhan-le-dangky", archived_at__isnull=True).first()
    if recognised is not None:
        recognised.archived_at = timezone.now()
        recognised.archive_reason = REASON
        recognised.save()
        _history(apps, recognised, "ValidationRule", "~")


class Migration(migrations.Migration):
    dependencies = [("reports", "0002_catalogue_and_formats")]

    operations = [migrations.RunPython(forward, migrations.RunPython.noop)]
