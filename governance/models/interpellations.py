"""Interpellations: a councillor's numbered questions to a chair, and the chair's answer.

An interpellation is often put to a post ("Interpellation till kommunstyrelsens
ordförande") without a name; the addressee person is then empty and the post is kept as
text in `addressee_role`. Nothing downstream needs the person: the answer is registered by
the council's secretaries (`workflows.flows.InterpellationFlow`), whoever gives it.

The answer is stored per question because that is how answers are written and read
("1. Varför har arbetet … gått i stå?" followed by its answer), and so each promise in
an answer can later be tracked as an assignment.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable, Page
from wagtail.search import index

from .civic import Person
from .pages import GovernanceDocumentPage


class InterpellationPage(GovernanceDocumentPage):
    """An interpellation filed in kommunfullmäktige, with its answer when there is one."""

    asker = models.ForeignKey(Person, verbose_name=_("interpellant"), on_delete=models.PROTECT, related_name="+")
    asker_role = models.CharField(
        _("interpellantens roll"),
        max_length=200,
        blank=True,
        help_text=_("T.ex. Ledamot i kommunfullmäktige och socialnämnd"),
    )
    addressee = models.ForeignKey(
        Person,
        verbose_name=_("ställd till"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("Tomt när interpellationen bara är ställd till en post; ange då posten bredvid."),
    )
    addressee_role = models.CharField(
        _("mottagarens roll eller post"),
        max_length=200,
        blank=True,
        help_text=_("T.ex. Ordförande utbildnings- & arbetsmarknadsnämnden"),
    )
    introduction = models.TextField(_("inledning"), blank=True)
    answered_by = models.ForeignKey(
        Person,
        verbose_name=_("besvarad av"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    answered_by_role = models.CharField(_("svarandes roll"), max_length=200, blank=True)
    answered_on = models.DateField(_("svarsdatum"), null=True, blank=True)
    answer_introduction = models.TextField(_("svarets inledning"), blank=True)

    content_panels = Page.content_panels + [
        FieldRowPanel([FieldPanel("organization"), FieldPanel("date")]),
        FieldPanel("case"),
        FieldRowPanel([FieldPanel("asker"), FieldPanel("asker_role")]),
        FieldRowPanel([FieldPanel("addressee"), FieldPanel("addressee_role")]),
        FieldPanel("introduction"),
        InlinePanel("questions", label=_("Fråga"), heading=_("Frågor och svar"), min_num=1),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("answered_by"), FieldPanel("answered_by_role")]),
                FieldPanel("answered_on"),
                FieldPanel("answer_introduction"),
            ],
            heading=_("Svar"),
        ),
    ]
    search_fields = GovernanceDocumentPage.search_fields + [
        index.SearchField("introduction"),
        index.SearchField("answer_introduction"),
        index.RelatedFields("questions", [index.SearchField("question"), index.SearchField("answer")]),
    ]

    parent_page_types = ["governance.MunicipalityPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("interpellation")
        verbose_name_plural = _("interpellationer")

    def get_context(self, request, *args, **kwargs):
        from .assignments import Assignment
        from .statements import visible_statements

        context = super().get_context(request, *args, **kwargs)
        context["promises"] = Assignment.objects.filter(source_page=self).open_first()
        context["statements"] = visible_statements(request.user, self)
        return context

    @property
    def is_answered(self):
        """Answered by a named person, in its questions, or recorded as answered (`answered_on`)
        by its process, which registers an answer that names nobody."""
        return bool(self.answered_on or self.answered_by_id) or any(q.answer for q in self.questions.all())

    @property
    def has_written_answer(self) -> bool:
        """The answer itself is on the page (answers to its questions, or the answer's
        introduction), as a file holding both leaves it; a date or a name alone is not one."""
        return bool(self.answer_introduction.strip()) or any(q.answer.strip() for q in self.questions.all())

    def may_be_answered_on(self, day) -> bool:
        """An answer cannot be dated before the interpellation it answers."""
        return day is not None and not (self.date and day < self.date)

    @property
    def status_label(self):
        return _("Besvarad") if self.is_answered else _("Väntar på svar")

    @property
    def addressed_to(self) -> str:
        """Who the interpellation is put to as readers see it: "Mats Flodin, ordförande …",
        or only the post ("Kommunstyrelsens ordförande") when no person is named."""
        if self.addressee_id:
            return f"{self.addressee}, {self.addressee_role}" if self.addressee_role else str(self.addressee)
        return self.addressee_role[:1].upper() + self.addressee_role[1:]

    def clean(self):
        super().clean()
        if not self.addressee_id and not self.addressee_role.strip():
            raise ValidationError(
                {"addressee": _("Ange vem interpellationen är ställd till: en person, en post eller båda.")}
            )
        if self.answered_on and not self.may_be_answered_on(self.answered_on):
            raise ValidationError({"answered_on": _("Svaret kan inte vara daterat före interpellationen.")})


class InterpellationQuestion(Orderable):
    """One numbered question and the answer given to it."""

    interpellation = ParentalKey(InterpellationPage, on_delete=models.CASCADE, related_name="questions")
    number = models.PositiveSmallIntegerField(_("nummer"))
    question = models.TextField(_("fråga"))
    answer = models.TextField(_("svar"), blank=True)

    panels = [FieldPanel("number"), FieldPanel("question"), FieldPanel("answer")]

    class Meta(Orderable.Meta):
        verbose_name = _("fråga")
        verbose_name_plural = _("frågor")
