"""The index outbox: changes waiting to reach the search engine.

Every change that affects search is written here in the same transaction as the change
itself, then sent to the engine after commit. If the engine is down the rows stay, and
`manage.py search_index update` (or the next successful send) replays them, so no change
is lost and saving never depends on the engine being up.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class IndexChange(models.Model):
    class Source(models.TextChoices):
        PAGE = "page", _("Sida")
        ASSIGNMENT = "assignment", _("Uppdrag")

    source = models.CharField(_("källa"), max_length=20, choices=Source.choices)
    object_id = models.BigIntegerField(_("objekt-id"))
    created_at = models.DateTimeField(_("skapad"), auto_now_add=True)

    class Meta:
        ordering = ["pk"]
        verbose_name = _("väntande indexändring")
        verbose_name_plural = _("väntande indexändringar")
        indexes = [models.Index(fields=["source", "object_id"])]

    def __str__(self):
        return f"{self.source}:{self.object_id}"
