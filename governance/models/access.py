"""Where a user's role applies: which municipality, and for a secretary which organs.

The role itself (secretary, official, councillor, administrator) is the user's group
(see `governance.roles`); a `RoleScope` says where it applies, so a secretary of one
nämnd cannot publish another's minutes and nobody acts in another municipality unless
a scope gives them that right. The rules that read these rows live in
`governance.permissions`.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel

from .civic import Municipality, Organization
from .versioning import VERSION_PANEL, VersionedModel


class RoleScope(VersionedModel):
    """One user's right to act within a municipality, optionally limited to some organs."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("användare"), on_delete=models.CASCADE, related_name="role_scopes"
    )
    municipality = models.ForeignKey(
        Municipality, verbose_name=_("kommun"), on_delete=models.CASCADE, related_name="role_scopes"
    )
    organizations = models.ManyToManyField(
        Organization,
        verbose_name=_("organ"),
        blank=True,
        related_name="role_scopes",
        help_text=_(
            "Organ vars protokoll och uppdrag en nämndsekreterare sköter. "
            "Lämna tomt och kryssa i ”hela kommunen” för att gälla alla kommunens organ."
        ),
    )
    whole_municipality = models.BooleanField(
        _("hela kommunen"), default=False, help_text=_("Gäller alla organ i kommunen, även nya.")
    )

    panels = [
        FieldPanel("user"),
        FieldPanel("municipality"),
        FieldPanel("whole_municipality"),
        FieldPanel("organizations"),
        VERSION_PANEL,
    ]

    class Meta:
        ordering = ["user__username", "municipality__name"]
        verbose_name = _("behörighetsområde")
        verbose_name_plural = _("behörighetsområden")
        constraints = [
            models.UniqueConstraint(fields=["user", "municipality"], name="one_scope_per_user_and_municipality")
        ]

    def __str__(self):
        where = _("hela kommunen") if self.whole_municipality else ", ".join(o.name for o in self.organizations.all())
        return f"{self.user} · {self.municipality}: {where}"

    def clean(self):
        if self.pk and self.municipality_id:
            foreign = [o.name for o in self.organizations.all() if o.municipality_id != self.municipality_id]
            if foreign:
                raise ValidationError({"organizations": _("Organen hör till en annan kommun: %s") % ", ".join(foreign)})
