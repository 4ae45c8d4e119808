"""An assignment's status in the index follows the calendar: `search_index refresh` (daily,
and the search service) re-sends the assignments whose status the passing days changed."""

from datetime import date, timedelta
from io import StringIO

import pytest
from django.core.management import call_command

from governance.models import Assignment
from search import engine, state
from search.documents import alias_name
from search.faceted_search import SearchRequest, run_search
from search.indexing import document_for_assignment
from search.models import IndexChange
from tests import factories


def statuses(q):
    return [hit["status"] for hit in run_search(SearchRequest(q=q))["hits"]]


def index_as_of(assignment, day):
    """Put the assignment into the index as it was indexed on `day`."""
    document = document_for_assignment(assignment, day=day)
    client = engine.get_client()
    client.index(index=alias_name(), id=document.pop("_id"), document=document, refresh=True)
    state.set_statuses_as_of(day)
    state.bump_generation()


@pytest.fixture
def municipality(home_page, indexed):
    municipality = factories.make_municipality("Ragunda")
    indexed()
    return municipality


def test_a_status_that_changed_as_days_passed_is_refreshed(municipality):
    today = date.today()
    stalling = Assignment.objects.create(
        municipality=municipality,
        title="Utreda färjeläget",
        task="Utreda färjeläget.",
        decided_on=today - timedelta(days=60),
        due_date=today + timedelta(days=20),
    )
    steady = Assignment.objects.create(
        municipality=municipality,
        title="Utreda hamnplanen",
        task="Utreda hamnplanen.",
        decided_on=today - timedelta(days=60),
        due_date=today + timedelta(days=20),
        completed_on=today - timedelta(days=40),
    )
    month_ago = today - timedelta(days=30)
    for assignment in (stalling, steady):
        index_as_of(assignment, month_ago)
    IndexChange.objects.all().delete()
    assert statuses("färjeläget") == ["on_time"], "as indexed a month ago"

    out = StringIO()
    call_command("search_index", "refresh", stdout=out)

    assert "1 uppdrag har fått ny status" in out.getvalue()
    assert statuses("färjeläget") == ["stalled"]
    assert statuses("hamnplanen") == ["done"]
    assert state.statuses_as_of() == today
    assert not IndexChange.objects.exists()


def test_a_second_refresh_on_the_same_day_sends_nothing(municipality):
    call_command("search_index", "refresh", stdout=StringIO())
    out = StringIO()
    call_command("search_index", "refresh", stdout=out)
    assert "0 uppdrag har fått ny status" in out.getvalue()
