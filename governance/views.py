"""Public views outside the page tree: the assignment register, its downloads, one
assignment's page and a meeting's agenda preparation."""

from datetime import date

from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse

from .agenda import agenda_for, upcoming_meetings
from .exports import as_csv, as_json, assignee_labels_by_id, export_queryset, register_rows
from .models import Assignment, Meeting, Municipality
from .register import (
    CONFIRMATION_FILTER_CHOICES,
    STATUS_FILTER_CHOICES,
    RegisterFilters,
    can_see_internals,
    can_view_assignment,
    filter_choices,
    register_overview,
    register_queryset,
    visible_assignments,
    visible_with_status,
)
from .timeline import timeline

REGISTER_PAGE_SIZE = 50


def _text_response(message: str, status: int) -> HttpResponse:
    return HttpResponse(message, status=status, content_type="text/plain; charset=utf-8")


def assignment_register(request):
    """Every assignment a reader may see, with an overview per organ and per assignee.

    This is the page a councillor opens to see what is late without filing an
    interpellation to find out. Filters that make no sense are ignored and explained.
    """
    today = date.today()
    filters = RegisterFilters.from_query(request.GET)
    visible = visible_with_status(request.user, today)
    queryset = register_queryset(request.user, filters, today, visible)
    overview = register_overview(visible, filters, today)
    # Page through ids and statuses only, then read the fifty rows shown with everything
    # they display: the joins never touch the other thousands of rows, and the assignees of
    # all fifty are read in three small queries instead of three prefetches.
    paginator = Paginator(queryset.values_list("pk", "computed_status"), REGISTER_PAGE_SIZE)
    # The overview has just counted the same selection (a test keeps the two equal), so the
    # paginator is told the number instead of scanning every assignment once more for it.
    paginator.count = overview.totals.total
    page = paginator.get_page(request.GET.get("page"))
    statuses = dict(page.object_list)
    shown = (
        Assignment.objects.filter(pk__in=list(statuses))
        .select_related("municipality", "report_to", "decision__paragraph__minutes__organization", "source_page")
        .in_bulk()
    )
    labels = assignee_labels_by_id(Assignment.objects.filter(pk__in=list(statuses)))
    assignments = []
    for pk, status in statuses.items():
        assignment = shown[pk]
        assignment.computed_status = status
        assignment.preload_assignee_labels(labels.get(pk, []))
        assignments.append(assignment)
    context = {
        "assignments": assignments,
        "page_obj": page,
        "filters": filters,
        "overview": overview,
        "municipalities": Municipality.objects.all(),
        "statuses": STATUS_FILTER_CHOICES,
        "confirmations": CONFIRMATION_FILTER_CHOICES,
        "today": today,
        **filter_choices(request.user, filters),
    }
    return render(request, "governance/assignment_register.html", context)


def export_register(request, extension):
    """The register as a download with the same filters as the page; `?as_of=YYYY-MM-DD`
    gives the statuses of that day. Unlike the page, a download never silently widens:
    a filter it cannot understand is answered with 400 and a Swedish explanation."""
    if extension not in ("csv", "json"):
        return _text_response("Välj .csv eller .json.", 404)
    try:
        as_of = date.fromisoformat(request.GET["as_of"]) if request.GET.get("as_of") else date.today()
    except ValueError:
        return _text_response("Ogiltigt datum; använd ÅÅÅÅ-MM-DD.", 400)
    if not date(1900, 1, 1) <= as_of <= date(2999, 12, 31):  # status arithmetic overflows near year 9999
        return _text_response("Datumet ligger utanför registrets tidsspann (1900–2999).", 400)
    filters = RegisterFilters.from_query(request.GET)
    if filters.errors:
        return _text_response(" ".join(filters.errors).replace("användes inte", "kan inte användas"), 400)
    queryset = export_queryset(register_queryset(request.user, filters, as_of), as_of)
    rows = register_rows(queryset, as_of, base_url=request.build_absolute_uri("/"))
    if extension == "json":
        response = HttpResponse(
            as_json(rows, as_of, filters.as_params()), content_type="application/json; charset=utf-8"
        )
    else:
        response = HttpResponse(as_csv(rows), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="uppdrag-{as_of:%Y-%m-%d}.{extension}"'
    return response


def assignment_detail(request, pk):
    """One assignment: where it came from, who has it, when it is due and why, and its history.

    Public when its source is public; progress notes, attachments and who did what only for
    the roles that work with assignments. An assignment a reader may not see is a 404, so
    its existence is not revealed either.
    """
    assignment = get_object_or_404(
        visible_assignments(request.user, Assignment.objects.all()).select_related(
            "municipality", "report_to", "decision__paragraph__minutes__organization", "source_page", "continues"
        ),
        pk=pk,
    )
    internals = can_see_internals(request.user)
    continuations = visible_assignments(request.user, assignment.continuations.all())
    context = {
        "assignment": assignment,
        "status": assignment.status_on(date.today()),
        "events": timeline(assignment, include_internal=internals),
        "show_internals": internals,
        "attachments": assignment.attachments.select_related("document") if internals else [],
        "continues": (
            assignment.continues
            if assignment.continues_id and can_view_assignment(request.user, assignment.continues)
            else None
        ),
        "continuations": continuations,
        "register_url": reverse("assignment_register"),
    }
    return render(request, "governance/assignment_detail.html", context)


def meeting_list(request):
    """Coming meetings of every organ, each linking to what should be on its agenda."""
    municipality = request.GET.get("kommun", "").strip()
    meetings = upcoming_meetings(date.today(), municipality or None)
    return render(
        request,
        "governance/meeting_list.html",
        {"meetings": meetings, "municipalities": Municipality.objects.all(), "selected_municipality": municipality},
    )


def meeting_agenda(request, pk):
    """What a secretary needs to build this meeting's agenda: report-backs due to the organ,
    motions and interpellations waiting for it."""
    meeting = get_object_or_404(Meeting.objects.select_related("organization__municipality"), pk=pk)
    return render(
        request, "governance/meeting_agenda.html", {"meeting": meeting, "agenda": agenda_for(meeting, request.user)}
    )
