"""Motions: a councillor's proposal to kommunfullmäktige, tracked until it is decided.

The motion's status is not a free-text field: it is derived from its ordered,
classified actions (filed → referred → statement → proposal → decision), as in Open
Civic Data's bill actions. Kommunallagen 5 kap. 35 § wants a motion decided within one
year of filing, so the page shows that date too.
"""

from datetime import date

from dateutil.relativedelta import relativedelta
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel
from wagtail.models import Orderable, Page
from wagtail.search import index

from ..deadlines import legal_deadline
from .civic import Organization, Party, Person
from .pages import GovernanceDocumentPage


class MotionPage(GovernanceDocumentPage):
    """A motion: movers, background, proposal and the att-satser the council decides on."""

    background = models.TextField(_("bakgrund"), blank=True)
    proposal = models.TextField(_("förslag"), blank=True, help_text=_("Motionärernas resonemang om vad som bör göras."))
    place_and_date_text = models.CharField(
        _("ort och datum som i motionen"),
        max_length=100,
        blank=True,
        help_text=_("T.ex. Eksjö, mars 2021"),
    )

    content_panels = Page.content_panels + [
        FieldRowPanel([FieldPanel("organization"), FieldPanel("date")]),
        FieldPanel("case"),
        InlinePanel("movers", label=_("Motionär"), heading=_("Motionärer"), min_num=1),
        FieldPanel("background"),
        FieldPanel("proposal"),
        InlinePanel("att_satser", label=_("Att-sats"), heading=_("Yrkanden (att-satser)"), min_num=1),
        FieldPanel("place_and_date_text"),
        InlinePanel("actions", label=_("Händelse"), heading=_("Handläggning")),
    ]
    search_fields = GovernanceDocumentPage.search_fields + [
        index.SearchField("background"),
        index.SearchField("proposal"),
        index.RelatedFields("att_satser", [index.SearchField("text")]),
    ]

    parent_page_types = ["governance.MunicipalityPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("motion")
        verbose_name_plural = _("motioner")

    def get_context(self, request, *args, **kwargs):
        from .statements import visible_statements

        context = super().get_context(request, *args, **kwargs)
        context["statements"] = visible_statements(request.user, self)
        context["handling"] = self.handling(context["statements"])
        return context

    def handling(self, statements):
        """The actions in order, each with the beslutsunderlag it rests on when that is among
        `statements` (those the reader may see); the page neither links nor describes another
        (a confidential one)."""
        visible = {statement.pk: statement for statement in statements}
        return [(action, visible.get(action.statement_id)) for action in self.actions.all()]

    @property
    def filed_on(self):
        return self.date

    @property
    def decision_due(self):
        """One year after filing (KL 5 kap. 35 §), moved past weekends and holidays as the
        law on statutory time limits requires (Lag 1930:173)."""

        return legal_deadline(self.date + relativedelta(years=1)) if self.date else None

    def decision_deadline_status(self, day=None):
        """ "passed", "approaching" (within 60 days) or "on_time" against the one-year date."""
        if self.is_decided or not self.date:
            return None
        day = day or date.today()
        if day > self.decision_due:
            return "passed"
        if (self.decision_due - day).days <= 60:
            return "approaching"
        return "on_time"

    @property
    def deadline_status(self):
        return self.decision_deadline_status()

    @property
    def latest_action(self):
        return self.actions.order_by("-date", "-sort_order", "-pk").first()

    @property
    def status_label(self):
        action = self.latest_action
        return action.get_classification_display() if action else _("Inlämnad")

    @property
    def is_decided(self):
        action = self.latest_action
        return bool(action and action.classification in MotionAction.FINAL_CLASSIFICATIONS)


def protect_party_only_movers(collector, field, sub_objs, using):
    """A party's deletion clears it from movers who are people (their own party then shows)
    and is refused while the party is the only mover of a motion: the motion would lose its mover."""
    party_only = [mover for mover in sub_objs if mover.person_id is None]
    if party_only:
        models.PROTECT(collector, field, party_only, using)
    models.SET_NULL(collector, field, sub_objs, using)


class MotionMover(Orderable):
    """A mover of a motion: a person with the party and role they signed with, or a party
    group alone when no one signs ("föreslår Vänsterpartiet:"), as an organization sponsors
    a bill in Open Civic Data and Popolo. Where a person's name would stand, a party-only
    mover shows the party's name (`display_name`)."""

    motion = ParentalKey(MotionPage, on_delete=models.CASCADE, related_name="movers")
    person = models.ForeignKey(
        Person,
        verbose_name=_("person"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("Tomt när ett parti eller en partigrupp lämnat motionen utan att någon skrivit under."),
    )
    party = models.ForeignKey(
        Party,
        verbose_name=_("parti"),
        null=True,
        blank=True,
        on_delete=protect_party_only_movers,
        related_name="+",
        help_text=_("Partiet motionären skrev under för; tomt = personens nuvarande parti."),
    )
    role = models.CharField(_("roll"), max_length=200, blank=True, help_text=_("T.ex. Gruppledare, Socialnämnden"))

    panels = [FieldPanel("person"), FieldRowPanel([FieldPanel("party"), FieldPanel("role")])]

    class Meta(Orderable.Meta):
        verbose_name = _("motionär")
        verbose_name_plural = _("motionärer")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(person__isnull=False) | models.Q(party__isnull=False),
                name="motionmover_person_or_party",
            ),
        ]

    def __str__(self):
        return self.display_name

    def clean(self):
        if self.person_id is None and self.party_id is None:
            raise ValidationError({"person": _("Ange en person eller ett parti som motionär.")})

    @property
    def signed_party(self):
        return self.party or (self.person.party if self.person_id else None)

    @property
    def display_name(self) -> str:
        """The person's name, or the party's when the party group itself is the mover."""
        if self.person_id:
            return self.person.name
        return self.party.name if self.party_id else ""


class AttSats(Orderable):
    """One "att …" clause of a motion's proposal; the council decides on each separately."""

    motion = ParentalKey(MotionPage, on_delete=models.CASCADE, related_name="att_satser")
    text = models.TextField(_("att-sats"), help_text=_("T.ex. att en ny arbetsmarknadsenhet inrättas"))

    panels = [FieldPanel("text")]

    class Meta(Orderable.Meta):
        verbose_name = _("att-sats")
        verbose_name_plural = _("att-satser")

    def clean(self):
        if not self.text.strip():
            raise ValidationError({"text": _("En att-sats kan inte vara tom.")})


class MotionAction(Orderable):
    """A dated, classified step in a motion's handling; the latest one is its status."""

    class Classification(models.TextChoices):
        FILED = "filed", _("Inlämnad")
        REFERRED = "referred", _("Remitterad")
        STATEMENT = "statement", _("Yttrande lämnat")
        PROPOSAL = "proposal", _("Förslag till beslut")
        STATUS_REPORTED = "status_reported", _("Redovisad som ej färdigberedd")
        APPROVED = "approved", _("Bifallen")
        REJECTED = "rejected", _("Avslagen")
        ANSWERED = "answered", _("Besvarad")
        WRITTEN_OFF = "written_off", _("Avskriven")

    FINAL_CLASSIFICATIONS = {
        Classification.APPROVED,
        Classification.REJECTED,
        Classification.ANSWERED,
        Classification.WRITTEN_OFF,
    }

    motion = ParentalKey(MotionPage, on_delete=models.CASCADE, related_name="actions")
    date = models.DateField(_("datum"))
    classification = models.CharField(_("händelse"), max_length=20, choices=Classification.choices)
    organization = models.ForeignKey(
        Organization,
        verbose_name=_("organ"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    note = models.CharField(_("anteckning"), max_length=300, blank=True)
    statement = models.ForeignKey(
        "governance.StatementPage",
        verbose_name=_("beslutsunderlag"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Underlaget steget bygger på, t.ex. ett importerat motionssvar; sidan länkar till det."),
    )

    panels = [
        FieldRowPanel([FieldPanel("date"), FieldPanel("classification")]),
        FieldPanel("organization"),
        FieldPanel("note"),
        FieldPanel("statement"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("händelse")
        verbose_name_plural = _("händelser")
