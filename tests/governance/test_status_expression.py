"""The register's status, computed by the database, equals `Assignment.status_on` in every case."""

import random
from datetime import date, timedelta

import pytest

from governance.models import Assignment, AssignmentNote
from tests import factories

pytestmark = pytest.mark.django_db


def _generated_assignments(municipality, count, seed):
    """Assignments spread over every branch of `status_on`: done, withdrawn, reported (also
    in the future of the day asked), overdue, stalled with and without notes, undated, due soon."""
    rng = random.Random(seed)
    base = date(2021, 1, 1)
    assignments = []
    for number in range(count):
        decided = base + timedelta(days=rng.randint(0, 400))
        due = decided + timedelta(days=rng.randint(0, 300)) if rng.random() < 0.8 else None
        closed = decided + timedelta(days=rng.randint(0, 400))
        completed = closed if rng.random() < 0.15 else None
        withdrawn = closed if completed is None and rng.random() < 0.1 else None
        # Reported (Återrapporterad) before the organ's decision, or still open.
        reported = decided + timedelta(days=rng.randint(0, 300)) if rng.random() < 0.15 else None
        if reported and (completed or withdrawn or closed) and reported > (completed or withdrawn or closed):
            reported = None
        assignments.append(
            Assignment(
                municipality=municipality,
                title=f"Uppdrag {number}",
                task="Utreda.",
                decided_on=decided,
                due_date=due,
                completed_on=completed,
                withdrawn_on=withdrawn,
                reported_on=reported,
            )
        )
    created = Assignment.objects.bulk_create(assignments)
    notes = []
    for assignment in created:
        for _note in range(rng.choice([0, 0, 1, 2, 3])):
            written = assignment.decided_on + timedelta(days=rng.randint(0, 400))
            notes.append(AssignmentNote(assignment=assignment, written_on=written, text="Läget."))
    AssignmentNote.objects.bulk_create(notes)
    return created


def test_the_status_expression_equals_status_on_for_every_assignment_on_many_days(home_page):
    municipality = factories.make_municipality()
    _generated_assignments(municipality, 300, seed=20261130)
    days = [date(2021, 1, 1) + timedelta(days=offset) for offset in range(0, 900, 45)]
    seen = set()
    for day in days:
        expected = {a.pk: a.status_on(day) for a in Assignment.objects.prefetch_related("notes")}
        computed = dict(Assignment.objects.with_status(day).values_list("pk", "computed_status"))
        assert computed == expected, f"mismatch on {day}"
        seen.update(expected.values())
    assert seen == set(Assignment.Status.values), "the generated cases cover every status"


def test_a_note_written_after_the_day_asked_does_not_keep_an_assignment_alive(home_page):
    municipality = factories.make_municipality()
    assignment = Assignment.objects.create(
        municipality=municipality, title="Tyst", task="Utreda.", decided_on=date(2022, 1, 1)
    )
    AssignmentNote.objects.create(assignment=assignment, written_on=date(2022, 6, 1), text="Sent.")
    day = date(2022, 4, 1)
    annotated = Assignment.objects.with_status(day).get(pk=assignment.pk)
    assert annotated.computed_status == assignment.status_on(day) == Assignment.Status.STALLED


def test_filtering_on_the_status_expression_happens_in_one_query(home_page, django_assert_num_queries):
    municipality = factories.make_municipality()
    _generated_assignments(municipality, 60, seed=7)
    day = date(2022, 3, 1)
    with django_assert_num_queries(1):
        overdue = list(
            Assignment.objects.with_status(day).filter(computed_status="overdue").values_list("pk", flat=True)
        )
    assert sorted(overdue) == sorted(
        a.pk for a in Assignment.objects.prefetch_related("notes") if a.status_on(day) == "overdue"
    )
