"""An imported beslutsunderlag fills the step its motion's (or interpellation's) process waits at.

The importer announces each underlag it links to the motion or interpellation it answers
(`governance.events.statement_linked`). When the motion's process is waiting at its
statement step, the step is completed as a secretary completes it (`advance_task`, the
flow's own `record_statement`): the organ is the underlag's own, or the one organ still
awaited when the underlag names none, and the statement is a short reference to the
underlag, which the motion's "Handläggning" links. An interpellation waiting at its answer
step records an imported answer (a Svar, not a tjänsteskrivelse on its case) the same way
(`record_answer`), and so does an interpellation whose own file holds the answer
(`governance.events.answer_imported`); the interpellation is answered on the date of that
document.

What came before the step did is not lost. A page the import creates has no process while
the import runs: it starts once the import commits (first publication), at the council's
permission, which no file records; and an underlag may come before the motion is referred.
So when the process arrives at the step (the flow's `onCreate` of the answer and statement
steps), what the page already holds is recorded as if it were imported at that moment: the
interpellation's own written answer dated as the page dates it, else its earliest Svar;
an underlag linked to the motion from an organ it still awaits.

Nothing is forced anywhere else: a process before or past that step, an underlag from an
organ the motion was not referred to, or several organs awaited and none named. The
underlag is still listed on the page under "Svar och beredning", and a secretary moves
the process. Nothing is recorded twice: an organ is no longer awaited once its statement
is in (and an underlag already in the motion's handling is not used again), and an
interpellation's answer step is done once.
"""

from dataclasses import dataclass
from datetime import date

from governance.events import AnswerImported, StatementLinked
from governance.models import InterpellationPage, MotionAction, MotionPage, StatementPage
from governance.visibility import is_public

from .models import InterpellationProcess, MotionProcess
from .steps import TaskAlreadyDone, advance_task, open_task, process_for

#: The length of a motion action's note, which the reference becomes.
REFERENCE_LENGTH = 300


def statement_reference(statement) -> str:
    """The underlag in short: its kind, date and title, and what it proposes (its points that
    end as sentences). Only "a beslutsunderlag" for one the public may not read, since the
    reference is kept on the process, which every councillor can read."""
    if not is_public(statement):
        return "Beslutsunderlag (ej offentligt)."
    dated = f" {statement.date:%Y-%m-%d}" if statement.date else ""
    reference = f"{statement.get_statement_type_display()}{dated}: {statement.title.rstrip('.')}."
    points = [line.strip() for line in statement.proposal.splitlines() if line.strip().endswith(".")]
    if points:
        reference += " Förslag: " + " ".join(points)
    if len(reference) > REFERENCE_LENGTH:
        reference = reference[: REFERENCE_LENGTH - 1].rsplit(" ", 1)[0] + "…"
    return reference


def own_answer_reference(answered_on) -> str:
    """The answer an interpellation's own file holds, in short (the answer itself is on the page)."""
    dated = f" ({answered_on:%Y-%m-%d})" if answered_on else ""
    return f"Svaret står i interpellationens eget dokument{dated}."


def record_imported_statement(event: StatementLinked) -> None:
    """Complete the waiting step of the answered page's process with `event.statement`, if any."""
    answered, statement = event.answered, event.statement
    try:
        if isinstance(answered, MotionPage):
            _record_motion_statement(answered, statement, event.user)
        elif isinstance(answered, InterpellationPage) and statement.is_answer:
            _record_interpellation_answer(answered, statement_reference(statement), statement.date, event.user)
    except TaskAlreadyDone:
        return  # a secretary completed the step at the same moment: theirs stands


def record_imported_answer(event: AnswerImported) -> None:
    """Complete the answer step of the interpellation's process with the answer its own file holds."""
    reference = own_answer_reference(event.answered_on)
    try:
        _record_interpellation_answer(event.interpellation, reference, event.answered_on, event.user)
    except TaskAlreadyDone:
        return  # a secretary answered at the same moment: theirs stands


@dataclass(frozen=True)
class HeldAnswer:
    """An answer an interpellation holds before its process asks for it: the reference the
    answer step records and the date of the document it comes from (None: undated)."""

    reference: str
    dated: date | None


def held_answer(interpellation: InterpellationPage) -> HeldAnswer | None:
    """The answer the interpellation already holds: its own written answer (a file holding
    both, or answers typed on the page), dated as the page dates it; else its earliest
    published Svar. None while it holds only the interpellation."""
    if interpellation.has_written_answer:
        return HeldAnswer(own_answer_reference(interpellation.answered_on), interpellation.answered_on)
    answers = StatementPage.objects.live().filter(
        answers=interpellation, statement_type=StatementPage.StatementType.ANSWER
    )
    statement = answers.order_by("date", "pk").first()
    if statement is None:
        return None
    return HeldAnswer(statement_reference(statement), statement.date)


def record_held_answer(process_pk: int) -> None:
    """The interpellation's process has just arrived at its answer step: an answer the page
    already holds completes it, as if imported now (in no one's name: nobody did it here).
    Nothing to do when the step's creation was rolled back (the process or step is gone)."""
    process = InterpellationProcess.objects.filter(pk=process_pk).first()
    if process is None:
        return
    interpellation = process.interpellation
    held = held_answer(interpellation)
    if held is None:
        return
    try:
        _record_interpellation_answer(interpellation, held.reference, held.dated, None)
    except TaskAlreadyDone:
        return  # answered at the same moment by a secretary or an import: theirs stands


def held_statements(motion: MotionPage):
    """The published underlag linked to the motion that its handling does not yet rest on,
    oldest first."""
    recorded = MotionAction.objects.filter(
        motion=motion, classification=MotionAction.Classification.STATEMENT, statement__isnull=False
    ).values("statement_id")
    return StatementPage.objects.live().filter(answers=motion).exclude(pk__in=recorded).order_by("date", "pk")


def record_held_statement(process_pk: int) -> None:
    """The motion's process has just arrived at its statement step: the first underlag
    linked to the motion from an organ it still awaits completes it, as if imported now.
    Arriving again for the next organ, the next one does."""
    process = MotionProcess.objects.filter(pk=process_pk).first()
    if process is None:
        return
    motion = process.motion
    statement = next((held for held in held_statements(motion) if statement_organ_id(process, held)), None)
    if statement is None:
        return
    try:
        _record_motion_statement(motion, statement, None)
    except TaskAlreadyDone:
        return  # a secretary or an import gave the statement at the same moment: theirs stands


def _open_step(process_model, page, node_name):
    process = process_for(process_model, page)
    if process is None or process.finished is not None:
        return None, None
    return process.coerced, open_task(process, node_name)


def statement_organ_id(process: MotionProcess, statement) -> int | None:
    """The organ the statement is recorded for: the underlag's own when the motion awaits its
    statement; with no organ named, the only organ still awaited; otherwise None."""
    awaited = process.awaited_organ_ids
    if statement.organization_id is not None:
        return statement.organization_id if statement.organization_id in awaited else None
    return awaited[0] if len(awaited) == 1 else None


def _record_motion_statement(motion, statement, user) -> None:
    process, task = _open_step(MotionProcess, motion, "give_statement")
    if task is None:
        return
    organ_id = statement_organ_id(process, statement)
    if organ_id is None:
        return
    advance_task(
        task,
        user,
        statement_from=organ_id,
        statement=statement_reference(statement),
        statement_page=statement.pk,
    )


def _record_interpellation_answer(interpellation, reference, answered_on, user) -> None:
    _process, task = _open_step(InterpellationProcess, interpellation, "answer")
    if task is None:
        return
    advance_task(task, user, answer_text=reference, answer_dated=answered_on)
