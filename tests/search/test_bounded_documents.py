"""A huge text is indexed only up to SEARCH_MAX_DOCUMENT_CHARS: the full text stays in the
database and on the page, and the search document stays small."""

from datetime import date

import pytest

from governance.models import MotionPage
from search import engine
from search.documents import alias_name
from search.faceted_search import SearchRequest, run_search
from search.indexing import bounded
from tests import factories


@pytest.fixture
def place(home_page, indexed):
    municipality = factories.make_municipality("Arjeplog")
    page = factories.make_municipality_page(home_page, municipality)
    council = factories.make_organization(municipality, "Kommunfullmäktige", "council", abbreviation="KF")
    return {"page": page, "council": council, "index": indexed}


def test_bounded_text_is_cut_at_a_word_boundary_below_the_limit(settings):
    settings.SEARCH_MAX_DOCUMENT_CHARS = 1000
    text = "budgetram " * 500
    cut = bounded(text)
    assert 800 < len(cut) <= 1000
    assert cut.split()[-1] == "budgetram"
    assert bounded("kort text") == "kort text"


def test_a_huge_document_is_capped_and_other_documents_are_found_as_before(place, settings):
    huge_background = "Kommunen ska bygga en cykelväg längs sjön. " * 120_000 + "Slutklämmen nämner renskötsel."
    assert len(huge_background) > 5_000_000
    huge = factories.publish(
        place["page"],
        MotionPage(
            title="Motion om cykelvägar",
            slug="cykelvagar",
            organization=place["council"],
            date=date(2024, 5, 1),
            background=huge_background,
        ),
    )
    factories.publish(
        place["page"],
        MotionPage(
            title="Motion om cykelparkering",
            slug="cykelparkering",
            organization=place["council"],
            date=date(2024, 6, 1),
            background="Fler cykelparkeringar vid stationen och en ny cykelväg.",
        ),
    )
    place["index"]()

    stored = engine.get_client().get(index=alias_name(), id=f"page:{huge.pk}")["_source"]
    assert len(stored["text"]) <= settings.SEARCH_MAX_DOCUMENT_CHARS
    assert MotionPage.objects.get(pk=huge.pk).background == huge_background, "the full text stays in the database"

    result = run_search(SearchRequest(q="cykelväg"))
    assert sorted(hit["title"] for hit in result["hits"]) == ["Motion om cykelparkering", "Motion om cykelvägar"]
    assert all(len(hit["highlight"]) < 1000 for hit in result["hits"])
    assert [hit["title"] for hit in run_search(SearchRequest(q="cykelparkeringar"))["hits"]] == [
        "Motion om cykelparkering"
    ]
    assert run_search(SearchRequest(q="renskötsel"))["total"] == 0, "words past the cap are not indexed"
