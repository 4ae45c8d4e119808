"""Query-string filters shared by the calendar and the feeds, with Swedish errors.

A subscriber pastes a URL once and a calendar program polls it for years, so a filter
that names nothing must say so (400) rather than silently return everything.
"""

from dataclasses import dataclass

from django.http import QueryDict

from governance.models import Municipality, Organization, Person, Post


class FilterError(ValueError):
    """A filter value that names nothing; the message is shown to the user as is."""


@dataclass(frozen=True)
class FeedFilters:
    organization: Organization | None = None
    municipality: Municipality | None = None
    person: Person | None = None
    post: Post | None = None


def _lookup(queryset, raw: str | None, unknown: str, *text_fields: str):
    """The one row `raw` names, by id or (case-insensitively) by one of `text_fields`."""
    if raw is None or raw == "":
        return None
    if raw.isascii() and raw.isdigit() and len(raw) < 12:
        found = queryset.filter(pk=int(raw)).first()
    else:
        found = None
        for field in text_fields:
            found = queryset.filter(**{f"{field}__iexact": raw[:200]}).first()
            if found:
                break
    if found is None:
        raise FilterError(f"{unknown}: {raw[:60]!r}.")
    return found


def parse_filters(params: QueryDict) -> FeedFilters:
    """`?organ=` (id or abbreviation), `?kommun=` (slug or id), `?person=` and `?post=` (ids)."""
    municipality = _lookup(Municipality.objects.all(), params.get("kommun"), "Okänd kommun", "slug", "name")
    organizations = Organization.objects.all()
    if municipality is not None:
        organizations = organizations.filter(municipality=municipality)
    return FeedFilters(
        organization=_lookup(organizations, params.get("organ"), "Okänt organ", "abbreviation", "name"),
        municipality=municipality,
        person=_lookup(Person.objects.all(), params.get("person"), "Okänd person"),
        post=_lookup(Post.objects.all(), params.get("post"), "Okänd post"),
    )
