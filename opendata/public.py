"""What the open interfaces may publish: only what the anonymous public may see.

Calendars, feeds and APIs are read by anyone and cached by others, so they show the public
view and nothing else, whoever asks. The decision itself lives in one place,
`governance.visibility`; this module only narrows the querysets these interfaces start from.
"""

from django.contrib.auth.models import AnonymousUser
from django.db.models import QuerySet

from governance.models import Assignment, MinutesPage, MinutesParagraphPage
from governance.visibility import visible_assignments, visible_pages

PUBLIC = AnonymousUser()


def visible_to_public(queryset: QuerySet) -> QuerySet:
    """Any page queryset narrowed to what the anonymous public may see."""
    return visible_pages(PUBLIC, queryset)


def public_minutes() -> QuerySet[MinutesPage]:
    return visible_pages(PUBLIC, MinutesPage.objects.all())


def public_paragraphs() -> QuerySet[MinutesParagraphPage]:
    return visible_pages(PUBLIC, MinutesParagraphPage.objects.all())


def public_assignments() -> QuerySet[Assignment]:
    return visible_assignments(PUBLIC, Assignment.objects.all())
