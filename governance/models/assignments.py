"""Assignments (uppdrag): the work a decision gives someone, and when it must report back.

An assignment is a first-class record, not a sentence in a protokoll: it points to the
decision item (or answer, or program) that created it, names its assignees (people,
posts such as "kommundirektören", or whole organs), the organ it reports back to, the
deadline rule as written and the due date computed from it. The Viewflow processes in
`workflows/` track its progress; here it is the artifact they work on.

Its state changes only through its own methods (`report`, `complete`, `extend`,
`withdraw`, `reassign`, `confirm`): each checks the change is allowed, records who made it
and why in the admin history (with old → new values), and announces it as an
`AssignmentEvent` so the process follows (see `governance.events`).
"""

from datetime import date, timedelta

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models, transaction
from django.db.models import Case as SqlCase
from django.db.models import CharField, IntegerField, Q, Value, When
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.log_actions import log
from wagtail.search import index

from ..deadlines import due_date_for
from ..events import AssignmentEvent, assignment_changed
from ..logged_values import logged_value
from ..permissions import can_act_on_assignment
from .civic import Municipality, Organization, Person, Post
from .minutes import DecisionItem
from .versioning import VERSION_PANEL, VersionedModel

# The condition of `Assignment.needs_confirmation`, for queries.
UNCONFIRMED = Q(read_from_text=True, confirmed_at__isnull=True)


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
        # Assignments with a note in the stalled window, as one hashed set (NOT IN), not a
        # correlated lookup per row.
        recently_noted = AssignmentNote.objects.filter(written_on__gte=stalled_before, written_on__lte=day).values(
            "assignment_id"
        )
        status = Assignment.Status
        return self.annotate(
            **{
                self.STATUS_ANNOTATION: SqlCase(
                    When(completed_on__lte=day, then=Value(status.DONE)),
                    When(withdrawn_on__lte=day, then=Value(status.WITHDRAWN)),
                    When(reported_on__lte=day, then=Value(status.REPORTED)),
                    When(due_date__lt=day, then=Value(status.OVERDUE)),
                    When(Q(decided_on__lt=stalled_before) & ~Q(pk__in=recently_noted), then=Value(status.STALLED)),
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

    def unconfirmed(self):
        """Read from a decision's text and not yet checked by a secretary (`needs_confirmation`)."""
        return self.filter(UNCONFIRMED)

    def confirmed(self):
        """Entered by hand, or read from a text and confirmed."""
        return self.exclude(UNCONFIRMED)

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


class AssignmentStateError(ValidationError):
    """A state change that the assignment's current state does not allow."""


class Assignment(index.Indexed, VersionedModel, ClusterableModel):
    """Work given by a decision, to be reported back to an organ by a due date."""

    class Status(models.TextChoices):
        ON_TIME = "on_time", _("I tid")
        DUE_SOON = "due_soon", _("Snart förfallet")
        OVERDUE = "overdue", _("Försenat")
        STALLED = "stalled", _("Avstannat")
        UNDATED = "undated", _("Inget datum")
        REPORTED = "reported", _("Återrapporterad")
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
    original_due_date = models.DateField(
        _("ursprungligt förfallodatum"),
        null=True,
        blank=True,
        help_text=_("Förfallodatumet enligt beslutet, kvar när organet förlänger tidsfristen."),
    )
    follow_up_at_next_meeting = models.BooleanField(
        _("följs upp på nästa möte"),
        default=False,
        help_text=_("”Snarast” och liknande ger inget datum; uppdraget tas upp på organets nästa möte."),
    )
    read_from_text = models.BooleanField(
        _("inläst ur beslutstexten"),
        default=False,
        help_text=_("Uppdraget hittades automatiskt i beslutstexten och ska bekräftas av en sekreterare."),
    )
    confirmed_at = models.DateTimeField(_("bekräftat"), null=True, blank=True)
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("bekräftat av"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    continues = models.ForeignKey(
        "self",
        verbose_name=_("fortsätter uppdrag"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="continuations",
    )
    reported_on = models.DateField(
        _("återrapporterat"), null=True, blank=True, help_text=_("Återrapporten är lämnad; organet har inte beslutat.")
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
        MultiFieldPanel(
            [
                FieldRowPanel(
                    [FieldPanel("reported_on", read_only=True), FieldPanel("original_due_date", read_only=True)]
                ),
                FieldRowPanel([FieldPanel("completed_on", read_only=True), FieldPanel("withdrawn_on", read_only=True)]),
            ],
            heading=_("Läge (ändras med knapparna Återrapportera, Slutför, Förläng, Återkalla)"),
        ),
        VERSION_PANEL,
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
        the state an interpellation calls "gått i stå". A reported item waits for the
        organ's decision: the work is handed in, so it is neither late nor stalled.
        """
        day = day or date.today()
        if self.completed_on and self.completed_on <= day:
            return self.Status.DONE
        if self.withdrawn_on and self.withdrawn_on <= day:
            return self.Status.WITHDRAWN
        if self.reported_on and self.reported_on <= day:
            return self.Status.REPORTED
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
        """Everyone responsible, posts first because decisions usually name the post.

        A listing that read the labels of all its rows at once sets them with
        `preload_assignee_labels`; three prefetches per page cost more than the rest of a row.
        """
        preloaded = getattr(self, "_preloaded_assignee_labels", None)
        if preloaded is not None:
            return preloaded
        labels = [post.label for post in self.assignee_posts.all()]
        labels += [person.name for person in self.assignee_people.all()]
        labels += [organization.name for organization in self.assignee_organizations.all()]
        return labels

    def preload_assignee_labels(self, labels: list[str]) -> None:
        """Labels read for many assignments at once (`exports.assignee_labels_by_id`)."""
        self._preloaded_assignee_labels = list(labels)

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

    # Deadline -------------------------------------------------------------------------

    def compute_due_date(self):
        """Fill `due_date` from `deadline_text` the way the importer does.

        Runs on save when the text is new or changed, unless the organ has extended the
        deadline (then the extension's date stands) or someone typed a date the text
        cannot give (an unreadable rule keeps the manual date).
        """
        due = due_date_for(self.deadline_text, self.decided_on, self.report_to)
        if due.date is None and self.due_date is not None:
            return
        self.due_date = due.date
        self.due_explanation = due.explanation[:300]
        self.follow_up_at_next_meeting = due.follow_up

    def _deadline_text_changed(self):
        if self.pk is None:
            return True
        stored = type(self)._base_manager.filter(pk=self.pk).values_list("deadline_text", flat=True).first()
        return stored != self.deadline_text

    def save(self, *args, **kwargs):
        update_fields = kwargs.get("update_fields")
        touches_deadline = update_fields is None or "deadline_text" in update_fields
        if (
            touches_deadline
            and self.decided_on
            and self.deadline_text
            and self.original_due_date is None
            and self._deadline_text_changed()
        ):
            self.compute_due_date()
            if update_fields is not None:
                kwargs["update_fields"] = {*update_fields, "due_date", "due_explanation", "follow_up_at_next_meeting"}
        return super().save(*args, **kwargs)

    # State changes: the only writers of reported/completed/withdrawn/extended ----------

    @property
    def is_open(self):
        return self.completed_on is None and self.withdrawn_on is None

    @property
    def is_reported(self):
        return self.is_open and self.reported_on is not None

    @property
    def needs_confirmation(self):
        """Read from a decision's text and not yet checked by a secretary."""
        return self.read_from_text and self.confirmed_at is None

    def _require_open(self, verb):
        if not self.is_open:
            state = _("slutfört") if self.completed_on else _("återkallat")
            raise AssignmentStateError(
                _("Uppdraget är redan %(state)s och kan inte %(verb)s.") % {"state": state, "verb": verb}
            )

    def _require_permission(self, user, action, from_process):
        if user is not None and not from_process and not can_act_on_assignment(user, self, action):
            raise PermissionDenied(_("Du har inte behörighet att ändra det här uppdraget."))

    def _apply(self, action, user, reason, on, changes, from_process, save_fields=None):
        """Save the changed fields, log old → new, and announce the change, atomically."""
        with transaction.atomic():
            # The action's own log entry below carries the diff; governance.audit skips its
            # generic "Ändrat" line for this save.
            self._audit_logged_elsewhere = True
            try:
                self.save(update_fields=list(changes) if save_fields is None else save_fields)
            finally:
                self._audit_logged_elsewhere = False
            log(
                instance=self,
                action=f"beslutsspar.assignment.{action}",
                user=user,
                data={"reason": reason, "on": on.isoformat() if on else None, "changes": _jsonable(self, changes)},
            )
            assignment_changed.send(
                sender=type(self),
                event=AssignmentEvent(
                    assignment=self,
                    action=action,
                    user=user,
                    reason=reason,
                    on=on,
                    changes=changes,
                    from_process=from_process,
                ),
            )
        return self

    def _set(self, **values):
        """Set fields, returning {field: (old, new)} for those that changed."""
        changes = {}
        for name, value in values.items():
            old = getattr(self, name)
            if old != value:
                changes[name] = (old, value)
                setattr(self, name, value)
        return changes

    def report(self, text="", *, by=None, on=None, from_process=False):
        """The responsible hands in the report-back: status Återrapporterad until the organ decides."""
        self._require_permission(by, "report", from_process)
        self._require_open(_("återrapporteras"))
        on = on or date.today()
        if self.reported_on is not None:
            return self
        changes = self._set(reported_on=on)
        if text.strip():
            AssignmentNote.objects.create(
                assignment=self, text=text.strip(), author=by, written_on=on, kind=AssignmentNote.Kind.REPORT
            )
        return self._apply("report", by, text.strip(), on, changes, from_process)

    def complete(self, *, by=None, on=None, reason="", from_process=False):
        """The organ has noted the report (or a later decision declares it fulfilled)."""
        self._require_permission(by, "complete", from_process)
        on = on or date.today()
        if self.completed_on is not None:
            return self
        self._require_open(_("slutföras"))
        if self.decided_on and on < self.decided_on:
            raise AssignmentStateError(_("Ett uppdrag kan inte slutföras före beslutsdatum."))
        changes = self._set(completed_on=on)
        return self._apply("complete", by, reason, on, changes, from_process)

    def extend(self, new_due_date, *, by=None, reason="", from_process=False):
        """The organ gives a new deadline; the original due date is kept, work goes on."""
        self._require_permission(by, "extend", from_process)
        self._require_open(_("förlängas"))
        if new_due_date is None:
            raise AssignmentStateError(_("Ange den nya tidsfristen."))
        if self.decided_on and new_due_date < self.decided_on:
            raise AssignmentStateError(_("Den nya tidsfristen kan inte ligga före beslutsdatum."))
        organ = self.report_to or _("organet")
        changes = self._set(
            original_due_date=self.original_due_date or self.due_date,
            due_date=new_due_date,
            due_explanation=f"förlängt av {organ} → {new_due_date}"[:300],
            reported_on=None,
            follow_up_at_next_meeting=False,
        )
        return self._apply("extend", by, reason, date.today(), changes, from_process)

    def withdraw(self, *, by=None, on=None, reason="", from_process=False):
        """The organ withdraws the assignment; it will not be carried out."""
        self._require_permission(by, "withdraw", from_process)
        on = on or date.today()
        if self.withdrawn_on is not None:
            return self
        self._require_open(_("återkallas"))
        changes = self._set(withdrawn_on=on)
        return self._apply("withdraw", by, reason, on, changes, from_process)

    def reassign(self, *, by=None, people=None, posts=None, organizations=None, reason="", from_process=False):
        """Give the assignment to other people, posts or organs; the open task follows."""
        self._require_permission(by, "reassign", from_process)
        self._require_open(_("flyttas"))
        changes = {}
        with transaction.atomic():
            for name, new in (
                ("assignee_people", people),
                ("assignee_posts", posts),
                ("assignee_organizations", organizations),
            ):
                if new is None:
                    continue
                relation = getattr(self, name)
                old = sorted(str(item) for item in relation.all())
                relation.set(new)
                current = sorted(str(item) for item in relation.all())
                if old != current:
                    changes[name] = (", ".join(old), ", ".join(current))
            if not changes:
                return self
            return self._apply("reassign", by, reason, date.today(), changes, from_process, save_fields=[])

    def confirm(self, *, by=None):
        """A secretary has checked an assignment read from a decision's text."""
        self._require_permission(by, "confirm", False)
        if self.confirmed_at is not None:
            return self
        changes = self._set(confirmed_at=timezone.now(), confirmed_by=by)
        return self._apply("confirm", by, "", date.today(), changes, False)


def _jsonable(instance, changes):
    """{field: (old, new)} as {field label: [old, new]} strings for the log entry's data."""
    return {
        str(instance._meta.get_field(name).verbose_name): [logged_value(old), logged_value(new)]
        for name, (old, new) in changes.items()
    }


class AssignmentNote(models.Model):
    """A dated progress note ("lägesrapport") on an assignment; silence makes it stalled.

    The report-back itself is kept as a note of kind REPORT, so the timeline shows it."""

    class Kind(models.TextChoices):
        PROGRESS = "progress", _("Lägesrapport")
        REPORT = "report", _("Återrapport")

    assignment = ParentalKey(Assignment, on_delete=models.CASCADE, related_name="notes")
    written_on = models.DateField(_("datum"), default=date.today)
    author = models.ForeignKey(
        "auth.User", verbose_name=_("skriven av"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    text = models.TextField(_("läget"))
    kind = models.CharField(_("slag"), max_length=10, choices=Kind.choices, default=Kind.PROGRESS)

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
