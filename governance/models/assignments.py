"""Assignments (uppdrag): the work a decision gives someone, and when it must report back.

An assignment is a first-class record, not a sentence in a protokoll: it points to the
decision item (or answer, or program) that created it, names its assignees (people,
posts such as "kommundirektören", or whole organs), the organ it reports back to, the
deadline rule as written and the due date computed from it. The Viewflow processes in
`workflows/` track its progress; here it is the artifact they work on.
"""

from datetime import date, timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Case as SqlCase
from django.db.models import CharField, Exists, IntegerField, OuterRef, Q, Value, When
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.search import index

from .civic import Municipality, Organization, Person, Post
from .minutes import DecisionItem


class AssignmentQuerySet(models.QuerySet):
    """Queries over assignments; `with_status` makes the status a database expression."""

    STATUS_ANNOTATION = "computed_status"

    def with_status(self, day: date | None = None) -> "AssignmentQuerySet":
        """Annotate `computed_status`: the same value `Assignment.status_on(day)` returns.

        Computed by the database, so the register can filter, count and sort on status
        with a constant number of queries instead of loading every row into Python. The
        order of the `When`s is the order of the tests in `status_on`; a test keeps the
        two in step (tests/governance/test_status_expression.py).
        """
        day = day or date.today()
        stalled_before = day - timedelta(weeks=settings.BESLUTSSPAR_STALLED_WEEKS)
        recent_note = AssignmentNote.objects.filter(
            assignment=OuterRef("pk"), written_on__gte=stalled_before, written_on__lte=day
        )
        status = Assignment.Status
        return self.annotate(
            **{
                self.STATUS_ANNOTATION: SqlCase(
                    When(completed_on__lte=day, then=Value(status.DONE)),
                    When(withdrawn_on__lte=day, then=Value(status.WITHDRAWN)),
                    When(due_date__lt=day, then=Value(status.OVERDUE)),
                    When(Q(decided_on__lt=stalled_before) & ~Exists(recent_note), then=Value(status.STALLED)),
                    When(due_date__isnull=True, then=Value(status.UNDATED)),
                    When(
                        due_date__lte=day + timedelta(days=settings.BESLUTSSPAR_DUE_SOON_DAYS),
                        then=Value(status.DUE_SOON),
                    ),
                    default=Value(status.ON_TIME),
                    output_field=CharField(),
                )
            }
        )

    def open(self):
        return self.filter(completed_on__isnull=True, withdrawn_on__isnull=True)

    def open_first(self):
        """Open assignments first, most urgent first; undated ones after dated ones."""
        return self.annotate(
            _closed=SqlCase(
                When(completed_on__isnull=True, withdrawn_on__isnull=True, then=Value(0)),
                default=Value(1),
                output_field=IntegerField(),
            ),
            _undated=SqlCase(
                When(due_date__isnull=True, then=Value(1)),
                default=Value(0),
                output_field=IntegerField(),
            ),
        ).order_by("_closed", "_undated", "due_date", "pk")


class Assignment(index.Indexed, ClusterableModel):
    """Work given by a decision, to be reported back to an organ by a due date."""

    class Status(models.TextChoices):
        ON_TIME = "on_time", _("I tid")
        DUE_SOON = "due_soon", _("Snart förfallet")
        OVERDUE = "overdue", _("Försenat")
        STALLED = "stalled", _("Avstannat")
        UNDATED = "undated", _("Inget datum")
        DONE = "done", _("Slutfört")
        WITHDRAWN = "withdrawn", _("Återkallat")

    municipality = models.ForeignKey(
        Municipality, verbose_name=_("kommun"), on_delete=models.CASCADE, related_name="assignments"
    )
    title = models.CharField(_("kort beskrivning"), max_length=255)
    task = models.TextField(_("uppdraget"), help_text=_("Vad som ska göras, som i beslutet."))
    decision = models.ForeignKey(
        DecisionItem,
        verbose_name=_("beslutspunkt"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="assignments",
        help_text=_("Beslutspunkten i protokollet som gav uppdraget."),
    )
    source_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("källdokument"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Dokumentet uppdraget kommer ifrån när det inte är en protokollsparagraf."),
    )
    source_text = models.TextField(
        _("källmening"), blank=True, help_text=_("Meningen i beslutet som uppdraget lästes ut ur.")
    )
    decided_on = models.DateField(_("beslutsdatum"))
    assignee_people = models.ManyToManyField(
        Person, verbose_name=_("ansvariga personer"), blank=True, related_name="assignments"
    )
    assignee_posts = models.ManyToManyField(
        Post, verbose_name=_("ansvariga poster"), blank=True, related_name="assignments"
    )
    assignee_organizations = models.ManyToManyField(
        Organization, verbose_name=_("ansvariga organ"), blank=True, related_name="assignments"
    )
    report_to = models.ForeignKey(
        Organization,
        verbose_name=_("återrapporteras till"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="reported_assignments",
    )
    deadline_text = models.CharField(
        _("tidsangivelse som i beslutet"),
        max_length=200,
        blank=True,
        help_text=_("T.ex. på kommande möte, i maj, senast 2022-12-31"),
    )
    due_date = models.DateField(_("förfallodatum"), null=True, blank=True)
    due_explanation = models.CharField(_("hur datumet räknades fram"), max_length=300, blank=True)
    continues = models.ForeignKey(
        "self",
        verbose_name=_("fortsätter uppdrag"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="continuations",
    )
    completed_on = models.DateField(_("slutfört"), null=True, blank=True)
    withdrawn_on = models.DateField(_("återkallat"), null=True, blank=True)

    objects = AssignmentQuerySet.as_manager()

    panels = [
        FieldPanel("municipality"),
        FieldPanel("title"),
        FieldPanel("task"),
        MultiFieldPanel(
            [FieldPanel("decision"), FieldPanel("source_page"), FieldPanel("source_text")],
            heading=_("Källa"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("assignee_people"),
                FieldPanel("assignee_posts"),
                FieldPanel("assignee_organizations"),
            ],
            heading=_("Ansvariga"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("decided_on"), FieldPanel("report_to")]),
                FieldRowPanel([FieldPanel("deadline_text"), FieldPanel("due_date")]),
                FieldPanel("due_explanation"),
            ],
            heading=_("Återrapportering"),
        ),
        FieldPanel("continues"),
        InlinePanel("notes", label=_("Lägesrapport"), heading=_("Lägesrapporter")),
        InlinePanel("attachments", label=_("Bilaga"), heading=_("Bilagor till återrapporten")),
        FieldRowPanel([FieldPanel("completed_on"), FieldPanel("withdrawn_on")]),
    ]
    search_fields = [
        index.SearchField("title"),
        index.AutocompleteField("title"),
        index.SearchField("task"),
        index.FilterField("municipality"),
        index.FilterField("due_date"),
    ]

    class Meta:
        ordering = ["due_date", "pk"]
        verbose_name = _("uppdrag")
        verbose_name_plural = _("uppdrag")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(completed_on__isnull=True) | models.Q(withdrawn_on__isnull=True),
                name="assignment_not_both_completed_and_withdrawn",
            )
        ]

    def __str__(self):
        return self.title

    def last_activity_on(self, day=None):
        """The latest progress note on or before `day`, else the decision date."""
        day = day or date.today()
        written = [note.written_on for note in self.notes.all() if note.written_on <= day]
        return max([self.decided_on, *written])

    def status_on(self, day=None):
        """Status as it stood on `day` (today by default), so history can be re-read.

        Overdue outranks stalled: an item past its due date is late whatever its notes
        say. An open item with no progress note for BESLUTSSPAR_STALLED_WEEKS is stalled,
        the state an interpellation calls "gått i stå".
        """
        day = day or date.today()
        if self.completed_on and self.completed_on <= day:
            return self.Status.DONE
        if self.withdrawn_on and self.withdrawn_on <= day:
            return self.Status.WITHDRAWN
        if self.due_date and self.due_date < day:
            return self.Status.OVERDUE
        if day - self.last_activity_on(day) > timedelta(weeks=settings.BESLUTSSPAR_STALLED_WEEKS):
            return self.Status.STALLED
        if not self.due_date:
            return self.Status.UNDATED
        if self.due_date <= day + timedelta(days=settings.BESLUTSSPAR_DUE_SOON_DAYS):
            return self.Status.DUE_SOON
        return self.Status.ON_TIME

    @property
    def status(self):
        return self.status_on()

    @property
    def status_label(self):
        return self.Status(self.status).label

    status_label.fget.short_description = _("status")

    def days_overdue(self, day=None):
        day = day or date.today()
        if self.status_on(day) != self.Status.OVERDUE:
            return 0
        return (day - self.due_date).days

    @property
    def assignee_labels(self):
        """Everyone responsible, posts first because decisions usually name the post."""
        labels = [post.label for post in self.assignee_posts.all()]
        labels += [person.name for person in self.assignee_people.all()]
        labels += [organization.name for organization in self.assignee_organizations.all()]
        return labels

    @property
    def source_paragraph(self):
        return self.decision.paragraph if self.decision_id else None

    def clean(self):
        errors = {}
        if self.completed_on and self.withdrawn_on:
            errors["withdrawn_on"] = _("Ett uppdrag kan inte både vara slutfört och återkallat.")
        if self.due_date and self.decided_on and self.due_date < self.decided_on:
            errors["due_date"] = _("Förfallodatum kan inte ligga före beslutsdatum.")
        if self.report_to_id and self.report_to.municipality_id != self.municipality_id:
            errors["report_to"] = _("Organet hör till en annan kommun.")
        if errors:
            raise ValidationError(errors)


class AssignmentNote(models.Model):
    """A dated progress note ("lägesrapport") on an assignment; silence makes it stalled."""

    assignment = ParentalKey(Assignment, on_delete=models.CASCADE, related_name="notes")
    written_on = models.DateField(_("datum"), default=date.today)
    author = models.ForeignKey(
        "auth.User", verbose_name=_("skriven av"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    text = models.TextField(_("läget"))

    panels = [FieldPanel("written_on"), FieldPanel("text")]

    class Meta:
        ordering = ["-written_on", "-pk"]
        verbose_name = _("lägesrapport")
        verbose_name_plural = _("lägesrapporter")

    def __str__(self):
        return f"{self.written_on}: {self.text[:60]}"


class AssignmentAttachment(models.Model):
    """A document handed in with the report-back (återrapport), kept in Wagtail's documents."""

    assignment = ParentalKey(Assignment, on_delete=models.CASCADE, related_name="attachments")
    document = models.ForeignKey(
        "wagtaildocs.Document", verbose_name=_("dokument"), on_delete=models.CASCADE, related_name="+"
    )
    added_on = models.DateField(_("bifogad"), default=date.today)

    panels = [FieldPanel("document")]

    class Meta:
        ordering = ["added_on", "pk"]
        verbose_name = _("bilaga")
        verbose_name_plural = _("bilagor")

    def __str__(self):
        return self.document.title


class ReminderLog(models.Model):
    """One reminder sent: the unique key makes "never twice for the same event" a database
    guarantee, so `send_reminders` is safe to run from cron every hour, even overlapping."""

    class Kind(models.TextChoices):
        DUE_SOON = "due_soon", _("Snart förfallet")
        OVERDUE = "overdue", _("Försenat")

    assignment = models.ForeignKey(Assignment, on_delete=models.CASCADE, related_name="reminders")
    kind = models.CharField(max_length=10, choices=Kind.choices)
    due_date = models.DateField()
    recipient = models.EmailField()
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("skickad påminnelse")
        verbose_name_plural = _("skickade påminnelser")
        constraints = [
            models.UniqueConstraint(
                fields=["assignment", "kind", "due_date", "recipient"], name="one_reminder_per_event_and_recipient"
            )
        ]

    def __str__(self):
        return f"{self.get_kind_display()} {self.due_date} → {self.recipient}"
