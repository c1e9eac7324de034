"""One danvan process for tests/ops/test_two_processes.py: reads commands on stdin, answers one JSON line each.

    suggest            the codes suggested to alice for the pig-farm draft (loads or syncs this process's index)
    receive            alice receives the pig-farm letter; its code
    reindex            `reindex_duplicates` (a new generation)
    token              the generation this process's index was built from
    receive-and-hang   alice receives a letter with an attachment; once the attachment is written, inside the
                       transaction, answers "mid-write" and hangs (for kill -9)
    import-and-hang    alice records 100 propaganda sessions in one bulk entry; after the 50th is saved, inside
                       the transaction, answers "mid-write" and hangs (for kill -9)
    counts             rows of the tables a received letter or a bulk entry writes
    backup PATH        `danvan backup -o PATH`
"""

from __future__ import annotations

import datetime as dt
import json
import os
import sys
import time

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "danvan.settings")
import django  # noqa: E402

django.setup()

from django.core.files.uploadedfile import SimpleUploadedFile  # noqa: E402

from danvan.accounts.models import User  # noqa: E402
from danvan.duplicates import index as dup_index  # noqa: E402
from danvan.duplicates import services  # noqa: E402
from danvan.duplicates.models import LetterFingerprint  # noqa: E402
from danvan.letters import services as letter_services  # noqa: E402
from danvan.letters.models import Letter, LetterAttachment, LetterPetitioner  # noqa: E402
from danvan.matters.models import Matter  # noqa: E402
from danvan.people.models import Citizen  # noqa: E402
from tests.letters.factories import receive  # noqa: E402

PIGS = dict(summary="Phản ánh trại lợn Phúc Sen xả thải ra suối Khuổi Khon",
            content="Trại lợn 2.000 con xả nước thải ra suối, 27 hộ không có nước sạch.")

PDF = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def answer(line: str):
    command, _, argument = line.partition(" ")
    if command == "backup":
        from danvan.ops.backup import create_backup

        return create_backup(argument)["vendor"]
    alice = User.objects.get(username="alice")
    if command == "suggest":
        return [s.letter.code for s in services.suggestions_for_draft(alice, text=PIGS["summary"])]
    if command == "receive":
        return receive(alice, alice.organisation, received_on=dt.date(2024, 6, 3), **PIGS).code
    if command == "reindex":
        return dup_index.reindex_all()
    if command == "token":
        return dup_index._STATE.token
    if command == "receive-and-hang":
        store = letter_services._store_attachment

        def store_then_hang(*args, **kwargs):
            attachment = store(*args, **kwargs)
            print(json.dumps({"mid-write": attachment.file.name}), flush=True)
            time.sleep(3600)

        letter_services._store_attachment = store_then_hang
        receive(alice, alice.organisation, received_on=dt.date(2024, 6, 3), name="Lò Văn Khoa",
                attachments=[SimpleUploadedFile("don.pdf", PDF)], **PIGS)
    if command == "import-and-hang":
        from danvan.mobilisation import services as mobilisation
        from danvan.mobilisation.models import PropagandaSession

        save, saved = PropagandaSession.save, []

        def save_then_hang(session, *args, **kwargs):
            save(session, *args, **kwargs)
            saved.append(session.pk)
            if len(saved) == 50:
                print(json.dumps({"mid-write": len(saved)}), flush=True)
                time.sleep(3600)

        PropagandaSession.save = save_then_hang
        kind = PropagandaSession._meta.get_field("kind").choices[0][0]
        rows = [mobilisation.SessionRow(line=i + 2, held_on=dt.date(2025, 3, 1), kind=kind, topic=f"Luật Đất đai {i}",
                                        place=f"Thôn {i}", attendees=30) for i in range(100)]
        mobilisation.record_propaganda_sessions(alice, alice.organisation, rows)
    if command == "counts":
        from danvan.mobilisation.models import PropagandaSession

        return {model.__name__: model.objects.count() for model in (
            Letter, Letter.history.model, Matter, Citizen, LetterPetitioner, LetterAttachment, LetterFingerprint,
            PropagandaSession, PropagandaSession.history.model)}
    raise ValueError(command)


for line in sys.stdin:
    print(json.dumps(answer(line.strip())), flush=True)
