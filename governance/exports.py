"""The assignment register as rows for CSV and JSON, as it stood on any day.

Politicians ask "what was late when the interpellation was filed?", so every status is
computed as of a given date; the command and the register page share this module.
"""

import csv
import io
import json
from datetime import date

from .models import Assignment
from .visibility import visible_assignments

FIELDS = [
    "id",
    "title",
    "status",
    "due_date",
    "due_rule",
    "due_explanation",
    "days_overdue",
    "assignees",
    "report_to",
    "decided_on",
    "municipality",
    "source",
    "source_text",
]


def _source(assignment):
    paragraph = assignment.source_paragraph
    if paragraph is not None:
        minutes = paragraph.minutes
        organ = minutes.organization.abbreviation or minutes.organization.name
        return f"{organ} {minutes.date:%Y-%m-%d} § {paragraph.number}"
    if assignment.source_page_id:
        return assignment.source_page.title
    return ""


def register_rows(as_of=None, municipality=None, user=None):
    """One dict per assignment `user` may see (the public by default), statuses as of `as_of`."""
    as_of = as_of or date.today()
    assignments = visible_assignments(user, Assignment.objects.filter(decided_on__lte=as_of).open_first())
    if municipality:
        assignments = assignments.filter(municipality__slug=municipality)
    assignments = assignments.select_related(
        "municipality", "report_to", "decision__paragraph__minutes__organization", "source_page"
    ).prefetch_related("assignee_posts", "assignee_people", "assignee_organizations", "notes")
    for assignment in assignments:
        yield {
            "id": assignment.pk,
            "title": assignment.title,
            "status": assignment.status_on(as_of),
            "due_date": assignment.due_date.isoformat() if assignment.due_date else None,
            "due_rule": assignment.deadline_text,
            "due_explanation": assignment.due_explanation,
            "days_overdue": assignment.days_overdue(as_of),
            "assignees": assignment.assignee_labels,
            "report_to": assignment.report_to.name if assignment.report_to_id else None,
            "decided_on": assignment.decided_on.isoformat(),
            "municipality": assignment.municipality.name,
            "source": _source(assignment),
            "source_text": assignment.source_text,
        }


def as_json(rows, as_of):
    return json.dumps({"as_of": as_of.isoformat(), "assignments": list(rows)}, ensure_ascii=False, indent=2)


def as_csv(rows):
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=FIELDS)
    writer.writeheader()
    for row in rows:
        writer.writerow(dict(row, assignees="; ".join(row["assignees"])))
    return out.getvalue()
