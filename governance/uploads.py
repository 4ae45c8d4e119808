"""Uploaded files that become Wagtail documents go through Wagtail's own checks.

Wagtail's admin validates a document's extension (`WAGTAILDOCS_EXTENSIONS`, in
`AbstractDocument.clean`) and size (`WAGTAILDOCS_MAX_UPLOAD_SIZE`, in `WagtailDocumentField`);
a form outside the admin that creates documents would skip both. `DocumentUploadsField`
applies the same two checks to every file of a multi-file upload, so an `evil.html`, an
`evil.svg` or an oversized file is refused with Wagtail's (Swedish) message and nothing saved.
"""

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from wagtail.documents import get_document_model
from wagtail.documents.fields import WagtailDocumentField


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class DocumentUploadsField(WagtailDocumentField):
    """Zero or more files, each checked as Wagtail checks an uploaded document."""

    widget = MultipleFileInput

    def check_document_file_size(self, f):
        # The limit is read when a file is checked, not when the form class is defined.
        self.max_upload_size = getattr(settings, "WAGTAILDOCS_MAX_UPLOAD_SIZE", None)
        self.max_upload_size_text = filesizeformat(self.max_upload_size)
        super().check_document_file_size(f)

    def clean(self, data, initial=None):
        files = data if isinstance(data, list | tuple) else ([data] if data else [])
        if not files and self.required:
            raise ValidationError(self.error_messages["required"], code="required")
        cleaned, errors = [], []
        for upload in files:
            try:
                upload = super().clean(upload, initial)  # the size limit
                get_document_model()(title=upload.name, file=upload).clean()  # the allowed extensions
            except ValidationError as error:
                messages = (
                    error.message_dict.get("file", error.messages) if hasattr(error, "error_dict") else error.messages
                )
                errors += [f"{getattr(upload, 'name', '')}: {message}" for message in messages]
            else:
                cleaned.append(upload)
        if errors:
            raise ValidationError(errors)
        return cleaned
