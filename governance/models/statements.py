"""Beslutsunderlag: what the administration writes for an organ before it decides.

A tjänsteskrivelse, motionssvar, yttrande, beslutsförslag or budgetskrivelse is not a
decision, but a motion's or an interpellation's history is incomplete without the answer
prepared for it. So the underlag is stored with what it answers (`answers`, a motion or an
interpellation page), and the answered page lists its answers under "Svar och beredning".
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, PageChooserPanel
from wagtail.models import Page
from wagtail.search import index

from .pages import GovernanceDocumentPage


class StatementPage(GovernanceDocumentPage):
    """One beslutsunderlag, with its proposal and the matter it answers."""

    class StatementType(models.TextChoices):
        MEMO = "memo", _("Tjänsteskrivelse")
        ANSWER = "answer", _("Svar (motionssvar)")
        OPINION = "opinion", _("Yttrande")
        PROPOSAL = "proposal", _("Beslutsförslag")
        BUDGET = "budget", _("Budgetskrivelse")

    class AnsweredKind(models.TextChoices):
        MOTION = "motion", _("Motion")
        CITIZEN_PROPOSAL = "citizen_proposal", _("Medborgarförslag")
        INTERPELLATION = "interpellation", _("Interpellation")

    statement_type = models.CharField(
        _("typ av underlag"), max_length=20, choices=StatementType.choices, default=StatementType.MEMO
    )
    handler = models.CharField(_("handläggare"), max_length=200, blank=True)
    proposal = models.TextField(_("förslag till beslut"), blank=True)
    answered_kind = models.CharField(_("besvarar (typ)"), max_length=20, choices=AnsweredKind.choices, blank=True)
    answered_subject = models.CharField(
        _("besvarar (som i titeln)"),
        max_length=300,
        blank=True,
        help_text=_("T.ex. att införa laddstationer för cyklister"),
    )
    answers = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("besvarar"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="statements",
        help_text=_("Motionen, medborgarförslaget eller interpellationen underlaget besvarar."),
    )

    date_required = False  # a beslutsförslag is often undated until the meeting
    content_panels = Page.content_panels + [
        FieldRowPanel([FieldPanel("statement_type"), FieldPanel("organization")]),
        FieldRowPanel([FieldPanel("date"), FieldPanel("case")]),
        FieldPanel("handler"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("answered_kind"), FieldPanel("answered_subject")]),
                PageChooserPanel("answers", ["governance.MotionPage", "governance.InterpellationPage"]),
            ],
            heading=_("Besvarar"),
        ),
        FieldPanel("proposal"),
    ]
    search_fields = GovernanceDocumentPage.search_fields + [
        index.SearchField("proposal"),
        index.SearchField("handler"),
        index.FilterField("statement_type"),
    ]

    parent_page_types = ["governance.MunicipalityPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("beslutsunderlag")
        verbose_name_plural = _("beslutsunderlag")

    @property
    def is_answer(self) -> bool:
        """A Svar ("Svar på interpellation …", a motionssvar): the answer itself. A
        tjänsteskrivelse or yttrande registered on an interpellation's case is not its answer."""
        return self.statement_type == self.StatementType.ANSWER

    def get_context(self, request, *args, **kwargs):
        from ..visibility import can_view_page

        context = super().get_context(request, *args, **kwargs)
        answered = self.answers
        context["answered_page"] = answered.specific if answered and can_view_page(request.user, answered) else None
        return context


def visible_statements(user, page):
    """The beslutsunderlag answering `page` that `user` may see, oldest first."""
    from ..visibility import visible_pages

    return visible_pages(user, StatementPage.objects.filter(answers=page)).order_by("date", "pk")
