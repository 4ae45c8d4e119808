"""The protokollsutdrag download and the follow-up page with its charts, PDF and Word report."""

from __future__ import annotations

from datetime import date

from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBadRequest
from django.shortcuts import get_object_or_404, render

from governance.models import Assignment, MinutesParagraphPage, Organization
from governance.visibility import can_view_page, visible_assignments

from . import charts, followup, printing
from .filters import FilterError, parse_filters

PDF = "application/pdf"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def paragraph_extract(request: HttpRequest, pk: int) -> HttpResponse:
    paragraph = get_object_or_404(MinutesParagraphPage.objects.select_related("minutes", "case"), pk=pk)
    if not can_view_page(request.user, paragraph) or paragraph.minutes is None:
        raise Http404("Ingen sådan paragraf.")
    response = HttpResponse(printing.extract_pdf(paragraph, date.today()), content_type=PDF)
    response["Content-Disposition"] = (
        f'inline; filename="protokollsutdrag-{paragraph.minutes.date:%Y-%m-%d}-p{paragraph.number}.pdf"'
    )
    return response


def _report_inputs(request: HttpRequest):
    filters = parse_filters(request.GET)
    period = followup.Period.parse(request.GET.get("fran"), request.GET.get("till"), date.today())
    assignments = visible_assignments(request.user, Assignment.objects.all())
    if filters.municipality:
        assignments = assignments.filter(municipality=filters.municipality)
    return filters, period, assignments


def follow_up_page(request: HttpRequest) -> HttpResponse:
    try:
        filters, period, assignments = _report_inputs(request)
    except (FilterError, followup.PeriodError) as error:
        return HttpResponseBadRequest(str(error), content_type="text/plain; charset=utf-8")
    today = date.today()
    scoped = followup.assignments_of(filters.organization, assignments)
    series = [
        followup.status_by_organization(scoped, today),
        followup.overdue_over_time(scoped, today),
        followup.time_to_report_back(scoped),
    ]
    context = {
        "filters": filters,
        "period": period,
        "organizations": Organization.objects.select_related("municipality").order_by("municipality__name", "name"),
        "charts": [(item, charts.bar_chart(item, f"chart-{index}")) for index, item in enumerate(series)],
        "query": request.GET.urlencode(),
    }
    return render(request, "opendata/follow_up.html", context)


def follow_up_report(request: HttpRequest, extension: str) -> HttpResponse:
    try:
        filters, period, assignments = _report_inputs(request)
    except (FilterError, followup.PeriodError) as error:
        return HttpResponseBadRequest(str(error), content_type="text/plain; charset=utf-8")
    report = followup.build_follow_up(filters.organization, period, assignments, date.today())
    if extension == "pdf":
        response = HttpResponse(printing.follow_up_pdf(report), content_type=PDF)
    elif extension == "docx":
        response = HttpResponse(printing.follow_up_docx(report), content_type=DOCX)
    else:
        raise Http404("Välj .pdf eller .docx.")
    response["Content-Disposition"] = (
        f'attachment; filename="uppfoljning-{period.start:%Y%m%d}-{period.end:%Y%m%d}.{extension}"'
    )
    return response
