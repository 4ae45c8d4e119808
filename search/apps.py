from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    """Swedish full-text search over the decision history on Elasticsearch."""

    name = "search"
    label = "decision_search"
    verbose_name = _("Sök i beslutshistoriken")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import signals  # noqa: F401 - connects the receivers
