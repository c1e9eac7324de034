"""A trigram index on the citizen's folded name (PostgreSQL only; pg_trgm, as letters 0003).

A letter search ("bồi thường", "Nguyễn") also looks for petitioners whose name contains the words, and the
matter picker and the reception look-up do the same: each read every citizen of the country (`LIKE '%…%'`,
15 ms for 90.000 citizens on every search query, a full scan of two million at national scale). SQLite scans
the one narrow column as before.
"""

from django.contrib.postgres.operations import TrigramExtension
from django.db import migrations

TRIGRAM_INDEX = "citizen_search_name_trgm"


def create_trigram_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"CREATE INDEX IF NOT EXISTS {TRIGRAM_INDEX} ON people_citizen "
                              "USING gin (search_name gin_trgm_ops)")


def drop_trigram_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {TRIGRAM_INDEX}")


class Migration(migrations.Migration):

    dependencies = [
        ("people", "0002_citizen_protection_and_recorder"),
    ]

    operations = [
        TrigramExtension(),
        migrations.RunPython(create_trigram_index, drop_trigram_index),
    ]
