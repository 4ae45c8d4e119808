"""Decisions become assignments wherever they are written.

When a § (MinutesParagraphPage) is published, from the admin, the importer or any API,
its decision points are read with the importer's extraction
(`governance.importer.assignments.extract_assignments`). Each assignment found is created
marked as read from the text and not yet confirmed, with its source sentence; a secretary
then confirms or corrects it in the panel on the § (`wagtail_hooks.py`). Re-publishing
creates no duplicates: an assignment is identified by its municipality, decision date,
source sentence and task, the same key the importer's writer uses, so both paths meet on
one row. Suggestions that are no longer in the text, and were never confirmed, are removed.
"""

from dataclasses import dataclass, field

from django.db import transaction

from .deadlines import due_date_for
from .importer.assignments import extract_assignments
from .importer.writer import Registers
from .models import Assignment, MinutesParagraphPage


@dataclass
class ReadResult:
    """What reading one § gave: assignments created, found again, and stale ones removed."""

    created: list = field(default_factory=list)
    existing: list = field(default_factory=list)
    removed: int = 0


def _title(task: str) -> str:
    title = task.rstrip(".")
    return title if len(title) <= 120 else title[:117].rsplit(" ", 1)[0] + " …"


def _assignees(registers, found, owner):
    people, posts, organizations = [], [], []
    for name, kind in zip(found.get("assignees", []), found.get("assignee_kinds", []), strict=False):
        if kind == "post":
            posts.append(registers.post(name, owner or registers.organization("Kommunstyrelsen")))
        elif kind == "organization":
            organizations.append(registers.organization(name))
        else:
            people.append(registers.person(name))
    return people, posts, organizations


def read_assignments(paragraph: MinutesParagraphPage) -> ReadResult:
    """Create the assignments the §'s decision text gives (idempotent)."""
    result = ReadResult()
    minutes = paragraph.minutes
    if minutes is None or minutes.date is None or minutes.municipality is None:
        return result
    registers = Registers(minutes.municipality)
    seen = set()
    with transaction.atomic():
        for decision in paragraph.decisions.order_by("sort_order", "pk"):
            for found in extract_assignments(decision.text, minutes.date, registers.organization):
                key = (found["source"], found["task"])
                if key in seen:
                    continue
                seen.add(key)
                existing = Assignment.objects.filter(
                    municipality=minutes.municipality,
                    decided_on=minutes.date,
                    source_text=found["source"],
                    task=found["task"],
                ).first()
                if existing is not None:
                    result.existing.append(existing)
                    continue
                result.created.append(_create(registers, paragraph, decision, found))
        stale = Assignment.objects.filter(
            decision__paragraph=paragraph, read_from_text=True, confirmed_at__isnull=True
        ).exclude(pk__in=[assignment.pk for assignment in result.created + result.existing])
        result.removed = stale.count()
        for assignment in stale:
            assignment.delete()
    return result


def _create(registers, paragraph, decision, found):
    minutes = paragraph.minutes
    report_to = registers.organization(found["report_to"]) if found.get("report_to") else None
    due = due_date_for(found.get("deadline_text", ""), minutes.date, report_to)
    assignment = Assignment(
        municipality=minutes.municipality,
        title=_title(found["task"]),
        task=found["task"],
        decision=decision,
        source_page=paragraph,
        source_text=found["source"],
        decided_on=minutes.date,
        report_to=report_to,
        deadline_text=found.get("deadline_text", "")[:200],
        due_date=due.date,
        due_explanation=due.explanation[:300],
        follow_up_at_next_meeting=due.follow_up,
        read_from_text=True,
    )
    assignment.save()
    people, posts, organizations = _assignees(registers, found, minutes.organization or report_to)
    assignment.assignee_people.set(people)
    assignment.assignee_posts.set(posts)
    assignment.assignee_organizations.set(organizations)
    return assignment
