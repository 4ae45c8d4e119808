"""The civic entities every governance document refers to.

Vocabulary follows Open Civic Data where it fits: an Organization (organ) has Posts,
People hold them through Memberships, an Organization holds Meetings (sammanträden),
and a Case (ärende, identified by its diarienummer) ties every document of one matter
together. All of them belong to one Municipality, which is how one installation can
serve several municipalities without their registers mixing.
"""

import re

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.search import index

from .versioning import VERSION_PANEL, VersionedModel


class Timestamped(models.Model):
    """When a register row was created and last changed, so open-data clients can sync.

    OParl clients ask for what changed since their last visit (`modified_since`); every
    register row therefore carries its own times. `modified` is set on every save (bulk
    `update()` calls must set it themselves).
    """

    created = models.DateTimeField(_("skapad"), default=timezone.now, editable=False)
    modified = models.DateTimeField(_("ändrad"), default=timezone.now, editable=False, db_index=True)

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        self.modified = timezone.now()
        update_fields = kwargs.get("update_fields")
        if update_fields is not None:
            kwargs["update_fields"] = {*update_fields, "modified"}
        super().save(*args, **kwargs)


def normalize_case_number(value):
    """Collapse whitespace so "KK 2021-000274  628" and "KK 2021-000274 628" are one case."""
    return re.sub(r"\s+", " ", (value or "").strip())


class Municipality(index.Indexed, Timestamped, VersionedModel):
    """A Swedish municipality (kommun); the owner of organizations, cases and documents."""

    name = models.CharField(_("namn"), max_length=100, unique=True, help_text=_("T.ex. Eksjö"))
    official_name = models.CharField(
        _("officiellt namn"), max_length=150, blank=True, help_text=_("T.ex. Eksjö kommun")
    )
    code = models.CharField(
        _("kommunkod"),
        max_length=4,
        blank=True,
        help_text=_("SCB:s fyrsiffriga kommunkod, t.ex. 0686."),
    )
    slug = models.SlugField(_("kortnamn i adresser"), max_length=100, unique=True)
    interpellation_answer_rule = models.CharField(
        _("när interpellationer ska besvaras"),
        max_length=100,
        default="på kommande möte",
        help_text=_("Som arbetsordningen säger, t.ex. ”på kommande möte” eller ”inom 30 dagar”."),
    )
    interpellation_lead_days = models.PositiveSmallIntegerField(
        _("interpellationer lämnas in minst (dagar före mötet)"),
        default=7,
        help_text=_("Enligt arbetsordningen, ofta 7–10 dagar före sammanträdet där interpellationen ställs."),
    )
    interpellation_answered_at_next_meeting = models.BooleanField(
        _("besvaras på mötet efter det där den ställdes"),
        default=True,
        help_text=_(
            "”Bör besvaras senast under det sammanträde som följer närmast efter det då interpellationen "
            "ställdes”. Avkryssat: besvaras på samma möte som den ställs."
        ),
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("official_name"),
        FieldRowPanel([FieldPanel("code"), FieldPanel("slug")]),
        FieldPanel("interpellation_answer_rule"),
        FieldRowPanel([FieldPanel("interpellation_lead_days"), FieldPanel("interpellation_answered_at_next_meeting")]),
        VERSION_PANEL,
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["name"]
        verbose_name = _("kommun")
        verbose_name_plural = _("kommuner")
        constraints = [models.UniqueConstraint(fields=["code"], condition=~Q(code=""), name="unique_municipality_code")]

    def __str__(self):
        return self.official_name or self.name

    @property
    def answers_interpellations_by_meeting(self):
        """The answer rule counts council meetings (the usual arbetsordning), not days."""
        return bool(re.search(r"(möte|sammanträde)", self.interpellation_answer_rule or ""))

    def clean(self):
        if self.code and not re.fullmatch(r"\d{4}", self.code):
            raise ValidationError({"code": _("Kommunkoden består av fyra siffror.")})


class Organization(index.Indexed, Timestamped, VersionedModel):
    """An organ of the municipality: council, board, committee, sub-committee or office.

    Decisions are taken by organs, assignments report back to organs, and meetings are
    held by organs, so the organ is the hub of the whole model. `parent` expresses that
    an arbetsutskott belongs to kommunstyrelsen, or a förvaltning serves a nämnd.
    """

    class Classification(models.TextChoices):
        COUNCIL = "council", _("Kommunfullmäktige")
        EXECUTIVE = "executive", _("Kommunstyrelse")
        COMMITTEE = "committee", _("Nämnd")
        SUBCOMMITTEE = "subcommittee", _("Utskott")
        ADMINISTRATION = "administration", _("Förvaltning eller enhet")
        COMPANY = "company", _("Kommunalt bolag")
        OTHER = "other", _("Annat organ")

    municipality = models.ForeignKey(
        Municipality,
        verbose_name=_("kommun"),
        on_delete=models.CASCADE,
        related_name="organizations",
    )
    name = models.CharField(_("namn"), max_length=200, help_text=_("T.ex. Kommunstyrelsen"))
    abbreviation = models.CharField(_("förkortning"), max_length=20, blank=True, help_text=_("T.ex. KS, KSAU, KF"))
    classification = models.CharField(_("typ av organ"), max_length=20, choices=Classification.choices)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("överordnat organ"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="children",
        help_text=_("Kommunstyrelsen är överordnad sitt arbetsutskott."),
    )

    panels = [
        FieldPanel("municipality"),
        FieldRowPanel([FieldPanel("name"), FieldPanel("abbreviation")]),
        FieldPanel("classification"),
        FieldPanel("parent"),
        VERSION_PANEL,
    ]
    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.SearchField("abbreviation"),
        index.FilterField("municipality"),
    ]

    class Meta:
        ordering = ["municipality__name", "name"]
        verbose_name = _("organ")
        verbose_name_plural = _("organ")
        constraints = [
            models.UniqueConstraint(fields=["municipality", "name"], name="unique_organization_name_per_municipality")
        ]

    def __str__(self):
        if self.abbreviation:
            return f"{self.name} ({self.abbreviation}), {self.municipality.name}"
        return f"{self.name}, {self.municipality.name}"

    def clean(self):
        if self.parent_id and self.parent.municipality_id != self.municipality_id:
            raise ValidationError({"parent": _("Det överordnade organet måste höra till samma kommun.")})
        if self.parent_id and self.pk and self.parent_id == self.pk:
            raise ValidationError({"parent": _("Ett organ kan inte vara överordnat sig självt.")})

    def next_meeting_after(self, day):
        """The first scheduled meeting strictly after `day`, or None when none is scheduled.

        None is deliberate: "på kommande möte" cannot be dated until the calendar is set,
        and the caller must say so rather than guess.
        """
        return (
            self.meetings.filter(date__gt=day)
            .exclude(status=Meeting.Status.CANCELLED)
            .order_by("date", "start_time")
            .first()
        )


class Party(VersionedModel):
    """A political party; national parties have no municipality, local parties have one."""

    name = models.CharField(_("namn"), max_length=100)
    abbreviation = models.CharField(_("förkortning"), max_length=20, help_text=_("T.ex. S, M"))
    municipality = models.ForeignKey(
        Municipality,
        verbose_name=_("kommun"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="local_parties",
        help_text=_("Lämna tomt för riksdagspartier; ange kommun för lokala partier."),
    )

    panels = [
        FieldRowPanel([FieldPanel("name"), FieldPanel("abbreviation")]),
        FieldPanel("municipality"),
        VERSION_PANEL,
    ]

    class Meta:
        ordering = ["name"]
        verbose_name = _("parti")
        verbose_name_plural = _("partier")
        constraints = [
            models.UniqueConstraint(
                fields=["abbreviation"],
                condition=Q(municipality__isnull=True),
                name="unique_national_party_abbreviation",
            ),
            models.UniqueConstraint(
                fields=["abbreviation", "municipality"],
                condition=Q(municipality__isnull=False),
                name="unique_local_party_abbreviation",
            ),
        ]

    def __str__(self):
        return f"{self.name} ({self.abbreviation})"


class Person(index.Indexed, Timestamped, VersionedModel):
    """A councillor or an official. Roles live in Memberships, not on the person."""

    name = models.CharField(_("namn"), max_length=150)
    municipality = models.ForeignKey(
        Municipality, verbose_name=_("kommun"), on_delete=models.CASCADE, related_name="people"
    )
    party = models.ForeignKey(
        Party,
        verbose_name=_("parti"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="people",
        help_text=_("Tomt för tjänstepersoner."),
    )
    email = models.EmailField(_("e-post"), blank=True, help_text=_("Används för påminnelser."))
    user = models.OneToOneField(
        "auth.User",
        verbose_name=_("användarkonto"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="person",
        help_text=_("Kopplar personen till en inloggning så att uppdrag syns i inkorgen."),
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("municipality"),
        FieldPanel("party"),
        FieldRowPanel([FieldPanel("email"), FieldPanel("user")]),
        VERSION_PANEL,
    ]
    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.FilterField("municipality"),
    ]

    class Meta:
        ordering = ["name"]
        verbose_name = _("person")
        verbose_name_plural = _("personer")
        constraints = [
            models.UniqueConstraint(fields=["municipality", "name"], name="unique_person_name_per_municipality")
        ]

    def __str__(self):
        if self.party_id:
            return f"{self.name} ({self.party.abbreviation})"
        return self.name


class Post(index.Indexed, VersionedModel):
    """A position within an organization: ordförande, oppositionsråd, kommundirektör…

    Decisions often assign a post ("kommundirektören får i uppdrag"), not a named
    person, so the assignment survives a change of holder; `holder_on` resolves it.
    """

    class Kind(models.TextChoices):
        ELECTED = "elected", _("Förtroendevald")
        OFFICIAL = "official", _("Tjänsteperson")

    organization = models.ForeignKey(
        Organization, verbose_name=_("organ"), on_delete=models.CASCADE, related_name="posts"
    )
    label = models.CharField(_("benämning"), max_length=150, help_text=_("T.ex. Kommundirektör"))
    kind = models.CharField(_("typ"), max_length=10, choices=Kind.choices)

    panels = [FieldPanel("organization"), FieldPanel("label"), FieldPanel("kind"), VERSION_PANEL]
    search_fields = [index.SearchField("label"), index.AutocompleteField("label")]

    class Meta:
        ordering = ["organization__municipality__name", "label"]
        verbose_name = _("post")
        verbose_name_plural = _("poster")
        constraints = [
            models.UniqueConstraint(fields=["organization", "label"], name="unique_post_label_per_organization")
        ]

    def __str__(self):
        return f"{self.label}, {self.organization.name}"

    @property
    def municipality(self):
        return self.organization.municipality

    def holder_on(self, day):
        """The person holding this post on `day`, or None if the post was vacant."""
        membership = (
            self.memberships.filter(Q(start_date__isnull=True) | Q(start_date__lte=day))
            .filter(Q(end_date__isnull=True) | Q(end_date__gte=day))
            .select_related("person")
            .order_by("-start_date")
            .first()
        )
        return membership.person if membership else None


class Membership(Timestamped, VersionedModel):
    """A person's seat or employment in an organization, optionally in a post, for a period."""

    class Role(models.TextChoices):
        MEMBER = "member", _("Ledamot")
        SUBSTITUTE = "substitute", _("Ersättare")
        CHAIR = "chair", _("Ordförande")
        VICE_CHAIR = "vice_chair", _("Vice ordförande")
        GROUP_LEADER = "group_leader", _("Gruppledare")
        OPPOSITION_LEADER = "opposition_leader", _("Oppositionsråd")
        EMPLOYEE = "employee", _("Anställd")

    person = models.ForeignKey(Person, verbose_name=_("person"), on_delete=models.CASCADE, related_name="memberships")
    organization = models.ForeignKey(
        Organization,
        verbose_name=_("organ"),
        on_delete=models.CASCADE,
        related_name="memberships",
    )
    post = models.ForeignKey(
        Post,
        verbose_name=_("post"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="memberships",
    )
    role = models.CharField(_("roll"), max_length=20, choices=Role.choices, default=Role.MEMBER)
    party = models.ForeignKey(
        Party,
        verbose_name=_("parti under perioden"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="memberships",
    )
    start_date = models.DateField(_("från"), null=True, blank=True)
    end_date = models.DateField(_("till"), null=True, blank=True)

    panels = [
        FieldPanel("person"),
        FieldPanel("organization"),
        FieldRowPanel([FieldPanel("role"), FieldPanel("post")]),
        FieldPanel("party"),
        FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")]),
        VERSION_PANEL,
    ]

    class Meta:
        ordering = ["organization__name", "role", "person__name"]
        verbose_name = _("uppdrag i organ")
        verbose_name_plural = _("uppdrag i organ")
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__isnull=True)
                | Q(start_date__isnull=True)
                | Q(end_date__gte=models.F("start_date")),
                name="membership_ends_after_it_starts",
            )
        ]

    def __str__(self):
        label = self.post.label if self.post_id else self.get_role_display()
        return f"{self.person.name}: {label}, {self.organization.name}"

    def clean(self):
        if self.post_id and self.post.organization_id != self.organization_id:
            raise ValidationError({"post": _("Posten måste höra till samma organ.")})
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": _("Slutdatum kan inte ligga före startdatum.")})


class Meeting(Timestamped, VersionedModel):
    """A meeting (sammanträde) of an organization: the calendar "nästa möte" is read from."""

    class Status(models.TextChoices):
        PLANNED = "planned", _("Planerat")
        HELD = "held", _("Genomfört")
        CANCELLED = "cancelled", _("Inställt")

    organization = models.ForeignKey(
        Organization, verbose_name=_("organ"), on_delete=models.CASCADE, related_name="meetings"
    )
    date = models.DateField(_("datum"))
    start_time = models.TimeField(_("starttid"), null=True, blank=True)
    location = models.CharField(_("plats"), max_length=200, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.PLANNED)

    panels = [
        FieldPanel("organization"),
        FieldRowPanel([FieldPanel("date"), FieldPanel("start_time")]),
        FieldPanel("location"),
        FieldPanel("status"),
        VERSION_PANEL,
    ]

    class Meta:
        ordering = ["-date", "organization__name"]
        verbose_name = _("sammanträde")
        verbose_name_plural = _("sammanträden")
        constraints = [
            models.UniqueConstraint(fields=["organization", "date"], name="unique_meeting_per_organization_and_day")
        ]

    def __str__(self):
        name = self.organization.abbreviation or self.organization.name
        return f"{name} {self.date:%Y-%m-%d}"


class Case(index.Indexed, Timestamped, VersionedModel):
    """A matter (ärende) identified by its diarienummer, unique within its municipality.

    Every document of one matter (motion, statements, minutes paragraphs, the adopted
    program) points to the same Case, which is how the history of a matter is assembled.
    """

    municipality = models.ForeignKey(
        Municipality, verbose_name=_("kommun"), on_delete=models.CASCADE, related_name="cases"
    )
    case_number = models.CharField(
        _("diarienummer"), max_length=60, help_text=_("T.ex. KK 2021-000274 628 eller KS 2020/123")
    )
    title = models.CharField(_("ärendemening"), max_length=300, blank=True)
    opened_on = models.DateField(_("registrerat"), null=True, blank=True)

    panels = [
        FieldPanel("municipality"),
        MultiFieldPanel([FieldPanel("case_number"), FieldPanel("title"), FieldPanel("opened_on")]),
        VERSION_PANEL,
    ]
    search_fields = [
        index.SearchField("case_number"),
        index.AutocompleteField("case_number"),
        index.SearchField("title"),
        index.FilterField("municipality"),
    ]

    class Meta:
        ordering = ["municipality__name", "case_number"]
        verbose_name = _("ärende")
        verbose_name_plural = _("ärenden")
        constraints = [
            models.UniqueConstraint(fields=["municipality", "case_number"], name="unique_case_number_per_municipality")
        ]

    def __str__(self):
        return f"{self.case_number} {self.title}".strip()

    def save(self, *args, **kwargs):
        self.case_number = normalize_case_number(self.case_number)
        super().save(*args, **kwargs)

    def clean(self):
        self.case_number = normalize_case_number(self.case_number)
        if not self.case_number:
            raise ValidationError({"case_number": _("Ange ett diarienummer.")})
