"""The panel on a § in the admin that lists the assignments read from its decision, so a
secretary can confirm or correct each (assignees, report-to organ, deadline)."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import Panel


class ReadAssignmentsPanel(Panel):
    """Read-only list of the §'s assignments with their confirm/edit links."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("heading", _("Uppdrag i beslutet"))
        super().__init__(*args, **kwargs)

    class BoundPanel(Panel.BoundPanel):
        template_name = "governance/admin/read_assignments_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            page = self.instance
            rows = []
            assignments = (
                [assignment for decision in page.decisions.all() for assignment in decision.assignments.all()]
                if page.pk
                else []
            )
            for assignment in assignments:
                rows.append(
                    {
                        "assignment": assignment,
                        "edit_url": reverse("wagtailsnippets_governance_assignment:edit", args=[assignment.pk]),
                        "confirm_url": reverse("assignment_action", args=[assignment.pk, "confirm"])
                        if assignment.needs_confirmation
                        else "",
                    }
                )
            context["rows"] = rows
            return context
