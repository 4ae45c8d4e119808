"""The yearly follow-up of assignments ("uppföljning av uppdrag") and the figures behind its charts.

Once a year a secretary puts a follow-up of every assignment on the council's agenda: what
was asked, by when, what was reported and decided, grouped by status. The same figures feed
the charts on the follow-up page (status per organ, overdue over time, time from decision
to report-back), so the printed report, the charts and their tables always agree.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from dateutil.relativedelta import relativedelta
from django.db.models import Q, QuerySet

from governance.models import Assignment, Organization

#: The order statuses are grouped in: what needs attention first.
STATUS_ORDER = [
    Assignment.Status.OVERDUE,
    Assignment.Status.STALLED,
    Assignment.Status.DUE_SOON,
    Assignment.Status.UNDATED,
    Assignment.Status.ON_TIME,
    Assignment.Status.REPORTED,
    Assignment.Status.DONE,
    Assignment.Status.WITHDRAWN,
]
#: The row for assignments that name no organ to report to; listed last.
NO_ORGAN = "Inget organ angivet"
#: Buckets for "time from decision to report-back", in days.
DURATION_BUCKETS = [
    (0, 90, "0–3 mån"),
    (91, 180, "3–6 mån"),
    (181, 365, "6–12 mån"),
    (366, 730, "1–2 år"),
    (731, None, "mer än 2 år"),
]


class PeriodError(ValueError):
    """A period the report cannot be made for; the message is Swedish and shown as is."""


@dataclass(frozen=True)
class Period:
    start: date
    end: date

    @classmethod
    def parse(cls, start: str | None, end: str | None, today: date) -> Period:
        """`fran`/`till` as YYYY-MM-DD; the current calendar year by default."""
        try:
            first = date.fromisoformat(start) if start else date(today.year, 1, 1)
            last = date.fromisoformat(end) if end else date(today.year, 12, 31)
        except ValueError as error:
            raise PeriodError("Ogiltigt datum: ange ÅÅÅÅ-MM-DD.") from error
        if last < first:
            raise PeriodError("Periodens slut ligger före dess början.")
        return cls(first, last)

    def __str__(self) -> str:
        return f"{self.start:%Y-%m-%d}–{self.end:%Y-%m-%d}"


@dataclass
class FollowUpRow:
    assignment: Assignment
    status: str
    status_label: str
    reported: list[str] = field(default_factory=list)
    source: str = ""


@dataclass
class FollowUp:
    organization: Organization | None
    period: Period
    as_of: date
    groups: list[tuple[str, list[FollowUpRow]]]

    @property
    def total(self) -> int:
        return sum(len(rows) for _, rows in self.groups)


def assignments_of(organization: Organization | None, assignments: QuerySet[Assignment]) -> QuerySet[Assignment]:
    """An organ's assignments: those it gave (its decisions), or that report back to it."""
    if organization is None:
        return assignments
    return assignments.filter(
        Q(report_to=organization) | Q(decision__paragraph__minutes__organization=organization)
    ).distinct()


def _source(assignment: Assignment) -> str:
    paragraph = assignment.source_paragraph
    if paragraph is not None and paragraph.minutes_id:
        minutes = paragraph.minutes
        organ = minutes.organization.abbreviation or minutes.organization.name if minutes.organization else ""
        return f"{organ} {minutes.date:%Y-%m-%d} § {paragraph.number}".strip()
    return assignment.source_page.title if assignment.source_page_id else ""


def build_follow_up(
    organization: Organization | None, period: Period, assignments: QuerySet[Assignment], as_of: date
) -> FollowUp:
    """Every assignment decided in the period, or still open during it, grouped by status."""
    chosen = assignments_of(organization, assignments).filter(decided_on__lte=period.end)
    chosen = chosen.filter(
        Q(decided_on__gte=period.start)
        | Q(completed_on__isnull=True, withdrawn_on__isnull=True)
        | Q(completed_on__gte=period.start)
        | Q(withdrawn_on__gte=period.start)
    )
    chosen = chosen.select_related("report_to", "decision__paragraph__minutes__organization", "source_page")
    chosen = chosen.prefetch_related("notes", "assignee_posts", "assignee_people", "assignee_organizations")
    grouped: dict[str, list[FollowUpRow]] = {status: [] for status in STATUS_ORDER}
    for assignment in chosen.order_by("due_date", "decided_on", "pk"):
        status = assignment.status_on(as_of)
        notes = [
            f"{note.written_on:%Y-%m-%d}: {note.text}" for note in assignment.notes.all() if note.written_on <= as_of
        ]
        if assignment.completed_on and assignment.completed_on <= as_of:
            notes.append(f"{assignment.completed_on:%Y-%m-%d}: slutfört")
        if assignment.withdrawn_on and assignment.withdrawn_on <= as_of:
            notes.append(f"{assignment.withdrawn_on:%Y-%m-%d}: återkallat")
        grouped.setdefault(status, []).append(
            FollowUpRow(assignment, status, Assignment.Status(status).label, notes, _source(assignment))
        )
    groups = [(Assignment.Status(status).label, rows) for status, rows in grouped.items() if rows]
    return FollowUp(organization, period, as_of, groups)


# --- Chart figures -------------------------------------------------------------------------


@dataclass(frozen=True)
class Series:
    """One chart's numbers: labelled rows of values, the same table the chart is drawn from."""

    title: str
    columns: list[str]
    rows: list[tuple[str, list[int]]]


def status_by_organization(assignments: QuerySet[Assignment], as_of: date) -> Series:
    counts: dict[str, Counter] = {}
    for assignment in assignments.select_related("report_to").prefetch_related("notes"):
        organ = assignment.report_to.name if assignment.report_to_id else NO_ORGAN
        counts.setdefault(organ, Counter())[assignment.status_on(as_of)] += 1
    columns = [Assignment.Status(status).label for status in STATUS_ORDER]
    named = sorted(organ for organ in counts if organ != NO_ORGAN)
    order = named + ([NO_ORGAN] if NO_ORGAN in counts else [])
    rows = [(organ, [counts[organ][status] for status in STATUS_ORDER]) for organ in order]
    return Series("Uppdrag per status och organ", columns, rows)


def overdue_over_time(assignments: QuerySet[Assignment], as_of: date, months: int = 12) -> Series:
    """How many assignments were overdue at the end of each of the last `months` months."""
    loaded = list(assignments.prefetch_related("notes"))
    rows = []
    for back in range(months - 1, -1, -1):
        day = min(as_of, (as_of - relativedelta(months=back)) + relativedelta(day=31))
        overdue = sum(1 for assignment in loaded if assignment.status_on(day) == Assignment.Status.OVERDUE)
        rows.append((f"{day:%Y-%m}", [overdue]))
    return Series("Försenade uppdrag över tid", ["Försenade"], rows)


def time_to_report_back(assignments: QuerySet[Assignment]) -> Series:
    """Days from decision to completion for the assignments that were completed."""
    counts = Counter()
    for decided_on, completed_on in assignments.filter(completed_on__isnull=False).values_list(
        "decided_on", "completed_on"
    ):
        days = (completed_on - decided_on).days
        for low, high, label in DURATION_BUCKETS:
            if days >= low and (high is None or days <= high):
                counts[label] += 1
                break
    rows = [(label, [counts[label]]) for _, _, label in DURATION_BUCKETS]
    return Series("Tid från beslut till slutförande", ["Uppdrag"], rows)
