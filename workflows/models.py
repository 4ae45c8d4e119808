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
        # The step permissions of the flow (`.Permission(...)` on each human step), granted
        # to roles by governance.roles.
        permissions = [
            ("can_work_assignmentprocess", _("Kan arbeta med och återrapportera uppdrag")),
            ("can_decide_assignmentprocess", _("Kan registrera organets beslut om en återrapport")),
        ]
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


class MotionProcess(Process):
    """A motion from filing at kommunfullmäktige to the council's decision."""

    class Decision:
        APPROVED = "approved"
        REJECTED = "rejected"
        ANSWERED = "answered"
        WRITTEN_OFF = "written_off"
        CHOICES = [
            (APPROVED, _("Bifall")),
            (REJECTED, _("Avslag")),
            (ANSWERED, _("Besvarad")),
            (WRITTEN_OFF, _("Avskriven")),
        ]

    referred_organ_ids = jsonstore.JSONField(_("remitteras till"), default=list, blank=True)
    statements = jsonstore.JSONField(_("yttranden per organ"), default=dict, blank=True)
    statement_from = jsonstore.IntegerField(_("yttrande från"), null=True, blank=True)
    statement = jsonstore.TextField(_("yttrande"), blank=True)
    #: The imported beslutsunderlag (page id) the statement refers to; set by the import only.
    statement_page = jsonstore.IntegerField(_("beslutsunderlag"), null=True, blank=True)
    proposal = jsonstore.TextField(_("kommunstyrelsens förslag"), blank=True)
    decision = jsonstore.CharField(_("kommunfullmäktiges beslut"), max_length=20, choices=Decision.CHOICES, blank=True)
    assignment_task = jsonstore.TextField(
        _("uppdrag som beslutet ger"), blank=True, help_text=_("Fylls i om ett bifall ger någon ett uppdrag.")
    )

    class Meta:
        proxy = True
        # The step permissions of the flow (`.Permission(...)` on each human step), granted
        # to roles by governance.roles.
        permissions = [
            ("can_refer_motionprocess", _("Kan remittera motioner")),
            ("can_give_statement_motionprocess", _("Kan registrera yttranden över motioner")),
            ("can_propose_motionprocess", _("Kan registrera kommunstyrelsens förslag till beslut om motioner")),
            ("can_decide_motionprocess", _("Kan registrera kommunfullmäktiges beslut om motioner")),
        ]
        verbose_name = _("motionsärende")
        verbose_name_plural = _("motionsärenden")

    @property
    def motion(self):
        return self.artifact

    @property
    def awaited_organ_ids(self):
        """Organs the motion was referred to that have not yet given their statement."""
        given = {int(key) for key in (self.statements or {})}
        return [organ_id for organ_id in (self.referred_organ_ids or []) if organ_id not in given]

    @property
    def all_statements_in(self):
        return not self.awaited_organ_ids

    @property
    def creates_assignment(self):
        return self.decision == self.Decision.APPROVED and bool((self.assignment_task or "").strip())


class InterpellationProcess(Process):
    """An interpellation from filing to the debate of its answer."""

    permitted = jsonstore.BooleanField(_("får ställas"), default=True)
    answer_due = jsonstore.DateField(_("ska besvaras senast"), null=True, blank=True)
    answer_due_explanation = jsonstore.CharField(_("hur datumet räknades fram"), max_length=300, blank=True)
    answer_text = jsonstore.TextField(_("svar"), blank=True)
    #: The date of the document the answer comes from (an imported answer, or the
    #: interpellation's own file); set by the import only. Empty when answered by hand.
    answer_dated = jsonstore.DateField(_("svarets datum"), null=True, blank=True)
    debated_on = jsonstore.DateField(_("debatterad"), null=True, blank=True)

    class Meta:
        proxy = True
        # The step permissions of the flow (`.Permission(...)` on each human step), granted
        # to roles by governance.roles.
        permissions = [
            ("can_permit_interpellationprocess", _("Kan registrera att en interpellation får ställas")),
            ("can_answer_interpellationprocess", _("Kan registrera interpellationssvar")),
            ("can_debate_interpellationprocess", _("Kan registrera interpellationsdebatt")),
        ]
        verbose_name = _("interpellationsärende")
        verbose_name_plural = _("interpellationsärenden")

    @property
    def interpellation(self):
        return self.artifact

    @property
    def is_permitted(self):
        return self.permitted is not False
