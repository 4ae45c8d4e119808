"""Processes start by themselves: for every new open assignment, however it was created
(import or admin), and for every motion and interpellation when first published."""

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models.signals import post_save
from django.dispatch import receiver
from wagtail.signals import page_published

from governance.models import Assignment, InterpellationPage, MotionPage, PolicyDocumentPage

from .models import AssignmentProcess, InterpellationProcess, MotionProcess


def has_process(assignment):
    return AssignmentProcess.objects.filter(
        artifact_content_type=ContentType.objects.get_for_model(Assignment), artifact_object_id=assignment.pk
    ).exists()


@receiver(post_save, sender=Assignment)
def start_process_for_new_assignment(sender, instance, created, **kwargs):
    if not created or instance.completed_on or instance.withdrawn_on:
        return

    def start():
        from .services import start_assignment_process

        if not has_process(instance):
            start_assignment_process(instance)

    transaction.on_commit(start)


def _has_process_for(process_model, page):
    return process_model.objects.filter(
        artifact_content_type=ContentType.objects.get_for_model(page.specific_class), artifact_object_id=page.pk
    ).exists()


@receiver(page_published)
def start_processes_for_published_documents(sender, instance, **kwargs):
    """A motion or interpellation starts its process when first published; a program with
    reporting requirements gets one report-back assignment per period of its validity."""
    page = instance.specific
    if isinstance(page, MotionPage):
        from .services import start_motion_process

        transaction.on_commit(lambda: _has_process_for(MotionProcess, page) or start_motion_process(page))
    elif isinstance(page, InterpellationPage):
        from .services import start_interpellation_process

        transaction.on_commit(
            lambda: _has_process_for(InterpellationProcess, page) or start_interpellation_process(page)
        )
    elif isinstance(page, PolicyDocumentPage):
        from .reporting import schedule_report_backs

        schedule_report_backs(page)
