"""Reminder e-mails to the people responsible for an assignment, before and after its due date.

Each reminder is recorded before it is sent under a unique key (assignment, kind, due
date, recipient), so a reminder is never sent twice for the same event, even when two
cron runs overlap; if sending fails the record is removed and the next run tries again.
A new due date is a new event and is reminded about again.
"""

from dataclasses import dataclass, field
from datetime import date, timedelta

from django.conf import settings
from django.core.mail import send_mail
from django.db import IntegrityError, transaction

from .models import Assignment, ReminderLog


@dataclass
class ReminderReport:
    sent: int = 0
    already_sent: int = 0
    failed: list = field(default_factory=list)
    without_email: list = field(default_factory=list)


def recipients(assignment, day):
    """E-mail addresses of the named people, and of whoever holds each assigned post today."""
    addresses = {person.email for person in assignment.assignee_people.all() if person.email}
    for post in assignment.assignee_posts.all():
        holder = post.holder_on(day)
        if holder and holder.email:
            addresses.add(holder.email)
    return sorted(addresses)


def reminder_kind(assignment, day):
    if assignment.completed_on or assignment.withdrawn_on or not assignment.due_date:
        return None
    if assignment.due_date < day:
        return ReminderLog.Kind.OVERDUE
    if assignment.due_date <= day + timedelta(days=settings.BESLUTSSPAR_DUE_SOON_DAYS):
        return ReminderLog.Kind.DUE_SOON
    return None


def _message(assignment, kind, day):
    if kind == ReminderLog.Kind.OVERDUE:
        subject = f"Försenat uppdrag: {assignment.title}"
        days_late = (day - assignment.due_date).days
        lead = f"Uppdraget skulle ha återrapporterats senast {assignment.due_date} ({days_late} dagar sedan)."
    else:
        subject = f"Påminnelse: {assignment.title} ska återrapporteras senast {assignment.due_date}"
        lead = f"Uppdraget ska återrapporteras senast {assignment.due_date}."
    report_to = f" till {assignment.report_to.name}" if assignment.report_to_id else ""
    body = (
        f"{lead}\n\nUppdrag: {assignment.task}\nÅterrapporteras{report_to}.\n"
        f"Tidsangivelse i beslutet: {assignment.deadline_text or '–'} ({assignment.due_explanation})\n"
        f"Beslut: {assignment.source_text or '–'}\n"
    )
    return subject, body


def send_reminders(day=None):
    day = day or date.today()
    report = ReminderReport()
    open_assignments = (
        Assignment.objects.open()
        .filter(due_date__isnull=False, due_date__lte=day + timedelta(days=settings.BESLUTSSPAR_DUE_SOON_DAYS))
        .prefetch_related("assignee_people", "assignee_posts")
    )
    for assignment in open_assignments:
        kind = reminder_kind(assignment, day)
        if kind is None:
            continue
        addresses = recipients(assignment, day)
        if not addresses:
            report.without_email.append(assignment.title)
            continue
        subject, body = _message(assignment, kind, day)
        for address in addresses:
            try:
                with transaction.atomic():
                    log = ReminderLog.objects.create(
                        assignment=assignment, kind=kind, due_date=assignment.due_date, recipient=address
                    )
            except IntegrityError:
                report.already_sent += 1
                continue
            try:
                send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [address])
            except OSError as error:
                log.delete()
                report.failed.append(f"{address}: {error}")
                continue
            report.sent += 1
    return report
