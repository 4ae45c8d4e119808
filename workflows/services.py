"""Starting processes and completing their tasks from code (the importer, the admin, tests).

The inbox views do the same through Viewflow's own views; both go through the flow's
lock, so two people completing the same task at once cannot both succeed.
"""

from django.db import transaction
from django.test import RequestFactory
from viewflow.fsm import TransitionNotAllowed
from viewflow.workflow import STATUS

from .flows import AssignmentFlow, InterpellationFlow, MotionFlow


class TaskAlreadyDone(Exception):
    """Someone else completed (or took) the task first; the message says who and when."""


def start_assignment_process(assignment):
    return AssignmentFlow.start.run(artifact=assignment)


def start_motion_process(motion):
    return MotionFlow.start.run(artifact=motion)


def start_interpellation_process(interpellation):
    return InterpellationFlow.start.run(artifact=interpellation)


def open_task(process, node_name):
    return (
        process.task_set.filter(flow_task=getattr(process.flow_class, node_name))
        .exclude(status__in=[STATUS.DONE, STATUS.CANCELED])
        .first()
    )


def complete_task(task, user, **fields):
    """Assign (if needed), fill in `fields` on the process and complete the task as `user`."""
    flow_class = task.flow_task.flow_class
    with transaction.atomic(), flow_class.lock(task.process_id):
        task.refresh_from_db()
        if task.status in (STATUS.DONE, STATUS.CANCELED):
            who = task.owner.get_full_name() or task.owner.username if task.owner else "någon annan"
            raise TaskAlreadyDone(f"Uppgiften är redan utförd av {who} ({task.finished:%Y-%m-%d %H:%M}).")
        activation = task.flow_task.activation_class(task)
        if task.status == STATUS.NEW and not task.flow_task.can_assign(user, task):
            raise PermissionError("Du har inte behörighet att utföra uppgiften.")
        try:
            if task.status == STATUS.NEW:
                activation.assign(user)
            if task.owner_id != user.pk:
                raise PermissionError("Uppgiften är tilldelad någon annan.")
            request = RequestFactory().post("/")
            request.user = user
            activation.start(request)
        except TransitionNotAllowed as error:
            raise TaskAlreadyDone(f"Uppgiften kan inte utföras längre ({task.status}).") from error
        process = task.process.coerced
        for name, value in fields.items():
            setattr(process, name, value)
        process.save()
        activation.process = process
        activation.execute()
    return process


def reassign_task(task, by_user, to_user):
    """Give a task to someone else (a secretary moving work between officials)."""
    flow_class = task.flow_task.flow_class
    if not flow_class.instance.has_manage_permission(by_user):
        raise PermissionError("Du har inte behörighet att flytta uppgiften.")
    with transaction.atomic(), flow_class.lock(task.process_id):
        task.refresh_from_db()
        if task.status not in (STATUS.NEW, STATUS.ASSIGNED):
            raise TaskAlreadyDone(f"Uppgiften kan inte flyttas längre ({task.status}).")
        task.owner = to_user
        task.status = STATUS.ASSIGNED
        task.save()
    return task
