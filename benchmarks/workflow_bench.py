"""Workflow speed: recomputing deadlines and statuses, and running assignment processes.

Usage: .venv/bin/python benchmarks/workflow_bench.py [--assignments 10000] [--processes 1000]

Runs on a throwaway database (SQLite by default, PostgreSQL with DATABASE_URL) and prints:
the time to recompute due date and status for N open assignments (rule → date through
the deadline functions, including "kommande möte" from an organ's calendar, then status),
and the time to start and complete M assignment processes through the flow API
(start → work with the report → next meeting → decision noted).
"""

import argparse
import os
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
if "DATABASE_URL" not in os.environ:
    os.environ["DATABASE_URL"] = f"sqlite:///{tempfile.mkdtemp()}/workflow_bench.sqlite3"
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "beslutsspar.settings.dev")

import django  # noqa: E402

django.setup()

from django.contrib.auth import get_user_model  # noqa: E402
from django.core.management import call_command  # noqa: E402

from governance.deadlines import due_date_for  # noqa: E402
from governance.models import Assignment, Meeting, Municipality, Organization  # noqa: E402
from governance.roles import SECRETARIES, ensure_role_groups  # noqa: E402
from workflows.services import complete_task, open_task, start_assignment_process  # noqa: E402

RULES = [
    "på kommande möte",
    "i maj",
    "senast i slutet av november",
    "inom 90 dagar",
    "vid årsskiftet",
    "senast 2030-06-30",
]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--assignments", type=int, default=10_000)
    parser.add_argument("--processes", type=int, default=1_000)
    args = parser.parse_args()
    call_command("migrate", verbosity=0)
    municipality = Municipality.objects.create(name="Bänkkommun", slug="bankkommun")
    organ = Organization.objects.create(
        municipality=municipality, name="Kommunstyrelsen", abbreviation="KS", classification="executive"
    )
    Meeting.objects.bulk_create(
        Meeting(organization=organ, date=date(2024, 1, 10) + timedelta(weeks=2 * n)) for n in range(200)
    )
    Assignment.objects.bulk_create(
        Assignment(
            municipality=municipality,
            title=f"Uppdrag {n}",
            task="Ta fram en plan.",
            decided_on=date(2024, 1, 1) + timedelta(days=n % 700),
            report_to=organ,
            deadline_text=RULES[n % len(RULES)],
        )
        for n in range(args.assignments)
    )

    started = time.perf_counter()
    assignments = list(Assignment.objects.open().select_related("report_to").prefetch_related("notes"))
    loaded = time.perf_counter()
    calendar = sorted(Meeting.objects.filter(organization=organ).values_list("date", flat=True))
    organ.next_meeting_after = lambda day: _next(calendar, day)  # one query for the calendar, not one per item
    today = date.today()
    statuses = {}
    for assignment in assignments:
        due = due_date_for(assignment.deadline_text, assignment.decided_on, organ)
        assignment.due_date, assignment.due_explanation = due.date, due.explanation
        statuses[assignment.pk] = assignment.status_on(today)
    computed = time.perf_counter()
    Assignment.objects.bulk_update(assignments, ["due_date", "due_explanation"], batch_size=500)
    saved = time.perf_counter()
    print(
        f"recompute due date + status for {len(assignments)} open assignments: {computed - started:.2f} s "
        f"(load {loaded - started:.2f} s, rules and statuses {computed - loaded:.2f} s); "
        f"writing the new due dates back: {saved - computed:.2f} s"
    )

    user = get_user_model().objects.create_user("bench", password="x")
    from wagtail.models import Page

    user.groups.add(ensure_role_groups(Page.get_first_root_node())[SECRETARIES])
    sample = Assignment.objects.all()[: args.processes]
    started = time.perf_counter()
    for assignment in sample:
        process = start_assignment_process(assignment)
        complete_task(open_task(process, "work"), user, report="Klart.", ready_to_report=True)
        complete_task(open_task(process, "decide"), user, outcome="noted")
    elapsed = time.perf_counter() - started
    print(
        f"start + complete {args.processes} assignment processes: {elapsed:.1f} s "
        f"({args.processes / elapsed:.0f} processes/s) on {django.db.connection.vendor}"
    )


class _Meeting:
    def __init__(self, day):
        self.date = day


def _next(calendar, day):
    from bisect import bisect_right

    index = bisect_right(calendar, day)
    return _Meeting(calendar[index]) if index < len(calendar) else None


if __name__ == "__main__":
    main()
