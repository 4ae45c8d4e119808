"""The pages people look up that are not documents: a case, an organ, a meeting, a person.

A journalist starts from a diarienummer, a resident from "what did KS decide", a councillor
from a colleague's name; each page assembles what the model already knows about one of
them. Every listing goes through `governance.visibility` with the asking user, so a page
never shows more than that user may see.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.db.models import Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from governance.models import (
    Assignment,
    Case,
    InterpellationPage,
    Meeting,
    Membership,
    MinutesPage,
    MinutesParagraphPage,
    MotionPage,
    NewsPage,
    Organization,
    Person,
    PolicyDocumentPage,
    StatementPage,
)
from governance.visibility import visible_assignments, visible_pages

DOCUMENT_MODELS = (MinutesPage, MotionPage, InterpellationPage, PolicyDocumentPage, NewsPage, StatementPage)
RECENT_DECISIONS = 20
MEETINGS_SHOWN = 10


@dataclass(frozen=True)
class CaseEvent:
    """One dated step in the history of a matter, as a line on the case page."""

    day: date | None
    kind: str
    title: str
    url: str
    detail: str = ""


def _case_events(request: HttpRequest, case: Case) -> list[CaseEvent]:
    user = request.user
    events: list[CaseEvent] = []
    for model in DOCUMENT_MODELS:
        for page in visible_pages(user, model.objects.filter(case=case)):
            events.append(CaseEvent(page.sort_date, str(page.kind_label).capitalize(), page.title, page.url))
            if isinstance(page, MotionPage):
                for action in page.actions.all():
                    events.append(
                        CaseEvent(action.date, "Motionens gång", action.get_classification_display(), page.url)
                    )
    paragraphs = visible_pages(user, MinutesParagraphPage.objects.filter(case=case)).select_related(
        "minutes__organization"
    )
    for paragraph in paragraphs.prefetch_related("decisions"):
        minutes = paragraph.minutes
        organ = minutes.organization.abbreviation or minutes.organization.name if minutes.organization else ""
        decisions = " ".join(decision.text for decision in paragraph.decisions.all())
        events.append(
            CaseEvent(minutes.date, f"{organ} § {paragraph.number}".strip(), paragraph.title, paragraph.url, decisions)
        )
    assignments = visible_assignments(
        user, Assignment.objects.filter(Q(decision__paragraph__case=case) | Q(source_page__in=_pages_of(case)))
    )
    for assignment in assignments.distinct():
        events.append(
            CaseEvent(
                assignment.decided_on,
                "Uppdrag",
                assignment.title,
                f"/uppdrag/{assignment.pk}/",
                f"{assignment.status_label}; förfaller {assignment.due_date or 'utan datum'}",
            )
        )
    return sorted(events, key=lambda event: (event.day or date.max, event.kind))


def _pages_of(case: Case) -> list[int]:
    ids: list[int] = []
    for model in DOCUMENT_MODELS:
        ids += list(model.objects.filter(case=case).values_list("pk", flat=True))
    return ids


def case_page(request: HttpRequest, pk: int) -> HttpResponse:
    case = get_object_or_404(Case.objects.select_related("municipality"), pk=pk)
    events = _case_events(request, case)
    if not events:
        # A case known only from confidential or unpublished documents is not public knowledge.
        raise Http404("Inget sådant ärende.")
    return render(request, "opendata/case_page.html", {"case": case, "events": events})


def organization_page(request: HttpRequest, pk: int) -> HttpResponse:
    organization = get_object_or_404(Organization.objects.select_related("municipality", "parent"), pk=pk)
    today = date.today()
    memberships = (
        Membership.objects.filter(organization=organization)
        .filter(Q(end_date__isnull=True) | Q(end_date__gte=today))
        .select_related("person__party", "post")
        .order_by("role", "person__name")
    )
    decisions = (
        visible_pages(request.user, MinutesParagraphPage.objects.filter(minutes__organization=organization))
        .select_related("minutes")
        .prefetch_related("decisions")
        .order_by("-minutes__date", "-number")[:RECENT_DECISIONS]
    )
    context = {
        "organization": organization,
        "memberships": memberships,
        "posts": organization.posts.all(),
        "upcoming": organization.meetings.filter(date__gte=today).order_by("date")[:MEETINGS_SHOWN],
        "past": organization.meetings.filter(date__lt=today).order_by("-date")[:MEETINGS_SHOWN],
        "decisions": decisions,
        "children": organization.children.all(),
    }
    return render(request, "opendata/organization_page.html", context)


def meeting_page(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = get_object_or_404(Meeting.objects.select_related("organization__municipality"), pk=pk)
    minutes = list(visible_pages(request.user, MinutesPage.objects.filter(meeting=meeting)))
    paragraphs = (
        visible_pages(request.user, MinutesParagraphPage.objects.filter(minutes__in=minutes))
        .select_related("case")
        .prefetch_related("decisions")
        .order_by("number")
    )
    context = {
        "meeting": meeting,
        "minutes": minutes,
        "paragraphs": paragraphs,
        "statutory_rows": minutes[0].statutory_dates.rows(date.today()) if minutes and minutes[0].date else [],
    }
    return render(request, "opendata/meeting_page.html", context)


def person_page(request: HttpRequest, pk: int) -> HttpResponse:
    person = get_object_or_404(Person.objects.select_related("party", "municipality"), pk=pk)
    context = {
        "person": person,
        "memberships": person.memberships.select_related("organization", "post", "party").order_by("-start_date"),
        "motions": visible_pages(request.user, MotionPage.objects.filter(movers__person=person)).distinct(),
        "asked": visible_pages(request.user, InterpellationPage.objects.filter(asker=person)),
        "answered": visible_pages(request.user, InterpellationPage.objects.filter(addressee=person)),
    }
    return render(request, "opendata/person_page.html", context)
