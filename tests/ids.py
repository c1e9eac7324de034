"""Large primary keys in tests: every table's ids start at 1.000.000 or more (issue 13).

An id of 1.000 or more once reached a page as "1.000" (the thousands separator) and came back as a 404
or a 400. Small test ids hid it. `start_large_ids` gives each table its own range
(1.000.000 + k × 50.000, tables in name order), so an id of the wrong table cannot match by chance;
`ensure_next_id` lets a focused test demand large ids even where the session did not set them.
"""

from __future__ import annotations

BASE = 1_000_000
# 50.000 ids a table keeps every table below 10.000.000: a unit's path segment is seven digits (ADR 0002).
STEP = 50_000


def _sqlite_tables(cursor) -> list[str]:
    # Django creates AutoField primary keys with AUTOINCREMENT: their next id comes from sqlite_sequence.
    cursor.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE '%AUTOINCREMENT%' ORDER BY name")
    return [row[0] for row in cursor.fetchall()]


def _postgres_sequences(cursor) -> list[tuple[str, str]]:
    """(table, sequence) of every identity or serial column of the current schema."""
    cursor.execute("""
        SELECT c.relname, pg_get_serial_sequence(quote_ident(c.relname), a.attname)
        FROM pg_attribute a
        JOIN pg_class c ON c.oid = a.attrelid
        JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped
          AND pg_get_serial_sequence(quote_ident(c.relname), a.attname) IS NOT NULL
        ORDER BY c.relname, a.attname
    """)
    return [(table, sequence) for table, sequence in cursor.fetchall()]


def _set_sqlite(cursor, table: str, next_id: int, *, only_raise: bool) -> None:
    if only_raise:
        cursor.execute("SELECT seq FROM sqlite_sequence WHERE name = %s", [table])
        row = cursor.fetchone()
        cursor.execute(f'SELECT MAX(rowid) FROM "{table}"')
        highest = max(row[0] if row else 0, cursor.fetchone()[0] or 0)
        if highest + 1 >= next_id:
            return
    cursor.execute("DELETE FROM sqlite_sequence WHERE name = %s", [table])
    cursor.execute("INSERT INTO sqlite_sequence (name, seq) VALUES (%s, %s)", [table, next_id - 1])


def start_large_ids(connection) -> dict[str, int]:
    """Give every table of `connection` its own first id; returns {table: next id}."""
    starts: dict[str, int] = {}
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            for k, table in enumerate(_sqlite_tables(cursor)):
                starts[table] = BASE + k * STEP
                _set_sqlite(cursor, table, starts[table], only_raise=False)
        elif connection.vendor == "postgresql":
            for k, (table, sequence) in enumerate(_postgres_sequences(cursor)):
                starts[table] = BASE + k * STEP
                cursor.execute("SELECT setval(%s, %s, false)", [sequence, starts[table]])
        else:  # pragma: no cover - the project runs on SQLite and PostgreSQL only
            raise RuntimeError(f"large test ids: no rule for the {connection.vendor} database")
    return starts


def ensure_next_id(model, minimum: int = BASE) -> None:
    """The next row of `model` gets an id of at least `minimum` (never lowers a sequence)."""
    from django.db import connections, router

    connection = connections[router.db_for_write(model)]
    table = model._meta.db_table
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            _set_sqlite(cursor, table, minimum, only_raise=True)
        else:
            column = model._meta.pk.column
            cursor.execute("SELECT pg_get_serial_sequence(%s, %s)", [table, column])
            sequence = cursor.fetchone()[0]
            cursor.execute(f'SELECT GREATEST(%s, COALESCE((SELECT MAX("{column}") FROM "{table}"), 0) + 1, '
                           f"(SELECT CASE WHEN is_called THEN last_value + 1 ELSE last_value END FROM {sequence}))",
                           [minimum])
            cursor.execute("SELECT setval(%s, %s, false)", [sequence, cursor.fetchone()[0]])
