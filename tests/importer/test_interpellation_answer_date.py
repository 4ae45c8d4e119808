"""The date of the answer in a file holding an interpellation and its answer: parser rules
(text in, date out), read only where an answer is dated, never from its sentences."""

from datetime import date
from pathlib import Path

import pytest

from governance.importer.interpellations import parse_interpellation
from governance.importer.pipeline import parse_text

SEEDS = Path(__file__).resolve().parents[2] / "fixtures" / "seeds"

ASKED = """Eksjö kommun
Interpellation om förskolans lokaler
Ställd till: Anna Berg (S), kommunalråd
2023-04-02

Hur många barn väntar på plats?

Per Ek (M)
"""


def answer(head="", by_signature="", after_signature=""):
    return (
        f"Svar på interpellation om förskolans lokaler\n{head}\n"
        "1. Hur många barn väntar på plats?\n\n"
        "Tolv barn väntade den 1 april 2023; alla får plats till hösten.\n\n"
        f"{by_signature}Anna Berg\nKommunalråd\n{after_signature}\n"
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (ASKED + "\n" + answer(by_signature="Eksjö den 20 april 2023\n\n"), date(2023, 4, 20)),
        (ASKED + "\n" + answer(by_signature="Eksjö 2023-04-20\n\n"), date(2023, 4, 20)),
        (answer(head="Datum: 2023-04-20\n") + "\n" + ASKED.replace("Eksjö kommun\n", ""), date(2023, 4, 20)),
        (answer(head="2023-04-20\n") + "\n" + ASKED.replace("Eksjö kommun\n", ""), date(2023, 4, 20)),
        (ASKED + "\n" + answer(after_signature="20 april 2023\n"), date(2023, 4, 20)),
    ],
    ids=[
        "place-den-written-date",
        "place-iso-date",
        "datum-label-in-head",
        "date-line-in-head",
        "date-under-signature",
    ],
)
def test_the_answer_is_dated_by_its_place_and_date_line_or_a_date_line_of_its_own(text, expected):
    record = parse_interpellation(text)
    assert record["answer"]["date"] == expected
    assert record["date"] == date(2023, 4, 2), "the interpellation keeps its own date"


def test_a_date_in_the_answer_s_sentences_never_dates_the_answer_its_own_line_does():
    assert parse_interpellation(ASKED + "\n" + answer())["answer"]["date"] is None
    dated = parse_interpellation(ASKED + "\n" + answer(by_signature="Eksjö 2023-04-20\n\n"))
    assert dated["answer"]["date"] == date(2023, 4, 20), "not the 1 april its sentence names"


def test_the_seed_s_answer_is_dated_by_a_dating_line_and_not_by_the_days_its_sentences_name():
    seed = (SEEDS / "enkoping-2020-interpellation-svar.txt").read_text()
    assert parse_interpellation(seed)["answer"]["date"] is None, "the seed's answer is dated nowhere"
    signed = seed.replace("\nMats Flodin\n", "\nEnköping den 20 oktober 2020\n\nMats Flodin\n", 1)
    record = parse_interpellation(signed)
    assert record["answer"]["date"] == date(2020, 10, 20)
    assert record["answer"]["by"] == "Mats Flodin"
    assert record["date"] == date(2020, 9, 3)


def test_the_dating_line_is_neither_in_the_answer_nor_in_its_signature():
    record = parse_interpellation(ASKED + "\n" + answer(by_signature="Eksjö den 20 april 2023\n\n"))
    assert record["question_rows"][0]["answer"] == "Tolv barn väntade den 1 april 2023; alla får plats till hösten."
    assert (record["answer"]["by"], record["answer"]["role"]) == ("Anna Berg", "Kommunalråd")
    head = parse_interpellation(answer(head="Datum: 2023-04-20\n") + "\n" + ASKED.replace("Eksjö kommun\n", ""))
    assert head["answer"]["introduction"] == "Svar på interpellation om förskolans lokaler"


def test_an_answer_dated_before_the_interpellation_is_not_dated_and_the_import_says_why():
    parsed = parse_text(ASKED + "\n" + answer(by_signature="Eksjö den 1 mars 2023\n\n"), "interpellation.txt")
    assert parsed.ok, parsed.errors
    assert parsed.data["answer"]["date"] is None
    assert (
        "svarets datum (2023-03-01) är före interpellationens (2023-04-02) och användes inte; ange svarsdatum på sidan."
        in parsed.warnings
    )
