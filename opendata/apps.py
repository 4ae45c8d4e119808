from django.apps import AppConfig


class OpenDataConfig(AppConfig):
    """What other systems and subscribers read: calendars, feeds and (later) OParl."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "opendata"
    verbose_name = "Öppna data"
