"""Atom feeds: new decisions (by organ and municipality), and one feed per matter to follow.

A journalist or councillor follows an organ in any feed reader instead of checking the
site after every meeting. Django's syndication framework writes valid Atom.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date, datetime, time
from zoneinfo import ZoneInfo

from django.contrib.syndication.views import Feed
from django.http import Http404, HttpResponseBadRequest
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from wagtail.models import Page

from governance.models import Assignment, InterpellationPage, MotionPage
from governance.timeline import timeline
from governance.visibility import visible_assignments, visible_pages

from .filters import FeedFilters, FilterError, parse_filters
from .public import public_paragraphs

STOCKHOLM = ZoneInfo("Europe/Stockholm")
FEED_LENGTH = 50


class DecisionFeed(Feed):
    """The latest published § with their decisions, newest meeting first."""

    feed_type = Atom1Feed
    link = "/"

    def __call__(self, request, *args, **kwargs):
        try:
            self._filters = parse_filters(request.GET)
        except FilterError as error:
            return HttpResponseBadRequest(str(error), content_type="text/plain; charset=utf-8")
        return super().__call__(request, *args, **kwargs)

    def get_object(self, request, *args, **kwargs) -> FeedFilters:
        return self._filters

    def title(self, filters: FeedFilters) -> str:
        if filters.organization:
            return f"Nya beslut: {filters.organization.name}"
        if filters.municipality:
            return f"Nya beslut: {filters.municipality.name}"
        return "Nya beslut"

    def subtitle(self, filters: FeedFilters) -> str:
        return "Paragrafer med beslut ur de senast publicerade protokollen."

    def items(self, filters: FeedFilters):
        paragraphs = public_paragraphs().select_related("minutes__organization", "case")
        if filters.organization:
            paragraphs = paragraphs.filter(minutes__organization=filters.organization)
        if filters.municipality:
            paragraphs = paragraphs.filter(minutes__municipality=filters.municipality)
        return paragraphs.prefetch_related("decisions").order_by("-minutes__date", "-number")[:FEED_LENGTH]

    def item_title(self, paragraph) -> str:
        minutes = paragraph.minutes
        organ = (minutes.organization.abbreviation or minutes.organization.name) if minutes.organization else ""
        return f"{organ} {minutes.date:%Y-%m-%d} § {paragraph.number} {paragraph.title}".strip()

    def item_description(self, paragraph) -> str:
        decisions = [decision.text for decision in paragraph.decisions.all()]
        return "\n".join(decisions) or paragraph.summary

    def item_link(self, paragraph) -> str:
        return paragraph.url

    def item_pubdate(self, paragraph) -> datetime:
        return datetime.combine(paragraph.minutes.date, time(12), tzinfo=STOCKHOLM)

    def item_updateddate(self, paragraph) -> datetime | None:
        return paragraph.last_published_at or self.item_pubdate(paragraph)

    def item_categories(self, paragraph) -> list[str]:
        return [paragraph.case.case_number] if paragraph.case else []


class MatterFeed(Feed):
    """Everything that happens to one matter, newest first, so a councillor can follow it.

    Subclasses say which matter an URL names and what its public events are; the feed
    answers 404 for anything the asking user may not see.
    """

    feed_type = Atom1Feed

    def item_title(self, event) -> str:
        return event.title

    def item_description(self, event) -> str:
        return event.detail

    def item_pubdate(self, event) -> datetime:
        return event.at or datetime.combine(event.day, time(12), tzinfo=STOCKHOLM)

    def item_guid(self, event) -> str:
        digest = hashlib.sha1(f"{event.day}|{event.kind}|{event.title}".encode()).hexdigest()[:12]
        return f"{self._link}#{digest}"

    def item_guid_is_permalink(self, event) -> bool:
        return False

    def item_link(self, event) -> str:
        return self._link

    def link(self, matter) -> str:
        return self._link


class AssignmentFeed(MatterFeed):
    """`/uppdrag/<id>/handelser.atom`: the public timeline of one assignment."""

    def get_object(self, request, pk: int):
        assignment = get_object_or_404(visible_assignments(request.user, Assignment.objects.all()), pk=pk)
        self._link = reverse("assignment_detail", args=[assignment.pk])
        return assignment

    def title(self, assignment) -> str:
        return f"Uppdrag: {assignment.title}"

    def subtitle(self, assignment) -> str:
        return f"Status: {assignment.status_label}"

    def items(self, assignment):
        return list(reversed(timeline(assignment, include_internal=False)))


@dataclass(frozen=True)
class DocumentEvent:
    day: date
    kind: str
    title: str
    detail: str = ""
    at: datetime | None = None


class DocumentFeed(MatterFeed):
    """`/dokument/<id>/handelser.atom`: the steps of a motion or an interpellation."""

    def get_object(self, request, pk: int):
        page = get_object_or_404(visible_pages(request.user, Page.objects.all()), pk=pk).specific
        if not isinstance(page, MotionPage | InterpellationPage):
            raise Http404("Bara motioner och interpellationer har ett händelseflöde.")
        self._link = page.url
        return page

    def title(self, page) -> str:
        return f"{page.kind_label.capitalize()}: {page.title}"

    def items(self, page):
        events = []
        if page.date:
            events.append(DocumentEvent(page.date, "filed", f"{page.kind_label.capitalize()} inlämnad"))
        if isinstance(page, MotionPage):
            for action in page.actions.select_related("organization"):
                organ = f" ({action.organization.name})" if action.organization_id else ""
                events.append(
                    DocumentEvent(action.date, action.classification, f"{action.get_classification_display()}{organ}")
                )
        elif page.answered_on:
            by = f" av {page.answered_by.name}" if page.answered_by_id else ""
            events.append(DocumentEvent(page.answered_on, "answered", f"Interpellationen besvarad{by}"))
        return sorted(events, key=lambda event: event.day, reverse=True)
