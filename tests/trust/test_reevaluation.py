"""Changing a page's visibility re-evaluates everything derived from it at once: its §s and
the assignments they created leave the search index (and come back when it is public again)."""

from datetime import date

import pytest
from wagtail.models import PageViewRestriction

from governance.models import Assignment
from search.faceted_search import SearchRequest, run_search
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def decision(home_page, indexed, django_capture_on_commit_callbacks):
    municipality = factories.make_municipality("Ydre")
    page = factories.make_municipality_page(home_page, municipality)
    board = factories.make_organization(municipality, "Kommunstyrelsen", "executive", abbreviation="KS")
    with django_capture_on_commit_callbacks(execute=True):
        minutes = factories.make_minutes(page, board, date(2022, 5, 4))
        paragraph = factories.make_paragraph(
            minutes, 12, "Vildsvinsplan", ["Kommundirektören får i uppdrag att ta fram en vildsvinsplan."]
        )
        Assignment.objects.create(
            municipality=municipality,
            title="Ta fram vildsvinsplan",
            task="Ta fram en vildsvinsplan.",
            decision=paragraph.decisions.first(),
            source_page=paragraph,
            decided_on=date(2022, 5, 4),
        )
    indexed()
    return {"page": page, "board": board, "minutes": minutes, "paragraph": paragraph}


def found_kinds(word):
    return sorted(hit["kind"] for hit in run_search(SearchRequest(q=word))["hits"])


def make_confidential(minutes):
    minutes.is_confidential = True
    minutes.secrecy_provision = "OSL 26 kap. 1 §"
    minutes.save_revision().publish()


def restrict(minutes):
    PageViewRestriction.objects.create(page=minutes, restriction_type=PageViewRestriction.LOGIN)


def unpublish(minutes):
    minutes.unpublish()


CHANGES = {"confidential": make_confidential, "view_restriction": restrict, "unpublished": unpublish}


@pytest.mark.parametrize("change", sorted(CHANGES))
def test_a_protokoll_made_non_public_takes_its_paragraphs_and_their_assignments_out_of_search(
    decision, change, django_capture_on_commit_callbacks
):
    assert found_kinds("vildsvinsplan") == ["assignment", "minutes"]
    with django_capture_on_commit_callbacks(execute=True):
        CHANGES[change](decision["minutes"])
    assert found_kinds("vildsvinsplan") == []


def test_a_paragraph_moved_under_an_unpublished_protokoll_leaves_search(decision, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        draft = factories.make_minutes(decision["page"], decision["board"], date(2022, 6, 1))
        draft.unpublish()
        decision["paragraph"].move(draft, pos="last-child")
    assert found_kinds("vildsvinsplan") == []


def test_a_protokoll_published_again_brings_everything_back(decision, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        decision["minutes"].unpublish()
    assert found_kinds("vildsvinsplan") == []
    with django_capture_on_commit_callbacks(execute=True):
        decision["minutes"].save_revision().publish()
    assert found_kinds("vildsvinsplan") == ["assignment", "minutes"]


def test_a_live_paragraph_under_an_unpublished_protokoll_is_not_served(decision, client):
    decision["minutes"].unpublish()
    paragraph = decision["paragraph"]
    paragraph.refresh_from_db()
    assert paragraph.live
    assert client.get(paragraph.url).status_code == 404
