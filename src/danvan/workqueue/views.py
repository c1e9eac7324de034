"""The user's own reminders page (the in-app digest); the work queue itself is the home page (core.views)."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from danvan.workqueue.models import ReminderDigest
from danvan.workqueue.reminders import reminders_for


@require_GET
def reminders(request: HttpRequest) -> HttpResponse:
    today = timezone.localdate()
    digest = reminders_for(request.user, today)
    record = ReminderDigest.objects.filter(user=request.user, day=today).first()
    return render(request, "workqueue/reminders.html", {"digest": digest, "record": record, "today": today})
