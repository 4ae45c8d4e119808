"""Minutes (protokoll) and their numbered paragraphs (§) with decision items.

A MinutesPage is one meeting's protokoll, or an extract of it (protokollsutdrag). Each §
is a MinutesParagraphPage below it, so a paragraph has its own address ("§ 80"), its
own revision history when a re-import changes it, and is what search lands on. Each
bullet or numbered point under "Beslut" is a DecisionItem row: assignments point to the
exact decision item that created them.
"""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable, Page
from wagtail.search import index

from ..panels import ReadAssignmentsPanel
from ..permissions import ScopedPagePermissions
from ..statutory import ProtocolDates, protocol_dates
from ..visibility import visible_pages
from .civic import Case, Meeting, Person
from .pages import GovernanceDocumentPage, secrecy_errors, secrecy_provision_field


class MinutesPage(GovernanceDocumentPage):
    """The protokoll of one meeting of an organ, or an extract of some of its paragraphs."""

    meeting = models.ForeignKey(
        Meeting,
        verbose_name=_("sammanträde"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="minutes",
        editable=False,
    )
    is_extract = models.BooleanField(
        _("protokollsutdrag"),
        default=False,
        help_text=_("Markera om sidan bara innehåller utdrag ur protokollet."),
    )
    location = models.CharField(_("plats"), max_length=200, blank=True)
    page_reference = models.CharField(
        _("sidhänvisning"),
        max_length=60,
        blank=True,
        help_text=_("Var i det fullständiga protokollet utdraget står, t.ex. sida 5–6 av 30."),
    )
    adjusted_on = models.DateField(_("justerat"), null=True, blank=True)
    posted_on = models.DateField(
        _("anslaget"),
        null=True,
        blank=True,
        help_text=_("Dagen då justeringen tillkännagavs på kommunens anslagstavla; överklagandetiden räknas därifrån."),
    )

    content_panels = Page.content_panels + [
        FieldRowPanel([FieldPanel("organization"), FieldPanel("date")]),
        FieldPanel("case"),
        MultiFieldPanel(
            [
                FieldPanel("is_extract"),
                FieldPanel("page_reference"),
                FieldPanel("location"),
                FieldPanel("adjusted_on"),
                FieldPanel("posted_on"),
            ],
            heading=_("Protokollet"),
        ),
    ]
    search_fields = GovernanceDocumentPage.search_fields + [
        index.FilterField("organization"),
    ]

    parent_page_types = ["governance.MunicipalityPage"]
    subpage_types = ["governance.MinutesParagraphPage"]

    class Meta:
        verbose_name = _("protokoll")
        verbose_name_plural = _("protokoll")

    @property
    def statutory_dates(self) -> ProtocolDates | None:
        """Justering, anslag and the appeal period as Kommunallagen sets them, or None without a date."""
        if not self.date:
            return None
        return protocol_dates(self.date, self.adjusted_on, self.posted_on)

    @property
    def paragraphs(self):
        """The §s the public may read, in order."""
        return self.paragraphs_for(None)

    def paragraphs_for(self, user):
        """The §s `user` may read, in order (the confidentiality rule lives in governance.visibility)."""
        return visible_pages(user, MinutesParagraphPage.objects.child_of(self)).order_by("number")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["paragraphs"] = self.paragraphs_for(request.user)
        dates = self.statutory_dates
        context["statutory_rows"] = dates.rows(date.today()) if dates else []
        return context

    def clean(self):
        super().clean()
        if not self.organization_id:
            raise ValidationError({"organization": _("Ange vilket organ protokollet gäller.")})

    def save(self, *args, **kwargs):
        """Link the minutes to their meeting, creating the meeting record if it is missing."""
        if self.organization_id and self.date:
            if not self.meeting_id or (
                self.meeting.organization_id != self.organization_id or self.meeting.date != self.date
            ):
                self.meeting, _created = Meeting.objects.get_or_create(
                    organization_id=self.organization_id,
                    date=self.date,
                    defaults={"status": Meeting.Status.HELD, "location": self.location},
                )
        super().save(*args, **kwargs)


class MinutesParagraphForm(WagtailAdminPageForm):
    """Binds a new paragraph to its minutes so number clashes and foreign cases are caught."""

    def __init__(self, *args, parent_page=None, **kwargs):
        super().__init__(*args, parent_page=parent_page, **kwargs)
        instance = self.instance
        if not instance.minutes_id and parent_page is not None:
            parent = parent_page.specific
            if isinstance(parent, MinutesPage):
                instance.minutes = parent
        if instance.minutes_id and "case" in self.fields:
            self.fields["case"].queryset = Case.objects.filter(municipality_id=instance.minutes.municipality_id)


class MinutesParagraphPage(ScopedPagePermissions, Page):
    """One numbered paragraph (§) of a protokoll: a matter, its decision and its preparation."""

    minutes = models.ForeignKey(
        MinutesPage,
        verbose_name=_("protokoll"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )
    number = models.PositiveIntegerField(_("paragraf (§)"))
    case = models.ForeignKey(
        Case,
        verbose_name=_("ärende (diarienummer)"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="paragraphs",
    )
    proposal = models.TextField(_("förslag till beslut"), blank=True)
    summary = models.TextField(_("sammanfattning"), blank=True)
    presenter_text = models.CharField(
        _("föredragande"),
        max_length=300,
        blank=True,
        help_text=_("Som i protokollet, t.ex. Michael Anderberg, arbetsmarknadsenheten (AME)."),
    )
    presenter = models.ForeignKey(
        Person,
        verbose_name=_("föredragande person"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    reservations = models.TextField(_("reservationer"), blank=True)
    votes = models.TextField(_("omröstning"), blank=True)
    is_confidential = models.BooleanField(
        _("sekretess"),
        default=False,
        help_text=_("Sekretessbelagda paragrafer visas aldrig i sök eller publikt."),
    )
    secrecy_provision = secrecy_provision_field()

    base_form_class = MinutesParagraphForm
    content_panels = Page.content_panels + [
        FieldRowPanel([FieldPanel("number"), FieldPanel("case")]),
        InlinePanel("decisions", label=_("Beslut"), heading=_("Beslut (en rad per beslutspunkt)")),
        ReadAssignmentsPanel(),
        FieldPanel("proposal"),
        FieldPanel("summary"),
        FieldRowPanel([FieldPanel("presenter_text"), FieldPanel("presenter")]),
        MultiFieldPanel([FieldPanel("reservations"), FieldPanel("votes")], heading=_("Yrkanden och röster")),
    ]
    settings_panels = Page.settings_panels + [
        MultiFieldPanel([FieldPanel("is_confidential"), FieldPanel("secrecy_provision")], heading=_("Sekretess"))
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("proposal"),
        index.RelatedFields("decisions", [index.SearchField("text")]),
        index.FilterField("number"),
        index.FilterField("is_confidential"),
    ]

    parent_page_types = ["governance.MinutesPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("paragraf")
        verbose_name_plural = _("paragrafer")
        constraints = [
            models.UniqueConstraint(fields=["minutes", "number"], name="unique_paragraph_number_per_minutes")
        ]

    def __str__(self):
        return f"§ {self.number} {self.title}"

    @property
    def municipality(self):
        return self.minutes.municipality

    @property
    def organization(self):
        return self.minutes.organization

    @property
    def date(self):
        return self.minutes.date

    def _resolve_minutes(self):
        if self.minutes_id or not self.path:
            return
        parent = self.get_parent()
        if parent is not None and isinstance(parent.specific, MinutesPage):
            self.minutes = parent.specific

    def save(self, *args, **kwargs):
        self._resolve_minutes()
        super().save(*args, **kwargs)

    def clean(self):
        super().clean()
        self._resolve_minutes()
        errors = secrecy_errors(self)
        if errors:
            raise ValidationError(errors)
        if not self.minutes_id:
            return
        if self.case_id and self.case.municipality_id != self.minutes.municipality_id:
            raise ValidationError({"case": _("Ärendet hör till en annan kommun.")})
        clash = MinutesParagraphPage.objects.filter(minutes_id=self.minutes_id, number=self.number)
        if self.pk:
            clash = clash.exclude(pk=self.pk)
        if clash.exists():
            raise ValidationError({"number": _("Protokollet har redan en § %(number)s.") % {"number": self.number}})


class DecisionItem(Orderable):
    """One point of a paragraph's decision ("Beslut"), in the order the protokoll gives."""

    paragraph = ParentalKey(MinutesParagraphPage, on_delete=models.CASCADE, related_name="decisions")
    text = models.TextField(_("beslutspunkt"))

    panels = [FieldPanel("text")]

    class Meta(Orderable.Meta):
        verbose_name = _("beslutspunkt")
        verbose_name_plural = _("beslutspunkter")

    def __str__(self):
        return self.text[:80]
