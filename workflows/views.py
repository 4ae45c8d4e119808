"""Task views that need more than Viewflow's generic process form."""

from django import forms
from django.utils.translation import gettext_lazy as _
from viewflow.workflow.flow.views import UpdateProcessView
from wagtail.documents import get_document_model

from governance.models import AssignmentAttachment, Organization
from governance.uploads import DocumentUploadsField

from .models import AssignmentProcess, MotionProcess


class ReportForm(forms.ModelForm):
    # Each file passes Wagtail's document checks (allowed extensions, size limit).
    attachments = DocumentUploadsField(label=_("Bilagor"), required=False)

    class Meta:
        model = AssignmentProcess
        fields = ["progress_note", "report", "ready_to_report"]


class WorkView(UpdateProcessView):
    """The work step: a progress note, or the report-back with its attachments."""

    form_class = ReportForm
    fields = None

    def form_valid(self, form):
        assignment = self.request.activation.process.coerced.assignment
        Document = get_document_model()
        for upload in form.cleaned_data.get("attachments") or []:
            document = Document.objects.create(title=upload.name, file=upload, uploaded_by_user=self.request.user)
            AssignmentAttachment.objects.create(assignment=assignment, document=document)
        return super().form_valid(form)


class ReferralForm(forms.ModelForm):
    organs = forms.ModelMultipleChoiceField(
        queryset=Organization.objects.none(), label=_("Remitteras till"), required=True
    )

    class Meta:
        model = MotionProcess
        fields = []

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        motion = self.instance.motion
        self.fields["organs"].queryset = Organization.objects.filter(municipality=motion.municipality)


class ReferView(UpdateProcessView):
    """Refer the motion to one or more organs for their statements."""

    form_class = ReferralForm
    fields = None

    def form_valid(self, form):
        form.instance.referred_organ_ids = [organ.pk for organ in form.cleaned_data["organs"]]
        return super().form_valid(form)


class StatementForm(forms.ModelForm):
    organ = forms.ModelChoiceField(queryset=Organization.objects.none(), label=_("Yttrande från"))

    class Meta:
        model = MotionProcess
        fields = ["statement"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organ"].queryset = Organization.objects.filter(pk__in=self.instance.awaited_organ_ids)


class StatementView(UpdateProcessView):
    """One referred organ's statement; the step repeats until every organ has answered."""

    form_class = StatementForm
    fields = None

    def form_valid(self, form):
        form.instance.statement_from = form.cleaned_data["organ"].pk
        return super().form_valid(form)
