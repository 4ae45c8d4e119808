"""Optimistic locking for records edited by several people: the `version` check.

Two secretaries open the same assignment; the first saves; the second save must be
refused, not silently overwrite the first. Each versioned row carries a `version` that
every save bumps with `UPDATE … SET version = version + 1 WHERE pk = … AND version = …`;
when no row matches, someone saved in between and `StaleEditError` is raised. The admin
form checks the same number first so the editor gets the Swedish message on the form,
with everything they typed still in it.
"""

from django import forms
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import F
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel

STALE_MESSAGE = _(
    "Någon annan har sparat ändringar i posten medan du redigerade den. Dina ändringar är inte sparade "
    "men finns kvar i formuläret: öppna posten i en ny flik, jämför och för över det som ska vara kvar."
)


class StaleEditError(ValidationError):
    """The row changed since the editor loaded it (its version moved on)."""

    def __init__(self):
        super().__init__(STALE_MESSAGE, code="stale")


class VersionedAdminForm(WagtailAdminModelForm):
    """Refuses a save made from a stale copy, on the form, before anything is written."""

    def clean(self):
        cleaned = super().clean()
        loaded = cleaned.get("version")
        current = self.instance.current_version() if self.instance.pk else None
        if current is not None and loaded is not None and loaded != current:
            raise StaleEditError()
        return cleaned


class VersionedModel(models.Model):
    """Abstract base adding `version` and the conditional save described above."""

    version = models.PositiveIntegerField(
        _("version"), default=1, help_text=_("Räknas upp vid varje sparning; skyddar mot samtidiga ändringar.")
    )

    base_form_class = VersionedAdminForm

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if self._state.adding or self.pk is None or kwargs.get("force_insert"):
            return super().save(*args, **kwargs)
        with transaction.atomic():
            bumped = type(self)._base_manager.filter(pk=self.pk, version=self.version).update(version=F("version") + 1)
            if not bumped and type(self)._base_manager.filter(pk=self.pk).exists():
                raise StaleEditError()
            self.version += 1
            update_fields = kwargs.get("update_fields")
            if update_fields is not None:
                kwargs["update_fields"] = {*update_fields, "version"}
            return super().save(*args, **kwargs)

    def current_version(self) -> int | None:
        """The version stored now (None for a row not saved yet)."""
        if self.pk is None:
            return None
        return type(self)._base_manager.filter(pk=self.pk).values_list("version", flat=True).first()


#: The hidden field that carries the version the editor loaded back to the check.
VERSION_PANEL = FieldPanel("version", widget=forms.HiddenInput)
