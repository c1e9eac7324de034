"""Deadline reminders: each user's daily digest, shown in the app and sent by e-mail once a day.

A user's reminders are the letters of their scope (`restrict()`) that are theirs — assigned to them, or
unassigned and held by their own organisation — whose applicable deadline (`due_on`) has passed, falls
today, or falls within the "due soon" working days (`letters.deadlines.due_soon_limit`, holidays counted),
and the open dialogue commitments of their organisation due by the same day.

`send_reminders(day)` writes one `ReminderDigest` per user and day before it sends, so a second run the
same day sends nothing again (a failed mail is retried by the next run).
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass

from django.conf import settings
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from danvan.letters import deadlines as letter_deadlines
from danvan.letters.models import Letter
from danvan.workqueue.models import DigestStatus, ReminderDigest

log = logging.getLogger(__name__)

# Items listed in one digest; the rest are counted ("và 12 việc khác").
DIGEST_MAX_ITEMS = 100


@dataclass(frozen=True)
class Reminder:
    kind: str  # "letter" or "commitment"
    code: str
    title: str
    due_on: dt.date
    url: str
    when: str  # "overdue", "today" or "soon"


@dataclass(frozen=True)
class Digest:
    user: object
    day: dt.date
    items: tuple[Reminder, ...]
    total: int

    def section(self, when: str) -> list[Reminder]:
        return [item for item in self.items if item.when == when]

    @property
    def overdue(self) -> list[Reminder]:
        return self.section("overdue")

    @property
    def today(self) -> list[Reminder]:
        return self.section("today")

    @property
    def soon(self) -> list[Reminder]:
        return self.section("soon")

    @property
    def more(self) -> int:
        return self.total - len(self.items)


def _when(due_on: dt.date, day: dt.date) -> str:
    return "overdue" if due_on < day else "today" if due_on == day else "soon"


def own_letters(user, letters):
    """The letters that are `user`'s to act on: assigned to them, or unassigned and held by their organisation."""
    return letters.filter(Q(handler_id=user.pk) | Q(handler__isnull=True, organisation_id=user.organisation_id))


def reminders_for(user, day: dt.date) -> Digest:
    from danvan.mobilisation.choices import FollowUpStatus
    from danvan.mobilisation.models import DialogueCommitment

    limit = letter_deadlines.due_soon_limit(day)
    letters = (own_letters(user, Letter.objects.restrict(user).active()).filter(due_on__lte=limit)
               .only("pk", "summary", "due_on").order_by("due_on", "pk"))
    commitments = (DialogueCommitment.objects.restrict(user).active()
                   .filter(status=FollowUpStatus.OPEN, due_on__lte=limit, dialogue__archived_at__isnull=True,
                           dialogue__organisation_id=user.organisation_id)
                   .only("pk", "content", "due_on", "dialogue_id").order_by("due_on", "pk"))
    total = letters.count() + commitments.count()
    items = [Reminder("letter", letter.code, letter.summary, letter.due_on,
                      reverse("letters:letter_detail", args=[letter.pk]), _when(letter.due_on, day))
             for letter in letters[:DIGEST_MAX_ITEMS]]
    items += [Reminder("commitment", _("Cam kết"), c.content[:200], c.due_on,
                       reverse("mobilisation:dialogue_detail", args=[c.dialogue_id]), _when(c.due_on, day))
              for c in commitments[:max(0, DIGEST_MAX_ITEMS - len(items))]]
    items.sort(key=lambda item: (item.due_on, item.kind, item.code))
    return Digest(user, day, tuple(items), total)


@dataclass(frozen=True)
class SendSummary:
    sent: int = 0
    empty: int = 0
    skipped: int = 0
    failed: int = 0
    no_address: int = 0


def _claim(user, day: dt.date) -> ReminderDigest | None:
    """The day's record for `user`, newly created or a failed one to retry; None if already handled."""
    try:
        with transaction.atomic():
            return ReminderDigest.objects.create(user=user, day=day, status=DigestStatus.SENDING)
    except IntegrityError:
        record = ReminderDigest.objects.get(user=user, day=day)
        # Only one run may retry a failed mail: the conditional update is the claim.
        if ReminderDigest.objects.filter(pk=record.pk, status=DigestStatus.FAILED).update(
                status=DigestStatus.SENDING, error=""):
            return record
        return None


def render_digest(digest: Digest, base_url: str) -> tuple[str, str]:
    """The e-mail's subject and plain-text body, in Vietnamese."""
    with translation.override(settings.LANGUAGE_CODE):
        subject = _("[Dân vận] %(n)s việc cần chú ý ngày %(day)s") % {
            "n": digest.total, "day": digest.day.strftime("%d/%m/%Y")}
        body = render_to_string("workqueue/digest_email.txt", {"digest": digest, "base_url": base_url.rstrip("/")})
    return subject, body


def send_reminders(day: dt.date, base_url: str = "") -> SendSummary:
    """Each active user's digest for `day`, by e-mail, at most once per user and day."""
    from danvan.accounts.models import User

    base_url = base_url or settings.DANVAN_BASE_URL
    counts = {"sent": 0, "empty": 0, "skipped": 0, "failed": 0, "no_address": 0}
    for user in User.objects.filter(is_active=True).select_related("organisation__area").order_by("pk"):
        if not user.organisation_id and not user.is_superuser:
            continue
        record = _claim(user, day)
        if record is None:
            counts["skipped"] += 1
            continue
        digest = reminders_for(user, day)
        record.items = digest.total
        if not digest.total:
            record.status = DigestStatus.EMPTY
        elif not user.email:
            record.status = DigestStatus.NO_ADDRESS
        else:
            subject, body = render_digest(digest, base_url)
            try:
                send_mail(subject, body, None, [user.email])
            except Exception as exc:  # noqa: BLE001 - any SMTP or network error: record it, go on with the next user
                log.warning("reminder digest to user %s failed: %s", user.pk, exc)
                record.status, record.error = DigestStatus.FAILED, str(exc)[:500]
            else:
                record.status, record.sent_at = DigestStatus.SENT, timezone.now()
        record.save(update_fields=["items", "status", "error", "sent_at"])
        counts[record.status if record.status != DigestStatus.EMPTY else "empty"] += 1
    return SendSummary(**counts)
