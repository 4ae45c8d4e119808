"""HTTP endpoints for the calendar; feeds are class-based in `feeds.py`."""

from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest

from .calendar import build_calendar
from .filters import FilterError, parse_filters


def calendar_ics(request: HttpRequest) -> HttpResponse:
    """`/kalender.ics`, filterable by `?organ=`, `?kommun=`, `?person=` and `?post=`."""
    try:
        filters = parse_filters(request.GET)
    except FilterError as error:
        return HttpResponseBadRequest(str(error), content_type="text/plain; charset=utf-8")
    base_url = request.build_absolute_uri("/").rstrip("/")
    calendar = build_calendar(filters, domain=request.get_host().split(":")[0], base_url=base_url)
    response = HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="kalender.ics"'
    return response
