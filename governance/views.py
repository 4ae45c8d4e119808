"""Public views outside the page tree."""

from datetime import date

from django.views.generic import ListView

from .models import Assignment, Municipality


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
            Assignment.objects.open_first()
            .select_related("municipality", "report_to", "decision__paragraph__minutes")
            .prefetch_related("assignee_posts", "assignee_people", "assignee_organizations")
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
