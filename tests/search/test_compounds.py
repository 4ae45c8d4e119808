"""Compound splitting on real compounds from the seeds and the corpus."""

import pytest

from search.analysis import base_form, compound_parts, contained_words, split_compound, terms


@pytest.mark.parametrize(
    ("word", "parts"),
    [
        ("arbetsmarknadsenhet", ("arbetsmarknad", "enhet")),
        ("ungdomsarbetslösheten", ("ungdom", "arbetslösheten")),
        ("försörjningsstöd", ("försörjning", "stöd")),
        ("näringslivsrådet", ("näringsliv", "rådet")),
        ("arbetsmarknadsprogram", ("arbetsmarknad", "program")),
        ("kommunstyrelsen", ("kommun", "styrelsen")),
        ("genomförandeplan", ("genomförande", "plan")),
        ("feriearbete", ("ferie", "arbete")),
        ("utbildningsförvaltningen", ("utbildning", "förvaltningen")),
    ],
)
def test_real_compounds_split_into_their_words(word, parts):
    assert split_compound(word) == parts


@pytest.mark.parametrize(
    "word",
    [
        "informationen",
        "organisationen",
        "arbetslösheten",
        "betalningen",
        "kommun",
        "handlingar",  # not hand + lin + gar
        "verksamheten",  # not verk + samheten
        "förskola",  # not för + skola: a function word is never a part
        "upphandling",  # not upp + handling
        "undersökning",  # not under(s) + ökning
        "överenskommelse",
        "parkering",  # not park + ring: a split never cuts into a derivational ending
        "handling",  # not hand + ling
        "kostnaden",
        "hållbarhet",
    ],
)
def test_words_that_are_not_compounds_stay_whole(word):
    assert split_compound(word) == ()


@pytest.mark.parametrize(
    ("word", "contained"),
    [
        ("äldreomsorgsnämnden", ("äldreomsorg", "äldre", "omsorg", "nämnd")),
        ("förskolenämndens", ("förskola", "nämnd")),
        ("upphandlingsskadeavgiften", ("upphandling", "skada", "avgift")),
        ("arbetsmiljön", ("arbete", "miljö")),
        ("detaljplanens", ("detalj", "plan")),
    ],
)
def test_a_compound_contains_the_base_forms_a_reader_would_search_for(word, contained):
    assert contained_words(word) == contained


def test_compound_parts_of_a_text():
    assert compound_parts("Inrätta en ny arbetsmarknadsenhet i kommunen") == "arbetsmarknad enhet"


@pytest.mark.parametrize(
    ("word", "base"),
    [
        ("arbetsmarknaden", "arbetsmarknad"),
        ("enheterna", "enhet"),
        ("programmet", "program"),
        ("planen", "plan"),
        ("kommunerna", "kommun"),
        ("lågkonjunkturen", "lågkonjunktur"),
        ("arbetslösheten", "arbetslöshet"),
        ("Sverige", "sverige"),
        ("arbetsmarknadsenheten", "arbetsmarknadsenhet"),
        ("nämnden", "nämnd"),
        ("förskolor", "förskola"),
        ("utbildningsnämnden", "utbildningsnämnd"),
    ],
)
def test_inflected_words_reduce_to_their_dictionary_base_form(word, base):
    assert base_form(word) == base


def test_terms_hold_base_forms_and_compound_parts_without_stop_words():
    assert (
        terms("Inrätta en ny arbetsmarknadsenhet i kommunen")
        == "inrätta ny arbetsmarknadsenhet arbetsmarknad arbete marknad enhet kommun"
    )
