"""Public views outside the page tree."""

from datetime import date

from django.http import Http404, HttpResponse
from django.views.generic import ListView

from .exports import as_csv, as_json, register_rows
from .models import Assignment, Municipality
from .visibility import visible_assignments


def export_register(request, extension):
    """The register as a download; `?as_of=YYYY-MM-DD` gives the statuses of that day."""
    if extension not in ("csv", "json"):
        raise Http404("Välj .csv eller .json.")
    try:
        as_of = date.fromisoformat(request.GET["as_of"]) if request.GET.get("as_of") else date.today()
    except ValueError:
        return HttpResponse("Ogiltigt datum; använd ÅÅÅÅ-MM-DD.", status=400, content_type="text/plain; charset=utf-8")
    rows = register_rows(as_of, request.GET.get("kommun") or None, user=request.user)
    if extension == "json":
        response = HttpResponse(as_json(rows, as_of), content_type="application/json; charset=utf-8")
    else:
        response = HttpResponse(as_csv(rows), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="uppdrag-{as_of:%Y-%m-%d}.{extension}"'
    return response


class AssignmentRegisterView(ListView):
    """Every assignment with its status, filterable by municipality and status.

    This is the page a councillor opens to see what is late without filing an
    interpellation to find out.
    """

    template_name = "governance/assignment_register.html"
    context_object_name = "assignments"
    paginate_by = 50

    def get_queryset(self):
        queryset = (
            visible_assignments(self.request.user, Assignment.objects.open_first())
            .select_related("municipality", "report_to", "decision__paragraph__minutes")
            .prefetch_related("assignee_posts", "assignee_people", "assignee_organizations", "notes")
        )
        municipality = self.request.GET.get("kommun")
        if municipality:
            queryset = queryset.filter(municipality__slug=municipality)
        status = self.request.GET.get("status")
        if status in Assignment.Status.values:
            today = date.today()
            queryset = [a for a in queryset if a.status_on(today) == status]
        return queryset

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["municipalities"] = Municipality.objects.all()
        context["statuses"] = Assignment.Status.choices
        context["selected_municipality"] = self.request.GET.get("kommun", "")
        context["selected_status"] = self.request.GET.get("status", "")
        return context
