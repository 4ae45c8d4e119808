"""The inbox follows the one visibility rule and the roles' scopes, not only Viewflow's step permissions.

Viewflow's own views know "may this role see this flow" and "may this role do this kind of
step"; they list every process and every task of a flow to anyone with the flow's view
permission, and let anyone with the flow's manage permission cancel or undo any task. Here:

- every list (processes, tasks, inbox, queue, archive, dashboard cards, the menu's counts)
  holds only processes whose record (assignment, motion, interpellation) the user may see
  (`governance.visibility`), and the queue only tasks the user may take;
- every URL that names a process or a task answers 404 when the user may not see its record,
  or when the task does not belong to the process the URL names;
- cancelling, undoing and reviving need the flow's manage permission for *this* process
  (`ArtifactFlow.has_manage_permission` with the process), and moving a task off someone
  else needs the same.
"""

from functools import wraps

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import Http404
from viewflow.workflow.models import Process, Task
from viewflow.workflow.status import STATUS

from governance.visibility import can_view_record, visible_references

#: Task and process URLs (by URL name) that manage a process rather than work in it.
MANAGE_URLS = frozenset({"cancel", "undo", "revive", "process_cancel"})
NOT_FOUND = "Ärendet finns inte."


def visible_processes(user, queryset: QuerySet) -> QuerySet:
    """Processes whose record `user` may see."""
    return queryset.filter(visible_references(user, "artifact_content_type", "artifact_object_id"))


def visible_tasks(user, queryset: QuerySet) -> QuerySet:
    """Tasks of processes whose record `user` may see."""
    return queryset.filter(visible_references(user, "process__artifact_content_type", "process__artifact_object_id"))


def can_view_process(user, process) -> bool:
    return can_view_record(user, process.coerced.artifact)


def assignable_tasks(user, queryset: QuerySet) -> QuerySet:
    """The tasks of `queryset` that `user` may take: visible, unowned, and allowed by the
    step's own `can_assign` (its permission and its scope), the check the assign URL makes."""
    candidates = (
        visible_tasks(user, queryset)
        .filter(owner__isnull=True, flow_task_type="HUMAN", status=STATUS.NEW)
        .select_related("process")
    )
    allowed = [task.pk for task in candidates if task.flow_task.can_assign(user, task)]
    return queryset.filter(pk__in=allowed)


def _process_of(flow_class, process_pk: int):
    process = Process.objects.filter(pk=process_pk, flow_class=flow_class).first()
    if process is None:
        raise Http404(NOT_FOUND)
    return process.coerced


def guard_process_url(view, flow_class, url_name: str):
    """Wrap one inbox view whose URL names a process (and maybe a task) of `flow_class`."""

    @wraps(view)
    def guarded(request, *args, **kwargs):
        user = request.user
        process = _process_of(flow_class, kwargs["process_pk"])
        if "task_pk" in kwargs and not Task.objects.filter(pk=kwargs["task_pk"], process_id=process.pk).exists():
            raise Http404(NOT_FOUND)
        if not can_view_process(user, process):
            raise Http404(NOT_FOUND)
        flow = flow_class.instance
        if url_name in MANAGE_URLS and not flow.has_manage_permission(user, process):
            raise PermissionDenied
        if url_name == "unassign":
            task = Task.objects.get(pk=kwargs["task_pk"])
            if task.owner_id != user.pk and not flow.has_manage_permission(user, process):
                raise PermissionDenied
        return view(request, *args, **kwargs)

    return guarded
