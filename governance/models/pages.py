"""The page tree: a portal home, one page per municipality, and its documents.

Tree: HomePage → MunicipalityPage → document pages (minutes, motions, interpellations,
policy documents, news). Minutes have paragraph pages (§) below them, so every § has
its own address, history and search hit. A document's municipality is read from its
MunicipalityPage ancestor and stored, so the registers it refers to (organs, cases,
people) can be restricted to that municipality.
"""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from ..permissions import ScopedPagePermissions
from ..visibility import visible_assignments, visible_pages
from .civic import Case, Municipality, Organization


class HomePage(ScopedPagePermissions, Page):
    """The public front page: what was decided lately and which assignments are late."""

    intro = RichTextField(_("inledning"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["governance.MunicipalityPage"]

    class Meta:
        verbose_name = _("startsida")
        verbose_name_plural = _("startsidor")

    def get_context(self, request, *args, **kwargs):
        from .assignments import Assignment
        from .registry import DOCUMENT_PAGE_MODELS

        context = super().get_context(request, *args, **kwargs)
        context["municipality_pages"] = MunicipalityPage.objects.child_of(self).live()
        context["recent_documents"] = (
            visible_pages(request.user, Page.objects.descendant_of(self).type(*DOCUMENT_PAGE_MODELS))
            .specific()
            .order_by("-last_published_at")[:8]
        )
        context["assignments"] = (
            visible_assignments(request.user, Assignment.objects.open_first())
            .select_related("municipality", "report_to")
            .prefetch_related("notes", "assignee_posts", "assignee_people", "assignee_organizations")[:10]
        )
        return context


class MunicipalityPage(ScopedPagePermissions, Page):
    """The public home of one municipality's decisions; its documents are its children."""

    municipality = models.OneToOneField(
        Municipality,
        verbose_name=_("kommun"),
        on_delete=models.PROTECT,
        related_name="page",
    )
    intro = RichTextField(_("inledning"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("municipality"), FieldPanel("intro")]

    parent_page_types = ["governance.HomePage"]
    subpage_types = [
        "governance.MinutesPage",
        "governance.MotionPage",
        "governance.InterpellationPage",
        "governance.PolicyDocumentPage",
        "governance.NewsPage",
        "governance.StatementPage",
    ]

    class Meta:
        verbose_name = _("kommunsida")
        verbose_name_plural = _("kommunsidor")
        # Held here because confidentiality is scoped per municipality (governance.visibility).
        permissions = [("view_confidential", _("Kan se sekretessbelagda handlingar i sin kommun"))]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        children = visible_pages(request.user, self.get_children()).specific()
        groups = {}
        for page in children:
            groups.setdefault(page._meta.verbose_name_plural, []).append(page)
        context["document_groups"] = [
            (label, sorted(pages, key=lambda p: p.sort_date or date.min, reverse=True))
            for label, pages in sorted(groups.items())
        ]
        context["assignments"] = (
            visible_assignments(request.user, self.municipality.assignments.open_first())
            .select_related("report_to")
            .prefetch_related("notes", "assignee_posts", "assignee_people", "assignee_organizations")
        )
        return context


def secrecy_provision_field():
    """The reason a confidential page is withheld, next to its `is_confidential` flag."""
    return models.CharField(
        _("sekretessbestämmelse"),
        max_length=200,
        blank=True,
        help_text=_("Lagrummet sekretessen grundas på, t.ex. OSL 26 kap. 1 §. Krävs när sekretess är markerad."),
    )


def secrecy_errors(page):
    """A confidential page must name the provision it is kept secret under (offentlighets-
    och sekretesslagen), as a decision to withhold a document must state its grounds."""
    if page.is_confidential and not page.secrecy_provision.strip():
        return {"secrecy_provision": _("Ange vilken sekretessbestämmelse som gäller, t.ex. OSL 26 kap. 1 §.")}
    return {}


def municipality_of(page):
    """The Municipality of the nearest MunicipalityPage at or above `page`, or None."""
    if page is None or not page.path:
        return None
    found = MunicipalityPage.objects.ancestor_of(page, inclusive=True).last()
    return found.municipality if found else None


class GovernanceDocumentForm(WagtailAdminPageForm):
    """Restricts the organ and case choosers to the municipality the page is created in."""

    def __init__(self, *args, parent_page=None, **kwargs):
        super().__init__(*args, parent_page=parent_page, **kwargs)
        instance = self.instance
        if not instance.municipality_id and parent_page is not None:
            municipality = municipality_of(parent_page)
            if municipality is not None:
                instance.municipality = municipality
        if instance.municipality_id:
            for field in self.fields.values():
                queryset = getattr(field, "queryset", None)
                if queryset is not None and queryset.model in (Organization, Case):
                    field.queryset = queryset.filter(municipality_id=instance.municipality_id)


class GovernanceDocumentPage(ScopedPagePermissions, Page):
    """Fields every governance document shares: its municipality, organ, case and date.

    `source_text` keeps the original text a document was imported from, so an extracted
    value can always be checked against what was actually written.
    """

    municipality = models.ForeignKey(
        Municipality,
        verbose_name=_("kommun"),
        on_delete=models.PROTECT,
        related_name="+",
        editable=False,
    )
    organization = models.ForeignKey(
        Organization,
        verbose_name=_("organ"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    case = models.ForeignKey(
        Case,
        verbose_name=_("ärende (diarienummer)"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    date = models.DateField(_("datum"), null=True, blank=True)
    is_confidential = models.BooleanField(
        _("sekretess"),
        default=False,
        help_text=_("Sekretessbelagda handlingar visas aldrig i sök eller publikt."),
    )
    secrecy_provision = secrecy_provision_field()
    source_text = models.TextField(
        _("originaltext"),
        blank=True,
        help_text=_("Texten som dokumentet lästes in från, för kontroll av tolkningen."),
    )

    base_form_class = GovernanceDocumentForm
    settings_panels = Page.settings_panels + [
        MultiFieldPanel([FieldPanel("is_confidential"), FieldPanel("secrecy_provision")], heading=_("Sekretess")),
        MultiFieldPanel([FieldPanel("source_text")], heading=_("Källa")),
    ]
    search_fields = Page.search_fields + [
        index.FilterField("municipality"),
        index.FilterField("date"),
        index.FilterField("is_confidential"),
    ]

    #: Document kinds that must carry a date (a program may lack an adoption date).
    date_required = True

    class Meta:
        abstract = True

    @property
    def kind_label(self):
        """The document kind in Swedish ("motion", "protokoll"), for listings."""
        return self._meta.verbose_name

    @property
    def sort_date(self):
        """The date a listing orders by: the document's own date, else its publication."""
        if self.date:
            return self.date
        return self.first_published_at.date() if self.first_published_at else None

    def save(self, *args, **kwargs):
        if not self.municipality_id:
            municipality = municipality_of(self.get_parent() if self.path else None)
            if municipality is not None:
                self.municipality = municipality
        super().save(*args, **kwargs)

    def clean(self):
        super().clean()
        errors = {}
        if self.date_required and not self.date:
            errors["date"] = _("Ange dokumentets datum.")
        if self.municipality_id:
            if self.organization_id and self.organization.municipality_id != self.municipality_id:
                errors["organization"] = _("Organet hör till en annan kommun.")
            if self.case_id and self.case.municipality_id != self.municipality_id:
                errors["case"] = _("Ärendet hör till en annan kommun.")
        errors.update(secrecy_errors(self))
        if errors:
            raise ValidationError(errors)
