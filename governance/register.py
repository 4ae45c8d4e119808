"""The assignment register's filters, visibility and overview counts, all as SQL.

The register page, its overview and its downloads read the same `RegisterFilters`, so
a download always holds exactly what the page shows. Every count is an aggregate over
`AssignmentQuerySet.with_status`, so the number of queries does not grow with the
number of assignments.
"""

from dataclasses import dataclass, field
from datetime import date, timedelta
from urllib.parse import urlencode

from django.apps import apps
from django.db.models import Count, Exists, OuterRef, Q
from wagtail.models import Page, PageViewRestriction

from .models import Assignment, Organization, Person, Post

DUE_WITHIN_DAYS = 30
OPEN_STATUSES = [
    Assignment.Status.ON_TIME,
    Assignment.Status.DUE_SOON,
    Assignment.Status.OVERDUE,
    Assignment.Status.STALLED,
    Assignment.Status.UNDATED,
]
# A status filter value that is not a status: every assignment still being worked on.
OPEN = "open"
STATUS_FILTER_CHOICES = [(OPEN, "Alla pågående"), *Assignment.Status.choices]

# Assignees are posts, people or organs; a filter value names one as "<kind>-<pk>".
ASSIGNEE_KINDS = {
    "post": (Post, Assignment.assignee_posts.through, "post_id"),
    "person": (Person, Assignment.assignee_people.through, "person_id"),
    "organ": (Organization, Assignment.assignee_organizations.through, "organization_id"),
}


# --- Visibility -------------------------------------------------------------------------
# One place decides who sees which assignment until governance.visibility takes over.


def can_see_internals(user) -> bool:
    """Progress notes, attachments and who did what: for the roles that work with assignments."""
    return bool(user and user.is_authenticated and user.has_perm("governance.view_assignment"))


def _confidential_page_ids():
    """Subqueries (no round trip) of the pages marked confidential, of every page type that can be."""
    for model in apps.get_app_config("governance").get_models():
        if issubclass(model, Page) and any(f.name == "is_confidential" for f in model._meta.fields):
            yield model.objects.filter(is_confidential=True).values("pk")


def _public_source_q() -> Q:
    """Assignments whose source (a § or another document) is published for everyone."""
    restricted_paths = list(PageViewRestriction.objects.values_list("page__path", flat=True))
    paragraph = Q(decision__paragraph__live=True, decision__paragraph__minutes__live=True)
    source_page = Q(source_page__live=True)
    for confidential in _confidential_page_ids():
        paragraph &= ~Q(decision__paragraph_id__in=confidential) & ~Q(decision__paragraph__minutes_id__in=confidential)
        source_page &= ~Q(source_page_id__in=confidential)
    for path in restricted_paths:
        paragraph &= ~Q(decision__paragraph__path__startswith=path)
        source_page &= ~Q(source_page__path__startswith=path)
    return (Q(decision__isnull=True) | paragraph) & (Q(source_page__isnull=True) | source_page)


def visible_assignments(user, queryset):
    """The assignments `user` may see: all for the roles, else those from public sources."""
    if can_see_internals(user):
        return queryset
    return queryset.filter(_public_source_q())


def can_view_assignment(user, assignment: Assignment) -> bool:
    return visible_assignments(user, Assignment.objects.filter(pk=assignment.pk)).exists()


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
            errors=tuple(errors),
        )

    def apply(self, queryset):
        """Filter a queryset annotated by `with_status`; multi-valued relations are tested
        with EXISTS, so no join multiplies the rows that later get counted."""
        if self.municipality:
            queryset = queryset.filter(municipality__slug=self.municipality)
        if self.organ:
            queryset = queryset.filter(report_to_id=self.organ)
        if self.assignee:
            kind, pk = self.assignee
            _model, through, column = ASSIGNEE_KINDS[kind]
            queryset = queryset.filter(Exists(through.objects.filter(assignment_id=OuterRef("pk"), **{column: pk})))
        if self.status == OPEN:
            queryset = queryset.filter(computed_status__in=OPEN_STATUSES)
        elif self.status == Assignment.Status.UNDATED:
            # Every open assignment without a date, also those that have stalled.
            queryset = queryset.filter(computed_status__in=OPEN_STATUSES, due_date__isnull=True)
        elif self.status:
            queryset = queryset.filter(computed_status=self.status)
        if self.year:
            queryset = queryset.filter(decided_on__year=self.year)
        for word in self.text.split():
            queryset = queryset.filter(
                Q(title__icontains=word) | Q(task__icontains=word) | Q(source_text__icontains=word)
            )
        return queryset

    @property
    def is_active(self) -> bool:
        return any([self.municipality, self.organ, self.assignee, self.status, self.year, self.text])

    def as_params(self, **changes) -> dict:
        values = {
            "kommun": self.municipality,
            "organ": self.organ or "",
            "ansvarig": f"{self.assignee[0]}-{self.assignee[1]}" if self.assignee else "",
            "status": self.status,
            "ar": self.year or "",
            "q": self.text,
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


def register_queryset(user, filters: RegisterFilters, day: date):
    """The assignments `user` may see that match `filters`, status as of `day`, open first."""
    queryset = visible_assignments(user, Assignment.objects.with_status(day))
    return filters.apply(queryset).open_first()


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
    done: int = 0
    withdrawn: int = 0


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


def _count_aggregates(day: date, prefix: str = "") -> dict:
    """Aggregates for `Counts`; `prefix` reaches the assignment through a relation."""
    status = f"{prefix}computed_status"
    due = f"{prefix}due_date"
    pk = f"{prefix}pk" if prefix else "pk"
    return {
        "total": Count(pk),
        "open": Count(pk, filter=Q(**{f"{status}__in": OPEN_STATUSES})),
        "overdue": Count(pk, filter=Q(**{status: Assignment.Status.OVERDUE})),
        "due_within_30": Count(
            pk,
            filter=Q(
                **{f"{status}__in": OPEN_STATUSES, f"{due}__gte": day, f"{due}__lte": day + timedelta(DUE_WITHIN_DAYS)}
            ),
        ),
        "stalled": Count(pk, filter=Q(**{status: Assignment.Status.STALLED})),
        "undated": Count(pk, filter=Q(**{f"{status}__in": OPEN_STATUSES, f"{due}__isnull": True})),
        "done": Count(pk, filter=Q(**{status: Assignment.Status.DONE})),
        "withdrawn": Count(pk, filter=Q(**{status: Assignment.Status.WITHDRAWN})),
    }


def _counts(row: dict) -> Counts:
    return Counts(**{name: row[name] for name in Counts.__dataclass_fields__})


def build_overview(queryset, day: date) -> Overview:
    """Counts for the whole selection, per report-to organ and per assignee: five queries."""
    queryset = queryset.order_by()
    aggregates = _count_aggregates(day)
    totals = _counts(queryset.aggregate(**aggregates))
    by_organ = [
        OverviewRow(
            label=row["report_to__name"] or "Inget organ angivet",
            detail=row["report_to__abbreviation"] or "",
            filter_params={"organ": row["report_to"]} if row["report_to"] else {},
            counts=_counts(row),
        )
        for row in queryset.values("report_to", "report_to__name", "report_to__abbreviation")
        .annotate(**aggregates)
        .order_by("-open", "report_to__name")
    ]
    by_assignee = []
    for kind, relation, label, detail in (
        ("post", "assignee_posts", "assignee_posts__label", "assignee_posts__organization__name"),
        ("person", "assignee_people", "assignee_people__name", None),
        ("organ", "assignee_organizations", "assignee_organizations__name", None),
    ):
        names = [relation, label] + ([detail] if detail else [])
        rows = [row for row in queryset.values(*names).annotate(**aggregates) if row[relation] is not None]
        by_assignee += [
            OverviewRow(
                label=row[label],
                detail=row[detail] if detail else {"person": "Person", "organ": "Organ"}[kind],
                filter_params={"ansvarig": f"{kind}-{row[relation]}"},
                counts=_counts(row),
            )
            for row in rows
        ]
    by_assignee.sort(key=lambda row: (-row.counts.open, -row.counts.total, row.label))
    return Overview(totals=totals, by_organ=by_organ, by_assignee=by_assignee)


def filter_choices(user, filters: RegisterFilters):
    """The organs and assignees that have assignments, for the filter form (four queries)."""
    organs = Organization.objects.filter(reported_assignments__isnull=False)
    posts = Post.objects.filter(assignments__isnull=False).select_related("organization")
    people = Person.objects.filter(assignments__isnull=False)
    assignee_organs = Organization.objects.filter(assignments__isnull=False)
    if filters.municipality:
        organs = organs.filter(municipality__slug=filters.municipality)
        posts = posts.filter(organization__municipality__slug=filters.municipality)
        people = people.filter(municipality__slug=filters.municipality)
        assignee_organs = assignee_organs.filter(municipality__slug=filters.municipality)
    assignees = [(f"post-{p.pk}", f"{p.label} ({p.organization.name})") for p in posts.distinct()]
    assignees += [(f"person-{p.pk}", p.name) for p in people.distinct()]
    assignees += [(f"organ-{o.pk}", o.name) for o in assignee_organs.distinct()]
    return {"organs": organs.distinct().order_by("name"), "assignees": sorted(assignees, key=lambda c: c[1])}
