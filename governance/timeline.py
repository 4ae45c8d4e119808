"""Everything that happened to an assignment, in order, from every place it is recorded.

An assignment's history is spread over its own dates (decided, completed, withdrawn),
its progress notes, the Viewflow process that drives it (each finished step, read
generically from the node's title, so a new step in the flow shows up without a change
here) and Wagtail's log of actions on it. Each source yields `TimelineEvent`s; events
with the same day and kind from two sources are shown once (the first source's).

Viewflow's own models are read directly (`viewflow.workflow.models`), not `workflows/`,
so `governance` still depends on nothing above it.
"""

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime

from django.contrib.contenttypes.models import ContentType
from django.utils import timezone
from viewflow.workflow.models import Process, Task
from wagtail.models import ModelLogEntry

from .models import Assignment

# Process steps that are not events for a reader: the flow's own bookkeeping.
_HIDDEN_TASK_TYPES = {"EXCLUSIVE_GATEWAY", "SWITCH", "PARALLEL_GATEWAY", "JOIN", "OBSOLETE"}
# Steps of the assignment flow whose outcome the model also records; named so the two
# sources collapse into one event. Any other finished step is shown under its own title.
_TASK_KINDS = {
    "start": "process_started",
    "put_on_agenda": "placed_on_meeting",
    "decide": "organ_decision",
    "extend": "extended",
    "close_noted": "completed",
    "noted": "completed",
    "withdraw": "withdrawn",
    "withdrawn": "withdrawn",
}


@dataclass(frozen=True)
class TimelineEvent:
    """One thing that happened; `internal` ones (notes, who did what) are for the roles only."""

    day: date
    kind: str
    title: str
    detail: str = ""
    actor: str = ""
    internal: bool = False
    at: datetime | None = None

    @property
    def sort_key(self):
        """By day; within a day, dated-only events (decisions, notes) before timed steps."""
        return (self.day, self.at is not None, self.at.timestamp() if self.at else 0.0)


def _local_date(moment: datetime) -> date:
    return timezone.localtime(moment).date() if timezone.is_aware(moment) else moment.date()


def _user_name(user) -> str:
    if user is None:
        return ""
    return user.get_full_name() or user.get_username()


def decision_events(assignment: Assignment) -> Iterator[TimelineEvent]:
    paragraph = assignment.source_paragraph
    if paragraph is not None:
        organ = paragraph.minutes.organization
        detail = f"{organ.name} § {paragraph.number} {paragraph.title}"
    elif assignment.source_page_id:
        detail = assignment.source_page.title
    else:
        detail = ""
    yield TimelineEvent(assignment.decided_on, "created", "Uppdraget gavs", detail=detail)
    if assignment.completed_on:
        yield TimelineEvent(assignment.completed_on, "completed", "Uppdraget slutfört")
    if assignment.withdrawn_on:
        yield TimelineEvent(assignment.withdrawn_on, "withdrawn", "Uppdraget återkallat")


def note_events(assignment: Assignment) -> Iterator[TimelineEvent]:
    for note in assignment.notes.select_related("author"):
        yield TimelineEvent(
            note.written_on,
            "note",
            str(note.get_kind_display()),
            detail=note.text,
            actor=_user_name(note.author),
            internal=True,
        )


def _task_detail(kind: str, process_data: dict) -> str:
    if kind == "placed_on_meeting" and process_data.get("meeting_date"):
        explanation = process_data.get("meeting_explanation") or ""
        return f"Sammanträde {process_data['meeting_date']}" + (f" ({explanation})" if explanation else "")
    return ""


def process_events(assignment: Assignment) -> Iterator[TimelineEvent]:
    processes = Process.objects.filter(
        artifact_content_type=ContentType.objects.get_for_model(Assignment), artifact_object_id=assignment.pk
    )
    tasks = (
        Task.objects.filter(process__in=processes, finished__isnull=False)
        .exclude(flow_task_type__in=_HIDDEN_TASK_TYPES)
        .select_related("process", "owner")
        .order_by("finished", "pk")
    )
    for task in tasks:
        node = task.flow_task
        name = getattr(node, "name", "") or ""
        title = str(getattr(node, "task_title", "") or "")
        plumbing = task.flow_task_type == "FUNCTION" and name not in _TASK_KINDS
        if not title or title == name.replace("_", " ").title() or plumbing:
            continue  # the flow's own plumbing (saving a note, routing), whether titled for the inbox or not
        kind = _TASK_KINDS.get(name, f"process:{name}")
        if kind == "process_started":
            title = "Uppföljningen startade"
        yield TimelineEvent(
            _local_date(task.finished),
            kind,
            title,
            detail=_task_detail(kind, task.process.data or {}),
            actor=_user_name(task.owner),
            internal=task.owner_id is not None and kind not in _TASK_KINDS.values(),
            at=task.finished,
        )


# The assignment's own state changes (governance.audit logs them) are public milestones;
# field edits and confirmations are for the roles. Workflow steps come from the process.
_PUBLIC_LOG_KINDS = {
    "beslutsspar.assignment.report": "reported",
    "beslutsspar.assignment.complete": "completed",
    "beslutsspar.assignment.extend": "extended",
    "beslutsspar.assignment.withdraw": "withdrawn",
    "beslutsspar.assignment.reassign": "reassigned",
}
_SKIPPED_LOG_ACTIONS = {"beslutsspar.task"}


def log_events(assignment: Assignment) -> Iterator[TimelineEvent]:
    """Wagtail's action log on the assignment (edits in the admin, and every action the
    domain logs): its own message, so new kinds of actions need nothing here."""
    entries = ModelLogEntry.objects.for_instance(assignment).exclude(action__in=_SKIPPED_LOG_ACTIONS)
    for entry in entries.select_related("user").order_by("timestamp"):
        data = entry.data or {}
        try:
            day = date.fromisoformat(data["on"]) if data.get("on") else _local_date(entry.timestamp)
        except (TypeError, ValueError):
            day = _local_date(entry.timestamp)
        kind = _PUBLIC_LOG_KINDS.get(entry.action)
        yield TimelineEvent(
            day,
            kind or f"log:{entry.action}",
            str(entry.message),
            detail=str(entry.comment or ""),
            actor=_user_name(entry.user),
            internal=kind is None,
            at=entry.timestamp,
        )


# The action log comes first: where it, the process and the model's dates record the same
# outcome on the same day, the log's event (who acted, why, old → new) is the one kept.
SOURCES: tuple[Callable[[Assignment], Iterable[TimelineEvent]], ...] = (
    log_events,
    process_events,
    note_events,
    decision_events,
)


def timeline(assignment: Assignment, include_internal: bool) -> list[TimelineEvent]:
    """All events of `assignment` in date order; internal ones only when `include_internal`."""
    recorded_by: dict[tuple[date, str], int] = {}
    events = []
    for position, source in enumerate(SOURCES):
        for event in source(assignment):
            if event.internal and not include_internal:
                continue
            key = (event.day, event.kind)
            if recorded_by.setdefault(key, position) != position:
                continue  # the same outcome already told by an earlier source
            events.append(event)
    return sorted(events, key=lambda event: event.sort_key)
