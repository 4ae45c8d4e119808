"""A small register shared by the register, export and assignment-page tests."""

from dataclasses import dataclass
from datetime import date, timedelta

from governance.models import Assignment, AssignmentNote, Municipality, Organization, Person, Post
from tests import factories


@dataclass
class Register:
    municipality: Municipality
    board: Organization
    committee: Organization
    director: Post
    person: Person
    overdue: Assignment
    on_time: Assignment
    undated_stalled: Assignment
    done: Assignment


def make_register(today: date | None = None) -> Register:
    """Four assignments, one per kind of state, relative to `today` so they stay true."""
    today = today or date.today()
    municipality = factories.make_municipality("Registerby")
    board = factories.make_organization(municipality, "Kommunstyrelsen", abbreviation="KS")
    committee = factories.make_organization(municipality, "Utbildningsnämnden", "committee")
    director = Post.objects.create(organization=board, label="Kommundirektör", kind=Post.Kind.OFFICIAL)
    person = factories.make_person(municipality, "Greta Gustafsson")

    def create(title, **fields):
        return Assignment.objects.create(municipality=municipality, title=title, task=f"{title}.", **fields)

    overdue = create(
        "Plan för arbetsmarknadsenheten",
        decided_on=today - timedelta(days=100),
        due_date=today - timedelta(days=10),
        deadline_text="inom 90 dagar",
        due_explanation="inom 90 dagar från beslutet",
        report_to=board,
    )
    overdue.assignee_posts.set([director])
    on_time = create(
        "Utreda skolskjutsar",
        decided_on=today - timedelta(days=5),
        due_date=today + timedelta(days=20),
        report_to=committee,
    )
    on_time.assignee_people.set([person])
    AssignmentNote.objects.create(assignment=on_time, written_on=today, text="Arbetet har börjat.")
    undated_stalled = create("Se över lokalerna", decided_on=date(today.year - 2, 1, 10), report_to=board)
    undated_stalled.assignee_posts.set([director])
    done = create(
        "Rapport om feriearbeten",
        decided_on=today - timedelta(days=400),
        due_date=today - timedelta(days=200),
        completed_on=today - timedelta(days=210),
        report_to=board,
    )
    return Register(municipality, board, committee, director, person, overdue, on_time, undated_stalled, done)
