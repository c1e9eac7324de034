"""Visits carry their session's date (Visit.date), indexed with the area: a report reads a period's visits
off the index instead of every visit of the subtree joined to its session (ADR 0008)."""

from django.db import migrations, models

FILL = {
    "reception_visit": "UPDATE reception_visit SET date = (SELECT s.date FROM reception_receptionsession s "
                       "WHERE s.id = reception_visit.session_id)",
    # History rows: the date of the session they point at (sessions are never deleted).
    "reception_historicalvisit": "UPDATE reception_historicalvisit SET date = (SELECT s.date FROM "
                                 "reception_receptionsession s WHERE s.id = reception_historicalvisit.session_id)",
}


def fill(apps, schema_editor):
    with schema_editor.connection.cursor() as cursor:
        for sql in FILL.values():
            cursor.execute(sql)
        # A history row whose session id is unknown keeps a date all the same (NOT NULL below).
        cursor.execute("UPDATE reception_historicalvisit SET date = DATE(history_date) WHERE date IS NULL")


class Migration(migrations.Migration):
    dependencies = [("reception", "0001_initial")]

    operations = [
        migrations.AddField(model_name="visit", name="date",
                            field=models.DateField(null=True, editable=False, verbose_name="Ngày tiếp")),
        migrations.AddField(model_name="historicalvisit", name="date",
                            field=models.DateField(null=True, editable=False, verbose_name="Ngày tiếp")),
        migrations.RunPython(fill, migrations.RunPython.noop),
        migrations.AlterField(model_name="visit", name="date",
                              field=models.DateField(editable=False, verbose_name="Ngày tiếp")),
        migrations.AlterField(model_name="historicalvisit", name="date",
                              field=models.DateField(editable=False, verbose_name="Ngày tiếp")),
        migrations.AddIndex(model_name="visit", index=models.Index(
            condition=models.Q(("archived_at__isnull", True)), fields=["area", "date"], name="visit_area_date")),
    ]
