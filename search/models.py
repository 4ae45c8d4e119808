"""The index outbox and the index state every process of the site shares.

Every change that affects search is written to the outbox in the same transaction as the
change itself, then sent to the engine after commit, after each request, by the search
service and by `manage.py search_index update` (cron). If the engine is down the rows stay
and are replayed later, so no change is lost and saving never depends on the engine.

`SearchIndexState` is one row that all processes (web workers, commands, the search
service) read and lock: the cache generation, the lease of a running rebuild, and the day
assignment statuses in the index were computed for. It lives in the database because
per-process memory cannot tell one process what another did.
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


class SearchIndexState(models.Model):
    """The single row (pk 1) describing the site's index; see `search.state`."""

    generation = models.CharField(
        _("generation"), max_length=32, default="0", help_text=_("Byts vid varje ändring av indexet.")
    )
    rebuilding_until = models.DateTimeField(
        _("ombyggnad pågår till"), null=True, blank=True, help_text=_("Förnyas medan en ombyggnad pågår.")
    )
    statuses_as_of = models.DateField(
        _("uppdragsstatus beräknad per"), null=True, blank=True, help_text=_("Dagen indexets uppdragsstatus gäller.")
    )
    drained_at = models.DateTimeField(_("utkorgen senast tömd"), null=True, blank=True)

    class Meta:
        verbose_name = _("sökindexets tillstånd")
        verbose_name_plural = _("sökindexets tillstånd")

    def __str__(self):
        return f"generation {self.generation}"
