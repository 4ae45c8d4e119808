"""A motion or initiative put forward by a party group that no one signs gets the party as
its mover; a party only mentioned in running text does not."""

from pathlib import Path

import pytest
from django.conf import settings

from governance.importer.corpus import find_corpus
from governance.importer.motions import parse_motion
from governance.importer.pipeline import Overrides, parse_text
from governance.importer.reading import read_text

BODY = "Initiativ om en yrkesmässa\n\nMånga unga vet lite om yrkena i kommunen.\n\n"


def movers(ending):
    return [(m["name"], m["party"], m.get("party_name"), m["role"]) for m in parse_motion(BODY + ending)["movers"]]


@pytest.mark.parametrize(
    ("ending", "expected"),
    [
        (
            "Mot bakgrund av detta föreslår Vänsterpartiet:\n● Kommunen utreder en årlig yrkesmässa.\n",
            [("", "V", "Vänsterpartiet", "")],
        ),
        ("Vänsterpartiet föreslår att kommunen utreder en yrkesmässa.\n", [("", "V", "Vänsterpartiet", "")]),
        ("Vänsterpartiet yrkar\n\natt kommunen utreder en yrkesmässa.\n", [("", "V", "Vänsterpartiet", "")]),
        (
            "Vi yrkar därför\n\natt kommunen utreder en yrkesmässa.\n\nFör Vänsterpartiet\n",
            [("", "V", "Vänsterpartiet", "")],
        ),
        (
            "Vi yrkar därför\n\natt kommunen utreder en yrkesmässa.\n\nModeraterna i Alingsås\n",
            [("", "M", "Moderaterna", "Moderaterna i Alingsås")],
        ),
        (
            "Vi yrkar därför\n\natt kommunen utreder en yrkesmässa.\n\n(V)-gruppen\n",
            [("", "V", "Vänsterpartiet", "(V)-gruppen")],
        ),
        (
            "Vi yrkar därför\n\natt kommunen utreder en yrkesmässa.\n\nSocialdemokraternas fullmäktigegrupp\n",
            [("", "S", "Socialdemokraterna", "Socialdemokraternas fullmäktigegrupp")],
        ),
        (
            "Därför yrkar vi i Vänsterpartiet och Miljöpartiet de gröna\n\natt kommunen utreder en yrkesmässa.\n",
            [("", "V", "Vänsterpartiet", ""), ("", "MP", "Miljöpartiet de gröna", "")],
        ),
        (
            "Alingsåspartiet föreslår kommunfullmäktige att utreda en yrkesmässa.\n",
            [("", "", "Alingsåspartiet", "")],
        ),
    ],
)
def test_a_party_that_proposes_or_signs_with_no_name_is_the_mover(ending, expected):
    assert movers(ending) == expected


def test_a_party_moving_through_a_named_person_makes_the_person_the_mover():
    ending = "Vi yrkar därför\n\natt kommunen utreder en yrkesmässa.\n\nSverigedemokraterna genom Anna Berg\n"
    assert movers(ending) == [("Anna Berg", "SD", None, "")]


@pytest.mark.parametrize(
    "ending",
    [
        "Vänsterpartiet har tidigare föreslagit en mässa.\n\nVi yrkar\n\natt kommunen utreder en yrkesmässa.\n",
        "Moderaterna föreslår i sin budget att mässan stryks.\n\nVi yrkar\n\natt kommunen utreder en mässa.\n",
        "Vänsterpartiet menar att kommunen bör agera.\n",
    ],
)
def test_a_party_only_mentioned_in_running_text_is_no_mover(ending):
    assert movers(ending) == []


def test_a_signing_person_stays_the_mover_when_the_party_also_proposes():
    ending = "Mot bakgrund av detta föreslår Vänsterpartiet:\n● Kommunen utreder en mässa.\n\nAnna Berg (V)\n"
    assert movers(ending) == [("Anna Berg", "V", None, "")]


def test_the_review_shows_the_party_where_a_signers_name_would_stand():
    parsed = parse_text(
        "Initiativärende\nTill kommunstyrelsen\n2026-06-17\n\nBakgrund.\n\nVänsterpartiet yrkar\n\n"
        "att kommunen utreder en yrkesmässa.\n",
        "initiativ.txt",
        Overrides(municipality="Alingsås"),
    )
    assert parsed.ok, parsed.errors
    assert parsed.data["movers"] == [{"name": "", "party": "V", "party_name": "Vänsterpartiet", "role": ""}]


CORPUS = find_corpus(settings.BASE_DIR) or Path(settings.BASE_DIR).parent / "shared" / "corpus"
INITIATIVE = CORPUS / "municipalities" / "alingsas" / "motion-2026-06-17-initiativ-yrkes-och-framtidsmassa-v.pdf"


@pytest.mark.skipif(not INITIATIVE.is_file(), reason="development corpus not present")
def test_the_corpus_nämndinitiativ_signed_by_no_one_has_vänsterpartiet_as_mover():
    motion = parse_motion(read_text(INITIATIVE))
    assert [(m["name"], m["party"], m["party_name"]) for m in motion["movers"]] == [("", "V", "Vänsterpartiet")]
