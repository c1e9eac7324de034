"""One danvan process for tests/ops/test_two_processes.py: reads commands on stdin, answers one JSON line each.

    suggest            the codes suggested to alice for the pig-farm draft (loads or syncs this process's index)
    receive            alice receives the pig-farm letter; its code
    reindex            `reindex_duplicates` (a new generation)
    token              the generation this process's index was built from
"""

from __future__ import annotations

import datetime as dt
import json
import os
import sys

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "danvan.settings")
import django  # noqa: E402

django.setup()

from danvan.accounts.models import User  # noqa: E402
from danvan.duplicates import index as dup_index  # noqa: E402
from danvan.duplicates import services  # noqa: E402
from tests.letters.factories import receive  # noqa: E402

PIGS = dict(summary="Phản ánh trại lợn Phúc Sen xả thải ra suối Khuổi Khon",
            content="Trại lợn 2.000 con xả nước thải ra suối, 27 hộ không có nước sạch.")


def answer(command: str):
    alice = User.objects.get(username="alice")
    if command == "suggest":
        return [s.letter.code for s in services.suggestions_for_draft(alice, text=PIGS["summary"])]
    if command == "receive":
        return receive(alice, alice.organisation, received_on=dt.date(2024, 6, 3), **PIGS).code
    if command == "reindex":
        return dup_index.reindex_all()
    if command == "token":
        return dup_index._STATE.token
    raise ValueError(command)


for line in sys.stdin:
    print(json.dumps(answer(line.strip())), flush=True)
