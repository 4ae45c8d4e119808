"""An interpellation's own diarienummer, read as a motion's is: parser rules (text in,
number and title out), and the import links the interpellation to its ärende so an answer
registered on that number finds it."""

import pytest

from governance.importer.interpellations import parse_interpellation
from governance.models import Case, InterpellationPage, StatementPage
from tests.importer.test_statements import ANSWER, _import

INTERPELLATION = """Eksjö kommun
{head}Interpellation till Anna Berg (S) om {subject}
2023-04-02

Flera förskolor har väntat länge.

1. Hur många barn väntar på plats?
{tail}
Per Ek (M)
"""


def interpellation(subject="förskolans lokaler", head="", tail=""):
    return INTERPELLATION.format(subject=subject, head=head, tail=tail)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Dnr KS 2023/45", "KS 2023/45"),
        ("Diarienummer: KS 2023/45", "KS 2023/45"),
        ("Ärendenummer: BUN/2022:1052", "BUN/2022:1052"),
    ],
)
def test_a_labelled_line_of_its_own_is_the_interpellation_s_number(line, expected):
    assert parse_interpellation(interpellation(tail=f"\n{line}\n"))["case_number"] == expected


def test_a_number_in_the_letterhead_above_the_title_is_the_interpellation_s_number():
    record = parse_interpellation(interpellation(head="Inkom 2023-04-02   dnr KS 2023/45\n"))
    assert record["case_number"] == "KS 2023/45"
    assert record["title"] == "Interpellation till Anna Berg (S) om förskolans lokaler"


def test_a_number_closing_the_title_is_the_case_and_not_part_of_the_title():
    record = parse_interpellation(interpellation(subject="förskolans lokaler, KS 2023.123"))
    assert record["case_number"] == "KS 2023.123"
    assert record["title"] == "Interpellation till Anna Berg (S) om förskolans lokaler"


def test_a_short_stamp_line_after_the_title_block_is_the_interpellation_s_number():
    body = "".join(f"Stycke {n} om varför det behövs.\n" for n in range(10))
    assert parse_interpellation(interpellation(tail=body + "KS 2023.123\n"))["case_number"] == "KS 2023.123"


def test_a_number_cited_in_a_running_sentence_is_another_matter():
    body = "".join(f"Stycke {n} om varför det behövs.\n" for n in range(10))
    cited = "Kommunfullmäktige beslutade 2019 att bygga ut förskolan (dnr KS 2019/45), men inget har hänt.\n"
    assert parse_interpellation(interpellation(tail=body + cited))["case_number"] is None


def test_a_number_in_the_answer_of_a_file_holding_both_is_not_the_interpellation_s():
    answer = (
        "Svar på interpellation om förskolans lokaler\n\n"
        "1. Hur många barn väntar på plats?\n\n"
        "Tolv barn väntar.\n\n"
        "Dnr SN 2022/7\n\n"
        "Anna Berg\nKommunalråd\n\n"
    )
    text = answer + interpellation().replace("Eksjö kommun\n", "")
    record = parse_interpellation(text)
    assert record["answer"] is not None, "the file holds the answer too"
    assert record["case_number"] is None


def test_an_interpellation_without_a_number_has_none():
    assert parse_interpellation(interpellation())["case_number"] is None


@pytest.mark.django_db
def test_an_imported_interpellation_is_linked_to_its_arende_and_its_answer_finds_it_by_the_number(home_page, client):
    _parsed, page = _import(home_page, interpellation(head="Dnr KS 2025/446\n"), "interpellation.txt")
    page = InterpellationPage.objects.get(pk=page.pk)
    assert page.case == Case.objects.get(municipality=page.municipality, case_number="KS 2025/446")
    assert '<dd class="case-number">KS 2025/446</dd>' in client.get(page.url).content.decode()

    answer = ANSWER.format(case="KS 2025/446", subject="x").replace(
        "Svar på motion om x - Anna Berg (S) med flera", "Svar på interpellation om något helt annat"
    )
    _parsed, statement = _import(home_page, answer)
    assert StatementPage.objects.get(pk=statement.pk).answers_id == page.pk
    assert Case.objects.count() == 1, "the answer shares the interpellation's ärende"
