"""Every new open assignment gets its process, however it was created (import or admin)."""

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models.signals import post_save
from django.dispatch import receiver

from governance.models import Assignment

from .models import AssignmentProcess


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
