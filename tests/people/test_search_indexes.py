"""Substring searches on folded names and summaries have a trigram index on PostgreSQL (letters 0003, people 0003):
without it every search of a letter, a matter or a visitor read every citizen of the country."""

import pytest
from django.db import connection


@pytest.mark.django_db
@pytest.mark.skipif(connection.vendor != "postgresql", reason="pg_trgm indexes exist on PostgreSQL only; "
                                                             "SQLite scans the narrow column")
@pytest.mark.parametrize(("table", "column"), [("people_citizen", "search_name"), ("letters_letter", "search_text")])
def test_folded_search_columns_have_a_trigram_index(table, column):
    with connection.cursor() as cursor:
        cursor.execute("SELECT indexdef FROM pg_indexes WHERE tablename = %s", [table])
        definitions = [row[0] for row in cursor.fetchall()]
    assert any("gin" in d and f"{column} gin_trgm_ops" in d for d in definitions), definitions
