"""Atom feeds: new decisions, filterable by organ and municipality.

A journalist or councillor follows an organ in any feed reader instead of checking the
site after every meeting. Django's syndication framework writes valid Atom.
"""

from __future__ import annotations

from datetime import datetime, time
from zoneinfo import ZoneInfo

from django.contrib.syndication.views import Feed
from django.http import HttpResponseBadRequest
from django.utils.feedgenerator import Atom1Feed

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
