"""The motion and interpellation flows through every branch, by API."""

from datetime import date

import pytest
from django.contrib.auth import get_user_model

from governance.models import Assignment, MotionPage
from governance.roles import SECRETARIES, ensure_role_groups
from tests import factories
from workflows.services import complete_task, open_task, start_interpellation_process, start_motion_process

pytestmark = pytest.mark.django_db


@pytest.fixture
def place(home_page):
    groups = ensure_role_groups(home_page)
    municipality = factories.make_municipality("Eksjö")
    page = factories.make_municipality_page(home_page, municipality)
    council = factories.make_organization(municipality, "Kommunfullmäktige", "council", abbreviation="KF")
    factories.make_organization(municipality, "Kommunstyrelsen", "executive", abbreviation="KS")
    secretary = get_user_model().objects.create_user("sekreterare", password="x")
    secretary.groups.add(groups[SECRETARIES])
    factories.make_scope(secretary, municipality, [council])
    return {"municipality": municipality, "page": page, "council": council, "secretary": secretary}


@pytest.fixture
def motion(place):
    return factories.make_motion(place["page"], place["council"], title="Motion om arbetsmarknadsenhet")


def run_motion_to_decision(place, motion, decision, assignment_task=""):
    process = start_motion_process(motion)
    user = place["secretary"]
    board = place["municipality"].organizations.get(abbreviation="KS")
    complete_task(open_task(process, "refer"), user, referred_organ_ids=[board.pk])
    complete_task(open_task(process, "give_statement"), user, statement_from=board.pk, statement="Tillstyrks.")
    complete_task(open_task(process, "propose"), user, proposal="Motionen bifalls.")
    complete_task(open_task(process, "decide"), user, decision=decision, assignment_task=assignment_task)
    process.refresh_from_db()
    return process


@pytest.mark.parametrize(
    ("decision", "label"),
    [("approved", "Bifallen"), ("rejected", "Avslagen"), ("answered", "Besvarad"), ("written_off", "Avskriven")],
)
def test_each_council_decision_ends_the_motion_with_its_status(place, motion, decision, label):
    process = run_motion_to_decision(place, motion, decision)
    assert process.status == "DONE"
    motion.refresh_from_db()
    assert [a.classification for a in motion.actions.order_by("sort_order")] == [
        "referred",
        "statement",
        "proposal",
        decision,
    ]
    assert str(motion.status_label) == label
    assert motion.is_decided


def test_an_approved_motion_can_give_an_assignment(place, motion):
    run_motion_to_decision(
        place, motion, "approved", assignment_task="Kommundirektören ska inrätta en arbetsmarknadsenhet."
    )
    assignment = Assignment.objects.get(source_page=motion)
    assert assignment.task == "Kommundirektören ska inrätta en arbetsmarknadsenhet."


def test_a_rejected_motion_gives_no_assignment(place, motion):
    run_motion_to_decision(place, motion, "rejected", assignment_task="Skulle ha gjorts.")
    assert not Assignment.objects.exists()


def council_interpellation(place, addressee, **fields):
    """Filed 2020-09-03 in a council that meets 2020-09-28 and 2020-10-26."""
    factories.make_meeting(place["council"], date(2020, 9, 28))
    factories.make_meeting(place["council"], date(2020, 10, 26))
    return factories.make_interpellation(
        place["page"],
        place["council"],
        factories.make_person(place["municipality"], "Sven Jansson"),
        addressee,
        [("Varför har arbetet gått i stå?", "")],
        **fields,
    )


@pytest.fixture
def interpellation(place):
    return council_interpellation(place, factories.make_person(place["municipality"], "Mats Flodin"))


def test_the_answer_is_due_at_the_meeting_after_the_one_it_is_put_and_the_flow_ends_after_debate(place, interpellation):
    process = start_interpellation_process(interpellation)
    user = place["secretary"]
    complete_task(open_task(process, "permit"), user, permitted=True)
    process.refresh_from_db()
    assert process.coerced.answer_due == date(2020, 10, 26)
    assert process.coerced.answer_due_explanation == (
        "inlämnad 2020-09-03, minst 7 dagar före mötet → ställs på KF 2020-09-28; "
        "besvaras senast på närmast följande möte → 2020-10-26"
    )
    complete_task(open_task(process, "answer"), user, answer_text="Arbetet är högst levande.")
    interpellation.refresh_from_db()
    assert interpellation.answered_on == date.today()
    complete_task(open_task(process, "debate"), user, debated_on=date(2020, 9, 28))
    process.refresh_from_db()
    assert process.status == "DONE"


def test_the_answer_rule_follows_the_municipalitys_arbetsordning(place, interpellation):
    place["municipality"].interpellation_answer_rule = "inom 30 dagar"
    place["municipality"].save()
    process = start_interpellation_process(interpellation)
    complete_task(open_task(process, "permit"), place["secretary"], permitted=True)
    process.refresh_from_db()
    assert process.coerced.answer_due == date(2020, 10, 3)


def test_an_interpellation_not_permitted_ends_without_an_answer(place, interpellation):
    process = start_interpellation_process(interpellation)
    complete_task(open_task(process, "permit"), place["secretary"], permitted=False)
    process.refresh_from_db()
    assert process.status == "DONE"
    assert open_task(process, "answer") is None


def test_publishing_a_program_creates_one_report_back_per_period(place):
    from governance.models import PolicyDocumentPage, ReportingRequirement

    board = place["municipality"].organizations.get(abbreviation="KS")
    program = PolicyDocumentPage(
        title="Arbetsmarknadsprogram 2022 - 2024",
        slug="program",
        document_type="program",
        adopted_by=board,
        valid_from=date(2022, 1, 1),
        valid_until=date(2024, 12, 31),
    )
    program.reporting_requirements = [
        ReportingRequirement(report_to=board, rule_text="två gånger per år", times_per_year=2)
    ]
    factories.publish(place["page"], program)
    report_backs = Assignment.objects.filter(source_page=program).order_by("due_date")
    assert [a.due_date for a in report_backs] == [
        date(2022, 6, 30),
        date(2022, 12, 31),
        date(2023, 6, 30),
        date(2023, 12, 31),
        date(2024, 6, 30),
        date(2024, 12, 31),
    ]
    assert {a.report_to for a in report_backs} == {board}
    program.save_revision().publish()
    assert Assignment.objects.filter(source_page=program).count() == 6, "publishing again adds none"


def test_publishing_a_motion_starts_its_process(place, django_capture_on_commit_callbacks):
    from workflows.models import MotionProcess

    page = MotionPage(title="Motion om cykelvägar", slug="cykel", organization=place["council"], date=date(2024, 1, 1))
    with django_capture_on_commit_callbacks(execute=True):
        factories.publish(place["page"], page)
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()
    assert MotionProcess.objects.filter(artifact_object_id=page.pk).count() == 1


def test_a_motion_is_flagged_as_it_approaches_and_passes_its_one_year_date(place, motion, client):
    assert motion.decision_due == date(2022, 3, 18)
    assert motion.decision_deadline_status(date(2021, 6, 1)) == "on_time"
    assert motion.decision_deadline_status(date(2022, 2, 1)) == "approaching"
    assert motion.decision_deadline_status(date(2022, 3, 19)) == "passed"
    assert "Ettårsgränsen (2022-03-18) har passerats utan beslut." in client.get(motion.url).content.decode()
    run_motion_to_decision(place, motion, "rejected")
    motion.refresh_from_db()
    assert motion.decision_deadline_status(date(2022, 3, 19)) is None


def test_a_secretary_moves_a_motion_along_in_the_inbox(place, motion, client):
    process = start_motion_process(motion)
    refer = open_task(process, "refer")
    client.force_login(place["secretary"])
    queue = client.get("/arenden/motion/queue/")
    assert queue.status_code == 200 and f"/arenden/motion/{process.pk}/" in queue.content.decode()
    assign_url = f"/arenden/motion/{process.pk}/refer/{refer.pk}/assign/"
    assert client.post(assign_url).status_code == 302
    execute_url = f"/arenden/motion/{process.pk}/refer/{refer.pk}/execute/"
    assert client.get(execute_url).status_code == 200
    board = place["municipality"].organizations.get(abbreviation="KS")
    assert client.post(execute_url, {"organs": [board.pk]}).status_code == 302
    statement = open_task(process, "give_statement")
    assert statement is not None
    client.post(f"/arenden/motion/{process.pk}/give_statement/{statement.pk}/assign/")
    response = client.post(
        f"/arenden/motion/{process.pk}/give_statement/{statement.pk}/execute/",
        {"organ": board.pk, "statement": "Tillstyrks."},
    )
    assert response.status_code == 302
    assert open_task(process, "propose") is not None


def test_an_interpellation_is_permitted_in_the_inbox(place, interpellation, client):
    process = start_interpellation_process(interpellation)
    permit = open_task(process, "permit")
    client.force_login(place["secretary"])
    assert client.post(f"/arenden/interpellation/{process.pk}/permit/{permit.pk}/assign/").status_code == 302
    response = client.post(f"/arenden/interpellation/{process.pk}/permit/{permit.pk}/execute/", {"permitted": "on"})
    assert response.status_code == 302
    process.refresh_from_db()
    assert process.coerced.answer_due == date(2020, 10, 26)


def test_the_motion_waits_for_a_statement_from_every_referred_organ(place, motion):
    social = factories.make_organization(place["municipality"], "Socialnämnden", "committee", abbreviation="SN")
    board = place["municipality"].organizations.get(abbreviation="KS")
    user = place["secretary"]
    process = start_motion_process(motion)
    complete_task(open_task(process, "refer"), user, referred_organ_ids=[board.pk, social.pk])
    complete_task(
        open_task(process, "give_statement"), user, statement_from=social.pk, statement="Socialnämnden tillstyrker."
    )
    assert open_task(process, "propose") is None, "still waiting for kommunstyrelsen"
    assert open_task(process, "give_statement") is not None
    complete_task(open_task(process, "give_statement"), user, statement_from=board.pk, statement="Tillstyrks.")
    assert open_task(process, "propose") is not None
    process.refresh_from_db()
    assert process.coerced.statements == {str(social.pk): "Socialnämnden tillstyrker.", str(board.pk): "Tillstyrks."}
    assert {a.organization.abbreviation for a in motion.actions.filter(classification="referred")} == {"KS", "SN"}


@pytest.fixture
def interpellation_to_a_post(place):
    return council_interpellation(place, None, addressee_role="kommunstyrelsens ordförande")


def test_an_interpellation_to_a_post_waits_unassigned_in_the_council_queue_and_is_answered_there(
    place, interpellation_to_a_post, client
):
    process = start_interpellation_process(interpellation_to_a_post)
    complete_task(open_task(process, "permit"), place["secretary"], permitted=True)
    answer = open_task(process, "answer")
    assert answer.owner is None, "no person to give it to: it waits in the queue of the council's secretaries"

    board_secretary = get_user_model().objects.create_user("ks-sekreterare", password="x")
    board_secretary.groups.add(place["secretary"].groups.get(name=SECRETARIES))
    board = place["municipality"].organizations.get(abbreviation="KS")
    factories.make_scope(board_secretary, place["municipality"], [board])
    client.force_login(board_secretary)
    assign_url = f"/arenden/interpellation/{process.pk}/answer/{answer.pk}/assign/"
    assert client.post(assign_url).status_code in (403, 404)
    answer.refresh_from_db()
    assert answer.owner is None

    client.force_login(place["secretary"])
    assert client.post(assign_url).status_code == 302
    response = client.post(
        f"/arenden/interpellation/{process.pk}/answer/{answer.pk}/execute/", {"answer_text": "Arbetet pågår."}
    )
    assert response.status_code == 302
    interpellation_to_a_post.refresh_from_db()
    assert interpellation_to_a_post.answered_on == date.today()
    assert interpellation_to_a_post.addressee is None
    assert open_task(process, "debate") is not None


def test_the_council_agenda_names_the_post_an_interpellation_is_put_to(place, interpellation_to_a_post, client):
    meeting = place["council"].meetings.get(date=date(2020, 9, 28))
    content = client.get(f"/moten/{meeting.pk}/").content.decode()
    assert "Sven Jansson till kommunstyrelsens ordförande" in content
