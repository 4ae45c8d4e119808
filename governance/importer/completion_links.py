"""Link an imported completion or report to the stored assignment it names, and record it.

The parsing side (completions.py) knows nothing of the database; this module turns stored
assignments into linker candidates, picks the best one and records the event. Recording
is kept in one function, `record`, so it can switch to the domain's assignment methods
without touching the linking.
"""

from datetime import date

from governance.models import Assignment

from .completions import COMPLETE, WITHDRAW, AssignmentReference, Candidate, CompletionEvent, best_link


def event_from_dict(data: dict) -> CompletionEvent:
    """The event back from the JSON-ready form the pipeline hands to the writer."""
    reference = dict(data.get("reference") or {})
    if isinstance(reference.get("decided_on"), str):
        reference["decided_on"] = date.fromisoformat(reference["decided_on"])
    return CompletionEvent(
        kind=data["kind"],
        sentence=data.get("sentence", ""),
        reference=AssignmentReference(**reference),
        paragraph_title=data.get("paragraph_title", ""),
    )


def _candidates(municipality, event):
    assignments = Assignment.objects.filter(municipality=municipality, withdrawn_on__isnull=True).select_related(
        "decision__paragraph__case"
    )
    if event.reference.decided_on:
        assignments = assignments.filter(decided_on=event.reference.decided_on)
    candidates = []
    for assignment in assignments[:2000]:
        paragraph = assignment.decision.paragraph if assignment.decision_id else None
        case = paragraph.case if paragraph is not None else None
        candidates.append(
            Candidate(
                key=assignment,
                decided_on=assignment.decided_on,
                paragraph=paragraph.number if paragraph is not None else None,
                case_number=case.case_number if case is not None else "",
                task=assignment.task,
                paragraph_title=paragraph.title if paragraph is not None else "",
            )
        )
    return candidates


def record(assignment: Assignment, event: CompletionEvent, decided_on: date) -> None:
    """Mark the assignment done or withdrawn, or record the report-back, as of the deciding
    meeting's date, through the assignment's own methods (they log it and move its process)."""
    if not assignment.is_open or decided_on < assignment.decided_on:
        return
    if event.kind == COMPLETE:
        assignment.complete(on=decided_on, reason=event.sentence[:500])
        return
    if event.kind == WITHDRAW:
        assignment.withdraw(on=decided_on, reason=event.sentence[:500])
        return
    assignment.report(f"Återrapporterat: {event.sentence}"[:2000], on=decided_on)


def link_and_record(municipality, data: dict, decided_on: date, case_number: str = "") -> Assignment | None:
    """The assignment the event was linked to (and recorded on), or None when none fits."""
    event = event_from_dict(data)
    chosen = best_link(event, _candidates(municipality, event), case_number)
    if chosen is None:
        return None
    record(chosen.key, event, decided_on)
    return chosen.key
