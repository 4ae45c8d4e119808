"""Process models of the flows: proxies of Viewflow's Process, small state in jsonstore.

The governing record (the Assignment) is the process artifact; what a step collects
(a progress note, the report-back, the organ's decision) lives in the process's JSON
data, and conditions the flow branches on are properties here, not inline lambdas.
"""

from django.utils.translation import gettext_lazy as _
from viewflow import jsonstore
from viewflow.workflow.models import Process


class AssignmentProcess(Process):
    """One assignment followed from the decision to its report-back and the organ's decision."""

    class Outcome:
        NOTED = "noted"
        EXTENDED = "extended"
        WITHDRAWN = "withdrawn"
        CHOICES = [
            (NOTED, _("Läggs till handlingarna")),
            (EXTENDED, _("Förlängs med ny tidsfrist")),
            (WITHDRAWN, _("Återkallas")),
        ]

    progress_note = jsonstore.TextField(_("lägesrapport"), blank=True)
    report = jsonstore.TextField(_("återrapport"), blank=True)
    ready_to_report = jsonstore.BooleanField(_("klart för återrapportering"), default=False)
    meeting_date = jsonstore.DateField(_("sammanträde"), null=True, blank=True)
    meeting_explanation = jsonstore.CharField(_("hur sammanträdet valdes"), max_length=300, blank=True)
    outcome = jsonstore.CharField(_("beslut"), max_length=20, choices=Outcome.CHOICES, blank=True)
    new_due_date = jsonstore.DateField(_("ny tidsfrist"), null=True, blank=True)

    class Meta:
        proxy = True
        verbose_name = _("uppdragsärende")
        verbose_name_plural = _("uppdragsärenden")
        # Viewflow adds "manage" to Django's default permissions: "view" lets a role read
        # every process's history, "manage" lets it cancel and undo (see governance.roles).

    @property
    def assignment(self):
        return self.artifact

    @property
    def has_report(self):
        return bool(self.ready_to_report and (self.report or "").strip())

    @property
    def is_noted(self):
        return self.outcome == self.Outcome.NOTED

    @property
    def is_extended(self):
        return self.outcome == self.Outcome.EXTENDED and self.new_due_date is not None
