"""Policy documents (strategi, program, plan, handlingsplan) and news items about them.

A program is judged by its goals, so goals are rows with an indicator and a numeric
target; and it is followed up through its reporting requirements ("rapportering till
kommunstyrelsen två gånger per år"), which become recurring report-backs.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from ..blocks import DocumentBodyBlock
from ..deadlines import recurring
from .civic import Organization
from .pages import GovernanceDocumentPage


class PolicyDocumentPage(GovernanceDocumentPage):
    """An adopted steering document with its metadata, goals, reporting and focus areas."""

    class DocumentType(models.TextChoices):
        STRATEGY = "strategy", _("Strategi")
        PROGRAM = "program", _("Program")
        PLAN = "plan", _("Plan")
        ACTION_PLAN = "action_plan", _("Handlingsplan")
        POLICY = "policy", _("Policy")
        GUIDELINE = "guideline", _("Riktlinje")

    document_type = models.CharField(_("dokumenttyp"), max_length=20, choices=DocumentType.choices)
    adopted_by = models.ForeignKey(
        Organization,
        verbose_name=_("antagen av"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    valid_from = models.DateField(_("gäller från"), null=True, blank=True)
    valid_until = models.DateField(_("gäller till och med"), null=True, blank=True)
    validity_text = models.CharField(
        _("giltighetstid som i dokumentet"), max_length=100, blank=True, help_text=_("T.ex. 2024")
    )
    applies_to = models.CharField(_("gäller för"), max_length=200, blank=True)
    document_owner = models.CharField(_("dokumentansvarig"), max_length=200, blank=True)
    publication = models.CharField(
        _("publiceras"), max_length=200, blank=True, help_text=_("T.ex. Extern och intern webb")
    )
    summary = models.TextField(_("sammanfattning"), blank=True)
    body = StreamField(DocumentBodyBlock(), verbose_name=_("innehåll"), blank=True)

    date_required = False
    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("document_type"), FieldPanel("case")]),
                FieldRowPanel([FieldPanel("adopted_by"), FieldPanel("date")]),
                FieldRowPanel([FieldPanel("valid_from"), FieldPanel("valid_until")]),
                FieldPanel("validity_text"),
                FieldRowPanel([FieldPanel("applies_to"), FieldPanel("document_owner")]),
                FieldPanel("publication"),
            ],
            heading=_("Dokumentuppgifter"),
        ),
        FieldPanel("summary"),
        InlinePanel("goals", label=_("Mål"), heading=_("Mål, indikatorer och målvärden")),
        InlinePanel("reporting_requirements", label=_("Rapportering"), heading=_("Rapportering")),
        InlinePanel("focus_areas", label=_("Fokusområde"), heading=_("Områden att fokusera på")),
        FieldPanel("body"),
    ]
    search_fields = GovernanceDocumentPage.search_fields + [
        index.SearchField("summary"),
        index.SearchField("body"),
        index.RelatedFields("goals", [index.SearchField("text")]),
    ]

    parent_page_types = ["governance.MunicipalityPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("styrdokument")
        verbose_name_plural = _("styrdokument")

    @property
    def adopted_on(self):
        return self.date

    def report_schedule(self):
        """Every report-back the reporting requirements call for during the validity period."""

        if not (self.valid_from and self.valid_until):
            return []
        occasions = [
            {"due": due, "requirement": requirement}
            for requirement in self.reporting_requirements.all()
            if requirement.times_per_year
            for due in recurring(requirement.times_per_year, self.valid_from, self.valid_until)
        ]
        return sorted(occasions, key=lambda occasion: occasion["due"])

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["report_schedule"] = self.report_schedule()
        return context

    def clean(self):
        super().clean()
        errors = {}
        if self.valid_from and self.valid_until and self.valid_until < self.valid_from:
            errors["valid_until"] = _("Giltighetstiden kan inte sluta innan den börjar.")
        if self.municipality_id and self.adopted_by_id and self.adopted_by.municipality_id != self.municipality_id:
            errors["adopted_by"] = _("Organet hör till en annan kommun.")
        if errors:
            raise ValidationError(errors)


class PolicyGoal(Orderable):
    """A goal with the indicator that measures it and its target ("öka med minst 50 per år")."""

    class Direction(models.TextChoices):
        INCREASE = "increase", _("Öka")
        DECREASE = "decrease", _("Minska")
        REACH = "reach", _("Nå")

    document = ParentalKey(PolicyDocumentPage, on_delete=models.CASCADE, related_name="goals")
    text = models.TextField(_("mål"))
    indicator = models.TextField(_("indikator"), blank=True)
    target = models.CharField(
        _("målvärde som i dokumentet"),
        max_length=200,
        blank=True,
        help_text=_("T.ex. öka med minst 50 per år"),
    )
    direction = models.CharField(_("riktning"), max_length=10, choices=Direction.choices, blank=True)
    target_value = models.DecimalField(_("målvärde"), max_digits=12, decimal_places=2, null=True, blank=True)
    target_unit = models.CharField(_("enhet"), max_length=60, blank=True, help_text=_("T.ex. per år, procentenheter"))

    panels = [
        FieldPanel("text"),
        FieldPanel("indicator"),
        FieldPanel("target"),
        FieldRowPanel([FieldPanel("direction"), FieldPanel("target_value"), FieldPanel("target_unit")]),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("mål")
        verbose_name_plural = _("mål")


class ReportingRequirement(Orderable):
    """A duty to report on the document to an organ at a stated frequency."""

    document = ParentalKey(PolicyDocumentPage, on_delete=models.CASCADE, related_name="reporting_requirements")
    report_to = models.ForeignKey(
        Organization, verbose_name=_("rapporteras till"), on_delete=models.PROTECT, related_name="+"
    )
    rule_text = models.CharField(_("regel som i dokumentet"), max_length=200, help_text=_("T.ex. två gånger per år"))
    times_per_year = models.PositiveSmallIntegerField(_("gånger per år"), null=True, blank=True)
    description = models.TextField(_("vad rapporten ska innehålla"), blank=True)

    panels = [
        FieldRowPanel([FieldPanel("report_to"), FieldPanel("rule_text"), FieldPanel("times_per_year")]),
        FieldPanel("description"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("rapporteringskrav")
        verbose_name_plural = _("rapporteringskrav")

    def clean(self):
        if self.times_per_year is not None and (self.times_per_year < 1 or 12 % self.times_per_year):
            raise ValidationError({"times_per_year": _("Ange 1, 2, 3, 4, 6 eller 12 gånger per år, eller lämna tomt.")})


class FocusArea(Orderable):
    """An area the document says to focus on; often the seed of later assignments."""

    document = ParentalKey(PolicyDocumentPage, on_delete=models.CASCADE, related_name="focus_areas")
    text = models.TextField(_("fokusområde"))

    panels = [FieldPanel("text")]

    class Meta(Orderable.Meta):
        verbose_name = _("fokusområde")
        verbose_name_plural = _("fokusområden")


class NewsPage(GovernanceDocumentPage):
    """A news item about a decision or policy, e.g. the local paper on a new strategy."""

    lead = models.TextField(_("ingress"), blank=True)
    body = StreamField(DocumentBodyBlock(), verbose_name=_("brödtext"), blank=True)
    source_name = models.CharField(_("källa"), max_length=200, blank=True)
    related_document = models.ForeignKey(
        "governance.PolicyDocumentPage",
        verbose_name=_("handlar om styrdokument"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="news_items",
    )

    content_panels = Page.content_panels + [
        FieldRowPanel([FieldPanel("date"), FieldPanel("organization")]),
        FieldPanel("lead"),
        FieldPanel("body"),
        FieldRowPanel([FieldPanel("source_name"), FieldPanel("related_document")]),
    ]
    search_fields = GovernanceDocumentPage.search_fields + [
        index.SearchField("lead"),
        index.SearchField("body"),
    ]

    parent_page_types = ["governance.MunicipalityPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("nyhet")
        verbose_name_plural = _("nyheter")
