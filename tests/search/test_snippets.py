"""Snippets mark the words that made a hit match, from the stored text (no server needed)."""

from search.query import parse_user_query
from search.snippets import Marker, snippet


def marked(query, text):
    return snippet(Marker.for_query(parse_user_query(query)), text)


def test_inflections_and_compounds_of_the_query_word_are_marked():
    text = "Arbetsmarknaden är svag. Arbetsmarknadsenheten får nya uppdrag. Vädret var fint."
    result = marked("arbetsmarknad", text)
    assert "<mark>Arbetsmarknaden</mark>" in result
    assert "<mark>Arbetsmarknadsenheten</mark>" in result
    assert "Vädret" not in result, "only sentences that match are shown"


def test_a_compound_written_apart_is_marked_where_its_parts_stand_together():
    result = marked("äldreomsorg", "Omsorgen om äldre ska stärkas. Äldre bilar skrotas.")
    assert result == "<mark>Omsorgen</mark> om <mark>äldre</mark> ska stärkas."


def test_a_part_far_from_its_partner_is_not_marked():
    assert marked("äldreomsorg", "Äldre bilar skrotas i år. Någon omsorg behövs inte.") == ""


def test_a_sentence_repeated_in_the_text_is_shown_once():
    sentence = "Upphandlingen av skolskjuts avbryts."
    result = marked("upphandling", f"{sentence} Något annat. {sentence} Direktupphandling tillåts.")
    assert result.count("skolskjuts") == 1
    assert "<mark>Direktupphandling</mark>" in result


def test_function_word_prefixes_do_not_make_matches():
    assert marked("handling", "Upphandlingen avbryts. Handlingarna bifogas.") == "<mark>Handlingarna</mark> bifogas."


def test_snippets_stay_escaped():
    result = marked("budget", "Budgeten för <script>alert('x')</script> fastställs.")
    assert "<script>" not in result
    assert "&lt;script&gt;" in result
    assert "<mark>Budgeten</mark>" in result


def test_a_long_sentence_is_cut_around_its_match():
    text = "Inledning " * 40 + "och därefter kommer ordet trygghet i mitten av en mycket lång mening " + "slut " * 40
    result = marked("trygghet", text.strip() + ".")
    assert "<mark>trygghet</mark>" in result
    assert result.startswith("… ") and result.endswith(" …")
    assert len(result) < 260


def test_quoted_phrases_and_folded_spellings_are_marked():
    assert "<mark>lågkonjunkturen</mark>" in marked("lagkonjunktur", "Inför lågkonjunkturen.")
    assert marked('"90 dagar"', "Inom 90 dagar ska det ske.") == "Inom <mark>90</mark> <mark>dagar</mark> ska det ske."
