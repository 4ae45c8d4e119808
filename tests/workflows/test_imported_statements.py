"""An imported beslutsunderlag linked to its motion completes the statement step the motion's
process waits at, as a secretary would; anywhere else the process is left alone. The same
for an interpellation waiting for its answer."""

import re
from datetime import date

import pytest
from django.contrib.auth import get_user_model

from governance.importer.importing import store
from governance.importer.pipeline import parse_text
from governance.models import InterpellationPage, Meeting, MotionAction, MotionPage, Organization, StatementPage
from governance.roles import SECRETARIES, ensure_role_groups
from tests import factories
from tests.importer.test_statements import ANSWER, MOTION, _import
from workflows.services import complete_task, open_task, start_interpellation_process, start_motion_process

pytestmark = pytest.mark.django_db

SUBJECT = "laddstationer för cyklister"


@pytest.fixture
def motion(home_page):
    _parsed, page = _import(home_page, MOTION.format(title=SUBJECT), "motion.txt")
    return MotionPage.objects.get(pk=page.pk)


@pytest.fixture
def place(home_page, motion):
    """The motion's municipality with its board and a secretary of the council."""
    municipality = motion.municipality
    board = factories.make_organization(municipality, "Kommunstyrelsen", "executive", abbreviation="KS")
    secretary = get_user_model().objects.create_user("sekreterare", password="x")
    secretary.groups.add(ensure_role_groups(home_page)[SECRETARIES])
    factories.make_scope(secretary, municipality, whole_municipality=True)
    return {"municipality": municipality, "board": board, "secretary": secretary}


def referred(place, motion, *organs):
    """The motion's process, referred to `organs` (default: the board): waiting for statements."""
    process = start_motion_process(motion)
    organs = organs or (place["board"],)
    complete_task(open_task(process, "refer"), place["secretary"], referred_organ_ids=[organ.pk for organ in organs])
    return process


def import_answer(home_page, user=None, proposal="Motionen anses besvarad."):
    text = ANSWER.format(case="2026.001 KS", subject=SUBJECT).replace("Motionen anses besvarad.", proposal)
    parsed = parse_text(text, "svar.txt")
    assert parsed.ok, parsed.errors
    result = store(parsed, home_page, user=user)
    assert result is not None, parsed.errors
    return StatementPage.objects.get(pk=result.page.pk)


def statement_actions(motion):
    return list(MotionAction.objects.filter(motion=motion, classification="statement"))


def test_a_motion_waiting_for_its_statement_records_the_imported_answer(home_page, motion, place):
    process = referred(place, motion)
    statement = import_answer(home_page, user=place["secretary"])

    assert statement.answers_id == motion.pk
    assert statement.organization == place["board"], "the underlag's organ is the board the motion was referred to"
    assert open_task(process, "give_statement") is None
    assert open_task(process, "propose") is not None, "every referred organ has answered: on to the proposal"
    process.refresh_from_db()
    reference = process.coerced.statements[str(place["board"].pk)]
    assert reference == (
        "Svar (motionssvar) 2026-05-11: Svar på motion om laddstationer för cyklister - Anna Berg (S) med flera. "
        "Förslag: Motionen anses besvarad."
    )
    [action] = statement_actions(motion)
    assert (action.organization, action.statement_id, action.note) == (place["board"], statement.pk, reference)
    done = process.task_set.get(flow_task=process.flow_class.give_statement)
    assert done.owner == place["secretary"], "done in the name of the secretary who imported it"


def test_an_import_from_the_command_line_records_it_in_no_one_s_name(home_page, motion, place):
    process = referred(place, motion)
    import_answer(home_page)
    done = process.task_set.get(flow_task=process.flow_class.give_statement)
    assert done.status == "DONE" and done.owner is None
    assert len(statement_actions(motion)) == 1


def test_the_motion_page_shows_the_recorded_statement_in_its_handling_with_a_link(home_page, motion, place, client):
    referred(place, motion)
    statement = import_answer(home_page)
    html = client.get(motion.url).content.decode()
    handling = html[html.index("Handläggning") :]
    assert (
        f'Yttrande lämnat – Kommunstyrelsen: <a class="statement" href="{statement.url}">Svar (motionssvar) 2026-05-11'
        in handling
    )
    assert "Yttrande lämnat" in html[html.index('<span class="badge">') :].split("</span>")[0]


def test_the_admin_shows_which_underlag_a_recorded_statement_rests_on(home_page, motion, place, client):
    referred(place, motion)
    statement = import_answer(home_page)
    client.force_login(get_user_model().objects.create_superuser("admin", "a@example.se", "x"))
    response = client.get(f"/admin/pages/{motion.pk}/edit/")
    assert response.status_code == 200
    chosen = re.findall(r'<input type="hidden" name="actions-\d+-statement" value="(\d+)"', response.content.decode())
    assert chosen == [str(statement.pk)]


def test_an_underlag_made_confidential_later_is_neither_linked_nor_described_to_the_public(
    home_page, motion, place, client
):
    referred(place, motion)
    statement = import_answer(home_page)
    statement.is_confidential = True
    statement.secrecy_provision = "OSL 26 kap. 1 §"
    statement.save_revision().publish()
    html = client.get(motion.url).content.decode()
    assert "Yttrande lämnat – Kommunstyrelsen</li>" in html
    assert "Svar på motion om" not in html


def test_a_motion_already_past_its_statement_step_is_left_alone(home_page, motion, place):
    process = referred(place, motion)
    complete_task(
        open_task(process, "give_statement"), place["secretary"], statement_from=place["board"].pk, statement="Ja."
    )
    statement = import_answer(home_page, user=place["secretary"])

    assert statement.answers_id == motion.pk, "the answer is linked and listed on the page as before"
    process.refresh_from_db()
    assert process.coerced.statements == {str(place["board"].pk): "Ja."}
    assert [action.note for action in statement_actions(motion)] == ["Ja."]
    assert open_task(process, "propose") is not None


def test_a_motion_without_a_process_only_gets_the_link(home_page, motion, place, client):
    statement = import_answer(home_page, user=place["secretary"])
    assert statement.answers_id == motion.pk
    assert statement_actions(motion) == []
    assert f'href="{statement.url}"' in client.get(motion.url).content.decode()


def test_an_answer_imported_again_is_recorded_once(home_page, motion, place):
    social = factories.make_organization(place["municipality"], "Socialnämnden", "committee", abbreviation="SN")
    process = referred(place, motion, place["board"], social)
    import_answer(home_page, user=place["secretary"])
    assert open_task(process, "give_statement") is not None, "still waiting for socialnämnden"

    import_answer(home_page, user=place["secretary"])  # the same file again
    import_answer(home_page, user=place["secretary"], proposal="Motionen bifalls.")  # a revised version of it
    process.refresh_from_db()
    assert list(process.coerced.statements) == [str(place["board"].pk)]
    assert len(statement_actions(motion)) == 1
    assert StatementPage.objects.count() == 1


def test_an_underlag_from_an_organ_the_motion_was_not_referred_to_is_not_recorded(home_page, motion, place):
    social = factories.make_organization(place["municipality"], "Socialnämnden", "committee", abbreviation="SN")
    process = referred(place, motion, social)
    statement = import_answer(home_page, user=place["secretary"])
    assert statement.answers_id == motion.pk
    assert open_task(process, "give_statement") is not None, "a secretary registers socialnämndens statement"
    assert statement_actions(motion) == []


def test_an_underlag_naming_no_organ_is_recorded_for_the_one_organ_awaited(home_page, motion, place):
    process = referred(place, motion)
    text = ANSWER.format(case="2026.001 KS", subject=SUBJECT).replace("Datum: 2026-05-11 Kommunstyrelsen", "")
    _parsed, statement = _import(home_page, text, "svar.txt")
    assert StatementPage.objects.get(pk=statement.pk).organization is None
    process.refresh_from_db()
    assert list(process.coerced.statements) == [str(place["board"].pk)]


def opinion_from(organ_name, subject=SUBJECT):
    """An yttrande over the motion from `organ_name`, a document of its own beside the board's answer."""
    return (
        ANSWER.format(case="2026.001 KS", subject=subject)
        .replace("Svar på motion om", "Yttrande över motion om")
        .replace(" - Anna Berg (S) med flera\n", f", {organ_name}\n")
        .replace("Datum: 2026-05-11 Kommunstyrelsen", f"Datum: 2026-05-12 {organ_name}")
    )


def test_an_underlag_imported_before_the_referral_is_recorded_when_the_motion_is_referred(home_page, motion, place):
    statement = import_answer(home_page, user=place["secretary"])
    assert statement.answers_id == motion.pk

    process = referred(place, motion)

    assert open_task(process, "give_statement") is None
    assert open_task(process, "propose") is not None
    done = process.task_set.get(flow_task=process.flow_class.give_statement)
    assert done.owner is None, "nobody gave it here: the motion held the underlag"
    process.refresh_from_db()
    assert list(process.coerced.statements) == [str(place["board"].pk)]
    [action] = statement_actions(motion)
    assert (action.organization, action.statement_id) == (place["board"], statement.pk)


def test_each_referred_organ_s_underlag_held_before_the_referral_is_recorded_and_no_other(home_page, motion, place):
    social = factories.make_organization(place["municipality"], "Socialnämnden", "committee", abbreviation="SN")
    culture = factories.make_organization(place["municipality"], "Kulturnämnden", "committee", abbreviation="KN")
    import_answer(home_page)
    _parsed, opinion = _import(home_page, opinion_from("Kulturnämnden"), "yttrande-kn.txt")
    assert (opinion.answers_id, opinion.organization) == (motion.pk, culture)

    process = referred(place, motion, place["board"], social)

    assert [action.organization for action in statement_actions(motion)] == [place["board"]]
    assert open_task(process, "give_statement") is not None, "socialnämnden's statement is still to come"
    process.refresh_from_db()
    assert process.coerced.awaited_organ_ids == [social.pk], "kulturnämnden was not asked: its yttrande is only listed"

    _import(home_page, opinion_from("Socialnämnden"), "yttrande-sn.txt")
    assert StatementPage.objects.filter(answers=motion).count() == 3
    assert open_task(process, "propose") is not None
    assert [action.organization for action in statement_actions(motion)] == [place["board"], social]


INTERPELLATION = (
    "Eksjö kommun\nInterpellation om förskolans lokaler\nStälld till: Anna Berg (S), kommunalråd\n2023-04-02\n\n"
    "Hur många barn väntar på plats?\n\nPer Ek (M)\n"
)
INTERPELLATION_ANSWER = ANSWER.format(case="2026.001 KS", subject="x").replace(
    "Svar på motion om x - Anna Berg (S) med flera", "Svar på interpellation om förskolans lokaler"
)


@pytest.fixture
def interpellation(home_page):
    _parsed, page = _import(home_page, INTERPELLATION, "interpellation.txt")
    page = InterpellationPage.objects.get(pk=page.pk)
    council = Organization.objects.get(municipality=page.municipality, name="Kommunfullmäktige")
    factories.make_meeting(council, date(2023, 4, 24))
    factories.make_meeting(council, date(2023, 5, 22))
    return page


def test_an_interpellation_waiting_for_its_answer_records_the_imported_answer(home_page, interpellation, place):
    process = start_interpellation_process(interpellation)
    complete_task(open_task(process, "permit"), place["secretary"], permitted=True)
    _parsed, statement = _import(home_page, INTERPELLATION_ANSWER)

    assert open_task(process, "answer") is None
    assert open_task(process, "debate") is not None
    process.refresh_from_db()
    assert process.coerced.answer_text.startswith("Svar (motionssvar) 2026-05-11: Svar på interpellation om förskolans")
    interpellation.refresh_from_db()
    assert interpellation.answered_on == date(2026, 5, 11), "answered on the answer's own date, not the import's"


def test_the_interpellation_is_shown_answered_on_the_imported_answer_s_date(home_page, interpellation, place, client):
    process = start_interpellation_process(interpellation)
    complete_task(open_task(process, "permit"), place["secretary"], permitted=True)
    _import(home_page, INTERPELLATION_ANSWER)

    html = client.get(interpellation.url).content.decode()
    assert '<span class="badge">Besvarad</span>' in html
    assert '<dt>Besvarad</dt><dd class="answered-on">2026-05-11</dd>' in html
    row = f'Besvarad: <a href="{interpellation.url}">{interpellation.title}</a> <span class="muted">2026-05-11</span>'
    assert row in client.get(f"/person/{interpellation.addressee_id}/").content.decode()
    feed = client.get(f"/dokument/{interpellation.pk}/handelser.atom").content.decode()
    assert "Interpellationen besvarad" in feed and "2026-05-11" in feed


def test_an_interpellation_answered_by_an_imported_answer_leaves_the_council_agenda(
    home_page, interpellation, place, client
):
    meeting = Meeting.objects.get(organization=interpellation.organization, date=date(2023, 4, 24))
    process = start_interpellation_process(interpellation)
    complete_task(open_task(process, "permit"), place["secretary"], permitted=True)
    assert interpellation.title in client.get(f"/moten/{meeting.pk}/").content.decode()

    _import(home_page, INTERPELLATION_ANSWER)
    assert "Inga obesvarade interpellationer." in client.get(f"/moten/{meeting.pk}/").content.decode()


def test_an_answer_imported_before_the_permission_is_recorded_as_soon_as_it_is_given(home_page, interpellation, place):
    process = start_interpellation_process(interpellation)
    _import(home_page, INTERPELLATION_ANSWER)
    complete_task(open_task(process, "permit"), place["secretary"], permitted=True)

    assert open_task(process, "answer") is None
    assert open_task(process, "debate") is not None
    process.refresh_from_db()
    assert process.coerced.answer_text.startswith("Svar (motionssvar) 2026-05-11: Svar på interpellation om förskolans")
    interpellation.refresh_from_db()
    assert interpellation.answered_on == date(2026, 5, 11), "answered on the answer's own date"

    _import(home_page, INTERPELLATION_ANSWER)  # the same file again, unchanged
    assert process.task_set.filter(flow_task=process.flow_class.answer).count() == 1
    assert StatementPage.objects.count() == 1


MEMO = """Eksjö kommun
Datum: 2023-04-05 Kommunstyrelsen
Handläggare: Eva Ek
Diarienr: KS 2023/45
Tjänsteskrivelse
Underlag till interpellation om förskolans lokaler
Ärendebeskrivning
Per Ek (M) har lämnat en interpellation.
Förslag till beslut
Informationen noteras.
Eva Ek
Utredare
"""


def test_a_tjansteskrivelse_on_the_interpellation_s_case_is_not_its_answer(home_page, place):
    _parsed, page = _import(home_page, INTERPELLATION.replace("2023-04-02\n", "2023-04-02\nDnr KS 2023/45\n"))
    interpellation = InterpellationPage.objects.get(pk=page.pk)
    process = start_interpellation_process(interpellation)
    _import(home_page, MEMO)  # before the permission: held on the page when the answer step opens
    complete_task(open_task(process, "permit"), place["secretary"], permitted=True)
    _import(home_page, MEMO)  # again, while the answer is awaited

    memo = StatementPage.objects.get()
    assert (memo.answers_id, memo.statement_type) == (interpellation.pk, "memo"), "linked, listed on the page"
    assert open_task(process, "answer") is not None, "the answer is still to come"
    interpellation.refresh_from_db()
    assert interpellation.answered_on is None


def test_an_interpellation_not_yet_permitted_is_left_alone(home_page, interpellation, place):
    process = start_interpellation_process(interpellation)
    _import(home_page, INTERPELLATION_ANSWER)
    assert open_task(process, "permit") is not None
    interpellation.refresh_from_db()
    assert interpellation.answered_on is None
