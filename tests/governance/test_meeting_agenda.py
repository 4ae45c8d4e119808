"""A meeting's agenda preparation: report-backs due to the organ, motions and interpellations."""

from datetime import date

import pytest

from governance.models import Assignment, MotionAction
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def setup(home_page):
    municipality = factories.make_municipality("Mötesby")
    municipality_page = factories.make_municipality_page(home_page, municipality)
    board = factories.make_organization(municipality, "Kommunstyrelsen", abbreviation="KS")
    council = factories.make_organization(municipality, "Kommunfullmäktige", "council", abbreviation="KF")
    factories.make_meeting(board, date(2030, 3, 1))
    meeting = factories.make_meeting(board, date(2030, 4, 1))
    council_meeting = factories.make_meeting(council, date(2030, 4, 20))

    def create(title, due, **fields):
        return Assignment.objects.create(
            municipality=municipality, title=title, task=".", decided_on=date(2029, 1, 1), due_date=due, **fields
        )

    create("Förfaller i mars", date(2030, 3, 15), report_to=board)
    create("Förfaller på mötesdagen", date(2030, 4, 1), report_to=board)
    create("Försenad sedan länge", date(2030, 1, 15), report_to=board)
    create("Redan slutförd", date(2030, 3, 20), report_to=board, completed_on=date(2030, 3, 10))
    create("Nästa möte", date(2030, 4, 2), report_to=board)
    create("Annat organ", date(2030, 3, 15), report_to=council)
    person = factories.make_person(municipality, "Olle Motionär")
    motion = factories.make_motion(
        municipality_page, council, title="Motion om arbetsmarknadsenhet", day=date(2029, 9, 1)
    )
    motion.actions.add(MotionAction(date=date(2029, 10, 1), classification="referred", organization=board))
    motion.save_revision().publish()
    factories.make_interpellation(
        municipality_page, council, person, person, [("Varför?", "")], day=date(2030, 4, 5), title="Om jobbcentrum"
    )
    return {"meeting": meeting, "council_meeting": council_meeting}


def test_the_agenda_lists_the_report_backs_due_since_the_previous_meeting(client, setup):
    response = client.get(f"/moten/{setup['meeting'].pk}/")
    agenda = response.context["agenda"]
    assert [a.title for a in agenda.due] == ["Förfaller i mars", "Förfaller på mötesdagen"]
    assert [a.title for a in agenda.late] == ["Försenad sedan länge"]
    assert "Inför sammanträdet: Kommunstyrelsen 2030-04-01" in response.content.decode()


def test_the_agenda_lists_motions_waiting_for_the_organs_statement(client, setup):
    agenda = client.get(f"/moten/{setup['meeting'].pk}/").context["agenda"]
    assert [m.title for m in agenda.motions_awaiting_statement] == ["Motion om arbetsmarknadsenhet"]
    assert agenda.interpellations == [], "interpellations are answered in the council"


def test_the_council_agenda_lists_motions_to_decide_and_unanswered_interpellations(client, setup):
    agenda = client.get(f"/moten/{setup['council_meeting'].pk}/").context["agenda"]
    assert [m.title for m in agenda.motions_to_decide] == ["Motion om arbetsmarknadsenhet"]
    assert [i.title for i in agenda.interpellations] == ["Om jobbcentrum"]
    assert [a.title for a in agenda.due] == ["Annat organ"]


def test_the_meeting_list_links_to_each_agenda(client, setup, monkeypatch):
    content = client.get("/moten/").content.decode()
    assert f'href="/moten/{setup["meeting"].pk}/"' in content


def test_an_unknown_meeting_is_a_404(client, setup):
    assert client.get("/moten/987654321/").status_code == 404
