"""The public search page and its JSON twin at /api/search/, sharing one parameter set."""

from datetime import date

from django.http import JsonResponse
from django.shortcuts import render

from governance.models import Assignment

from .engine import SEARCH_ERRORS
from .faceted_search import FACET_FIELDS, SORTS, SearchRequest, run_search

UNAVAILABLE = "Sökningen är tillfälligt otillgänglig. Försök igen om en stund."


def _date(value):
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        return None


def request_from(params):
    """Only declared facets and known sorts are accepted; anything else is ignored."""
    filters = {name: params.get(name) for name in FACET_FIELDS if params.get(name)}
    # Only a plain four-digit year: "²" and "２０２０" pass isdigit() but not the engine.
    year = filters.get("year", "")
    if year and not (year.isascii() and year.isdigit() and len(year) == 4):
        filters.pop("year")
    try:
        page = max(1, min(int(params.get("page", 1)), 1000))
    except ValueError:
        page = 1
    sort = params.get("sort") if params.get("sort") in SORTS else "relevance"
    return SearchRequest(
        q=params.get("q", ""),
        filters=filters,
        date_from=_date(params.get("date_from")),
        date_to=_date(params.get("date_to")),
        sort=sort,
        page=page,
    )


def api_search(request):
    search_request = request_from(request.GET)
    try:
        result = run_search(search_request)
    except SEARCH_ERRORS:
        return JsonResponse({"error": UNAVAILABLE}, status=503)
    for facet in result["facets"].values():
        for bucket in facet:
            bucket.pop("selected", None)
    hits = [
        {key: hit[key] for key in ("title", "kind", "url", "date", "organization", "municipality", "highlight")}
        for hit in result["hits"]
    ]
    return JsonResponse(
        {
            "total": result["total"],
            "hits": hits,
            "facets": result["facets"],
            "facets_approximate": result["facets_approximate"],
        }
    )


FACET_LABELS = {
    "kind": "Typ",
    "municipality": "Kommun",
    "organization": "Organ",
    "year": "År",
    "status": "Uppdragsstatus",
    "party": "Parti",
}
KIND_LABELS = {
    "minutes": "Protokollsparagraf",
    "motion": "Motion",
    "interpellation": "Interpellation",
    "policy": "Styrdokument",
    "news": "Nyhet",
    "statement": "Beslutsunderlag",
    "assignment": "Uppdrag",
}
# Assignment statuses are labelled as the model labels them, in one place.
STATUS_LABELS = dict(Assignment.Status.choices)


def _toggle_url(params, name, value):
    """The same search with the facet value selected, or deselected if it already is."""
    query = params.copy()
    query.pop("page", None)
    if query.get(name) == value:
        query.pop(name)
    else:
        query[name] = value
    return "?" + query.urlencode()


def _page_url(params, page):
    query = params.copy()
    query["page"] = page
    return "?" + query.urlencode()


def search_page(request):
    search_request = request_from(request.GET)
    context = {"request_params": search_request, "query": search_request.q, "sorts": SORTS}
    try:
        result = run_search(search_request)
    except SEARCH_ERRORS:
        context["unavailable"] = UNAVAILABLE
        return render(request, "search/search_page.html", context, status=503)
    for hit in result["hits"]:
        hit["kind_label"] = KIND_LABELS.get(hit["kind"], hit["kind"])
        hit["status_label"] = STATUS_LABELS.get(hit["status"], "")
    facets = []
    for name, buckets in result["facets"].items():
        if not buckets:
            continue
        for bucket in buckets:
            value = str(bucket["value"])
            bucket["label"] = KIND_LABELS.get(value) or STATUS_LABELS.get(value) or value
            bucket["url"] = _toggle_url(request.GET, name, value)
        facets.append({"name": name, "label": FACET_LABELS[name], "buckets": buckets})
    pages = (result["total"] + 9) // 10
    context.update(
        result=result,
        facets=facets,
        page=search_request.page,
        pages=pages,
        previous_url=_page_url(request.GET, search_request.page - 1) if search_request.page > 1 else None,
        next_url=_page_url(request.GET, search_request.page + 1) if search_request.page < pages else None,
    )
    return render(request, "search/search_page.html", context)
