"""Panels on Wagtail's admin dashboard: what is late and due, and the overview by status.

A secretary sees the open assignments of their organs (their role scopes) that are overdue
or due soon, most urgent first; a councillor (anyone who may read assignments) sees the
counts by status, each linking to the register filtered on it.
"""

from collections import Counter
from dataclasses import dataclass
from datetime import date

from django.db.models import Count, Q
from wagtail.admin.ui.components import Component

from .models import Assignment, Organization
from .models.assignments import AssignmentQuerySet
from .permissions import is_administrator, is_secretary
from .register import visible_assignments

READER_PERMISSION = "governance.view_assignment"
URGENT = (Assignment.Status.OVERDUE, Assignment.Status.DUE_SOON)
STATUS = AssignmentQuerySet.STATUS_ANNOTATION


@dataclass(frozen=True)
class StatusCount:
    status: str
    label: str
    count: int


def organs_of(user) -> list[Organization] | None:
    """The organs a secretary manages (their role scopes); None for an administrator: all of them."""
    if is_administrator(user):
        return None
    scope = Q(pk__in=[])
    for role_scope in user.role_scopes.prefetch_related("organizations"):
        if role_scope.whole_municipality:
            scope |= Q(municipality_id=role_scope.municipality_id)
        else:
            scope |= Q(pk__in=[organ.pk for organ in role_scope.organizations.all()])
    return list(Organization.objects.filter(scope).order_by("name"))


class AssignmentsDuePanel(Component):
    """Overdue and soon-due assignments of the secretary's organs."""

    name = "assignments_due"
    template_name = "governance/dashboard/assignments_due.html"
    order = 50
    limit = 20

    def __init__(self, user, day: date | None = None):
        self.user = user
        self.day = day or date.today()

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        assignments = visible_assignments(self.user, Assignment.objects.with_status(self.day))
        organs = organs_of(self.user)
        if organs is not None:
            assignments = assignments.filter(Q(report_to__in=organs) | Q(assignee_organizations__in=organs)).distinct()
        urgent = assignments.filter(**{f"{STATUS}__in": URGENT}).select_related("report_to").order_by("due_date", "pk")
        counts = Counter(urgent.values_list(STATUS, flat=True))
        context.update(
            {
                "assignments": urgent[: self.limit],
                "more": max(0, sum(counts.values()) - self.limit),
                "overdue": counts.get(Assignment.Status.OVERDUE, 0),
                "organs": organs,
                "day": self.day,
            }
        )
        return context


class AssignmentOverviewPanel(Component):
    """How many assignments stand at each status, linking to the register."""

    name = "assignment_overview"
    template_name = "governance/dashboard/assignment_overview.html"
    order = 60

    def __init__(self, user, day: date | None = None):
        self.user = user
        self.day = day or date.today()

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        assignments = visible_assignments(self.user, Assignment.objects.with_status(self.day))
        counts = dict(assignments.order_by().values_list(STATUS).annotate(count=Count("pk")))
        context["counts"] = [
            StatusCount(status=status, label=str(label), count=counts.get(status, 0))
            for status, label in Assignment.Status.choices
        ]
        context["total"] = sum(counts.values())
        return context


def add_assignment_panels(request, panels) -> None:
    """The `construct_homepage_panels` hook: each role gets the panels its work needs."""
    user = request.user
    if is_secretary(user) or is_administrator(user):
        panels.append(AssignmentsDuePanel(user))
    if user.has_perm(READER_PERMISSION):
        panels.append(AssignmentOverviewPanel(user))
