"""Who may ACT: the rules behind every change a user can make (who may SEE is
`governance.visibility`).

A role is a group (`governance.roles`); where it applies is the user's `RoleScope` rows.

- Administrators (superusers or the Administratörer group) may do everything.
- Nämndsekreterare manage the organs of their scopes: edit and publish those organs'
  minutes, confirm, complete, extend, withdraw and reassign those organs' assignments
  (an assignment belongs to the organ that decided it, the organ it reports to and any
  organ it was given to), and act on motions and interpellations of their municipality's
  council when the council is among their organs.
- Tjänstepersoner act only on assignments they hold (as the named person, as holder of
  a named post today, or as a current member of an organ given the assignment), and only
  to note progress and report back, within their municipality.
- Förtroendevalda and the public act on nothing.

Nobody acts in a municipality outside their scopes (an official's own municipality is
their person's): a municipality gives that right only through a `RoleScope`.

This module deliberately imports none of our models: it reads relations of the objects it
is given, so the models can call it without an import cycle.
"""

from datetime import date
from enum import StrEnum

from django.db.models import Q
from wagtail.models import PagePermissionTester

from .roles import ADMINISTRATORS, COUNCILLORS, OFFICIALS, SECRETARIES


class Action(StrEnum):
    """What can be done to an assignment; the names are those of its methods."""

    NOTE = "note"
    REPORT = "report"
    COMPLETE = "complete"
    EXTEND = "extend"
    WITHDRAW = "withdraw"
    REASSIGN = "reassign"
    CONFIRM = "confirm"
    EDIT = "edit"


#: What holding an assignment lets an official do; everything else is a secretary's.
HOLDER_ACTIONS = frozenset({Action.NOTE, Action.REPORT})


def _groups(user) -> frozenset[str]:
    cached = getattr(user, "_beslutsspar_groups", None)
    if cached is None:
        cached = frozenset(user.groups.values_list("name", flat=True)) if user.is_authenticated else frozenset()
        user._beslutsspar_groups = cached
    return cached


def is_administrator(user) -> bool:
    return bool(user and user.is_authenticated and (user.is_superuser or ADMINISTRATORS in _groups(user)))


def is_secretary(user) -> bool:
    return bool(user and user.is_authenticated and SECRETARIES in _groups(user))


def is_official(user) -> bool:
    return bool(user and user.is_authenticated and OFFICIALS in _groups(user))


def is_councillor(user) -> bool:
    return bool(user and user.is_authenticated and COUNCILLORS in _groups(user))


def _scopes(user):
    cached = getattr(user, "_beslutsspar_scopes", None)
    if cached is None:
        cached = list(user.role_scopes.prefetch_related("organizations")) if user.is_authenticated else []
        user._beslutsspar_scopes = cached
    return cached


def _person(user):
    """The user's Person, or None (Django's missing-relation error is an AttributeError)."""
    try:
        return user.person
    except AttributeError:
        return None


def municipality_ids(user) -> set[int]:
    """Municipalities the user may act in: their scopes, and their own person's."""
    ids = {scope.municipality_id for scope in _scopes(user)}
    person = _person(user) if user and user.is_authenticated else None
    if person is not None:
        ids.add(person.municipality_id)
    return ids


def managed_organization_ids(user, municipality_id: int) -> set[int] | None:
    """Organs of `municipality_id` the user manages as secretary; None means all of them."""
    organs: set[int] = set()
    for scope in _scopes(user):
        if scope.municipality_id != municipality_id:
            continue
        if scope.whole_municipality:
            return None
        organs |= {organ.pk for organ in scope.organizations.all()}
    return organs


def manages_organization(user, organization) -> bool:
    """A secretary whose scope covers `organization` (or an administrator)."""
    if organization is None:
        return False
    if is_administrator(user):
        return True
    if not is_secretary(user):
        return False
    managed = managed_organization_ids(user, organization.municipality_id)
    return managed is None or organization.pk in managed


def can_import_documents(user) -> bool:
    """Secretaries and administrators import documents in the admin; nobody else sees the screen."""
    return bool(user and user.is_authenticated and user.is_active and (is_administrator(user) or is_secretary(user)))


def may_import_into(user, municipality, organization, organ_named: bool = True) -> bool:
    """May `user` import a document of `municipality` and `organization` (either may be None
    when it does not exist yet; `organ_named` is false for a document that names no organ)?
    The rule of `can_edit_page`, for pages not yet written:
    a secretary imports for the organs of their scopes, and documents without an organ
    (policies, news) for a municipality of their scopes; only an administrator imports for
    a municipality or organ that the import would create."""
    if is_administrator(user):
        return True
    if not (can_import_documents(user) and municipality is not None and municipality.pk in municipality_ids(user)):
        return False
    managed = managed_organization_ids(user, municipality.pk)
    if managed is None or not organ_named:
        return True
    return organization is not None and organization.pk in managed


def assignment_organizations(assignment) -> list:
    """The organs an assignment belongs to: who decided it, who it reports to, who got it."""
    organs = [assignment.report_to] if assignment.report_to_id else []
    paragraph = assignment.decision.paragraph if assignment.decision_id else None
    if paragraph is not None and paragraph.minutes_id and paragraph.minutes.organization_id:
        organs.append(paragraph.minutes.organization)
    elif assignment.source_page_id:
        source = assignment.source_page.specific
        if getattr(source, "organization_id", None):
            organs.append(source.organization)
    if assignment.pk:
        organs += list(assignment.assignee_organizations.all())
    return organs


def holds_assignment(user, assignment, day: date | None = None) -> bool:
    """The user is the named person, today's holder of a named post, or a member of a named organ."""
    if not (user and user.is_authenticated and assignment.pk):
        return False
    day = day or date.today()
    if assignment.assignee_people.filter(user=user).exists():
        return True
    for post in assignment.assignee_posts.all():
        holder = post.holder_on(day)
        if holder is not None and holder.user_id == user.pk:
            return True
    current = (Q(memberships__start_date__isnull=True) | Q(memberships__start_date__lte=day)) & (
        Q(memberships__end_date__isnull=True) | Q(memberships__end_date__gte=day)
    )
    return assignment.assignee_organizations.filter(current, memberships__person__user=user).exists()


def can_manage_assignment(user, assignment) -> bool:
    """A secretary of one of the assignment's organs (or an administrator)."""
    if is_administrator(user):
        return True
    if not is_secretary(user) or assignment.municipality_id not in municipality_ids(user):
        return False
    managed = managed_organization_ids(user, assignment.municipality_id)
    if managed is None:
        return True
    return any(organ.pk in managed for organ in assignment_organizations(assignment))


def can_act_on_assignment(user, assignment, action: str) -> bool:
    """May `user` do `action` (an `Action`) to `assignment`? The one rule for every surface."""
    if user is None or not user.is_authenticated or not user.is_active:
        return False
    action = Action(action)
    if can_manage_assignment(user, assignment):
        return True
    if action in HOLDER_ACTIONS and is_official(user) and assignment.municipality_id in municipality_ids(user):
        return holds_assignment(user, assignment)
    return False


def can_edit_page(user, page) -> bool:
    """Minutes and their §s, motions and interpellations: a secretary of the page's organ.

    Pages without an organ (municipality pages, policies, news) follow the municipality:
    a secretary with a scope in it may edit them.
    """
    if is_administrator(user):
        return True
    if not is_secretary(user):
        return False
    specific = page.specific
    minutes = getattr(specific, "minutes", None)
    organization = getattr(minutes, "organization", None) or getattr(specific, "organization", None)
    if organization is not None:
        return manages_organization(user, organization)
    municipality = getattr(specific, "municipality", None)
    return municipality is not None and municipality.pk in municipality_ids(user)


def can_act_on_document(user, document) -> bool:
    """Steps of a motion's or interpellation's process: a secretary of its organ (the council)."""
    if is_administrator(user):
        return True
    organization = getattr(document, "organization", None)
    return organization is not None and manages_organization(user, organization)


class ScopedPagePermissionTester(PagePermissionTester):
    """Wagtail's page permissions, narrowed to the pages the user's scope covers.

    A role's page permissions are granted on the whole tree (`governance.roles`); this
    tester withdraws all of them on a page `can_edit_page` refuses, so every admin view
    that asks Wagtail (edit, publish, unpublish, lock, move, copy, delete, the bulk
    actions, the explorer's buttons) refuses another organ's or municipality's pages
    alike, instead of one hook per view. Page models return it from `permissions_for_user`.
    """

    def __init__(self, user, page):
        super().__init__(user, page)
        if user.is_active and not user.is_superuser and not can_edit_page(user, page):
            self.permissions = set()


class ScopedPagePermissions:
    """Mixin for page models: Wagtail's permission checks go through `ScopedPagePermissionTester`."""

    def permissions_for_user(self, user):
        return ScopedPagePermissionTester(user, self)
