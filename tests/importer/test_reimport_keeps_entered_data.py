"""A changed motion or interpellation imported again sets what its file gives and never
blanks what the file leaves out: an answer and its date, the person an interpellation is
put to, a diarienummer, an organ, the movers and their roles, entered on the page by a
secretary (or by an earlier import) since."""

from datetime import date

import pytest

from governance.importer.pipeline import Overrides
from governance.models import AttSats, Case, MotionMover, Organization, Person
from tests.importer.test_interpellation_to_a_post import TO_THE_CHAIR
from tests.importer.test_statements import _import
from tests.workflows.test_answers_in_interpellation_files import ANSWERED
from tests.workflows.test_imported_statements import INTERPELLATION

pytestmark = pytest.mark.django_db

#: The same interpellation with a sentence added: imported again, it updates the page.
CHANGED = INTERPELLATION.replace("2023-04-02\n\n", "2023-04-02\n\nFlera förskolor har väntat länge.\n\n")
MOTION = """Eksjö kommun
Motion om laddstationer
2025-09-24
Bakgrund
Det behövs.
Vi yrkar:
att kommunen utreder saken.
{signature}
"""


def imported(home_page, text, name="interpellation.txt", overrides=None):
    parsed, page = _import(home_page, text, name, overrides)
    return parsed, page.specific_class.objects.get(pk=page.pk)


def imported_again(home_page, text, page, name="interpellation.txt", overrides=None):
    """The page as the changed file leaves it, read afresh (its rows too), and the parse."""
    parsed, again = _import(home_page, text, name, overrides)
    assert again.pk == page.pk, "the same document, updated"
    return type(page).objects.get(pk=page.pk), parsed


def entered(page, **fields):
    """What a secretary saves on the page in the admin."""
    for name, value in fields.items():
        setattr(page, name, value)
    page.save_revision().publish()


def test_the_answer_date_a_secretary_set_stays_until_a_changed_file_dates_the_answer(home_page):
    _parsed, page = imported(home_page, INTERPELLATION)
    entered(page, answered_on=date(2023, 4, 24))

    page, _parsed = imported_again(home_page, CHANGED, page)
    assert "Flera förskolor har väntat länge." in page.introduction, "the file's own text is updated"
    assert page.answered_on == date(2023, 4, 24), "a file without an answer date erases none"

    page, _parsed = imported_again(home_page, ANSWERED, page)
    assert page.answered_on == date(2023, 4, 20), "a file that dates its answer sets the date"


def test_an_answer_entered_on_the_page_survives_a_changed_file_that_holds_only_the_question(home_page):
    _parsed, page = imported(home_page, INTERPELLATION)
    question = page.questions.get()
    question.answer = "Tolv barn väntar."
    entered(
        page,
        answered_by=Person.objects.get(name="Anna Berg"),
        answered_by_role="Kommunalråd",
        answer_introduction="Tack för frågan.",
        questions=[question],
    )

    page, _parsed = imported_again(home_page, CHANGED, page)

    assert (page.answered_by.name, page.answered_by_role) == ("Anna Berg", "Kommunalråd")
    assert page.answer_introduction == "Tack för frågan."
    assert [(q.question, q.answer) for q in page.questions.all()] == [
        ("Hur många barn väntar på plats?", "Tolv barn väntar.")
    ]


def test_an_answer_imported_earlier_survives_a_changed_file_that_holds_only_the_question(home_page):
    _parsed, page = imported(home_page, ANSWERED)
    assert page.answered_on == date(2023, 4, 20)

    page, _parsed = imported_again(home_page, CHANGED, page)

    assert page.answered_on == date(2023, 4, 20)
    assert page.answered_by.name == "Anna Berg"
    assert page.questions.get().answer == "Tolv barn väntar; alla får plats till hösten."
    assert page.is_answered


def test_an_answer_date_the_changed_file_s_date_no_longer_allows_is_removed_with_a_warning(home_page):
    _parsed, page = imported(home_page, INTERPELLATION)
    entered(page, answered_on=date(2023, 4, 24))

    page, parsed = imported_again(home_page, CHANGED.replace("2023-04-02", "2023-05-02"), page)

    assert page.date == date(2023, 5, 2)
    assert page.answered_on is None
    assert (
        "svarsdatumet på sidan (2023-04-24) är före interpellationens (2023-05-02) och togs bort; "
        "ange svarsdatum på sidan."
    ) in parsed.warnings


def test_the_person_a_secretary_named_for_an_interpellation_put_to_a_post_stays(home_page):
    mora = Overrides(municipality="Mora")
    _parsed, page = imported(home_page, TO_THE_CHAIR, overrides=mora)
    chair = Person.objects.create(municipality=page.municipality, name="Eva Ek")
    entered(page, addressee=chair)

    page, _parsed = imported_again(
        home_page, TO_THE_CHAIR.replace("i flera år.", "i flera år nu."), page, overrides=mora
    )

    assert (page.addressee, page.addressee_role) == (chair, "kommunstyrelsens ordförande")


def test_a_diarienummer_and_an_organ_entered_on_a_motion_stay_until_its_file_gives_its_own(home_page):
    _parsed, page = imported(home_page, MOTION.format(signature="Anna Berg (S)"), "motion.txt")
    assert (page.case, page.organization) == (None, None), "the file names neither"
    board = Organization.objects.create(municipality=page.municipality, name="Kommunstyrelsen")
    entered(page, case=Case.objects.create(municipality=page.municipality, case_number="KS 2025/9"), organization=board)

    changed = MOTION.format(signature="Anna Berg (S)").replace("Det behövs.", "Det behövs verkligen.")
    page, _parsed = imported_again(home_page, changed, page, "motion.txt")
    assert (page.case.case_number, page.organization) == ("KS 2025/9", board)

    page, _parsed = imported_again(
        home_page, changed.replace("2025-09-24\n", "2025-09-24\nDnr KS 2025/11\n"), page, "motion.txt"
    )
    assert page.case.case_number == "KS 2025/11", "a file that gives its number sets it"


def test_movers_and_their_roles_entered_on_a_motion_stay_when_its_file_gives_none(home_page):
    _parsed, page = imported(home_page, MOTION.format(signature="Anna Berg (S)"), "motion.txt")
    mover = page.movers.get()
    mover.role = "Gruppledare"
    entered(page, movers=[mover])
    _parsed, unsigned = imported(home_page, MOTION.format(signature="").replace("laddstationer", "cykelbanor"), "m.txt")
    assert not unsigned.movers.exists(), "the parser read no mover"
    entered(unsigned, movers=[MotionMover(person=Person.objects.get(name="Anna Berg"))])

    changed = MOTION.replace("Det behövs.", "Det behövs nu.")
    page, _parsed = imported_again(home_page, changed.format(signature="Anna Berg (S)"), page, "motion.txt")
    unsigned, _parsed = imported_again(
        home_page, changed.format(signature="").replace("laddstationer", "cykelbanor"), unsigned, "m.txt"
    )

    assert [(m.person.name, m.signed_party.abbreviation, m.role) for m in page.movers.all()] == [
        ("Anna Berg", "S", "Gruppledare")
    ]
    assert [m.person.name for m in unsigned.movers.all()] == ["Anna Berg"]


def test_att_satser_and_sections_entered_on_a_motion_whose_file_gives_none_stay(home_page):
    text = (
        "Eksjö kommun\nMotion om cykelbanor\n2025-09-24\nVi vill att kommunen bygger fler cykelbanor.\nAnna Berg (S)\n"
    )
    _parsed, page = imported(home_page, text, "motion.txt")
    assert (page.background, list(page.att_satser.all())) == ("", []), "the parser found neither"
    entered(page, background="Cyklister saknar säkra vägar.", att_satser=[AttSats(text="att bygga cykelbanor")])

    page, _parsed = imported_again(home_page, text.replace("fler", "många fler"), page, "motion.txt")

    assert page.background == "Cyklister saknar säkra vägar."
    assert [att.text for att in page.att_satser.all()] == ["att bygga cykelbanor"]
