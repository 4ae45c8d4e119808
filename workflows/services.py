"""Starting processes and completing their tasks from code (the importer, the admin, tests).

The inbox views do the same through Viewflow's own views; both go through the flow's
lock, so two people completing the same task at once cannot both succeed. Completing a
task is in `steps` (re-exported here), which imports no flow, so a flow can use it too.
"""

from django.db import transaction
from django.utils import timezone
from viewflow.workflow import PROCESS, STATUS

from .flows import AssignmentFlow, InterpellationFlow, MotionFlow
from .models import AssignmentProcess
from .steps import TaskAlreadyDone, advance_task, complete_task, open_task, process_for

__all__ = [
    "TaskAlreadyDone",
    "advance_task",
    "close_process",
    "complete_task",
    "open_task",
    "process_for",
    "process_for_assignment",
    "reassign_task",
    "start_assignment_process",
    "start_interpellation_process",
    "start_motion_process",
]


def start_assignment_process(assignment):
    return AssignmentFlow.start.run(artifact=assignment)


def start_motion_process(motion):
    return MotionFlow.start.run(artifact=motion)


def start_interpellation_process(interpellation):
    return InterpellationFlow.start.run(artifact=interpellation)


def process_for_assignment(assignment):
    """The assignment's process (the latest, should there be several), or None."""
    return process_for(AssignmentProcess, assignment)


def close_process(process, *, done):
    """End a process whose record was closed outside it (completed or withdrawn in the
    admin, fulfilled by a later decision): its open tasks are cancelled, so nobody's inbox
    keeps work that no longer exists, and the process ends as done or cancelled."""
    flow_class = process.flow_class
    with transaction.atomic(), flow_class.lock(process.pk):
        process.refresh_from_db()
        if process.status in (PROCESS.DONE, PROCESS.CANCELED):
            return process
        for task in process.task_set.exclude(status__in=[STATUS.DONE, STATUS.CANCELED, STATUS.REVIVED]):
            task.status = STATUS.CANCELED
            task.finished = timezone.now()
            task.save(update_fields=["status", "finished"])
        process.status = PROCESS.DONE if done else PROCESS.CANCELED
        process.finished = timezone.now()
        process.save(update_fields=["status", "finished"])
    return process


def reassign_task(task, by_user, to_user):
    """Give a task to someone else (a secretary moving work between officials)."""
    flow_class = task.flow_task.flow_class
    if not flow_class.instance.has_manage_permission(by_user, task.process):
        raise PermissionError("Du har inte behörighet att flytta uppgiften.")
    with transaction.atomic(), flow_class.lock(task.process_id):
        task.refresh_from_db()
        if task.status not in (STATUS.NEW, STATUS.ASSIGNED):
            raise TaskAlreadyDone(f"Uppgiften kan inte flyttas längre ({task.status}).")
        task.owner = to_user
        task.status = STATUS.ASSIGNED
        task.save()
    return task
