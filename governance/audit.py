"""The audit trail: who changed what, when, and from what to what.

Wagtail's log entries are the store (`ModelLogEntry` for registers and assignments,
`PageLogEntry` for pages), so each item's History view in the admin shows its trail. What
Wagtail logs itself ("Edited") says who and when; this module adds the content:

- every save of a register entry or an assignment that changes a field logs
  `beslutsspar.edit` with `{"changes": {field label: [old, new]}}`;
- `Assignment` methods log their own action (`beslutsspar.assignment.complete` …) with the
  reason and the changed fields;
- a published § logs `beslutsspar.decisions` with its decision points before and after;
- every completed workflow task logs `beslutsspar.task` on the record its process follows.

`AuditContextMiddleware` makes the logged-in user the author of changes made outside the
admin (the inbox), as Wagtail's admin does for its own views.
"""

from django.db.models.signals import post_save, pre_save
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import LogContext, LogFormatter, log
from wagtail.signals import page_published

from .logged_values import logged_value
from .models import (
    Assignment,
    Case,
    Meeting,
    Membership,
    MinutesParagraphPage,
    Municipality,
    Organization,
    Party,
    Person,
    Post,
    RoleScope,
)

#: Registers and records whose every change is logged with its content.
AUDITED_MODELS = (Assignment, Case, Meeting, Membership, Municipality, Organization, Party, Person, Post, RoleScope)

#: Bookkeeping fields that change on every save and say nothing to a reader.
IGNORED_FIELDS = {"version", "id"}

ASSIGNMENT_ACTIONS = {
    "report": (_("Återrapportera"), _("Återrapporterat")),
    "complete": (_("Slutför"), _("Slutfört")),
    "extend": (_("Förläng"), _("Tidsfristen förlängd")),
    "withdraw": (_("Återkalla"), _("Återkallat")),
    "reassign": (_("Byt ansvarig"), _("Ansvariga ändrade")),
    "confirm": (_("Bekräfta"), _("Bekräftat av sekreterare")),
}


def describe_changes(changes: dict) -> str:
    """`{label: [old, new]}` as "label: old → new; …" ("–" for empty)."""
    return "; ".join(f"{label}: {old or '–'} → {new or '–'}" for label, (old, new) in changes.items())


class ChangeFormatter(LogFormatter):
    """A log line with its content: the message names every field as old → new."""

    def format_message(self, log_entry):
        data = log_entry.data or {}
        parts = [str(self.message)]
        if data.get("changes"):
            parts.append(describe_changes(data["changes"]))
        if data.get("reason"):
            parts.append(f"skäl: {data['reason']}")
        return ": ".join(parts[:2]) + (f" ({parts[2]})" if len(parts) > 2 else "")


def register_log_actions(actions) -> None:
    """Called from the `register_log_actions` hook in `wagtail_hooks.py`."""

    def add(action, label, message):
        formatter = type("ChangeFormatter", (ChangeFormatter,), {"label": label, "message": message})
        actions.register_action(action)(formatter)

    add("beslutsspar.edit", _("Ändra"), _("Ändrat"))
    add("beslutsspar.decisions", _("Ändra beslut"), _("Beslutet ändrat"))
    add("beslutsspar.task", _("Steg i ärendeflödet"), _("Steg utfört"))
    for action, (label, message) in ASSIGNMENT_ACTIONS.items():
        add(f"beslutsspar.assignment.{action}", label, message)


# Field diffs on save --------------------------------------------------------------


def _display(instance, field):
    value = getattr(instance, field.name)
    if value is None:
        return ""
    if field.choices:
        return str(dict(field.flatchoices).get(value, value))
    return logged_value(value)


def _audited_fields(model):
    return [
        field
        for field in model._meta.concrete_fields
        if field.name not in IGNORED_FIELDS and not field.auto_created and field.editable
    ]


def _remember_before(sender, instance, **kwargs):
    if instance.pk is None or instance._state.adding:
        instance._audit_before = None
        return
    instance._audit_before = type(instance)._base_manager.filter(pk=instance.pk).first()


def _log_changes(sender, instance, created, **kwargs):
    before = getattr(instance, "_audit_before", None)
    # Assignment state methods set `_audit_logged_elsewhere`: their own entry has the diff.
    if created or before is None or getattr(instance, "_audit_logged_elsewhere", False):
        return
    changes = {}
    for field in _audited_fields(sender):
        old, new = _display(before, field), _display(instance, field)
        if old != new:
            changes[str(field.verbose_name)] = [old, new]
    instance._audit_before = None
    if changes:
        log(instance=instance, action="beslutsspar.edit", data={"changes": changes})


for _model in AUDITED_MODELS:
    pre_save.connect(_remember_before, sender=_model, dispatch_uid=f"audit-before-{_model.__name__}")
    post_save.connect(_log_changes, sender=_model, dispatch_uid=f"audit-after-{_model.__name__}")


# Decisions of a published § -------------------------------------------------------


def _decision_texts(paragraph) -> list[str]:
    return [item.text for item in paragraph.decisions.all()]


def log_decision_changes(sender, instance, revision=None, **kwargs):
    """On publishing a §, log its decision points as they were and as they are now."""
    if not isinstance(instance.specific, MinutesParagraphPage) or revision is None:
        return
    before = (
        instance.revisions.exclude(pk=revision.pk)
        .filter(created_at__lte=revision.created_at)
        .order_by("-created_at", "-pk")
        .first()
    )
    if before is None:
        return
    old = _decision_texts(before.as_object())
    new = _decision_texts(revision.as_object())
    if old != new:
        log(
            instance=instance.specific,
            action="beslutsspar.decisions",
            user=revision.user,
            data={"changes": {str(_("beslut")): ["\n".join(old), "\n".join(new)]}},
        )


page_published.connect(log_decision_changes, dispatch_uid="audit-decisions")


class AuditContextMiddleware:
    """Log entries written during a request name the logged-in user (inbox, public forms)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated:
            return self.get_response(request)
        with LogContext(user=user):
            return self.get_response(request)
