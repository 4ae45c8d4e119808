"""Compound precision, judged both ways on real compounds from kommunstyrelse minutes.

A compound query finds its own inflections and the longer compounds that contain it, the
exact word first; its parts count only written next to each other, ranked lower. A query
for a short word finds the compounds built on it, but never words that merely start with
the same letters.
"""

from datetime import date

import pytest

from governance.models import Assignment
from search.faceted_search import SearchRequest, run_search
from tests import factories

PARAGRAPHS = {
    "exact": "Upphandlingen av skolskjuts avbryts och görs om.",
    "plural": "Två upphandlingar av städtjänster pågår.",
    "longer": "Upphandlingsnämnden får i uppdrag att utreda saken.",
    "apart": "Nämnden tar upp frågan igen och beslutar om vidare handling av ärendet.",
    "elderly": "Rutinen som i dag finns i hemtjänsten ska även gälla för äldreomsorgen i övrigt.",
    "elderly_board": "Äldreomsorgsnämnden yttrar sig över remissen.",
    "elderly_apart": "Omsorgen om äldre personer ska stärkas under året.",
    "elderly_far": "Äldre fordon ska bytas ut. Personalen ger god service och omsorg i alla delar.",
    "documents": "Handlingarna i ärendet bifogas protokollet.",
    "preschool": "Förskolenämnden får ansvar för fler förskolor.",
    "school": "Skolan får nya lokaler.",
    "activity": "Verksamheten utvecklas vidare under året.",
}


@pytest.fixture
def minutes(home_page, indexed):
    municipality = factories.make_municipality("Göteborg")
    page = factories.make_municipality_page(home_page, municipality)
    board = factories.make_organization(municipality, "Kommunstyrelsen", "executive", abbreviation="KS")
    meeting = factories.make_minutes(page, board, date(2024, 1, 10))
    for number, (key, text) in enumerate(PARAGRAPHS.items(), start=1):
        factories.make_paragraph(meeting, number, f"Ärende {key}", [text])
    # The judged set is paragraphs; an assignment read from "longer" would repeat its text.
    Assignment.objects.filter(read_from_text=True).delete()
    indexed()


def found(q):
    return [hit["title"].removeprefix("§ ").split(" ", 2)[-1] for hit in run_search(SearchRequest(q=q))["hits"]]


def test_a_compound_query_finds_its_inflections_and_longer_compounds_not_its_parts_apart(minutes):
    hits = found("upphandling")
    assert set(hits) == {"exact", "plural", "longer"}, "'upp' and 'handling' apart are not 'upphandling'"
    assert hits[-1] == "longer", "the word itself before a longer compound"


def test_a_compound_written_apart_counts_only_when_its_parts_stand_together_and_ranks_last(minutes):
    hits = found("äldreomsorg")
    assert set(hits) == {"elderly", "elderly_board", "elderly_apart"}
    assert hits[-1] == "elderly_apart"


def test_a_word_does_not_match_words_that_only_begin_like_it(minutes):
    assert found("hand") == []
    assert found("verk") == []
    assert found("skola") == ["school"], "förskola is its own word, not för + skola"


def test_a_short_word_finds_the_compounds_built_on_it(minutes):
    assert set(found("förskola")) == {"preschool"}
    assert set(found("nämnd")) >= {"longer", "elderly_board", "preschool"}
    assert set(found("handling")) == {"documents", "apart"}
