"""The assignment register as rows for CSV and JSON, as it stood on any day.

Politicians ask "what was late when the interpellation was filed?", so every status is
computed as of a given date. The register page, its downloads and the
`export_assignments` command share this module. Rows are read with `values()` and the
assignees with one query per kind, so a full export of ten thousand assignments is a
handful of queries and no model instances.

The CSV is for Excel in Swedish: UTF-8 with a byte order mark, semicolons, Swedish
headers and values. The JSON keeps stable English keys for programs, plus the Swedish
status label.
"""

import csv
import io
import json
from collections import defaultdict
from collections.abc import Iterable, Iterator
from datetime import date

from django.urls import reverse

from .models import Assignment

FIELDS = [
    "id",
    "title",
    "status",
    "status_label",
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
    "confirmed",
    "url",
]

# Column headers of the CSV, in FIELDS order; the CSV shows the Swedish status label.
CSV_HEADERS = {
    "id": "Id",
    "title": "Uppdrag",
    "status_label": "Status",
    "due_date": "Ska återrapporteras senast",
    "due_rule": "Tidsangivelse i beslutet",
    "due_explanation": "Så räknades datumet fram",
    "days_overdue": "Dagar försenat",
    "assignees": "Ansvariga",
    "report_to": "Återrapporteras till",
    "decided_on": "Beslutsdatum",
    "municipality": "Kommun",
    "source": "Beslut",
    "source_text": "Källmening",
    "confirmed": "Bekräftat",
    "url": "Länk",
}

_PLACEHOLDER_PK = 987654321
_STATUS_LABELS = {value: str(label) for value, label in Assignment.Status.choices}
_COLUMNS = {
    "pk": "pk",
    "title": "title",
    "status": "computed_status",
    "due_date": "due_date",
    "deadline_text": "deadline_text",
    "due_explanation": "due_explanation",
    "report_to_name": "report_to__name",
    "decided_on": "decided_on",
    "municipality_name": "municipality__name",
    "source_text": "source_text",
    "paragraph_number": "decision__paragraph__number",
    "minutes_date": "decision__paragraph__minutes__date",
    "organ_name": "decision__paragraph__minutes__organization__name",
    "organ_abbreviation": "decision__paragraph__minutes__organization__abbreviation",
    "source_page_title": "source_page__title",
    "read_from_text": "read_from_text",
    "confirmed_at": "confirmed_at",
}


def _source(row: dict) -> str:
    if row["paragraph_number"] is not None and row["minutes_date"]:
        organ = row["organ_abbreviation"] or row["organ_name"] or ""
        return f"{organ} {row['minutes_date']:%Y-%m-%d} § {row['paragraph_number']}".strip()
    return row["source_page_title"] or ""


def assignee_labels_by_id(queryset) -> dict[int, list[str]]:
    """Everyone responsible per assignment, posts first as `Assignment.assignee_labels` does."""
    ids = queryset.order_by().values("pk")
    labels: dict[int, list[str]] = defaultdict(list)
    for relation, label in (
        (Assignment.assignee_posts.through, "post__label"),
        (Assignment.assignee_people.through, "person__name"),
        (Assignment.assignee_organizations.through, "organization__name"),
    ):
        for assignment_id, name in (
            relation.objects.filter(assignment_id__in=ids).order_by("pk").values_list("assignment_id", label)
        ):
            labels[assignment_id].append(name)
    return labels


def register_rows(queryset, as_of: date, base_url: str = "") -> Iterator[dict]:
    """One dict per assignment of `queryset` (annotated by `with_status(as_of)`)."""
    labels = assignee_labels_by_id(queryset)
    # One reverse() for all rows: resolving the URL per row would cost more than the rest.
    link = base_url.rstrip("/") + reverse("assignment_detail", args=[_PLACEHOLDER_PK])
    for values in queryset.values_list(*_COLUMNS.values()):
        row = dict(zip(_COLUMNS, values, strict=True))
        yield _row(row, as_of, labels.get(row["pk"], []), link)


def _row(row: dict, as_of: date, assignees: list[str], link: str) -> dict:
    status = row["status"]
    overdue = (as_of - row["due_date"]).days if status == Assignment.Status.OVERDUE else 0
    return {
        "id": row["pk"],
        "title": row["title"],
        "status": status,
        "status_label": _STATUS_LABELS.get(status, status),
        "due_date": row["due_date"].isoformat() if row["due_date"] else None,
        "due_rule": row["deadline_text"],
        "due_explanation": row["due_explanation"],
        "days_overdue": overdue,
        "assignees": assignees,
        "report_to": row["report_to_name"],
        "decided_on": row["decided_on"].isoformat(),
        "municipality": row["municipality_name"],
        "source": _source(row),
        "source_text": row["source_text"],
        # Read from a decision's text and not yet checked by a secretary: False (`needs_confirmation`).
        "confirmed": not (row["read_from_text"] and row["confirmed_at"] is None),
        "url": link.replace(str(_PLACEHOLDER_PK), str(row["pk"])),
    }


def export_queryset(queryset, as_of: date):
    """`queryset` as it stood on `as_of`: decided by then, statuses of that day."""
    return queryset.filter(decided_on__lte=as_of)


def as_json(rows: Iterable[dict], as_of: date, filters: dict | None = None) -> str:
    document = {"as_of": as_of.isoformat(), "filters": filters or {}, "assignments": list(rows)}
    # No indentation: pretty-printing makes json use its pure-Python encoder, ten times slower.
    return json.dumps(document, ensure_ascii=False)


def as_csv(rows: Iterable[dict]) -> str:
    """Semicolon-separated with a byte order mark and Swedish headers, for Excel in Swedish."""
    out = io.StringIO()
    out.write("\ufeff")
    writer = csv.writer(out, delimiter=";")
    columns = list(CSV_HEADERS)
    writer.writerow(CSV_HEADERS.values())
    for row in rows:
        values = dict(row, assignees=", ".join(row["assignees"]), confirmed="Ja" if row["confirmed"] else "Nej")
        writer.writerow(["" if values[column] is None else values[column] for column in columns])
    return out.getvalue()
