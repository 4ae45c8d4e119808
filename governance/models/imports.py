"""Documents uploaded in the admin for import, kept until they are imported or dropped.

An `ImportBatch` is one upload by one secretary; each file is an `ImportItem` holding the
uploaded bytes (in the database, so every web worker and the background `process_imports`
read the same file), the review record the pipeline made of it, the secretary's
corrections and, once imported, the page it became. Nothing here parses or writes pages:
`governance.import_batches` moves items through their statuses with the importer's own
pipeline, the same one `manage.py import_documents` runs.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ImportBatch(models.Model):
    """One upload of one or many files, with defaults applied to every file in it."""

    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("uppladdad av"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="import_batches",
    )
    created_at = models.DateTimeField(_("uppladdad"), auto_now_add=True)
    default_kind = models.CharField(_("dokumenttyp för alla filer"), max_length=30, blank=True)
    default_municipality = models.CharField(_("kommun för alla filer"), max_length=200, blank=True)
    default_organization = models.CharField(_("organ för alla filer"), max_length=200, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("importomgång")
        verbose_name_plural = _("importomgångar")

    def __str__(self):
        return _("Import %(pk)s av %(user)s") % {"pk": self.pk, "user": self.created_by or "–"}


class ImportItem(models.Model):
    """One uploaded file: its bytes, what the pipeline read from it, and where it went."""

    class Status(models.TextChoices):
        REFUSED = "refused", _("Avvisad vid uppladdning")
        QUEUED = "queued", _("Väntar på tolkning")
        PARSING = "parsing", _("Tolkas")
        PARSED = "parsed", _("Tolkad, väntar på granskning")
        IMPORT_QUEUED = "import_queued", _("Väntar på import")
        IMPORTING = "importing", _("Importeras")
        IMPORTED = "imported", _("Importerad")
        FAILED = "failed", _("Kunde inte importeras")

    #: Statuses a worker (a request or `process_imports`) still has to move on.
    PENDING = (Status.QUEUED, Status.PARSING, Status.IMPORT_QUEUED, Status.IMPORTING)
    #: Statuses in which a file may be taken out of its batch: no page written, no worker at it.
    REMOVABLE = (Status.REFUSED, Status.QUEUED, Status.PARSED, Status.IMPORT_QUEUED, Status.FAILED)

    batch = models.ForeignKey(
        ImportBatch, verbose_name=_("importomgång"), on_delete=models.CASCADE, related_name="items"
    )
    position = models.PositiveIntegerField(_("ordning"), default=0)
    file_name = models.CharField(_("filnamn"), max_length=255)
    content = models.BinaryField(_("filens innehåll"), blank=True, default=b"")
    size = models.PositiveBigIntegerField(_("storlek (byte)"), default=0)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.QUEUED)
    corrections = models.JSONField(
        _("rättelser"), default=dict, blank=True, help_text=_("Sekreterarens rättelser: kind, municipality, …")
    )
    result = models.JSONField(_("tolkning"), default=dict, blank=True)
    errors = models.JSONField(_("fel"), default=list, blank=True)
    imported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("importerad av"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    write_status = models.CharField(_("importresultat"), max_length=20, blank=True)
    page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("skapad sida"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    claimed_at = models.DateTimeField(_("påbörjad"), null=True, blank=True)
    claimed_by = models.CharField(_("påbörjad av"), max_length=100, blank=True)
    updated_at = models.DateTimeField(_("ändrad"), auto_now=True)

    class Meta:
        ordering = ["batch", "position", "pk"]
        verbose_name = _("importfil")
        verbose_name_plural = _("importfiler")
        indexes = [models.Index(fields=["status", "claimed_at"], name="import_item_work_queue")]

    def __str__(self):
        return self.file_name

    @property
    def importable(self) -> bool:
        """Parsed without errors (or failed and corrected since): the Importera button may take it."""
        return self.status == self.Status.PARSED and not self.errors

    @property
    def removable(self) -> bool:
        """Not imported and not being worked on: "Ta bort" may take it out of the batch."""
        return self.status in self.REMOVABLE

    @property
    def is_pending(self) -> bool:
        return self.status in self.PENDING
