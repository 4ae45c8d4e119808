"""What an inbox row or card says a task is about: the record behind it, not "#14/28".

Viewflow's own lists and cards show only process and task numbers. Here every task is
described by its process's artifact (an assignment, a motion or an interpellation):
title, the organ concerned, the date it is due and its status, with a link to its page.
One registry maps an artifact model to the function that describes it.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from django.template.defaultfilters import date as format_date
from django.urls import NoReverseMatch, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from viewflow.workflow.flow import FlowAppViewset
from viewflow.workflow.flow.views import (
    DashboardTaskListView,
    FlowArchiveListView,
    FlowInboxListView,
    FlowQueueListView,
)

from governance.models import Assignment, InterpellationPage, MotionPage


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
        return super().get_queryset().prefetch_related("process__artifact")

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
    """Tasks the user may take."""


class ArchiveListView(SubjectColumns, FlowArchiveListView):
    """Tasks the user has done."""

    columns = ("subject", "organ", "step", "created", "finished")


class TaskListView(SubjectColumns, DashboardTaskListView):
    """Every task of the flow the user may see."""

    columns = ("subject", "organ", "due_date", "subject_status", "step", "created", "owner")


class InboxFlowViewset(FlowAppViewset):
    """Viewflow's app for one flow, with lists that say what each task is about."""

    inbox_view_class = InboxListView
    queue_view_class = QueueListView
    archive_view_class = ArchiveListView
    task_list_view_class = TaskListView

    def has_view_permission(self, user, obj=None):
        """Let a logged-out visitor through Viewflow's middleware check, which would answer 403;
        every view under the inbox requires login and sends them to the login page
        (workflows.urls), where an official who was logged out knows what to do."""
        return not user.is_authenticated or super().has_view_permission(user, obj=obj)
