"""Explicit receivers that keep the index in step with publishing and workflow changes.

Each receiver only writes to the outbox (in the same transaction as the change); the
outbox is sent to the engine after commit, so a down engine never blocks a save. After
each web request the outbox is drained too, so changes left by other processes (an
import, cron, a save made while the engine was down) do not wait for the next save.
"""

from django.core.signals import request_finished
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

from governance.models import Assignment

from .models import IndexChange
from .outbox import drain_after_request, enqueue, enqueue_page

request_finished.connect(drain_after_request, dispatch_uid="search_drain_after_request")


@receiver(page_published)
def page_was_published(sender, instance, **kwargs):
    enqueue_page(instance)


@receiver(page_unpublished)
def page_was_unpublished(sender, instance, **kwargs):
    enqueue_page(instance)


@receiver(post_page_move)
def page_was_moved(sender, instance, **kwargs):
    enqueue_page(instance)


@receiver(post_delete)
def page_was_deleted(sender, instance, **kwargs):
    if isinstance(instance, Page):
        enqueue(IndexChange.Source.PAGE, instance.pk)


@receiver(post_save, sender=PageViewRestriction)
@receiver(post_delete, sender=PageViewRestriction)
def view_restriction_changed(sender, instance, **kwargs):
    page = Page.objects.filter(pk=instance.page_id).first()
    if page is not None:
        enqueue_page(page)


@receiver(post_save, sender=Assignment)
@receiver(post_delete, sender=Assignment)
def assignment_changed(sender, instance, **kwargs):
    enqueue(IndexChange.Source.ASSIGNMENT, instance.pk)


@receiver(m2m_changed, sender=Assignment.assignee_people.through)
@receiver(m2m_changed, sender=Assignment.assignee_posts.through)
@receiver(m2m_changed, sender=Assignment.assignee_organizations.through)
def assignees_changed(sender, instance, action, **kwargs):
    if action.startswith("post_") and isinstance(instance, Assignment):
        enqueue(IndexChange.Source.ASSIGNMENT, instance.pk)
