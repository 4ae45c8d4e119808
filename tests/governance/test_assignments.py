"""Assignment status is derived from dates, and the register shows what is late."""

from datetime import date

import pytest

from governance.models import Assignment, AssignmentNote
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def municipality():
    return factories.make_municipality("Enköping")


def make_assignment(municipality, title="Uppdrag", **fields):
    fields.setdefault("decided_on", date(2020, 3, 2))
    return Assignment.objects.create(municipality=municipality, title=title, task=title, **fields)


def test_an_assignment_past_its_due_date_is_overdue(municipality):
    assignment = make_assignment(municipality, due_date=date(2020, 5, 31))
    assert assignment.status_on(date(2020, 9, 3)) == Assignment.Status.OVERDUE
    assert assignment.days_overdue(date(2020, 9, 3)) == 95


def test_an_assignment_close_to_its_due_date_is_due_soon(municipality, settings):
    settings.BESLUTSSPAR_DUE_SOON_DAYS = 14
    assignment = make_assignment(municipality, due_date=date(2020, 5, 31))
    AssignmentNote.objects.create(assignment=assignment, written_on=date(2020, 5, 1), text="Arbetet pågår.")
    assert assignment.status_on(date(2020, 5, 20)) == Assignment.Status.DUE_SOON
    assert assignment.status_on(date(2020, 4, 1)) == Assignment.Status.ON_TIME


def test_a_completed_assignment_was_still_overdue_before_it_was_completed(municipality):
    assignment = make_assignment(municipality, due_date=date(2020, 5, 31), completed_on=date(2020, 10, 1))
    assert assignment.status_on(date(2020, 9, 3)) == Assignment.Status.OVERDUE
    assert assignment.status_on(date(2020, 10, 2)) == Assignment.Status.DONE
    assert assignment.days_overdue(date(2020, 10, 2)) == 0


def test_an_assignment_without_due_date_says_so(municipality):
    assert make_assignment(municipality).status_on(date(2020, 3, 20)) == Assignment.Status.UNDATED


def test_an_open_assignment_without_progress_notes_for_weeks_is_stalled(municipality, settings):
    settings.BESLUTSSPAR_STALLED_WEEKS = 6
    assignment = make_assignment(municipality, due_date=date(2020, 12, 31))
    assert assignment.status_on(date(2020, 4, 1)) == Assignment.Status.ON_TIME
    assert assignment.status_on(date(2020, 6, 1)) == Assignment.Status.STALLED
    AssignmentNote.objects.create(assignment=assignment, written_on=date(2020, 5, 25), text="Utredningen har startat.")
    assert assignment.status_on(date(2020, 6, 1)) == Assignment.Status.ON_TIME, "a recent note revives it"
    assert assignment.status_on(date(2020, 5, 20)) == Assignment.Status.STALLED, "a later note does not change the past"


def test_overdue_outranks_stalled(municipality):
    assignment = make_assignment(municipality, due_date=date(2020, 5, 31))
    assert assignment.status_on(date(2020, 9, 3)) == Assignment.Status.OVERDUE


def test_open_assignments_are_listed_before_closed_ones_most_urgent_first(municipality):
    done = make_assignment(municipality, "Klart", due_date=date(2020, 1, 1), completed_on=date(2020, 1, 1))
    undated = make_assignment(municipality, "Odaterat")
    later = make_assignment(municipality, "Senare", due_date=date(2020, 12, 31))
    sooner = make_assignment(municipality, "Tidigare", due_date=date(2020, 5, 31))
    assert list(Assignment.objects.open_first()) == [sooner, later, undated, done]


def test_due_date_before_the_decision_is_refused(municipality):
    assignment = Assignment(
        municipality=municipality,
        title="x",
        task="x",
        decided_on=date(2020, 3, 2),
        due_date=date(2020, 1, 1),
    )
    with pytest.raises(Exception, match="före beslutsdatum"):
        assignment.full_clean()


def test_overdue_assignment_is_flagged_in_the_public_register(client, municipality):
    make_assignment(municipality, "Gemensam målbild", due_date=date(2020, 5, 31))
    make_assignment(municipality, "Framtida uppdrag", due_date=date(2099, 1, 1), decided_on=date(2098, 1, 1))
    response = client.get("/uppdrag/?status=overdue")
    content = response.content.decode()
    assert response.status_code == 200
    assert "Gemensam målbild" in content and "Försenat" in content
    assert "Framtida uppdrag" not in content


def test_the_register_filters_by_municipality(client, municipality):
    make_assignment(municipality, "Enköpings uppdrag")
    make_assignment(factories.make_municipality("Avesta"), "Avestas uppdrag")
    content = client.get("/uppdrag/?kommun=avesta").content.decode()
    assert "Avestas uppdrag" in content and "Enköpings uppdrag" not in content
