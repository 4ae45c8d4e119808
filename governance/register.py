"""The assignment register's filters, visibility and overview counts, all as SQL.

The register page, its overview and its downloads read the same `RegisterFilters`, so
a download always holds exactly what the page shows. Every count is an aggregate over
`AssignmentQuerySet.with_status`, so the number of queries does not grow with the
number of assignments.
"""

from dataclasses import dataclass, field
from datetime import date, timedelta
from urllib.parse import urlencode

from django.db.models import BooleanField, Count, Exists, OuterRef, Q, Value, When
from django.db.models import Case as SqlCase

from .models import Assignment, Organization, Person, Post
from .models.assignments import UNCONFIRMED
from .visibility import can_view_assignment, visible_assignments

__all__ = ["can_view_assignment", "visible_assignments"]  # re-exported: the views read them from here

DUE_WITHIN_DAYS = 30
OPEN_STATUSES = [
    Assignment.Status.ON_TIME,
    Assignment.Status.DUE_SOON,
    Assignment.Status.OVERDUE,
    Assignment.Status.STALLED,
    Assignment.Status.UNDATED,
    Assignment.Status.REPORTED,
]
# A status filter value that is not a status: every assignment still being worked on.
OPEN = "open"
STATUS_FILTER_CHOICES = [(OPEN, "Alla pågående"), *Assignment.Status.choices]

# Assignments read from a decision's text count like the others until a secretary has
# confirmed them; readers who want only checked facts filter on this ("bekraftat").
CONFIRMED, UNCONFIRMED_ONLY = "ja", "nej"
CONFIRMATION_FILTER_CHOICES = [(CONFIRMED, "Endast bekräftade"), (UNCONFIRMED_ONLY, "Endast ej bekräftade")]

# Assignees are posts, people or organs; a filter value names one as "<kind>-<pk>".
ASSIGNEE_KINDS = {
    "post": (Post, Assignment.assignee_posts.through, "post_id"),
    "person": (Person, Assignment.assignee_people.through, "person_id"),
    "organ": (Organization, Assignment.assignee_organizations.through, "organization_id"),
}


# --- Visibility -------------------------------------------------------------------------
# Who sees which assignment is governance.visibility's rule, re-exported here for the views.


def can_see_internals(user) -> bool:
    """Progress notes, attachments and who did what: for the roles that work with assignments."""
    return bool(user and user.is_authenticated and user.has_perm("governance.view_assignment"))


# --- Filters ----------------------------------------------------------------------------


@dataclass(frozen=True)
class RegisterFilters:
    """What a reader asked the register for; values that make no sense are dropped and
    explained in `errors` (in Swedish), so a bad link never breaks the page."""

    municipality: str = ""
    organ: int | None = None
    assignee: tuple[str, int] | None = None
    status: str = ""
    year: int | None = None
    text: str = ""
    confirmation: str = ""
    errors: tuple[str, ...] = field(default=())

    @classmethod
    def from_query(cls, params) -> "RegisterFilters":
        errors = []
        organ = _positive_int(params.get("organ", ""))
        if params.get("organ") and organ is None:
            errors.append("Okänt organ; filtret på organ användes inte.")
        assignee = None
        raw_assignee = params.get("ansvarig", "").strip()
        if raw_assignee:
            kind, _sep, pk = raw_assignee.partition("-")
            if kind in ASSIGNEE_KINDS and _positive_int(pk) is not None:
                assignee = (kind, int(pk))
            else:
                errors.append("Okänd ansvarig; filtret på ansvarig användes inte.")
        status = params.get("status", "").strip()
        if status and status not in dict(STATUS_FILTER_CHOICES):
            errors.append("Okänd status; filtret på status användes inte.")
            status = ""
        confirmation = params.get("bekraftat", "").strip()
        if confirmation and confirmation not in dict(CONFIRMATION_FILTER_CHOICES):
            errors.append("Okänt val för bekräftade uppdrag; filtret på bekräftelse användes inte.")
            confirmation = ""
        year = _positive_int(params.get("ar", ""))
        if params.get("ar") and (year is None or not 1900 <= year <= 2200):
            errors.append("Året ska skrivas med fyra siffror, t.ex. 2024; filtret på år användes inte.")
            year = None
        return cls(
            municipality=_printable(params.get("kommun", "")).strip()[:100],
            organ=organ,
            assignee=assignee,
            status=status,
            year=year,
            text=" ".join(_printable(params.get("q", "")).split())[:200],
            confirmation=confirmation,
            errors=tuple(errors),
        )

    def apply(self, queryset, by_status: bool = True):
        """Filter a queryset annotated by `with_status`; multi-valued relations are tested
        with EXISTS, so no join multiplies the rows that later get counted.

        `by_status=False` leaves the status to `status_matches`: the overview groups by
        status anyway and drops the groups that do not match, which keeps the status
        expression out of WHERE, where PostgreSQL cannot estimate it and plans a nested
        loop over every assignment."""
        if self.municipality:
            queryset = queryset.filter(municipality__slug=self.municipality)
        if self.organ:
            queryset = queryset.filter(report_to_id=self.organ)
        if self.assignee:
            kind, pk = self.assignee
            _model, through, column = ASSIGNEE_KINDS[kind]
            queryset = queryset.filter(Exists(through.objects.filter(assignment_id=OuterRef("pk"), **{column: pk})))
        if by_status and self.status == OPEN:
            queryset = queryset.filter(computed_status__in=OPEN_STATUSES)
        elif by_status and self.status == Assignment.Status.UNDATED:
            # Every open assignment without a date, also those that have stalled.
            queryset = queryset.filter(computed_status__in=OPEN_STATUSES, due_date__isnull=True)
        elif by_status and self.status:
            queryset = queryset.filter(computed_status=self.status)
        if self.year:
            queryset = queryset.filter(decided_on__year=self.year)
        if self.confirmation == CONFIRMED:
            queryset = queryset.confirmed()
        elif self.confirmation == UNCONFIRMED_ONLY:
            queryset = queryset.unconfirmed()
        for word in self.text.split():
            queryset = queryset.filter(
                Q(title__icontains=word) | Q(task__icontains=word) | Q(source_text__icontains=word)
            )
        return queryset

    def status_matches(self, status: str, undated: bool) -> bool:
        """The status filter of `apply`, for one status (and whether it has no due date)."""
        if self.status == OPEN:
            return status in OPEN_STATUSES
        if self.status == Assignment.Status.UNDATED:
            return status in OPEN_STATUSES and undated
        return not self.status or status == self.status

    @property
    def is_active(self) -> bool:
        return any([self.municipality, self.organ, self.assignee, self.status, self.year, self.text, self.confirmation])

    def as_params(self, **changes) -> dict:
        values = {
            "kommun": self.municipality,
            "organ": self.organ or "",
            "ansvarig": f"{self.assignee[0]}-{self.assignee[1]}" if self.assignee else "",
            "status": self.status,
            "ar": self.year or "",
            "q": self.text,
            "bekraftat": self.confirmation,
        }
        values.update(changes)
        return {key: value for key, value in values.items() if value not in ("", None)}

    def query_string(self, **changes) -> str:
        """`?…` for links that keep these filters, with `changes` applied (empty removes)."""
        params = self.as_params(**changes)
        return f"?{urlencode(params)}" if params else "?"


def _printable(value: str) -> str:
    """Without control characters, which no one types and PostgreSQL refuses (NUL)."""
    return "".join(character for character in value if character.isprintable() or character == " ")


def _positive_int(value: str) -> int | None:
    value = (value or "").strip()
    return int(value) if value.isdigit() and len(value) < 10 and int(value) > 0 else None


def visible_with_status(user, day: date):
    """Every assignment `user` may see, its status as of `day` annotated."""
    return visible_assignments(user, Assignment.objects.with_status(day))


def register_queryset(user, filters: RegisterFilters, day: date, visible=None):
    """The assignments `user` may see that match `filters`, status as of `day`, open first.
    `visible` is `visible_with_status(user, day)` when the caller already has it."""
    visible = visible_with_status(user, day) if visible is None else visible
    return filters.apply(visible).open_first()


def register_overview(visible, filters: RegisterFilters, day: date) -> "Overview":
    """The overview of the assignments `register_queryset` lists, from the same `visible`."""
    return build_overview(filters.apply(visible, by_status=False), day, keep=filters.status_matches)


# --- Overview ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Counts:
    """How many assignments in a group are in each state that matters to a reader."""

    total: int = 0
    open: int = 0
    overdue: int = 0
    due_within_30: int = 0
    stalled: int = 0
    undated: int = 0
    reported: int = 0
    done: int = 0
    withdrawn: int = 0
    unconfirmed: int = 0


@dataclass(frozen=True)
class OverviewRow:
    """One organ or one assignee, with the filter value that lists its assignments."""

    label: str
    detail: str
    filter_params: dict
    counts: Counts


@dataclass(frozen=True)
class Overview:
    totals: Counts
    by_organ: list[OverviewRow]
    by_assignee: list[OverviewRow]
    due_within_days: int = DUE_WITHIN_DAYS


class _Tally:
    """Counts built up from (status, due within 30 days, number) groups."""

    def __init__(self):
        self.values = dict.fromkeys(Counts.__dataclass_fields__, 0)

    def add(self, status: str, due_within: bool, number: int, undated: bool, unconfirmed: bool) -> None:
        is_open = status in OPEN_STATUSES
        self.values["total"] += number
        self.values["open"] += number if is_open else 0
        self.values["overdue"] += number if status == Assignment.Status.OVERDUE else 0
        self.values["stalled"] += number if status == Assignment.Status.STALLED else 0
        self.values["reported"] += number if status == Assignment.Status.REPORTED else 0
        self.values["done"] += number if status == Assignment.Status.DONE else 0
        self.values["withdrawn"] += number if status == Assignment.Status.WITHDRAWN else 0
        self.values["due_within_30"] += number if is_open and due_within else 0
        self.values["undated"] += number if is_open and undated else 0
        self.values["unconfirmed"] += number if unconfirmed else 0

    def merge(self, other: "_Tally") -> None:
        for name, number in other.values.items():
            self.values[name] += number

    def counts(self) -> Counts:
        return Counts(**self.values)


def _grouped(queryset, day: date, key: str):
    """Rows of `key` + status + "due within 30 days" + "undated" + count: the status is
    computed once per assignment and grouped by the database, however many there are.

    Grouped by the key's id alone, with no join to the tables that hold its name: names
    are read afterwards for the few groups there are (`_labels`). Joins here multiplied
    the work per assignment, and on a freshly loaded PostgreSQL table without statistics
    they were planned as nested loops over every row.
    """
    within = SqlCase(
        When(due_date__gte=day, due_date__lte=day + timedelta(DUE_WITHIN_DAYS), then=Value(True)),
        default=Value(False),
        output_field=BooleanField(),
    )
    undated = SqlCase(When(due_date__isnull=True, then=Value(True)), default=Value(False), output_field=BooleanField())
    unconfirmed = SqlCase(When(UNCONFIRMED, then=Value(True)), default=Value(False), output_field=BooleanField())
    return (
        queryset.order_by()
        .annotate(_within=within, _undated_=undated, _unconfirmed=unconfirmed)
        .values(key, "computed_status", "_within", "_undated_", "_unconfirmed")
        .annotate(_number=Count("pk"))
    )


def _tallies(queryset, day: date, key: str, keep) -> dict:
    """`key` value (an id, or None) → the counts of the assignments grouped under it, of
    the groups whose status and datedness `keep` accepts."""
    tallies: dict = {}
    for row in _grouped(queryset, day, key):
        if not keep(row["computed_status"], row["_undated_"]):
            continue
        facts = (row["computed_status"], row["_within"], row["_number"], row["_undated_"], row["_unconfirmed"])
        tallies.setdefault(row[key], _Tally()).add(*facts)
    return tallies


# Assignee kinds in the overview: the relation grouped on, and how one is labelled.
_ASSIGNEE_RELATIONS = (("post", "assignee_posts"), ("person", "assignee_people"), ("organ", "assignee_organizations"))


def _labels(organ_ids, assignee_ids: dict) -> tuple[dict, dict]:
    """Names of the organs and assignees that have a row in the overview: three queries."""
    organ_pks = set(organ_ids) | set(assignee_ids["organ"])
    organs = Organization.objects.select_related("municipality").in_bulk(organ_pks)
    posts = Post.objects.select_related("organization").in_bulk(assignee_ids["post"])
    people = Person.objects.in_bulk(assignee_ids["person"])
    assignees = {
        "post": {pk: (post.label, post.organization.name) for pk, post in posts.items()},
        "person": {pk: (person.name, "Person") for pk, person in people.items()},
        "organ": {pk: (organ.name, "Organ") for pk, organ in organs.items()},
    }
    return organs, assignees


def _every_status(status: str, undated: bool) -> bool:
    return True


def build_overview(queryset, day: date, keep=_every_status) -> Overview:
    """Counts for the whole selection, per report-to organ and per assignee: four grouped
    queries and three for the names, however many assignments there are. `keep(status,
    undated)` selects by status, after grouping (see `RegisterFilters.apply`)."""
    by_report_to = _tallies(queryset, day, "report_to", keep)
    totals = _Tally()
    for tally in by_report_to.values():
        totals.merge(tally)
    by_kind = {
        kind: _tallies(queryset.filter(**{f"{relation}__isnull": False}), day, relation, keep)
        for kind, relation in _ASSIGNEE_RELATIONS
    }
    organs, assignee_labels = _labels([pk for pk in by_report_to if pk], by_kind)
    by_organ = []
    for pk, tally in by_report_to.items():
        organ = organs.get(pk)
        by_organ.append(
            OverviewRow(
                label=organ.name if organ else "Inget organ angivet",
                detail=", ".join(part for part in (organ.abbreviation, organ.municipality.name) if part)
                if organ
                else "",
                filter_params={"organ": pk} if organ else {},
                counts=tally.counts(),
            )
        )
    by_organ.sort(key=lambda row: (-row.counts.open, row.label))
    by_assignee = [
        OverviewRow(
            label=assignee_labels[kind][pk][0],
            detail=assignee_labels[kind][pk][1],
            filter_params={"ansvarig": f"{kind}-{pk}"},
            counts=tally.counts(),
        )
        for kind, tallies in by_kind.items()
        for pk, tally in tallies.items()
        if pk in assignee_labels[kind]
    ]
    by_assignee.sort(key=lambda row: (-row.counts.open, -row.counts.total, row.label))
    return Overview(totals=totals.counts(), by_organ=by_organ, by_assignee=by_assignee)


def _having_assignments(model, kind: str):
    """Rows of `model` that are assignees of at least one assignment (EXISTS, no join)."""
    _model, through, column = ASSIGNEE_KINDS[kind]
    return model.objects.filter(Exists(through.objects.filter(**{column: OuterRef("pk")})))


def filter_choices(user, filters: RegisterFilters):
    """The organs and assignees that have assignments, for the filter form (four queries)."""
    organs = Organization.objects.filter(Exists(Assignment.objects.filter(report_to_id=OuterRef("pk")))).select_related(
        "municipality"
    )
    posts = _having_assignments(Post, "post").select_related("organization")
    people = _having_assignments(Person, "person")
    assignee_organs = _having_assignments(Organization, "organ")
    if filters.municipality:
        organs = organs.filter(municipality__slug=filters.municipality)
        posts = posts.filter(organization__municipality__slug=filters.municipality)
        people = people.filter(municipality__slug=filters.municipality)
        assignee_organs = assignee_organs.filter(municipality__slug=filters.municipality)
    assignees = [(f"post-{p.pk}", f"{p.label} ({p.organization.name})") for p in posts]
    assignees += [(f"person-{p.pk}", p.name) for p in people]
    assignees += [(f"organ-{o.pk}", o.name) for o in assignee_organs]
    return {"organs": organs.order_by("name"), "assignees": sorted(assignees, key=lambda c: c[1])}
