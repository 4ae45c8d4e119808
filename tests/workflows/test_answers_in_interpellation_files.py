"""A file holding an interpellation and its answer completes the answer step ("Besvara") the
interpellation's process waits at, as an imported answer does, and the interpellation is
answered on the date the file gives the answer. A process anywhere else is left alone, and
nothing is recorded twice."""

from datetime import date

import pytest
from django.contrib.auth import get_user_model

from governance.importer.importing import store
from governance.importer.pipeline import parse_text
from governance.models import InterpellationPage, Organization
from governance.roles import SECRETARIES, ensure_role_groups
from tests import factories
from tests.workflows.test_imported_statements import INTERPELLATION
from workflows.models import InterpellationProcess
from workflows.services import complete_task, open_task, process_for, start_interpellation_process

pytestmark = pytest.mark.django_db

ANSWERED = INTERPELLATION + (
    "\nSvar på interpellation om förskolans lokaler\n\n"
    "1. Hur många barn väntar på plats?\n\n"
    "Tolv barn väntar; alla får plats till hösten.\n\n"
    "Eksjö den 20 april 2023\n\n"
    "Anna Berg\nKommunalråd\n"
)
ANSWERED_ON = date(2023, 4, 20)


def import_file(home_page, text, user=None):
    parsed = parse_text(text, "interpellation.txt")
    assert parsed.ok, parsed.errors
    result = store(parsed, home_page, user=user)
    assert result is not None, parsed.errors
    return result


def in_council(page):
    """The council meets 2023-04-24 and 2023-05-22, so the answer step can be dated."""
    council = Organization.objects.get(municipality=page.municipality, name="Kommunfullmäktige")
    factories.make_meeting(council, date(2023, 4, 24))
    factories.make_meeting(council, date(2023, 5, 22))
    return page


@pytest.fixture
def asked(home_page):
    """The interpellation imported on its own, before it was answered."""
    return in_council(InterpellationPage.objects.get(pk=import_file(home_page, INTERPELLATION).page.pk))


@pytest.fixture
def secretary(home_page, asked):
    user = get_user_model().objects.create_user("sekreterare", password="x")
    user.groups.add(ensure_role_groups(home_page)[SECRETARIES])
    factories.make_scope(user, asked.municipality, whole_municipality=True)
    return user


def waiting_for_the_answer(page, secretary):
    process = start_interpellation_process(page)
    complete_task(open_task(process, "permit"), secretary, permitted=True)
    return process


def answer_tasks(process):
    return process.task_set.filter(flow_task=process.flow_class.answer)


def test_a_file_holding_the_answer_completes_the_answer_step_the_interpellation_waits_at(home_page, asked, secretary):
    process = waiting_for_the_answer(asked, secretary)
    result = import_file(home_page, ANSWERED, user=secretary)

    assert (result.status, result.page.pk) == ("updated", asked.pk), "the same interpellation, now with its answer"
    assert open_task(process, "answer") is None
    assert open_task(process, "debate") is not None
    [done] = answer_tasks(process)
    assert done.owner == secretary, "done in the name of the secretary who imported it"
    process.refresh_from_db()
    assert process.coerced.answer_text == "Svaret står i interpellationens eget dokument (2023-04-20)."
    assert process.coerced.answer_dated == ANSWERED_ON
    asked.refresh_from_db()
    assert asked.answered_on == ANSWERED_ON
    assert asked.answered_by.name == "Anna Berg"
    assert asked.questions.get().answer == "Tolv barn väntar; alla får plats till hösten."


def test_a_file_that_does_not_date_its_answer_is_answered_on_the_day_it_is_recorded(home_page, asked, secretary):
    process = waiting_for_the_answer(asked, secretary)
    import_file(home_page, ANSWERED.replace("Eksjö den 20 april 2023\n\n", ""))

    assert open_task(process, "debate") is not None
    process.refresh_from_db()
    assert process.coerced.answer_text == "Svaret står i interpellationens eget dokument."
    assert process.coerced.answer_dated is None
    asked.refresh_from_db()
    assert asked.answered_on == date.today(), "no date of its own to give: the day the answer is registered"


def test_importing_the_file_again_records_nothing_twice_and_moves_the_process_no_further(home_page, asked, secretary):
    process = waiting_for_the_answer(asked, secretary)
    import_file(home_page, ANSWERED, user=secretary)
    revisions = asked.revisions.count()

    assert import_file(home_page, ANSWERED, user=secretary).status == "unchanged"
    assert import_file(home_page, ANSWERED.replace("Tolv barn", "Elva barn"), user=secretary).status == "updated"

    assert answer_tasks(process).count() == 1
    assert open_task(process, "debate") is not None, "the debate is the council's, not the file's"
    process.refresh_from_db()
    assert process.coerced.answer_text == "Svaret står i interpellationens eget dokument (2023-04-20)."
    asked.refresh_from_db()
    assert asked.answered_on == ANSWERED_ON
    assert asked.revisions.count() == revisions + 1, "only the changed file made a revision"


def test_a_process_not_yet_permitted_is_left_alone_while_the_page_is_answered_on_the_file_s_date(
    home_page, asked, secretary
):
    process = start_interpellation_process(asked)
    import_file(home_page, ANSWERED, user=secretary)

    assert open_task(process, "permit") is not None, "the council's permission is not the file's to give"
    assert not answer_tasks(process).exists()
    asked.refresh_from_db()
    assert asked.answered_on == ANSWERED_ON


def created_by_import(home_page, text, secretary, django_capture_on_commit_callbacks):
    """A page the import creates, with the process its first publication starts (at the
    council's permission, where every process starts)."""
    with django_capture_on_commit_callbacks(execute=True):
        page = InterpellationPage.objects.get(pk=import_file(home_page, text, user=secretary).page.pk)
    process = process_for(InterpellationProcess, page)
    assert open_task(process, "permit") is not None
    return page, process


def test_a_page_created_with_its_answer_is_answered_on_the_file_s_date_once_the_council_permits_it(
    home_page, asked, secretary, django_capture_on_commit_callbacks
):
    text = ANSWERED.replace("förskolans lokaler", "skolskjutsarna")  # another interpellation in the same council
    page, process = created_by_import(home_page, text, secretary, django_capture_on_commit_callbacks)
    only_asked, waiting = created_by_import(
        home_page,
        INTERPELLATION.replace("förskolans lokaler", "simhallen"),
        secretary,
        django_capture_on_commit_callbacks,
    )

    complete_task(open_task(process, "permit"), secretary, permitted=True)
    complete_task(open_task(waiting, "permit"), secretary, permitted=True)

    assert open_task(process, "answer") is None, "the page held its answer: nothing left to wait for"
    assert open_task(process, "debate") is not None
    [done] = answer_tasks(process)
    assert done.owner is None, "nobody answered it here: the page held the answer"
    process.refresh_from_db()
    assert process.coerced.answer_text == "Svaret står i interpellationens eget dokument (2023-04-20)."
    assert process.coerced.answer_dated == ANSWERED_ON
    page.refresh_from_db()
    assert page.answered_on == ANSWERED_ON
    assert open_task(waiting, "answer") is not None, "an interpellation holding only its question waits for the answer"
    only_asked.refresh_from_db()
    assert only_asked.answered_on is None

    revisions = page.revisions.count()
    assert import_file(home_page, text, user=secretary).status == "unchanged"
    assert import_file(home_page, text.replace("Tolv barn", "Elva barn"), user=secretary).status == "updated"
    assert answer_tasks(process).count() == 1, "recorded once, whatever is imported after"
    page.refresh_from_db()
    assert page.answered_on == ANSWERED_ON
    assert page.revisions.count() == revisions + 1, "only the changed file made a revision"


def test_permitting_in_the_inbox_records_the_answer_the_page_holds(
    home_page, asked, secretary, django_capture_on_commit_callbacks, client
):
    text = ANSWERED.replace("förskolans lokaler", "skolskjutsarna")
    page, process = created_by_import(home_page, text, secretary, django_capture_on_commit_callbacks)
    permit = open_task(process, "permit")
    client.force_login(secretary)
    assert client.post(f"/arenden/interpellation/{process.pk}/permit/{permit.pk}/assign/").status_code == 302
    response = client.post(f"/arenden/interpellation/{process.pk}/permit/{permit.pk}/execute/", {"permitted": "on"})

    assert response.status_code == 302
    assert open_task(process, "answer") is None
    assert open_task(process, "debate") is not None
    page.refresh_from_db()
    assert page.answered_on == ANSWERED_ON


def test_an_interpellation_answered_in_the_inbox_stays_answered_when_its_file_is_imported_again_changed(
    home_page, asked, secretary
):
    process = waiting_for_the_answer(asked, secretary)
    complete_task(open_task(process, "answer"), secretary, answer_text="Tolv barn väntar.")
    asked.refresh_from_db()
    assert (asked.answered_on, asked.answer_introduction) == (date.today(), "Tolv barn väntar.")

    changed = INTERPELLATION.replace("2023-04-02\n\n", "2023-04-02\n\nFlera förskolor har väntat länge.\n\n")
    assert import_file(home_page, changed, user=secretary).status == "updated"

    asked.refresh_from_db()
    assert (asked.answered_on, asked.answer_introduction) == (date.today(), "Tolv barn väntar.")
    assert asked.is_answered
