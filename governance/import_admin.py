"""The admin's "Importera dokument" screen: upload, review (the dry run), correct, import.

Views only: each step calls `governance.import_batches`, which runs the importer's one
pipeline. Only secretaries and administrators reach the screen (`can_import_documents`);
a secretary sees the batches they uploaded, an administrator every batch.
"""

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView, TemplateView, View

from . import import_batches
from .import_review import review
from .importer.kind_reasons import kind_name
from .importer.kinds import REGISTRY
from .importer.reading import SUPPORTED_SUFFIXES
from .models import ImportBatch, ImportItem
from .permissions import can_import_documents, is_administrator
from .uploads import MultipleFileInput

KIND_CHOICES = [("", _("Avgör automatiskt")), *((name, spec.label.capitalize()) for name, spec in REGISTRY.items())]


def max_files() -> int:
    """Files per upload (`BESLUTSSPAR_IMPORT_MAX_FILES`); more are refused: split the upload."""
    return getattr(settings, "BESLUTSSPAR_IMPORT_MAX_FILES", 200)


class ImportUploadsField(forms.FileField):
    """One or many files; each is checked by `import_batches.upload_refusal` when the batch is made,
    so one bad file is refused with its reason while the others are kept."""

    widget = MultipleFileInput(attrs={"accept": ",".join(sorted(SUPPORTED_SUFFIXES))})

    def clean(self, data, initial=None):
        files = [upload for upload in (data if isinstance(data, list | tuple) else [data]) if upload]
        if not files:
            raise ValidationError(_("Välj minst en fil att importera."), code="required")
        if len(files) > max_files():
            raise ValidationError(
                _("Högst %(max)s filer åt gången; dela upp uppladdningen.") % {"max": max_files()}, code="too_many"
            )
        return files


class UploadForm(forms.Form):
    files = ImportUploadsField(
        label=_("Filer"),
        help_text=_("En eller flera .txt- eller .pdf-filer: protokoll, motioner, interpellationer, styrdokument."),
    )
    kind = forms.ChoiceField(
        label=_("Dokumenttyp"),
        choices=KIND_CHOICES,
        required=False,
        help_text=_("Gäller alla filer. Lämna ”Avgör automatiskt” om filerna är av olika slag."),
    )
    municipality = forms.CharField(
        label=_("Kommun"),
        required=False,
        max_length=200,
        help_text=_("Gäller alla filer, t.ex. när texten saknar den."),
    )
    organization = forms.CharField(
        label=_("Organ"), required=False, max_length=200, help_text=_("Namn eller förkortning, t.ex. KS eller KSAU.")
    )

    def clean(self):
        cleaned = super().clean()
        files = cleaned.get("files") or []
        refusals = [import_batches.upload_refusal(upload.name, upload.size) for upload in files]
        if files and all(refusals):
            # Nothing would be kept: say why here instead of storing a batch of refusals.
            raise ValidationError(refusals)
        return cleaned


class CorrectionForm(forms.Form):
    """The fields a secretary corrects; the review is run again with them (`Overrides`)."""

    kind = forms.ChoiceField(label=_("Dokumenttyp"), choices=KIND_CHOICES, required=False)
    municipality = forms.CharField(label=_("Kommun"), required=False, max_length=200)
    organization = forms.CharField(label=_("Organ"), required=False, max_length=200)
    date = forms.DateField(label=_("Datum"), required=False, help_text=_("ÅÅÅÅ-MM-DD"))
    title = forms.CharField(label=_("Titel"), required=False, max_length=255)


class ImportAccess:
    """Secretaries and administrators only; everyone else who reaches the admin gets 403."""

    def dispatch(self, request, *args, **kwargs):
        if not can_import_documents(request.user):
            raise PermissionDenied(_("Bara nämndsekreterare och administratörer kan importera dokument."))
        return super().dispatch(request, *args, **kwargs)

    def batches(self):
        batches = ImportBatch.objects.select_related("created_by")
        if is_administrator(self.request.user):
            return batches
        return batches.filter(created_by=self.request.user)

    def batch(self, pk) -> ImportBatch:
        return get_object_or_404(self.batches(), pk=pk)


class ImportIndexView(ImportAccess, FormView):
    """The upload form and the latest batches."""

    template_name = "governance/admin/import_index.html"
    form_class = UploadForm

    def get_context_data(self, **kwargs):
        recent = list(self.batches()[:20])
        return {
            **super().get_context_data(**kwargs),
            "batches": [(batch, import_batches.progress(batch)) for batch in recent],
            "max_upload": import_batches.max_upload_bytes(),
            "inline_files": import_batches.INLINE_FILES,
        }

    def form_valid(self, form):
        data = form.cleaned_data
        batch = import_batches.create_batch(
            self.request.user, data["files"], data["kind"], data["municipality"], data["organization"]
        )
        return redirect("import_batch", pk=batch.pk)


class ImportBatchView(ImportAccess, TemplateView):
    """The batch: every file's review in short, progress, and the Importera button."""

    template_name = "governance/admin/import_batch.html"

    def get_context_data(self, **kwargs):
        batch = self.batch(kwargs["pk"])
        items = list(batch.items.select_related("page"))
        return {
            **super().get_context_data(**kwargs),
            "batch": batch,
            "default_kind": kind_name(batch.default_kind) if batch.default_kind else "",
            "rows": [(item, review(item.result, item.errors)) for item in items],
            "progress": import_batches.progress(batch),
            "importable": [item for item in items if item.importable],
        }

    def post(self, request, pk):
        batch = self.batch(pk)
        chosen = [int(value) for value in request.POST.getlist("items") if value.isdigit()]
        if request.POST.get("action") == "all":
            chosen = [item.pk for item in batch.items.all() if item.importable]
        outcome = import_batches.request_import(batch, chosen, request.user)
        report_import(request, batch, chosen, outcome)
        return redirect("import_batch", pk=batch.pk)


def report_import(request, batch, chosen, outcome) -> None:
    """The admin messages after "Importera": how many were imported or queued, and why the
    others were not."""
    if not chosen:
        messages.warning(request, _("Välj de filer som ska importeras."))
    if outcome.in_background:
        messages.success(
            request,
            _("%(n)s filer importeras i bakgrunden; sidan visar hur långt det har kommit.") % {"n": outcome.queued},
        )
    failed = []
    if outcome.queued and not outcome.in_background:
        imported = batch.items.filter(pk__in=chosen, status=ImportItem.Status.IMPORTED).count()
        messages.success(request, _("%(n)s av %(m)s filer importerades.") % {"n": imported, "m": outcome.queued})
        left = [item.pk for item in outcome.left]
        failed = list(batch.items.filter(pk__in=chosen, status=ImportItem.Status.FAILED).exclude(pk__in=left))
    for item in [*outcome.left, *failed]:
        reasons = [error.removeprefix(f"{item.file_name}: ") for error in item.errors]
        reason = "; ".join(reasons) or item.get_status_display().lower()
        messages.warning(
            request, _("Importerades inte: %(file)s: %(reason)s") % {"file": item.file_name, "reason": reason}
        )


class ImportProgressView(ImportAccess, View):
    """The batch's progress as JSON, polled by the batch page while work is pending."""

    def get(self, request, pk):
        return JsonResponse(import_batches.progress(self.batch(pk)).as_dict())


class ImportItemView(ImportAccess, FormView):
    """One file's full review, with the correction form."""

    template_name = "governance/admin/import_item.html"
    form_class = CorrectionForm

    @cached_property
    def batch_object(self) -> ImportBatch:
        return self.batch(self.kwargs["pk"])

    @cached_property
    def item(self) -> ImportItem:
        return get_object_or_404(self.batch_object.items.select_related("page"), pk=self.kwargs["item_pk"])

    def get_initial(self):
        result = self.item.result
        return {
            "kind": self.item.corrections.get("kind", ""),
            "municipality": result.get("municipality") or "",
            "organization": result.get("organization") or "",
            "date": result.get("date") or None,
            "title": result.get("title") or "",
        }

    def get_context_data(self, **kwargs):
        return {
            **super().get_context_data(**kwargs),
            "batch": self.batch_object,
            "item": self.item,
            "review": review(self.item.result, self.item.errors),
            "correctable": self.item.status in (ImportItem.Status.PARSED, ImportItem.Status.FAILED),
        }

    def form_valid(self, form):
        # Every field is kept as given (prefilled with the current reading), so an earlier
        # correction survives a later one.
        try:
            import_batches.correct(self.item, form.cleaned_data)
        except import_batches.NotCorrectable as refusal:
            form.add_error(None, str(refusal))
            return self.form_invalid(form)
        return redirect(reverse("import_item", args=[self.batch_object.pk, self.item.pk]))


class ImportItemRemoveView(ImportAccess, TemplateView):
    """ "Ta bort" of one file: a confirmation page, then the POST that takes the file out of its
    batch. Whoever may import the batch may remove its files (`ImportAccess.batch`: their own
    batches, or every batch for an administrator); an imported file stays."""

    template_name = "governance/admin/import_item_remove.html"

    def item(self) -> ImportItem:
        batch = self.batch(self.kwargs["pk"])
        return get_object_or_404(batch.items.select_related("batch"), pk=self.kwargs["item_pk"])

    def get(self, request, *args, **kwargs):
        item = self.item()
        if not item.removable:
            return self._refused(item, import_batches.removal_refusal(item))
        return self.render_to_response(self.get_context_data(item=item, batch=item.batch))

    def post(self, request, *args, **kwargs):
        item = self.item()
        try:
            import_batches.remove_item(item)
        except import_batches.NotRemovable as refusal:
            return self._refused(item, str(refusal))
        messages.success(
            request,
            _("%(file)s togs bort ur importen. De andra filerna i importen finns kvar.") % {"file": item.file_name},
        )
        return redirect("import_batch", pk=item.batch_id)

    def _refused(self, item, reason):
        messages.warning(self.request, reason)
        return redirect("import_batch", pk=item.batch_id)


def admin_urls():
    return [
        path("importera/", ImportIndexView.as_view(), name="import_index"),
        path("importera/<int:pk>/", ImportBatchView.as_view(), name="import_batch"),
        path("importera/<int:pk>/status/", ImportProgressView.as_view(), name="import_progress"),
        path("importera/<int:pk>/fil/<int:item_pk>/", ImportItemView.as_view(), name="import_item"),
        path(
            "importera/<int:pk>/fil/<int:item_pk>/ta-bort/", ImportItemRemoveView.as_view(), name="import_item_remove"
        ),
    ]
