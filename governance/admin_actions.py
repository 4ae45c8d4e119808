"""The admin's assignment actions: one small form per state change, each calling the
assignment's own method (the only writer of its state), which records who and why and
moves its process. Refused changes come back as a Swedish message on the form."""

from datetime import date

from django import forms
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView

from .models import Assignment, Organization, Person, Post
from .permissions import can_act_on_assignment
from .visibility import visible_assignments


class ActionForm(forms.Form):
    """Base: a reason for the record; subclasses add what the action needs."""

    title = ""
    reason = forms.CharField(label=_("Kommentar / skäl"), required=False, widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, assignment, **kwargs):
        super().__init__(*args, **kwargs)
        self.assignment = assignment

    @staticmethod
    def applies_to(assignment):
        return assignment.is_open

    def perform(self, user):
        raise NotImplementedError


class ReportForm(ActionForm):
    title = _("Återrapportera")

    @staticmethod
    def applies_to(assignment):
        return assignment.is_open and assignment.reported_on is None and not assignment.needs_confirmation

    def perform(self, user):
        self.assignment.report(self.cleaned_data["reason"], by=user)


class CompleteForm(ActionForm):
    title = _("Slutför")
    on = forms.DateField(label=_("Slutfört den"), initial=date.today)

    @staticmethod
    def applies_to(assignment):
        return assignment.is_open and not assignment.needs_confirmation

    def perform(self, user):
        self.assignment.complete(by=user, on=self.cleaned_data["on"], reason=self.cleaned_data["reason"])


class ExtendForm(ActionForm):
    title = _("Förläng")
    new_due_date = forms.DateField(label=_("Ny tidsfrist"))

    @staticmethod
    def applies_to(assignment):
        return assignment.is_open and not assignment.needs_confirmation

    def perform(self, user):
        self.assignment.extend(self.cleaned_data["new_due_date"], by=user, reason=self.cleaned_data["reason"])


class WithdrawForm(ActionForm):
    title = _("Återkalla")
    on = forms.DateField(label=_("Återkallat den"), initial=date.today)

    def perform(self, user):
        self.assignment.withdraw(by=user, on=self.cleaned_data["on"], reason=self.cleaned_data["reason"])


class AssigneesForm(ActionForm):
    """Who holds the assignment: also the confirmation form for one read from a decision."""

    people = forms.ModelMultipleChoiceField(queryset=Person.objects.none(), label=_("Personer"), required=False)
    posts = forms.ModelMultipleChoiceField(queryset=Post.objects.none(), label=_("Poster"), required=False)
    organizations = forms.ModelMultipleChoiceField(
        queryset=Organization.objects.none(), label=_("Organ"), required=False
    )

    def __init__(self, *args, assignment, **kwargs):
        super().__init__(*args, assignment=assignment, **kwargs)
        municipality = assignment.municipality_id
        self.fields["people"].queryset = Person.objects.filter(municipality_id=municipality)
        self.fields["posts"].queryset = Post.objects.filter(organization__municipality_id=municipality)
        self.fields["organizations"].queryset = Organization.objects.filter(municipality_id=municipality)
        self.fields["people"].initial = list(assignment.assignee_people.all())
        self.fields["posts"].initial = list(assignment.assignee_posts.all())
        self.fields["organizations"].initial = list(assignment.assignee_organizations.all())

    def _reassign(self, user):
        self.assignment.reassign(
            by=user,
            people=self.cleaned_data["people"],
            posts=self.cleaned_data["posts"],
            organizations=self.cleaned_data["organizations"],
            reason=self.cleaned_data["reason"],
        )


class ReassignForm(AssigneesForm):
    title = _("Byt ansvarig")

    def perform(self, user):
        self._reassign(user)


class ConfirmForm(AssigneesForm):
    """A secretary checks what was read from the decision: assignees, report-to organ, deadline."""

    title = _("Bekräfta")
    report_to = forms.ModelChoiceField(
        queryset=Organization.objects.none(), label=_("Återrapporteras till"), required=False
    )
    deadline_text = forms.CharField(label=_("Tidsangivelse som i beslutet"), required=False, max_length=200)
    due_date = forms.DateField(
        label=_("Förfallodatum"), required=False, help_text=_("Lämna tomt för att räkna fram det ur tidsangivelsen.")
    )

    def __init__(self, *args, assignment, **kwargs):
        super().__init__(*args, assignment=assignment, **kwargs)
        self.fields["report_to"].queryset = Organization.objects.filter(municipality_id=assignment.municipality_id)
        self.fields["report_to"].initial = assignment.report_to
        self.fields["deadline_text"].initial = assignment.deadline_text
        self.fields["due_date"].initial = assignment.due_date

    @staticmethod
    def applies_to(assignment):
        return assignment.is_open and assignment.needs_confirmation

    def perform(self, user):
        assignment = self.assignment
        data = self.cleaned_data
        text_changed = data["deadline_text"] != assignment.deadline_text
        organ_changed = data["report_to"] != assignment.report_to
        assignment.report_to = data["report_to"]
        assignment.deadline_text = data["deadline_text"]
        if data["due_date"] and data["due_date"] != assignment.due_date:
            assignment.due_date = data["due_date"]
            assignment.due_explanation = _("angivet av sekreteraren → %(date)s") % {"date": data["due_date"]}
        elif text_changed or organ_changed or not data["due_date"]:
            assignment.due_date = None
            assignment.compute_due_date()
        assignment.full_clean(exclude=["version"])
        assignment.save()
        self._reassign(user)
        assignment.confirm(by=user)


ACTION_FORMS = {
    "confirm": ConfirmForm,
    "report": ReportForm,
    "complete": CompleteForm,
    "extend": ExtendForm,
    "withdraw": WithdrawForm,
    "reassign": ReassignForm,
}


class AssignmentActionView(FormView):
    """GET shows the action's form, POST performs it through the assignment's method."""

    template_name = "governance/admin/assignment_action.html"

    def dispatch(self, request, *args, **kwargs):
        self.form_class = ACTION_FORMS.get(kwargs["action"])
        if self.form_class is None:
            raise Http404
        # An assignment the user may not see does not exist for them, as in the listing.
        self.assignment = get_object_or_404(
            visible_assignments(request.user, Assignment.objects.all()), pk=kwargs["pk"]
        )
        if not can_act_on_assignment(request.user, self.assignment, kwargs["action"]):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "assignment": self.assignment}

    def get_context_data(self, **kwargs):
        return {
            **super().get_context_data(**kwargs),
            "assignment": self.assignment,
            "action_title": self.form_class.title,
        }

    def form_valid(self, form):
        if not form.applies_to(self.assignment):
            form.add_error(None, _("Åtgärden går inte att göra i uppdragets nuvarande läge."))
            return self.form_invalid(form)
        try:
            form.perform(self.request.user)
        except ValidationError as error:
            for message in error.messages:
                form.add_error(None, message)
            return self.form_invalid(form)
        return redirect(reverse("wagtailsnippets_governance_assignment:edit", args=[self.assignment.pk]))
