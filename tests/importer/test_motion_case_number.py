"""A motion's own diarienummer: parser rules (sentence in, structure out), and the import
links the motion to its ärende as the other kinds are linked."""

import pytest

from governance.importer.motions import parse_motion
from governance.importer.own_case_number import find_own_case_number
from governance.models import Case, StatementPage
from tests.importer.test_statements import ANSWER, MOTION, _import


def own_number(*lines):
    return find_own_case_number(list(lines))


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Dnr KS 2023/45", "KS 2023/45"),
        ("Dnr: KS 2023/45", "KS 2023/45"),
        ("DNR KS 2023.123", "KS 2023.123"),
        ("Diarienummer: KS 2023/45", "KS 2023/45"),
        ("Diarienr 2023.446 KS", "2023.446 KS"),
        ("Ärendenummer: BUN/2022:1052", "BUN/2022:1052"),
        ("Ärendenummer 123/22", "123/22"),
    ],
)
def test_a_labelled_line_of_its_own_is_the_motion_s_number(line, expected):
    assert own_number("Motion om cykelvägar", "Vi vill ha fler cykelvägar.", line) == expected


@pytest.mark.parametrize(
    ("head_line", "expected"),
    [
        ("Motion om cykelvägar, KS 2023.123", "KS 2023.123"),
        ("Motion om cykelvägar (Dnr KS 2023/45)", "KS 2023/45"),
        ("Inkom 2023-05-02   dnr KS 2023/45", "KS 2023/45"),
        ("KSAU 2023/45", "KSAU 2023/45"),
    ],
)
def test_a_number_in_the_title_block_is_the_motion_s_number(head_line, expected):
    assert own_number("Storfors kommun", head_line, "Bakgrund", "Det behövs.") == expected


def test_a_short_stamp_line_after_the_title_block_is_the_motion_s_number():
    body = [f"Stycke {n} om varför det behövs." for n in range(10)]
    assert own_number("Motion om cykelvägar", *body, "Anna Berg (S)", "KS 2023.123") == "KS 2023.123"


def test_a_number_cited_in_a_running_sentence_is_another_matter():
    body = [f"Stycke {n} om varför det behövs." for n in range(10)]
    cited = "Kommunfullmäktige beslutade 2019 att utreda frågan (dnr KS 2019/45), men sedan dess har inget hänt."
    assert own_number("Motion om cykelvägar", *body, cited, "Anna Berg (S)") is None


def test_a_labelled_line_wins_over_a_number_cited_in_the_title_block():
    assert own_number("Motion om att följa upp KS 2019/45", "Bakgrund", "Dnr KS 2023/45") == "KS 2023/45"


@pytest.mark.parametrize("cited", ["enligt SFS 2010:800", "se SOU 2023:12", "budgetåret 2023/24", "2023-05-02"])
def test_laws_inquiries_budget_years_and_dates_are_not_diarienummer(cited):
    assert own_number(f"Motion om skolan {cited}", "Bakgrund") is None


def test_the_parsed_motion_carries_its_number_and_a_title_without_it():
    text = MOTION.format(title="cykelvägar, KS 2023.123")
    record = parse_motion(text)
    assert record["case_number"] == "KS 2023.123"
    assert record["title"] == "Motion om cykelvägar"


def test_a_motion_without_a_number_has_none():
    assert parse_motion(MOTION.format(title="cykelvägar"))["case_number"] is None


@pytest.mark.django_db
def test_an_imported_motion_is_linked_to_its_arende_and_its_answer_finds_it_by_the_number(home_page, client):
    text = MOTION.format(title="belysning i Stadsparken").replace("Bakgrund", "Dnr KS 2025/446\nBakgrund")
    _parsed, motion = _import(home_page, text, "motion.txt")
    motion.refresh_from_db()
    assert motion.case == Case.objects.get(municipality=motion.municipality, case_number="KS 2025/446")
    assert '<dd class="case-number">KS 2025/446</dd>' in client.get(motion.url).content.decode()

    _parsed, statement = _import(home_page, ANSWER.format(case="KS 2025/446", subject="något helt annat"))
    assert StatementPage.objects.get(pk=statement.pk).answers_id == motion.pk
    assert Case.objects.count() == 1, "the answer shares the motion's ärende"
