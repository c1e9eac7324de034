"""Streaming writer for generated rows: preassigned primary keys, batches of 5,000, one code path for
SQLite (`executemany`) and PostgreSQL (`COPY`), with or without one history row per record.

Rows are dicts keyed by field `attname`; fields not given take their model default. Primary keys are
assigned here (max id + 1, …) so children can point at parents before anything is written and so
the same seed gives the same ids in an empty database. Foreign keys are deferred on both databases,
so a batch may be written before its parents within the transaction.

Bulk mode (`rebuild_indexes=True`, used from province scale up): the secondary indexes of every
table written (and, on PostgreSQL, its foreign-key constraints) are dropped when the table is first
touched and re-created from their own saved definitions in `finish()`, inside the same transaction,
so the schema after the run is exactly the one before. Building an index once over sorted data is
many times faster than maintaining it row by row; re-adding a foreign key validates every row in one
join. The tables are analysed at the end so the query planner sees the new volumes.

History (ADR 0010): with `history=True` each row also gets its django-simple-history snapshot
("+", the run's reason, no user), exactly what `bulk_create_with_history` writes, but through the
same fast path; with `history=False` the run's `GenerationRun` row is the audit record.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from django.db import connection, models
from django.utils import timezone

from danvan.core.text import fold

BATCH_SIZE = 5000


class Table:
    def __init__(self, model: type[models.Model], history: bool, now: dt.datetime, reason: str):
        self.model = model
        self.fields = [f for f in model._meta.concrete_fields]
        self.columns = [f.column for f in self.fields]
        self.attnames = [f.attname for f in self.fields]
        self.defaults: dict[str, Any] = {}
        self.adapters: list = []
        for f in self.fields:
            if getattr(f, "auto_now", False) or getattr(f, "auto_now_add", False):
                self.defaults[f.attname] = now
            elif f.has_default():
                self.defaults[f.attname] = f.get_default()
            elif f.null:
                self.defaults[f.attname] = None
            elif isinstance(f, models.CharField | models.TextField):
                self.defaults[f.attname] = ""
            self.adapters.append(_adapter(f))
        self.pk_attname = model._meta.pk.attname
        # A row is a copy of the defaults with the given values set by column index (the hot path).
        self.template = [self.defaults.get(name) for name in self.attnames]
        self.template = [a(v) if a and v is not None else v for a, v in zip(self.adapters, self.template, strict=True)]
        self.index = {name: i for i, name in enumerate(self.attnames)}
        self.adapted = [(i, a) for i, a in enumerate(self.adapters) if a is not None]
        self.builders: dict[tuple[str, ...], tuple] = {}
        # Stored folded copies of another column (letters' `FoldedCopyField`: a field with a `source`), filled
        # here as the field's `pre_save` fills them on save, since these rows bypass the ORM (ADR 0010).
        self.folded = [(self.index[f.attname], self.index[f.source], f.max_length) for f in self.fields
                       if isinstance(getattr(f, "source", None), str) and f.source in self.index]
        self.next_id = (model._default_manager.aggregate(m=models.Max("pk"))["m"] or 0) + 1
        self.rows: list[tuple] = []
        self.history_rows: list[tuple] = []
        self.count = 0
        self.history = None
        if history and hasattr(model, "history") and hasattr(model.history, "model"):
            hmodel = model.history.model
            hfields = [f for f in hmodel._meta.concrete_fields if f.attname != "history_id"]
            self.history = (hmodel, [f.column for f in hfields], [f.attname for f in hfields],
                            [_adapter(f) for f in hfields])
            extra = {"history_date": connection.ops.adapt_datetimefield_value(now), "history_change_reason": reason,
                     "history_type": "+", "history_user_id": None}
            # Each history column is either a column of the row (by index) or a constant of the run.
            self.history_map = [(self.index.get(name), extra.get(name)) for name in self.history[2]]
            missing = [n for n in self.history[2] if n not in self.index and n not in extra]
            if missing:
                raise ValueError(f"{model.__name__}: unknown history columns {missing}")

    def new_id(self) -> int:
        value = self.next_id
        self.next_id += 1
        return value

    def _builder(self, layout: tuple[str, ...]):
        """A function making the row of a dict with these keys (in this order): one list display with the
        given values and the defaults in place, compiled once per key layout. It replaces a Python loop over
        the values of every row, the hot path of the whole generator (millions of rows)."""
        given = set(layout)
        unknown = given - set(self.index)
        if unknown:
            raise KeyError(f"{self.model.__name__}: unknown columns {sorted(unknown)}")
        items = [f"v[{name!r}]" if name in given else f"t[{i}]" for i, name in enumerate(self.attnames)]
        namespace: dict[str, Any] = {}
        exec(f"def build(v, t):\n    return [{', '.join(items)}]", namespace)  # noqa: S102 (column names only)
        adapted = [(i, a) for i, a in self.adapted if self.attnames[i] in given]
        return namespace["build"], adapted

    def add(self, values: dict[str, Any]) -> int:
        if self.pk_attname not in values:
            values[self.pk_attname] = self.new_id()
        layout = tuple(values)
        found = self.builders.get(layout)
        if found is None:
            found = self.builders[layout] = self._builder(layout)
        build, adapted = found
        row = build(values, self.template)
        for i, adapt in adapted:
            value = row[i]
            if value is not None and type(value) is not str:
                row[i] = adapt(value)
        for i, source, length in self.folded:
            row[i] = fold(row[source] or "")[:length]
        self.rows.append(row)
        if self.history is not None:
            hrow = [row[i] if i is not None else extra for i, extra in self.history_map]
            self.history_rows.append(hrow)
        self.count += 1
        return values[self.pk_attname]


def _adapter(field: models.Field):
    ops = connection.ops
    if isinstance(field, models.DateTimeField):
        return ops.adapt_datetimefield_value
    if isinstance(field, models.DateField):
        return None  # psycopg and Django's sqlite3 adapter (ISO 8601, as adapt_datefield_value) take dates as they are
    if isinstance(field, models.JSONField):
        return lambda v: field.get_db_prep_save(v, connection)
    return None


class Sink:
    """Tables written in dependency order whenever one of them holds a full batch."""

    def __init__(self, history: bool, reason: str = "danvan generate", now: dt.datetime | None = None,
                 rebuild_indexes: bool = False):
        self.history = history
        self.reason = reason
        self.now = now or timezone.now()
        self.tables: dict[type[models.Model], Table] = {}
        self.written_rows = 0
        self.rebuild_indexes = rebuild_indexes
        self.suspended: list[tuple[str, str]] = []  # (kind, SQL that re-creates it), in drop order

    def table(self, model: type[models.Model]) -> Table:
        if model not in self.tables:
            self.tables[model] = table = Table(model, self.history, self.now, self.reason)
            if self.rebuild_indexes:
                self._suspend(model._meta.db_table)
                if table.history is not None:
                    self._suspend(table.history[0]._meta.db_table)
        return self.tables[model]

    def _suspend(self, db_table: str) -> None:
        """Drop the secondary indexes (and PostgreSQL foreign keys) of `db_table`, remembering how to re-create them."""
        quote = connection.ops.quote_name
        if connection.vendor == "postgresql":
            # Dropping a foreign key alters the parent table too, which PostgreSQL refuses while deferred checks
            # of this transaction are pending on it: run them now (they stay deferred afterwards).
            connection.check_constraints()
        with connection.cursor() as cursor:
            if connection.vendor == "postgresql":
                cursor.execute(
                    "SELECT i.relname, pg_get_indexdef(i.oid) FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid "
                    "WHERE x.indrelid = %s::regclass AND NOT x.indisprimary "
                    "AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = x.indexrelid) ORDER BY 1",
                    [db_table])
                indexes = cursor.fetchall()
                cursor.execute("SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint "
                               "WHERE conrelid = %s::regclass AND contype = 'f' ORDER BY 1", [db_table])
                for name, definition in cursor.fetchall():
                    cursor.execute(f"ALTER TABLE {quote(db_table)} DROP CONSTRAINT {quote(name)}")
                    self.suspended.append(("fk", f"ALTER TABLE {quote(db_table)} ADD CONSTRAINT {quote(name)} "
                                                 f"{definition}"))
            else:
                cursor.execute("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = %s "
                               "AND sql IS NOT NULL ORDER BY name", [db_table])
                indexes = cursor.fetchall()
            for name, definition in indexes:
                cursor.execute(f"DROP INDEX {quote(name)}")
                self.suspended.append(("index", definition))

    def _restore(self) -> None:
        """Indexes first (the foreign-key checks use the parents' primary keys, never these)."""
        with connection.cursor() as cursor:
            for kind in ("index", "fk"):
                for k, definition in self.suspended:
                    if k == kind:
                        cursor.execute(definition)
        self.suspended = []

    def add(self, model: type[models.Model], values: dict[str, Any]) -> int:
        table = self.table(model)
        pk = table.add(values)
        if len(table.rows) >= BATCH_SIZE:
            self.flush()
        return pk

    def ordered(self) -> list[Table]:
        """Parents before children, whatever order the tables were first touched in: a child row written
        before its parent is a deferred violation, and SQLite then searches the child table for every parent
        row it inserts (a full scan each time while bulk mode has dropped the child's index)."""
        done: dict[type[models.Model], Table] = {}

        def visit(model, seen=()):
            if model in done or model in seen:
                return
            for f in model._meta.concrete_fields:
                target = f.related_model if f.is_relation else None
                if target is not None and target is not model and target in self.tables:
                    visit(target, (*seen, model))
            done[model] = self.tables[model]

        for model in self.tables:
            visit(model)
        return list(done.values())

    def flush(self) -> None:
        for table in self.ordered():
            if table.rows:
                _write(table.model._meta.db_table, table.columns, table.rows)
                self.written_rows += len(table.rows)
                table.rows = []
            if table.history is not None and table.history_rows:
                hmodel, hcolumns, _, _ = table.history
                _write(hmodel._meta.db_table, hcolumns, table.history_rows)
                self.written_rows += len(table.history_rows)
                table.history_rows = []

    def finish(self) -> dict[str, int]:
        self.flush()
        self._restore()
        with connection.cursor() as cursor:
            if connection.vendor == "postgresql":
                for table in self.tables.values():
                    _reset_sequence(cursor, table.model)
                    if table.history is not None:
                        _reset_sequence(cursor, table.history[0])
            if self.rebuild_indexes:
                # Planner statistics for the new volumes (SQLite: sampled, so it stays quick at national scale).
                if connection.vendor == "postgresql":
                    for table in self.tables.values():
                        cursor.execute(f"ANALYZE {connection.ops.quote_name(table.model._meta.db_table)}")
                else:
                    cursor.execute("PRAGMA analysis_limit = 1000")
                    cursor.execute("ANALYZE")
        return {t.model._meta.label: t.count for t in self.tables.values()}


def _write(db_table: str, columns: list[str], rows: Iterable[tuple]) -> None:
    quote = connection.ops.quote_name
    cols = ", ".join(quote(c) for c in columns)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            raw = cursor.cursor  # the psycopg cursor under Django's wrapper
            with raw.copy(f"COPY {quote(db_table)} ({cols}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
        else:
            marks = ", ".join(["%s"] * len(columns))
            cursor.executemany(f"INSERT INTO {quote(db_table)} ({cols}) VALUES ({marks})", list(rows))


def _reset_sequence(cursor, model: type[models.Model]) -> None:
    table = model._meta.db_table
    pk = model._meta.pk.column
    cursor.execute(
        f"SELECT setval(pg_get_serial_sequence(%s, %s), COALESCE((SELECT MAX({connection.ops.quote_name(pk)}) "
        f"FROM {connection.ops.quote_name(table)}), 1))",
        [table, pk],
    )
