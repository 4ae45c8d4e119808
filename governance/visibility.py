"""Who may see what: the one rule for pages and for everything derived from them.

A page may be shown to a user only when all of these hold:

- it is live, and so is every ancestor (a live § under an unpublished protokoll is hidden);
- the user passes every view restriction on it and its ancestors (login, groups; a shared
  password is a property of a browser session, never of a user, so it counts as failed here
  and Wagtail's own page serving asks for it);
- neither it nor an ancestor is marked confidential (sekretess), unless the user has the
  right to confidential items of that municipality and organ (see `confidential_scope`).

Records derived from a page follow it: an assignment whose source paragraph or source page
is hidden is hidden too, and so are its attachments. `is_public` is what the anonymous public
and the search index may see. Every listing, export, feed, search index and page-serving hook
asks this module instead of repeating the rule, so there is nothing to keep in step.

Both forms of the rule (one object, a queryset) are computed from the same "hidden subtree"
prefixes, the way Wagtail's own `PageQuerySet.public()` handles view restrictions: a page is
hidden when its tree path starts with the path of a page that hides its subtree.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import reduce
from operator import or_

from django.contrib.auth.models import AnonymousUser
from django.contrib.auth.views import redirect_to_login
from django.db.models import Q, QuerySet
from django.http import Http404
from wagtail.models import BaseViewRestriction, Page, PageViewRestriction, get_page_models

#: Grants the right to see confidential pages (and what derives from them) in the
#: municipalities a user belongs to; superusers see every municipality's.
CONFIDENTIAL_PERMISSION = "governance.view_confidential"

#: May download the attachments of report-backs (återrapporter) on assignments they may see.
ATTACHMENT_PERMISSION = "governance.view_assignment"


@dataclass(frozen=True)
class HiddenSubtree:
    """A page that hides itself and everything below it from one user, and why."""

    path: str
    reason: str  # "unpublished" | "restricted" | "confidential"


#: Where a user may read confidential items: municipality id -> the organ ids of their
#: scope there, or None for every organ of that municipality. None (instead of a dict)
#: means every municipality (superusers).
ConfidentialScope = dict[int, frozenset[int] | None]


def confidential_scope(user) -> ConfidentialScope | None:
    """Where `user` may read confidential items; None means everywhere.

    Superusers see all. A holder of `governance.view_confidential` (secretaries, administrators)
    sees the confidential items of the organs their role scopes (`RoleScope`) name: a scope that
    names organs gives the right for those organs only (a secretary of one nämnd never reads
    another's secrets), a whole-municipality scope for every organ there. Their own person's
    municipality, when no scope row speaks for it, counts as a whole-municipality scope; a
    secretary in one municipality never reads another's secrets. Everyone else: nowhere.
    """
    if user is None or not user.is_authenticated or not user.is_active:
        return {}
    if user.is_superuser:
        return None
    if not user.has_perm(CONFIDENTIAL_PERMISSION):
        return {}
    from governance.models import Person, RoleScope

    scope: ConfidentialScope = {}
    for role_scope in RoleScope.objects.filter(user=user).prefetch_related("organizations"):
        if role_scope.whole_municipality:
            scope[role_scope.municipality_id] = None
        else:
            scope[role_scope.municipality_id] = frozenset(organ.pk for organ in role_scope.organizations.all())
    own = Person.objects.filter(user=user, municipality__isnull=False).values_list("municipality_id", flat=True)
    for municipality_id in own:
        scope.setdefault(municipality_id, None)
    return scope


def _confidential_page_models() -> list[type[Page]]:
    return [
        model
        for model in get_page_models()
        if not model._meta.abstract and any(field.name == "is_confidential" for field in model._meta.concrete_fields)
    ]


def _passes_restriction(user, restriction: PageViewRestriction, user_group_ids: set[int]) -> bool:
    if restriction.restriction_type == BaseViewRestriction.LOGIN:
        return user.is_authenticated
    if restriction.restriction_type == BaseViewRestriction.GROUPS:
        if user.is_superuser:
            return True
        return bool(user_group_ids & {group.pk for group in restriction.groups.all()})
    if restriction.restriction_type == BaseViewRestriction.NONE:
        return True
    return False  # a shared password belongs to a browser session, not to a user


def _municipality_by_path() -> dict[str, int]:
    from governance.models import MunicipalityPage

    return dict(MunicipalityPage.objects.values_list("path", "municipality_id"))


def _municipality_of_path(path: str, municipalities: dict[str, int]) -> int | None:
    for length in range(Page.steplen, len(path) + 1, Page.steplen):
        if path[:length] in municipalities:
            return municipalities[path[:length]]
    return None


def _organ_pages() -> list[type[Page]]:
    return [
        model
        for model in get_page_models()
        if not model._meta.abstract and any(field.name == "organization" for field in model._meta.concrete_fields)
    ]


def _organ_by_path(paths: Iterable[str]) -> dict[str, int]:
    """The organ each of `paths` (and their ancestors) belongs to, for pages that name one."""
    ancestors = {path[:length] for path in paths for length in range(Page.steplen, len(path) + 1, Page.steplen)}
    organs: dict[str, int] = {}
    for model in _organ_pages():
        rows = model.objects.filter(path__in=ancestors, organization__isnull=False).values_list(
            "path", "organization_id"
        )
        organs.update(rows)
    return organs


def _organ_of_path(path: str, organs: dict[str, int]) -> int | None:
    """The organ of the nearest page on `path` (itself first) that names one: a § is its protokoll's."""
    for length in range(len(path), Page.steplen - 1, -Page.steplen):
        if path[:length] in organs:
            return organs[path[:length]]
    return None


def _may_read_confidential(path: str, scope: ConfidentialScope, municipalities, organs) -> bool:
    municipality_id = _municipality_of_path(path, municipalities)
    if municipality_id not in scope:
        return False
    allowed_organs = scope[municipality_id]
    return allowed_organs is None or _organ_of_path(path, organs) in allowed_organs


def hidden_subtrees(user, within: Iterable[str] | None = None) -> list[HiddenSubtree]:
    """Every page whose subtree `user` may not see; `within` limits the look-up to those paths.

    `within` is how a single page is checked cheaply: pass the paths of the page and its
    ancestors, and only they are considered.
    """
    user = user or AnonymousUser()
    paths = list(within) if within is not None else None

    def limited(queryset):
        return queryset.filter(path__in=paths) if paths is not None else queryset

    hidden = [
        HiddenSubtree(path, "unpublished")
        for path in limited(Page.objects.filter(live=False, depth__gt=1)).values_list("path", flat=True)
    ]

    restrictions = PageViewRestriction.objects.select_related("page").prefetch_related("groups")
    if paths is not None:
        restrictions = restrictions.filter(page__path__in=paths)
    group_ids = set(user.groups.values_list("pk", flat=True)) if user.is_authenticated else set()
    hidden += [
        HiddenSubtree(restriction.page.path, "restricted")
        for restriction in restrictions
        if not _passes_restriction(user, restriction, group_ids)
    ]

    scope = confidential_scope(user)
    if scope is None:
        return hidden
    confidential = [
        limited(model.objects.filter(is_confidential=True)).order_by().values_list("path", flat=True)
        for model in _confidential_page_models()
    ]
    if not confidential:
        return hidden
    paths_found = list(confidential[0].union(*confidential[1:]) if len(confidential) > 1 else confidential[0])
    municipalities = _municipality_by_path() if scope else {}
    organ_limited = any(organs is not None for organs in scope.values())
    organs = _organ_by_path(paths_found) if organ_limited else {}
    hidden += [
        HiddenSubtree(path, "confidential")
        for path in paths_found
        if not _may_read_confidential(path, scope, municipalities, organs)
    ]
    return hidden


def _outermost(paths: Iterable[str]) -> list[str]:
    """Drop paths already covered by a shorter prefix, to keep the SQL small."""
    kept: list[str] = []
    for path in sorted(set(paths)):
        if not kept or not path.startswith(kept[-1]):
            kept.append(path)
    return kept


def _hidden_q(prefixes: list[str], field: str = "path") -> Q | None:
    if not prefixes:
        return None
    return reduce(or_, (Q(**{f"{field}__startswith": prefix}) for prefix in prefixes))


def _hidden_prefixes(user) -> list[str]:
    return _outermost(subtree.path for subtree in hidden_subtrees(user))


def visible_pages(user, queryset: QuerySet | None = None) -> QuerySet:
    """`queryset` (all pages by default) narrowed to the live pages `user` may see."""
    return _without_hidden_pages(_hidden_q(_hidden_prefixes(user)), queryset)


def _without_hidden_pages(hidden: Q | None, queryset: QuerySet | None = None) -> QuerySet:
    """`visible_pages` once the user's hidden subtrees (`hidden`) are known."""
    queryset = Page.objects.all() if queryset is None else queryset
    queryset = queryset.filter(live=True)
    return queryset.exclude(hidden) if hidden is not None else queryset


def _paths_to(page: Page) -> list[str]:
    """The tree paths of `page` and every ancestor."""
    return [page.path[:length] for length in range(Page.steplen, len(page.path) + 1, Page.steplen)]


def can_view_page(user, page: Page) -> bool:
    """May `user` see `page`? The same rule as `visible_pages`, checked for one page."""
    if page is None or not page.live:
        return False
    return not hidden_subtrees(user, within=_paths_to(page))


def is_public(page: Page) -> bool:
    """What the anonymous public and the search index may see."""
    return can_view_page(AnonymousUser(), page)


def can_view_assignment(user, assignment) -> bool:
    """An assignment is visible when the document it came from is (or when it has none)."""
    if assignment.decision_id:
        paragraph = assignment.decision.paragraph
        if not can_view_page(user, paragraph):
            return False
    if assignment.source_page_id and not can_view_page(user, assignment.source_page):
        return False
    return True


def visible_assignments(user, queryset: QuerySet | None = None) -> QuerySet:
    """`queryset` (all assignments by default) without those derived from hidden documents.

    Excluded by two small sets, the hidden pages and the decision items on hidden
    paragraphs, each hashed once per query: an assignment is tested with two look-ups
    instead of joining every assignment to its paragraph and source page, which is what
    made each register query scan and join the whole table.
    """
    return _without_hidden_assignments(_hidden_q(_hidden_prefixes(user)), queryset)


def _without_hidden_assignments(prefixes: Q | None, queryset: QuerySet | None = None) -> QuerySet:
    """`visible_assignments` once the user's hidden subtrees (`prefixes`) are known."""
    from governance.models import Assignment, DecisionItem

    queryset = Assignment.objects.all() if queryset is None else queryset
    hidden = Q(live=False)
    if prefixes is not None:
        hidden |= prefixes
    hidden_pages = Page.objects.filter(hidden).values("pk")
    hidden_decisions = DecisionItem.objects.filter(paragraph_id__in=hidden_pages).values("pk")
    # `exclude` on a nullable foreign key keeps the rows where it is NULL: an assignment
    # without a source paragraph or page is not hidden by it.
    return queryset.exclude(decision__in=hidden_decisions).exclude(source_page__in=hidden_pages)


def can_view_record(user, record) -> bool:
    """The rule for whatever a record is: a page, an assignment, or nothing at all.

    This is how things that only point at a record (a workflow process and its tasks) follow
    it: a record of another kind is refused, so a new kind must be taught here first.
    """
    from governance.models import Assignment

    if record is None:
        return True
    if isinstance(record, Assignment):
        return can_view_assignment(user, record)
    if isinstance(record, Page):
        return can_view_page(user, record)
    return False


def visible_references(user, content_type_field: str, object_id_field: str) -> Q:
    """`can_view_record` for a queryset of rows that point at a record through a generic
    relation (content type, object id): the rows whose record `user` may see, or that point
    at none."""
    from django.contrib.contenttypes.models import ContentType

    from governance.models import Assignment

    page_types = ContentType.objects.get_for_models(*get_page_models(), for_concrete_models=False).values()
    hidden = _hidden_q(_hidden_prefixes(user))  # worked out once, for assignments and pages alike
    return (
        Q(**{f"{object_id_field}__isnull": True})
        | Q(
            **{
                content_type_field: ContentType.objects.get_for_model(Assignment),
                f"{object_id_field}__in": _without_hidden_assignments(hidden).values("pk"),
            }
        )
        | Q(
            **{
                f"{content_type_field}__in": [content_type.pk for content_type in page_types],
                f"{object_id_field}__in": _without_hidden_pages(hidden).values("pk"),
            }
        )
    )


def can_view_attachment(user, attachment) -> bool:
    """Report-back attachments are working papers: for signed-in roles that may read
    assignments, and only when the assignment itself is visible to them."""
    if user is None or not user.is_authenticated or not user.is_active:
        return False
    if not user.has_perm(ATTACHMENT_PERMISSION):
        return False
    return can_view_assignment(user, attachment.assignment)


def refuse_hidden_page(page: Page, request, serve_args=(), serve_kwargs=None) -> None:
    """Wagtail's `before_serve_page` hook: a page the visitor may not see does not exist.

    View restrictions are left to Wagtail's own hook, which asks for a login or a shared
    password instead of answering 404; everything else in the rule is enforced here.
    """
    if not page.live or any(
        subtree.reason != "restricted" for subtree in hidden_subtrees(request.user, within=_paths_to(page))
    ):
        raise Http404("Sidan finns inte.")


def refuse_hidden_attachment(document, request):
    """Wagtail's `before_serve_document` hook: a report-back attachment is served only to
    a signed-in user allowed to see one of the assignments it is attached to.

    Documents that are not attachments keep Wagtail's own rules (collection restrictions).
    """
    from governance.models import AssignmentAttachment

    attachments = list(AssignmentAttachment.objects.filter(document=document).select_related("assignment"))
    if not attachments:
        return None
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    if not any(can_view_attachment(request.user, attachment) for attachment in attachments):
        raise Http404("Dokumentet finns inte.")
    return None
