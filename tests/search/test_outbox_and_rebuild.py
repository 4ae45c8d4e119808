"""The outbox is never emptied by a rebuild, is drained by one process at a time, and every
drain invalidates cached results in every process."""

import threading
from datetime import date

import pytest
from django.db import connection, connections

from governance.models import MotionPage
from search import state
from search.faceted_search import SearchRequest, run_search
from search.models import IndexChange
from search.outbox import flush_outbox
from search.rebuild import rebuild_index
from tests import factories


@pytest.fixture
def place(home_page, indexed):
    municipality = factories.make_municipality("Torsby")
    page = factories.make_municipality_page(home_page, municipality)
    council = factories.make_organization(municipality, "Kommunfullmäktige", "council", abbreviation="KF")
    indexed()
    return {"page": page, "council": council}


def motion(place, title, slug):
    return factories.publish(
        place["page"], MotionPage(title=title, slug=slug, organization=place["council"], date=date(2024, 5, 1))
    )


def titles(q):
    return [hit["title"] for hit in run_search(SearchRequest(q=q))["hits"]]


def test_a_change_made_during_a_rebuild_is_kept_and_replayed_after_it(place):
    motion(place, "Motion om vandringsleder", "vandringsleder")  # waits in the outbox: covered by the rebuild
    during = {}

    def change_midway(count):
        if not during:
            during["motion"] = motion(place, "Motion om fiskevatten", "fiskevatten")
            during["drain"] = flush_outbox()  # another drainer now: held back by the rebuild

    result = rebuild_index(progress=change_midway)

    assert during["drain"].held_back == "busy"
    assert during["drain"].sources == 0
    assert result.replayed.sources >= 1, "the change made during the rebuild was replayed after the swap"
    assert titles("vandringsleder") == ["Motion om vandringsleder"]
    assert titles("fiskevatten") == ["Motion om fiskevatten"]
    assert not IndexChange.objects.exists()
    assert not state.rebuild_running()


def test_a_rebuild_cannot_start_while_another_holds_the_lease(place):
    state.acquire_rebuild_lease()
    try:
        with pytest.raises(state.RebuildInProgress):
            rebuild_index()
    finally:
        state.release_rebuild_lease()


def test_cached_results_are_invalidated_by_a_write_from_elsewhere(place):
    motion(place, "Motion om skolskjutsar", "skolskjutsar")
    flush_outbox()
    assert titles("skolskjutsar") == ["Motion om skolskjutsar"]  # now cached
    before = state.generation()
    MotionPage.objects.get(slug="skolskjutsar").unpublish()
    flush_outbox()  # as any other process would
    assert state.generation() != before
    assert titles("skolskjutsar") == []


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks between connections need PostgreSQL")
def test_while_one_process_drains_another_leaves_the_changes_to_it(search_service):
    holding, release = threading.Event(), threading.Event()

    def first_drainer():
        try:
            with state.drain_lock() as acquired:
                assert acquired
                holding.set()
                release.wait(10)
        finally:
            connections.close_all()

    thread = threading.Thread(target=first_drainer)
    thread.start()
    try:
        assert holding.wait(10)
        # Written while the lock is held, so no drainer (the session's service included) takes it first.
        IndexChange.objects.create(source=IndexChange.Source.PAGE, object_id=1)
        result = flush_outbox()
        assert result.held_back == "busy" and result.sources == 0
        assert IndexChange.objects.count() == 1, "left for the drainer holding the lock"
    finally:
        release.set()
        thread.join()
    assert flush_outbox().waiting == 0
