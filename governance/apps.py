from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GovernanceConfig(AppConfig):
    """Documents of municipal decision-making and the organs, people and cases around them."""

    name = "governance"
    label = "governance"
    verbose_name = _("Styrning och beslut")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import audit, signals  # noqa: F401 - connects the receivers
