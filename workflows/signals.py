"""Processes follow their records.

They start by themselves: for every new open assignment, however it was created (import,
admin, a published §), and for every motion and interpellation when first published.
And they move when the assignment changes outside them: `Assignment` methods announce
every change (`governance.events.assignment_changed`); a change made in the admin or by
the importer moves the process to the step that matches, so no task stays open for work
that is already done. Likewise an imported beslutsunderlag linked to its motion or
interpellation (`governance.events.statement_linked`) completes the statement or answer
step the process waits at, and so does an interpellation imported with its answer in the
same file (`governance.events.answer_imported`; `imported_statements`).
"""

from django.db import transaction
from django.db.models.signals import post_save
from django.dispatch import receiver
from viewflow.workflow import STATUS
from viewflow.workflow.signals import task_finished
from wagtail.log_actions import log
from wagtail.signals import page_published

from governance.events import (
    AnswerImported,
    AssignmentEvent,
    StatementLinked,
    answer_imported,
    assignment_changed,
    statement_linked,
)
from governance.models import Assignment, InterpellationPage, MotionPage, PolicyDocumentPage

from .flows import responsible_user
from .imported_statements import record_imported_answer, record_imported_statement
from .models import AssignmentProcess, InterpellationProcess, MotionProcess
from .reporting import schedule_report_backs
from .services import (
    advance_task,
    close_process,
    open_task,
    process_for,
    process_for_assignment,
    start_assignment_process,
    start_interpellation_process,
    start_motion_process,
)


@receiver(post_save, sender=Assignment)
def start_process_for_new_assignment(sender, instance, created, **kwargs):
    """Open assignments get their process, except those read from a decision's text: they
    start when a secretary confirms them, so nobody's inbox fills with unchecked guesses."""
    if not created or not instance.is_open or instance.needs_confirmation:
        return

    def start():
        if process_for_assignment(instance) is None:
            start_assignment_process(instance)

    transaction.on_commit(start)


def _has_process_for(process_model, page):
    return process_for(process_model, page) is not None


@receiver(page_published)
def start_processes_for_published_documents(sender, instance, **kwargs):
    """A motion or interpellation starts its process when first published; a program with
    reporting requirements gets one report-back assignment per period of its validity."""
    page = instance.specific
    if isinstance(page, MotionPage):
        transaction.on_commit(lambda: _has_process_for(MotionProcess, page) or start_motion_process(page))
    elif isinstance(page, InterpellationPage):
        transaction.on_commit(
            lambda: _has_process_for(InterpellationProcess, page) or start_interpellation_process(page)
        )
    elif isinstance(page, PolicyDocumentPage):
        schedule_report_backs(page)


@receiver(assignment_changed)
def move_process_with_assignment(sender, event: AssignmentEvent, **kwargs):
    """Bring the assignment's process to where the record now stands."""
    if event.from_process:
        return
    if event.action == "confirm":
        _start_confirmed(event.assignment)
        return
    process = process_for_assignment(event.assignment)
    if process is None or process.finished is not None:
        return
    step = _PROCESS_STEPS.get(event.action)
    if step is not None:
        step(process.coerced, event)


@receiver(statement_linked)
def record_statement_from_import(sender, event: StatementLinked, **kwargs):
    """An imported underlag completes the statement (or answer) step its matter's process waits at."""
    record_imported_statement(event)


@receiver(answer_imported)
def record_answer_from_import(sender, event: AnswerImported, **kwargs):
    """An interpellation imported with its answer completes the answer step its process waits at."""
    record_imported_answer(event)


def _start_confirmed(assignment):
    def start():
        if assignment.is_open and process_for_assignment(assignment) is None:
            start_assignment_process(assignment)

    transaction.on_commit(start)


def _report(process, event):
    work = open_task(process, "work")
    if work is not None and event.user is not None:
        advance_task(work, event.user, report=event.reason or "Återrapport lämnad.", ready_to_report=True)


def _decide(outcome, done):
    def step(process, event):
        decide = open_task(process, "decide")
        if decide is not None and event.user is not None:
            fields = {"outcome": outcome}
            if outcome == process.Outcome.EXTENDED:
                fields["new_due_date"] = event.assignment.due_date
            advance_task(decide, event.user, **fields)
        elif done is not None:
            close_process(process, done=done)

    return step


def _reassign(process, event):
    work = open_task(process, "work")
    if work is None or work.started is not None:
        return
    activation = work.flow_task.activation_class(work)
    owner = responsible_user(activation)
    work.owner = owner
    work.status = STATUS.ASSIGNED if owner else STATUS.NEW
    work.save(update_fields=["owner", "status"])


_PROCESS_STEPS = {
    "report": _report,
    "complete": _decide(AssignmentProcess.Outcome.NOTED, done=True),
    "withdraw": _decide(AssignmentProcess.Outcome.WITHDRAWN, done=False),
    "extend": _decide(AssignmentProcess.Outcome.EXTENDED, done=None),
    "reassign": _reassign,
}


@receiver(task_finished)
def log_finished_human_task(sender, process, task, **kwargs):
    """Each human step done in a process is logged on the record it follows (its History in
    the admin): who did which step, and what the step recorded on the process."""
    if task.flow_task_type != "HUMAN":
        return
    artifact = process.coerced.artifact
    if artifact is None:
        return
    recorded = {key: str(value) for key, value in (process.data or {}).items() if value not in ("", None, [], {})}
    title = str(task.flow_task.task_title or task.flow_task.name)
    log(
        instance=artifact,
        action="beslutsspar.task",
        user=task.owner,
        data={"changes": {title: ["", "; ".join(f"{key}: {value}" for key, value in recorded.items())[:1000]]}},
    )
