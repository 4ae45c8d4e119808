from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WorkflowsConfig(AppConfig):
    """Viewflow processes that follow assignments, motions and interpellations to their end.

    Not Wagtail's page moderation workflows: those only approve page revisions.
    """

    name = "workflows"
    label = "workflows"
    verbose_name = _("Ärendeflöden")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import signals  # noqa: F401 - connects the receivers
