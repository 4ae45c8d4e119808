"""The public calendar (RFC 5545): meetings, assignment due dates and statutory dates.

Councillors and journalists subscribe once in the calendar they already use; the feed
then shows every organ's meetings, when each public assignment is due back, and the
justering, anslag and appeal dates of every protokoll. Built with `icalendar`, so the
output is valid iCalendar that every client parses.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from django.db.models import Q
from icalendar import Calendar, Event

from governance.models import Meeting

from .filters import FeedFilters
from .public import public_assignments, public_minutes

STOCKHOLM = ZoneInfo("Europe/Stockholm")
MEETING_LENGTH = timedelta(hours=3)


def _organ_name(organization) -> str:
    return organization.abbreviation or organization.name


def _all_day(event: Event, day: date) -> None:
    event.add("dtstart", day)
    event.add("dtend", day + timedelta(days=1))


def meeting_events(filters: FeedFilters, domain: str) -> Iterable[Event]:
    meetings = Meeting.objects.select_related("organization")
    if filters.organization:
        meetings = meetings.filter(organization=filters.organization)
    if filters.municipality:
        meetings = meetings.filter(organization__municipality=filters.municipality)
    for meeting in meetings.order_by("date", "pk"):
        event = Event()
        event.add("uid", f"meeting-{meeting.pk}@{domain}")
        event.add("summary", f"{_organ_name(meeting.organization)}: sammanträde")
        if meeting.start_time:
            start = datetime.combine(meeting.date, meeting.start_time, tzinfo=STOCKHOLM)
            event.add("dtstart", start)
            event.add("dtend", start + MEETING_LENGTH)
        else:
            _all_day(event, meeting.date)
        if meeting.location:
            event.add("location", meeting.location)
        if meeting.status == Meeting.Status.CANCELLED:
            event.add("status", "CANCELLED")
        event.add("categories", ["Sammanträde"])
        yield event


def _assignments_for(filters: FeedFilters):
    assignments = public_assignments().filter(due_date__isnull=False).open()
    if filters.municipality:
        assignments = assignments.filter(municipality=filters.municipality)
    if filters.organization:
        assignments = assignments.filter(
            Q(report_to=filters.organization) | Q(assignee_organizations=filters.organization)
        )
    if filters.person:
        assignments = assignments.filter(
            Q(assignee_people=filters.person) | Q(assignee_posts__memberships__person=filters.person)
        )
    if filters.post:
        assignments = assignments.filter(assignee_posts=filters.post)
    return assignments.select_related("report_to").distinct().order_by("due_date", "pk")


def assignment_events(filters: FeedFilters, domain: str, base_url: str) -> Iterable[Event]:
    for assignment in _assignments_for(filters):
        event = Event()
        event.add("uid", f"assignment-{assignment.pk}-due@{domain}")
        report_to = f" till {_organ_name(assignment.report_to)}" if assignment.report_to else ""
        event.add("summary", f"Uppdrag ska återrapporteras{report_to}: {assignment.title}")
        _all_day(event, assignment.due_date)
        lines = [assignment.task]
        if assignment.due_explanation:
            lines.append(f"Datum: {assignment.due_explanation}")
        lines.append(f"Status: {assignment.status_label}")
        event.add("description", "\n".join(lines))
        event.add("url", f"{base_url}/uppdrag/{assignment.pk}/")
        event.add("categories", ["Uppdrag"])
        yield event


def statutory_events(filters: FeedFilters, domain: str, base_url: str) -> Iterable[Event]:
    minutes = public_minutes().filter(date__isnull=False).select_related("organization")
    if filters.organization:
        minutes = minutes.filter(organization=filters.organization)
    if filters.municipality:
        minutes = minutes.filter(municipality=filters.municipality)
    if filters.person or filters.post:
        return
    for page in minutes.order_by("date", "pk"):
        organ = _organ_name(page.organization) if page.organization else ""
        for index, item in enumerate(page.statutory_dates.all()):
            event = Event()
            event.add("uid", f"minutes-{page.pk}-statutory-{index}@{domain}")
            event.add("summary", f"{item.label}: {organ} protokoll {page.date:%Y-%m-%d}".strip())
            _all_day(event, item.due)
            event.add("description", f"{item.explanation} ({item.law})")
            event.add("url", f"{base_url}{page.url}")
            event.add("categories", ["Lagstadgat datum"])
            yield event


def build_calendar(filters: FeedFilters, domain: str, base_url: str) -> Calendar:
    calendar = Calendar()
    calendar.add("prodid", "-//Beslutsspår//Sammanträden och uppdrag//SV")
    calendar.add("version", "2.0")
    title = "Sammanträden och uppdrag"
    if filters.organization:
        title = f"{filters.organization.name}: {title.lower()}"
    calendar.add("x-wr-calname", title)
    calendar.add("x-wr-timezone", "Europe/Stockholm")
    stamp = datetime.now(tz=STOCKHOLM)
    for events in (
        meeting_events(filters, domain),
        assignment_events(filters, domain, base_url),
        statutory_events(filters, domain, base_url),
    ):
        for event in events:
            event.add("dtstamp", stamp)
            calendar.add_component(event)
    return calendar
