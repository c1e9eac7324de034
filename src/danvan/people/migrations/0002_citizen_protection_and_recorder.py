"""Citizen.protected_since (sticky denouncer protection) and Citizen.recorded_by (who typed the identity),
backfilled from the letters and visits of a protected kind and from the citizens' own history (ADR 0011)."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models
from django.db.models import OuterRef, Q, Subquery
from django.utils import timezone

PROTECTED_KINDS = ("denunciation", "several")


def backfill(apps, schema_editor):
    Citizen = apps.get_model("people", "Citizen")
    HistoricalCitizen = apps.get_model("people", "HistoricalCitizen")
    LetterPetitioner = apps.get_model("letters", "LetterPetitioner")
    Visit = apps.get_model("reception", "Visit")
    by_letter = LetterPetitioner.objects.filter(letter__content_kind__in=PROTECTED_KINDS).values("citizen_id")
    by_visit = Visit.objects.filter(content_kind__in=PROTECTED_KINDS).values("citizen_id")
    Citizen.objects.filter(Q(pk__in=by_letter) | Q(pk__in=by_visit)).update(protected_since=timezone.now())
    creator = HistoricalCitizen.objects.filter(id=OuterRef("pk"), history_type="+").order_by("history_id")
    Citizen.objects.filter(pk__in=HistoricalCitizen.objects.filter(history_type="+", history_user__isnull=False)
                           .values("id")).update(recorded_by=Subquery(creator.values("history_user_id")[:1]))


class Migration(migrations.Migration):

    dependencies = [
        ('people', '0001_initial'),
        ('letters', '0001_initial'),
        ('reception', '0001_initial'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name='citizen',
            name='protected_since',
            field=models.DateTimeField(blank=True, editable=False, null=True, verbose_name='Được bảo vệ danh tính từ'),
        ),
        migrations.AddField(
            model_name='citizen',
            name='recorded_by',
            field=models.ForeignKey(blank=True, editable=False, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='Người ghi nhận'),
        ),
        migrations.AddField(
            model_name='historicalcitizen',
            name='protected_since',
            field=models.DateTimeField(blank=True, editable=False, null=True, verbose_name='Được bảo vệ danh tính từ'),
        ),
        migrations.AddField(
            model_name='historicalcitizen',
            name='recorded_by',
            field=models.ForeignKey(blank=True, db_constraint=False, editable=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='Người ghi nhận'),
        ),
        migrations.RunPython(backfill, migrations.RunPython.noop),
    ]
