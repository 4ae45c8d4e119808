"""Receivers of the governance app: a published § has its decisions read for assignments."""

from django.dispatch import receiver
from wagtail.signals import page_published

from .decisions import read_assignments
from .models import MinutesParagraphPage


@receiver(page_published)
def read_assignments_from_published_paragraph(sender, instance, **kwargs):
    page = instance.specific
    if isinstance(page, MinutesParagraphPage):
        read_assignments(page)
