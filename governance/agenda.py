"""What should be on a meeting's agenda: report-backs due to the organ, motions and
interpellations waiting for it.

A secretary builds the next agenda from this list. A report-back belongs to the first
meeting of the organ it reports to on or after its due date (the meetings in between
have passed it by), or to the meeting the assignment's process placed it on; older
ones still open are listed as late so they are not forgotten.
"""

from dataclasses import dataclass
from datetime import date

from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from viewflow.workflow.models import Process

from .models import Assignment, InterpellationPage, Meeting, MotionAction, MotionPage, Organization
from .register import OPEN_STATUSES, visible_assignments
from .visibility import visible_pages


@dataclass(frozen=True)
class Agenda:
    meeting: Meeting
    previous_meeting: Meeting | None
    placed: list
    due: list
    late: list
    motions_to_decide: list
    motions_awaiting_statement: list
    interpellations: list

    @property
    def is_empty(self) -> bool:
        return not any(
            [
                self.placed,
                self.due,
                self.late,
                self.motions_to_decide,
                self.motions_awaiting_statement,
                self.interpellations,
            ]
        )


def upcoming_meetings(day: date, municipality_slug: str | None = None):
    meetings = (
        Meeting.objects.filter(date__gte=day)
        .exclude(status=Meeting.Status.CANCELLED)
        .select_related("organization__municipality")
        .order_by("date", "organization__name")
    )
    if municipality_slug:
        meetings = meetings.filter(organization__municipality__slug=municipality_slug)
    return meetings


def _previous_meeting(meeting: Meeting) -> Meeting | None:
    return (
        Meeting.objects.filter(organization=meeting.organization, date__lt=meeting.date)
        .exclude(status=Meeting.Status.CANCELLED)
        .order_by("-date")
        .first()
    )


def _placed_on(meeting: Meeting) -> list[int]:
    """Assignments whose running process has put their report-back on this meeting."""
    processes = Process.objects.filter(
        artifact_content_type=ContentType.objects.get_for_model(Assignment),
        data__meeting_date=meeting.date.isoformat(),
        finished__isnull=True,
    )
    return list(processes.values_list("artifact_object_id", flat=True))


def _report_backs(meeting: Meeting, previous: Meeting | None, user):
    assignments = (
        visible_assignments(user, Assignment.objects.with_status(meeting.date))
        .filter(report_to=meeting.organization)
        .select_related("decision__paragraph__minutes__organization", "source_page")
        .prefetch_related("assignee_posts", "assignee_people", "assignee_organizations")
        .order_by("due_date", "pk")
    )
    placed_ids = _placed_on(meeting)
    placed = list(assignments.filter(pk__in=placed_ids).exclude(computed_status="done"))
    still_open = assignments.exclude(pk__in=placed_ids).filter(
        Q(computed_status__in=OPEN_STATUSES) | Q(completed_on__gt=meeting.date) | Q(withdrawn_on__gt=meeting.date)
    )
    due = still_open.filter(due_date__lte=meeting.date)
    late = []
    if previous is not None:
        late = list(due.filter(due_date__lte=previous.date))
        due = due.filter(due_date__gt=previous.date)
    return placed, list(due), late


def _motions(meeting: Meeting, user):
    organ = meeting.organization
    motions = (
        visible_pages(user, MotionPage.objects.all())
        .filter(municipality=organ.municipality, date__lte=meeting.date)
        .prefetch_related("actions")
        .order_by("date", "pk")
    )
    to_decide, awaiting_statement = [], []
    for motion in motions:
        actions = sorted(motion.actions.all(), key=lambda a: (a.date, a.sort_order or 0, a.pk))
        if any(a.classification in MotionAction.FINAL_CLASSIFICATIONS for a in actions):
            continue
        if organ.classification == Organization.Classification.COUNCIL:
            to_decide.append(motion)
        referred = [a for a in actions if a.classification == "referred" and a.organization_id == organ.pk]
        stated = [a for a in actions if a.classification == "statement" and a.organization_id == organ.pk]
        if referred and not stated:
            awaiting_statement.append(motion)
    return to_decide, awaiting_statement


def _interpellations(meeting: Meeting, user):
    organ = meeting.organization
    if organ.classification != Organization.Classification.COUNCIL:
        return []
    candidates = (
        visible_pages(user, InterpellationPage.objects.all())
        .filter(municipality=organ.municipality, date__lte=meeting.date)
        .filter(Q(organization=organ) | Q(organization__isnull=True))
        .prefetch_related("questions")
        .order_by("date", "pk")
    )
    return [interpellation for interpellation in candidates if not interpellation.is_answered]


def agenda_for(meeting: Meeting, user) -> Agenda:
    previous = _previous_meeting(meeting)
    placed, due, late = _report_backs(meeting, previous, user)
    to_decide, awaiting_statement = _motions(meeting, user)
    return Agenda(
        meeting=meeting,
        previous_meeting=previous,
        placed=placed,
        due=due,
        late=late,
        motions_to_decide=to_decide,
        motions_awaiting_statement=awaiting_statement,
        interpellations=_interpellations(meeting, user),
    )
