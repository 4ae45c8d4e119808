"""Template access to what a task is about, for Viewflow's cards and detail pages."""

from datetime import date, datetime

from django import template
from django.template.defaultfilters import date as format_date
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.admin.admin_url_finder import AdminURLFinder

from ..inbox import TaskSubject, subject_of

register = template.Library()


@register.simple_tag
def task_subject(process) -> TaskSubject:
    """`{% task_subject task.process as subject %}`: title, organ, due date, status, url."""
    return subject_of(process)


@register.simple_tag
def can_manage(flow_class, user) -> bool:
    """Whether the user may cancel or undo in this flow (Viewflow shows those buttons to all)."""
    return flow_class.instance.has_manage_permission(user)


@register.simple_tag
def artifact_edit_url(process, user) -> str:
    """Where this user edits the process's record in Wagtail's admin; empty if they may not."""
    if process.artifact is None:
        return ""
    return AdminURLFinder(user).get_edit_url(process.artifact) or ""


@register.simple_tag
def task_url(task) -> str:
    """The page where the task is opened (and, for its owner, executed)."""
    return task.flow_task.reverse("index", args=[task.process_id, task.pk])


@register.filter
def readable_value(value) -> str:
    """A field's value as a reader expects it in Swedish: Ja/Nej for yes-or-no fields, dates
    in the site's format, "–" for nothing. Viewflow's process panel prints the raw value,
    which shows True, False and None in English."""
    if isinstance(value, bool):
        return _("Ja") if value else _("Nej")
    if value is None or value == "":
        return "–"
    if isinstance(value, datetime):
        return format_date(timezone.localtime(value) if timezone.is_aware(value) else value, "j F Y H:i")
    if isinstance(value, date):
        return format_date(value, "j F Y")
    return str(value)
