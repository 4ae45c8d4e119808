"""The decision-history search: one query shape, declared facets only, escaped highlights.

Facet filters go in a `post_filter` so each facet still counts the values a reader could
switch to; the date range narrows everything. Highlights are HTML-escaped here, not by
the engine, so a document containing `<script>` shows it as text on every engine.
"""

from dataclasses import dataclass
from datetime import date

from elasticsearch.dsl import FacetedSearch, Search, TermsFacet

from . import cache
from .documents import alias_name
from .engine import get_client
from .indexing import FACET_SOURCES
from .query import build_query, parse_user_query
from .snippets import Marker, snippet

PAGE_SIZE = 10
#: Facets are counted exactly up to this many matching documents. Above it they are
#: counted over this many of the most relevant matches (a `sampler` aggregation, in the same
#: request as the hits), scaled up to the exact total and marked approximate: counting
#: every match of a query that hits most of the index was measured to take seconds at
#: 100,000 paragraphs, while the total and the hits stay exact. The engine spends about
#: 10 µs per counted document, so 1,500 cost a query of 1,700 matches 15 ms, 500 cost 5 ms. Doing it in the same
#: request spares a `count` round trip per search that cost as much as the search itself
#: for narrow AND queries ("motion cykelbana"), where the engine evaluates the query twice.
EXACT_FACETS_UP_TO = 500
COMBINED_FACET_SIZE = 2000  # distinct facet values across all facets; far above any real count
# Relevance has no date tie-break: reading every match's date to order equal scores was
# measured as a fifth of the engine's time per search, and equal scores are rare.
SORTS = {"relevance": ["_score"], "date": ["-date", "_score"], "date_asc": ["date", "_score"]}
FACET_FIELDS = FACET_SOURCES  # facet name → indexed field; the only facets accepted
FACET_SIZES = {"kind": 10, "organization": 20, "municipality": 20, "year": 30, "status": 10, "party": 20}
# The text comes back for the snippets; the matching fields never do.
LEAN_SOURCE = ["label", "text", "kind", "url", "date", "organization", "municipality", "status", "case_number"]


class DecisionSearch(FacetedSearch):
    fields = ["title", "text"]  # what is highlighted; the query itself is built in `query()`
    facets = {
        name: TermsFacet(field=field, size=FACET_SIZES[name], **({"order": {"_key": "desc"}} if name == "year" else {}))
        for name, field in FACET_SOURCES.items()
    }

    def __init__(self, parsed, filters, sort, date_from=None, date_to=None, with_facets=True, client=None):
        self.parsed = parsed
        self.client = client  # None builds the request only (query-shape tests, to_dict())
        self.with_facets = with_facets
        self.date_from, self.date_to = date_from, date_to
        super().__init__(query=parsed, filters=filters, sort=SORTS[sort])

    def search(self):
        search = Search(using=self.client or "default", index=alias_name())
        search = search.source(LEAN_SOURCE).extra(track_total_hits=True)
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

    def aggregate(self, search):
        """Facet counts. A facet is wrapped in a filter aggregation only when other facets
        are selected; an unneeded wrapper was measured to cost ten times the count itself.
        Skipped entirely when the caller already has the facets (a later results page)."""
        if not self.with_facets:
            return
        if not self._filters:
            search.aggs.bucket("sample", "sampler", shard_size=EXACT_FACETS_UP_TO).bucket(
                "facets", "terms", field="facet_values", size=COMBINED_FACET_SIZE
            )
            return
        for name, facet in self.facets.items():
            others = [query for other, query in self._filters.items() if other != name]
            aggregation = facet.get_aggregation()
            if others:
                combined = others[0]
                for query in others[1:]:
                    combined &= query
                search.aggs.bucket(f"_filter_{name}", "filter", filter=combined).bucket(name, aggregation)
            else:
                search.aggs.bucket(name, aggregation)

    @staticmethod
    def is_approximate(response):
        """True when the facets were counted over a share of the matches (see EXACT_FACETS_UP_TO)."""
        sample = response.aggregations.to_dict().get("sample")
        return bool(sample) and response.hits.total.value > sample["doc_count"]

    def facet_values(self, response):
        aggregations = response.aggregations
        if "sample" in aggregations:
            counted = aggregations.sample.doc_count
            scale = response.hits.total.value / counted if counted else 1
            return self._split_combined(aggregations.sample.facets.buckets, scale)
        values = {}
        for name in self.facets:
            if f"_filter_{name}" in aggregations:
                buckets = aggregations[f"_filter_{name}"][name].buckets
            else:
                buckets = aggregations[name].buckets
            selected = {str(value) for value in self.filter_values.get(name, [])}
            values[name] = [
                {"value": bucket.key, "count": bucket.doc_count, "selected": str(bucket.key) in selected}
                for bucket in buckets
            ]
        return values

    def _split_combined(self, buckets, scale=1):
        """ "kind=motion" buckets back into facets, each ordered as its own facet would be;
        sampled counts are scaled up to estimates."""
        values = {name: [] for name in self.facets}
        for bucket in buckets:
            name, _sep, value = bucket.key.partition("=")
            if name in values:
                count = round(bucket.doc_count * scale)
                values[name].append({"value": int(value) if name == "year" else value, "count": count})
        for name, facet in self.facets.items():
            size = facet._params.get("size", 10)
            if name == "year":
                values[name].sort(key=lambda item: item["value"], reverse=True)
            else:
                values[name].sort(key=lambda item: (-item["count"], str(item["value"])))
            values[name] = [dict(item, selected=False) for item in values[name][:size]]
        return values

    def highlight(self, search):
        """No engine highlighting: snippets are made by the application (see `snippets.py`)."""
        return search


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


def _highlight(hit, marker):
    """The matching sentences of the text, or else the title, HTML-escaped, matches in <mark>."""
    return snippet(marker, getattr(hit, "text", "")) or snippet(marker, getattr(hit, "label", ""))


def run_search(request):
    """Execute a search; the result is plain data, cached until the index changes."""
    params = request.as_params()
    generation = cache.generation()  # read once: every key of this request is under it
    cached = cache.get(params, generation)
    if cached is not None:
        return cached
    parsed = parse_user_query(request.q)
    start = (request.page - 1) * PAGE_SIZE
    # Facets do not change from one results page to the next: count them once.
    facet_params = dict(params, page=None, sort=None, facets=True)
    known_facets = cache.get(facet_params, generation)
    arguments = (parsed, request.filters or {}, request.sort, request.date_from, request.date_to)
    # One round trip: hits, exact total and facets. No index behind the alias (a restarted
    # engine still being rebuilt) raises NotFoundError: the views answer "temporarily
    # unavailable" rather than "no hits".
    search = DecisionSearch(*arguments, with_facets=known_facets is None, client=get_client())
    response = search[start : start + PAGE_SIZE].execute()
    marker = Marker.for_query(parsed)
    facets = known_facets or {"values": search.facet_values(response), "approximate": search.is_approximate(response)}
    cache.put(facet_params, facets, generation)
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
                "highlight": _highlight(hit, marker),
            }
            for hit in response
        ],
        "facets": facets["values"],
        "facets_approximate": facets["approximate"],
    }
    cache.put(params, result, generation)
    return result
