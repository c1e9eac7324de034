"""Deadline reminders (issue 16): each user's digest in the app and by e-mail, sent through a real local SMTP
server (aiosmtpd), once per user and day."""

from __future__ import annotations

import datetime as dt
import email
import socket
from email.policy import default as default_policy

import pytest
from aiosmtpd.controller import Controller
from django.core.management import call_command
from django.core.management.base import CommandError

from danvan.letters import services
from danvan.workqueue.models import DigestStatus, ReminderDigest
from danvan.workqueue.reminders import reminders_for, send_reminders
from tests.letters.factories import classify, receive

pytestmark = pytest.mark.django_db


class Inbox:
    def __init__(self):
        self.messages: list[email.message.EmailMessage] = []

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 - aiosmtpd's hook name
        self.messages.append(email.message_from_bytes(envelope.content, policy=default_policy))
        return "250 OK"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def smtp(settings):
    """A real SMTP server on a free local port; Django's SMTP backend pointed at it."""
    inbox = Inbox()
    port = free_port()
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", port
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    settings.DANVAN_BASE_URL = "https://danvan.example.gov.vn"
    yield inbox
    controller.stop()


def body(message) -> str:
    return message.get_body(preferencelist=("plain",)).get_content()


def test_the_digest_lists_a_letter_as_soon_due_then_due_today_then_overdue(tree, alice):
    letter = receive(alice, tree.board_cb)
    due = letter.due_on
    assert [r.code for r in reminders_for(alice, due - dt.timedelta(days=2)).soon] == [letter.code]
    on_day = reminders_for(alice, due)
    assert ([r.code for r in on_day.today], on_day.overdue, on_day.soon) == ([letter.code], [], [])
    assert [r.code for r in reminders_for(alice, due + dt.timedelta(days=1)).overdue] == [letter.code]
    # A month before, nothing to remind.
    assert reminders_for(alice, due - dt.timedelta(days=30)).total == 0


def test_a_letter_assigned_to_a_colleague_is_in_their_digest_not_mine(tree, alice, hana, rita):
    letter = classify(alice, receive(alice, tree.board_cb))
    letter = services.accept_letter(alice, letter, accepted_on=letter.received_on, handler=rita)
    due = letter.due_on
    assert [r.code for r in reminders_for(rita, due).today] == [letter.code]
    assert reminders_for(alice, due).total == 0
    assert reminders_for(hana, due).total == 0


def test_send_reminders_mails_each_user_once_a_day(tree, alice, hana, smtp):
    alice.email = "alice@example.gov.vn"
    alice.save()
    letter = receive(alice, tree.board_cb, summary="Khiếu nại việc bồi thường khi thu hồi đất")
    day = letter.due_on

    summary = send_reminders(day)
    assert (summary.sent, summary.failed) == (1, 0)
    assert len(smtp.messages) == 1
    message = smtp.messages[0]
    assert message["To"] == "alice@example.gov.vn"
    assert day.strftime("%d/%m/%Y") in message["Subject"]
    text = body(message)
    assert "ĐẾN HẠN HÔM NAY" in text and letter.code in text
    assert "Khiếu nại việc bồi thường khi thu hồi đất" in text
    assert f"https://danvan.example.gov.vn/don-thu/{letter.pk}/" in text
    assert ReminderDigest.objects.get(user=alice, day=day).status == DigestStatus.SENT
    # hana's digest has it too (unassigned, held by her organisation), but she has no address: recorded, not mailed.
    assert ReminderDigest.objects.get(user=hana, day=day).status == DigestStatus.NO_ADDRESS

    # Run again the same day (cron fired twice): nothing is sent again.
    again = send_reminders(day)
    assert (again.sent, again.skipped) == (0, 2)
    assert len(smtp.messages) == 1
    # The next day is a new digest.
    call_command("send_reminders", "--date", (day + dt.timedelta(days=1)).strftime("%d/%m/%Y"))
    assert len(smtp.messages) == 2
    assert "QUÁ HẠN" in body(smtp.messages[1])


def test_a_failed_mail_is_recorded_and_sent_by_the_next_run(tree, alice, smtp, settings):
    alice.email = "alice@example.gov.vn"
    alice.save()
    day = receive(alice, tree.board_cb).due_on
    listening = settings.EMAIL_PORT
    settings.EMAIL_PORT = free_port()  # nobody listens there
    with pytest.raises(CommandError):
        call_command("send_reminders", "--date", day.strftime("%d/%m/%Y"))
    record = ReminderDigest.objects.get(user=alice, day=day)
    assert record.status == DigestStatus.FAILED and record.error
    settings.EMAIL_PORT = listening
    assert send_reminders(day).sent == 1
    assert len(smtp.messages) == 1
    assert ReminderDigest.objects.get(user=alice, day=day).status == DigestStatus.SENT


def test_the_reminders_page_shows_the_users_digest(tree, alice, client_for):
    from django.utils import timezone

    today = timezone.localdate()
    letter = receive(alice, tree.board_cb, received_on=today - dt.timedelta(days=60))
    html = client_for(alice).get("/nhac-viec/").content.decode()
    assert "Quá hạn" in html and letter.code in html


def test_a_bad_date_is_a_plain_error(db):
    with pytest.raises(CommandError, match="dd/mm/yyyy"):
        call_command("send_reminders", "--date", "2026-13-01")
