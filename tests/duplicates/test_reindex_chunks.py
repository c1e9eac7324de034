"""`danvan reindex_duplicates` writes in short transactions, one per chunk, so that on SQLite the offices'
writes never wait for the whole reindex (issue 13, a busy database)."""

from __future__ import annotations

from contextlib import contextmanager
from types import SimpleNamespace

from django.db import transaction

from danvan.duplicates import index
from danvan.duplicates.models import LetterFingerprint
from tests.letters.factories import receive


def test_reindex_commits_chunk_by_chunk(tree, alice, monkeypatch):
    letters = [receive(alice, tree.board_cb, summary=f"Khiếu nại số {n}") for n in range(5)]
    monkeypatch.setattr(index, "REINDEX_CHUNK", 2)
    computed_inside = []
    real_rows, real_atomic = index._fingerprint_rows, transaction.atomic
    depth = {"n": 0}

    @contextmanager
    def counting_atomic(*args, **kwargs):
        depth["n"] += 1
        try:
            with real_atomic(*args, **kwargs):
                yield
        finally:
            depth["n"] -= 1

    def rows(chunk):
        computed_inside.append(depth["n"])
        return real_rows(chunk)

    blocks = []
    monkeypatch.setattr(index, "_fingerprint_rows", rows)
    monkeypatch.setattr(index, "transaction", SimpleNamespace(
        atomic=lambda *a, **k: blocks.append(1) or counting_atomic(*a, **k)))

    assert index.reindex_all() == 5
    assert computed_inside == [0, 0, 0]  # the fingerprints are computed outside any write transaction
    assert len(blocks) == 3 + 1  # one short transaction per chunk, one to announce the new generation
    assert set(LetterFingerprint.objects.values_list("letter_id", flat=True)) == {letter.pk for letter in letters}
