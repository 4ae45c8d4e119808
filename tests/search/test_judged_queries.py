"""A judged query set over the five seed documents, imported as a secretary would."""

from pathlib import Path

import pytest
from django.conf import settings

from governance.importer.pipeline import Overrides, parse_file
from governance.importer.writer import DocumentWriter
from search.faceted_search import SearchRequest, run_search

SEEDS = Path(settings.BASE_DIR) / "fixtures" / "seeds"


@pytest.fixture
def seeds(home_page, indexed):
    for path in sorted(SEEDS.glob("*.txt")):
        overrides = Overrides(municipality="Exempelkommun") if path.name.startswith("ksau") else None
        parsed = parse_file(path, overrides)
        assert parsed.ok, parsed.errors
        DocumentWriter(home_page).write(parsed)
    indexed()


def hits(q):
    return run_search(SearchRequest(q=q))["hits"]


def test_handlingsplan_lagkonjunktur_ranks_ksau_80_first(seeds):
    first = hits("handlingsplan lågkonjunktur")[0]
    assert (first["kind"], first["title"]) == (
        "minutes",
        "§ 80 Arbetsmarknadspolitik och försörjningsstöd - information",
    )


def test_arbetsmarknadsenhet_finds_the_eksjo_motion_and_the_enkoping_interpellation(seeds):
    found = {(hit["kind"], hit["municipality"]) for hit in hits("arbetsmarknadsenhet")}
    assert ("motion", "Eksjö") in found
    assert ("interpellation", "Enköping") in found


def test_feriearbete_finds_the_enkoping_answer(seeds):
    assert any(hit["kind"] == "interpellation" and "feriearbete" in hit["highlight"] for hit in hits("feriearbete"))


def test_90_dagar_finds_the_falkoping_strategy(seeds):
    assert [hit["municipality"] for hit in hits('"90 dagar"')] == ["Falköping"]


def test_the_program_is_found_by_its_diarienummer(seeds):
    assert hits("KK 2021-000274 628")[0]["title"] == "Arbetsmarknadsprogram 2022 - 2024"


def test_overdue_assignments_can_be_searched_by_status(seeds):
    result = run_search(SearchRequest(q="", filters={"status": "overdue"}))
    assert result["total"] >= 3
    assert {hit["kind"] for hit in result["hits"]} == {"assignment"}
