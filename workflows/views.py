"""Task views that need more than Viewflow's generic process form."""

from django import forms
from django.utils.translation import gettext_lazy as _
from viewflow.workflow.flow.views import UpdateProcessView
from wagtail.documents import get_document_model

from governance.models import AssignmentAttachment

from .models import AssignmentProcess


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    widget = MultipleFileInput

    def clean(self, data, initial=None):
        single = super().clean
        if isinstance(data, list | tuple):
            return [single(item, initial) for item in data]
        return [single(data, initial)] if data else []


class ReportForm(forms.ModelForm):
    attachments = MultipleFileField(label=_("Bilagor"), required=False)

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
