"""The decision-history search: one query shape, declared facets only, escaped highlights.

Facet filters go in a `post_filter` so each facet still counts the values a reader could
switch to; the date range narrows everything. Highlights are HTML-escaped here, not by
the engine, so a document containing `<script>` shows it as text on every engine.
"""

import html
from dataclasses import dataclass
from datetime import date

from elasticsearch import NotFoundError
from elasticsearch.dsl import FacetedSearch, Search, TermsFacet
from elasticsearch.dsl.faceted_search import FacetedResponse

from . import cache
from .documents import alias_name
from .engine import get_client
from .indexing import ensure_index
from .query import build_query, parse_user_query

PAGE_SIZE = 10
# Private-use characters: never in real text, and kept intact by every engine (control
# characters are not: one engine drops the closing one).
MARK_START, MARK_END = "\ue000", "\ue001"
SORTS = {"relevance": ["_score", "-date"], "date": ["-date", "_score"], "date_asc": ["date", "_score"]}
FACET_FIELDS = {
    "kind": "kind",
    "organization": "organization",
    "municipality": "municipality",
    "year": "year",
    "status": "status",
    "party": "parties",
}
LEAN_SOURCE = ["label", "kind", "url", "date", "organization", "municipality", "status", "case_number"]


class DecisionSearch(FacetedSearch):
    fields = ["title", "text"]  # what is highlighted; the query itself is built in `query()`
    facets = {
        "kind": TermsFacet(field="kind", size=10),
        "organization": TermsFacet(field="organization", size=20),
        "municipality": TermsFacet(field="municipality", size=20),
        "year": TermsFacet(field="year", size=30, order={"_key": "desc"}),
        "status": TermsFacet(field="status", size=10),
        "party": TermsFacet(field="parties", size=20),
    }

    def __init__(self, parsed, filters, sort, date_from=None, date_to=None):
        self.parsed = parsed
        self.date_from, self.date_to = date_from, date_to
        super().__init__(query=parsed, filters=filters, sort=SORTS[sort])

    def search(self):
        search = (
            Search(using=get_client(), index=alias_name())
            .response_class(FacetedResponse)
            .source(LEAN_SOURCE)
            .extra(track_total_hits=True)
        )
        if self.date_from or self.date_to:
            bounds = {}
            if self.date_from:
                bounds["gte"] = self.date_from.isoformat()
            if self.date_to:
                bounds["lte"] = self.date_to.isoformat()
            search = search.filter("range", date=bounds)
        return search

    def query(self, search, query):
        engine_query = build_query(query)
        return search.query(engine_query) if engine_query is not None else search

    def highlight(self, search):
        # Markers the engine cannot confuse with text; the fragment is escaped here and
        # only then are the markers turned into <mark>, on every engine alike.
        return search.highlight_options(
            pre_tags=[MARK_START], post_tags=[MARK_END], fragment_size=180, number_of_fragments=2
        ).highlight("title", "text", "title.folded", "text.folded")


@dataclass
class SearchRequest:
    q: str = ""
    filters: dict = None
    date_from: date = None
    date_to: date = None
    sort: str = "relevance"
    page: int = 1

    def as_params(self):
        return {
            "q": self.q,
            "filters": self.filters or {},
            "date_from": self.date_from,
            "date_to": self.date_to,
            "sort": self.sort,
            "page": self.page,
        }


def _safe_fragment(fragment):
    return html.escape(fragment).replace(MARK_START, "<mark>").replace(MARK_END, "</mark>")


def _highlight(hit):
    """At most two fragments, HTML-escaped, with matches in <mark>."""
    highlight = getattr(hit.meta, "highlight", None)
    if not highlight:
        return ""
    for field in ("text", "text.folded", "title", "title.folded"):
        if field in highlight:
            return " … ".join(_safe_fragment(fragment) for fragment in list(highlight[field])[:2])
    return ""


def run_search(request):
    """Execute a search; the result is plain data, cached until the index changes."""
    params = request.as_params()
    cached = cache.get(params)
    if cached is not None:
        return cached
    parsed = parse_user_query(request.q)
    start = (request.page - 1) * PAGE_SIZE

    def execute():
        search = DecisionSearch(parsed, request.filters or {}, request.sort, request.date_from, request.date_to)
        return search[start : start + PAGE_SIZE].execute()

    try:
        response = execute()
    except NotFoundError:
        # A new or restarted cluster without our index: create it empty and answer.
        ensure_index(get_client())
        response = execute()
    result = {
        "total": response.hits.total.value,
        "hits": [
            {
                "title": hit.label,
                "kind": hit.kind,
                "url": hit.url,
                "date": getattr(hit, "date", None),
                "organization": getattr(hit, "organization", None),
                "municipality": getattr(hit, "municipality", None),
                "status": getattr(hit, "status", None),
                "highlight": _highlight(hit),
            }
            for hit in response
        ],
        "facets": {
            name: [
                {"value": value, "count": count, "selected": selected}
                for value, count, selected in getattr(response.facets, name)
            ]
            for name in DecisionSearch.facets
        },
    }
    cache.put(params, result)
    return result
