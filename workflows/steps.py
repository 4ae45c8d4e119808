"""Completing a process's steps from code: the importer, the admin, a flow's own hooks.

The inbox views do the same through Viewflow's own views; both go through the flow's
lock, so two people completing the same task at once cannot both succeed. Nothing here
imports a flow (the task knows its own), so the flows can use it for steps they complete
themselves (`imported_statements`).
"""

from django.contrib.auth.models import AnonymousUser
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.http import HttpRequest
from viewflow.fsm import TransitionNotAllowed
from viewflow.workflow import STATUS
from wagtail.models import Page


class TaskAlreadyDone(Exception):
    """Someone else completed (or took) the task first; the message says who and when."""


def process_for(process_model, artifact):
    """The process of `process_model` that follows `artifact` (the latest, should there be
    several), or None. A page is found whether it comes as its specific class or not."""
    model = artifact.specific_class if isinstance(artifact, Page) else type(artifact)
    return (
        process_model.objects.filter(
            artifact_content_type=ContentType.objects.get_for_model(model), artifact_object_id=artifact.pk
        )
        .order_by("-pk")
        .first()
    )


def open_task(process, node_name):
    return (
        process.task_set.filter(flow_task=getattr(process.flow_class, node_name))
        .exclude(status__in=[STATUS.DONE, STATUS.CANCELED])
        .first()
    )


def complete_task(task, user, **fields):
    """Assign (if needed), fill in `fields` on the process and complete the task as `user`."""
    return _run_task(task, user, fields, check_permission=True)


def advance_task(task, user, **fields):
    """Complete a task on behalf of a change already authorised by the assignment's own
    method (the admin's "Slutför" and the like): the process follows the record.

    `user` is None for a change nobody signed in made (an import run from the command
    line): the task is then done in no one's name, not in that of whoever had taken it."""
    return _run_task(task, user, fields, check_permission=False)


def _run_task(task, user, fields, check_permission):
    flow_class = task.flow_task.flow_class
    with transaction.atomic(), flow_class.lock(task.process_id):
        task.refresh_from_db()
        if task.status in (STATUS.DONE, STATUS.CANCELED):
            who = task.owner.get_full_name() or task.owner.username if task.owner else "någon annan"
            raise TaskAlreadyDone(f"Uppgiften är redan utförd av {who} ({task.finished:%Y-%m-%d %H:%M}).")
        activation = task.flow_task.activation_class(task)
        if check_permission:
            if task.status == STATUS.NEW and not task.flow_task.can_assign(user, task):
                raise PermissionError("Du har inte behörighet att utföra uppgiften.")
            if (
                task.status == STATUS.ASSIGNED
                and task.owner_id == user.pk
                and not task.flow_task.can_execute(user, task)
            ):
                raise PermissionError("Du har inte behörighet att utföra uppgiften.")
        elif task.status == STATUS.ASSIGNED and task.owner_id != getattr(user, "pk", None):
            task.owner = user
            task.save(update_fields=["owner"])
        try:
            if task.status == STATUS.NEW:
                activation.assign(user)
            if task.owner_id != getattr(user, "pk", None):
                raise PermissionError("Uppgiften är tilldelad någon annan.")
            request = HttpRequest()
            request.method = "POST"
            request.user = user or AnonymousUser()
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
