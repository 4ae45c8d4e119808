"""What an inbox row or card says a task is about: the record behind it, not "#14/28".

Viewflow's own lists and cards show only process and task numbers. Here every task is
described by its process's artifact (an assignment, a motion or an interpellation):
title, the organ concerned, the date it is due and its status, with a link to its page.
One registry maps an artifact model to the function that describes it.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from django.db.models import Q
from django.template.defaultfilters import date as format_date
from django.urls import NoReverseMatch, URLResolver, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from viewflow.workflow.flow import FlowAppViewset
from viewflow.workflow.flow.views import (
    BulkAssignTasksActionView,
    BulkUnassignTasksActionView,
    DashboardProcessListView,
    DashboardTaskListView,
    DashboardView,
    FlowArchiveListView,
    FlowInboxListView,
    FlowQueueListView,
)
from viewflow.workflow.status import STATUS

from governance.models import Assignment, InterpellationPage, MotionPage

from .access import assignable_tasks, guard_process_url, visible_processes, visible_tasks


@dataclass(frozen=True)
class TaskSubject:
    """The record a task is about, as a reader of the inbox needs it."""

    title: str
    organ: str
    due_date: date | None
    status: str
    url: str = ""
    organ_label: str = _("Organ")


def _assignment_url(assignment: Assignment) -> str:
    """The assignment's own page when the site has one, else the § it came from."""
    try:
        return reverse("assignment_detail", args=[assignment.pk])
    except NoReverseMatch:
        paragraph = assignment.source_paragraph
        return paragraph.url if paragraph else ""


def _describe_assignment(assignment: Assignment, process) -> TaskSubject:
    return TaskSubject(
        title=assignment.title,
        organ=str(assignment.report_to or ""),
        due_date=assignment.due_date,
        status=str(assignment.status_label),
        url=_assignment_url(assignment),
        organ_label=_("Återrapporteras till"),
    )


def _describe_document(page, due_date: date | None) -> TaskSubject:
    """A motion or an interpellation: a page of an organ with its own status."""
    return TaskSubject(
        title=page.title,
        organ=str(page.organization or ""),
        due_date=due_date,
        status=str(page.status_label),
        url=page.url or "",
    )


DESCRIBERS: dict[type, Callable[..., TaskSubject]] = {
    Assignment: _describe_assignment,
    MotionPage: lambda motion, process: _describe_document(motion, motion.decision_due),
    InterpellationPage: lambda page, process: _describe_document(page, getattr(process.coerced, "answer_due", None)),
}


def subject_of(process) -> TaskSubject:
    """Describe a process by its artifact; a process without one falls back to its brief."""
    artifact = process.artifact
    describe = DESCRIBERS.get(type(artifact))
    if describe is None:
        return TaskSubject(title=str(process.brief), organ="", due_date=None, status=process.get_status_display())
    return describe(artifact, process)


class SubjectColumns:
    """List columns that describe each task by its subject; the task title becomes the step."""

    columns = ("subject", "organ", "due_date", "subject_status", "step", "created")

    def get_queryset(self):
        """Only tasks whose record the user may see (workflows.access)."""
        return visible_tasks(self.request.user, super().get_queryset()).prefetch_related("process__artifact")

    def _subject(self, task) -> TaskSubject:
        """Each row's subject is worked out once, though four columns show it."""
        cache = self.__dict__.setdefault("_subjects", {})
        if task.process_id not in cache:
            cache[task.process_id] = subject_of(task.process)
        return cache[task.process_id]

    def subject(self, task):
        url = task.flow_task.reverse("index", args=[task.process_id, task.pk])
        return format_html('<a href="{}">{}</a>', url, self._subject(task).title)

    subject.short_description = _("Ärende")

    def organ(self, task):
        return self._subject(task).organ

    organ.short_description = _("Organ")

    def due_date(self, task):
        return format_date(self._subject(task).due_date, "Y-m-d") or "—"

    due_date.short_description = _("Senast")

    def subject_status(self, task):
        return self._subject(task).status

    subject_status.short_description = _("Status")

    def step(self, task):
        return task.title

    step.short_description = _("Steg")


class InboxListView(SubjectColumns, FlowInboxListView):
    """Tasks assigned to the user."""


class QueueListView(SubjectColumns, FlowQueueListView):
    """Tasks the user may take: Viewflow lists every task of a step to every holder of the
    step's permission; here only those the step's scope lets this user take."""

    def get_queryset(self):
        return assignable_tasks(self.request.user, super().get_queryset())


class ArchiveListView(SubjectColumns, FlowArchiveListView):
    """Tasks the user has done."""

    columns = ("subject", "organ", "step", "created", "finished")


class TaskListView(SubjectColumns, DashboardTaskListView):
    """Every task of the flow the user may see."""

    columns = ("subject", "organ", "due_date", "subject_status", "step", "created", "owner")


class ProcessListView(DashboardProcessListView):
    """Every process of the flow whose record the user may see."""

    def get_queryset(self):
        return visible_processes(self.request.user, super().get_queryset()).order_by("-created")


class FlowDashboardView(DashboardView):
    """Viewflow's board of cards, holding only tasks whose record the user may see."""

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        available = visible_tasks(
            user, self.flow_class.task_class._default_manager.filter_available([self.flow_class], user)
        )
        for column in context["columns"]:
            column["tasks"] = available.filter(
                Q(finished__isnull=True) | Q(status=STATUS.ERROR), flow_task=column["node"]
            )[: self.MAX_ROWS]
        context["finished"] = available.filter(finished__isnull=False, flow_task__in=context["end_nodes"])[
            : self.MAX_ROWS
        ]
        return context


class AssignTasksView(BulkAssignTasksActionView):
    """Take several tasks at once: only from those the user may take (the queue)."""

    def get_queryset(self):
        self.queryset = assignable_tasks(self.request.user, self.model._default_manager.all())
        return super().get_queryset()


class UnassignTasksView(BulkUnassignTasksActionView):
    """Give back several tasks at once: only tasks whose record the user may see."""

    def get_queryset(self):
        self.queryset = visible_tasks(self.request.user, self.model._default_manager.all())
        return super().get_queryset()


def _guard_process_urls(patterns, flow_class) -> None:
    """Every URL naming a process or task answers 404 for records the user may not see."""
    for entry in patterns:
        if isinstance(entry, URLResolver):
            _guard_process_urls(entry.url_patterns, flow_class)
        elif "process_pk" in entry.pattern.regex.groupindex and not getattr(entry.callback, "inbox_guarded", False):
            entry.callback = guard_process_url(entry.callback, flow_class, entry.name)
            entry.callback.inbox_guarded = True


class InboxFlowViewset(FlowAppViewset):
    """Viewflow's app for one flow, with lists that say what each task is about and that
    hold only what the user may see (workflows.access)."""

    inbox_view_class = InboxListView
    queue_view_class = QueueListView
    archive_view_class = ArchiveListView
    task_list_view_class = TaskListView
    process_list_view_class = ProcessListView
    dashboard_view_class = FlowDashboardView
    tasks_assign_view_class = AssignTasksView
    tasks_unassign_view_class = UnassignTasksView

    def _get_urls(self):
        patterns = super()._get_urls()
        _guard_process_urls(patterns, self._flow_class)
        return patterns

    def get_context_data(self, request):
        """The menu's inbox and queue counts, narrowed like the lists."""
        context = super().get_context_data(request)
        return {
            "user_inbox": visible_tasks(request.user, context["user_inbox"]),
            "user_queue": assignable_tasks(request.user, context["user_queue"]),
        }

    def has_view_permission(self, user, obj=None):
        """Let a logged-out visitor through Viewflow's middleware check, which would answer 403;
        every view under the inbox requires login and sends them to the login page
        (workflows.urls), where an official who was logged out knows what to do."""
        return not user.is_authenticated or super().has_view_permission(user, obj=obj)
