"""Publishing, unpublishing, moving, deleting and workflow changes reach the index through
the outbox; when the engine is down nothing is lost and the site says so."""

from datetime import date

import pytest
from django.core.management import call_command

from governance.models import Assignment, MotionPage
from search import engine
from search.faceted_search import SearchRequest, run_search
from search.models import IndexChange
from tests import factories
from tests.processes import free_port


@pytest.fixture
def place(home_page, indexed):
    municipality = factories.make_municipality("Avesta")
    page = factories.make_municipality_page(home_page, municipality)
    council = factories.make_organization(municipality, "Kommunfullmäktige", "council", abbreviation="KF")
    indexed()
    return {"municipality": municipality, "page": page, "council": council}


def titles(q):
    return [hit["title"] for hit in run_search(SearchRequest(q=q))["hits"]]


def publish_motion(place, title, capture):
    motion = MotionPage(
        title=title, slug=title.lower().replace(" ", "-"), organization=place["council"], date=date(2024, 5, 1)
    )
    with capture(execute=True):
        factories.publish(place["page"], motion)
    return motion


def test_publishing_and_unpublishing_update_the_index(place, django_capture_on_commit_callbacks):
    motion = publish_motion(place, "Motion om cykelbanor", django_capture_on_commit_callbacks)
    assert titles("cykelbanor") == ["Motion om cykelbanor"]
    assert not IndexChange.objects.exists(), "the outbox is emptied once the engine has the change"
    with django_capture_on_commit_callbacks(execute=True):
        motion.unpublish()
    assert titles("cykelbanor") == []


def test_deleting_a_page_removes_it(place, django_capture_on_commit_callbacks):
    motion = publish_motion(place, "Motion om badplatser", django_capture_on_commit_callbacks)
    with django_capture_on_commit_callbacks(execute=True):
        motion.delete()
    assert titles("badplatser") == []


def test_moving_a_page_reindexes_it_with_its_new_municipality(place, home_page, django_capture_on_commit_callbacks):
    motion = publish_motion(place, "Motion om laddstolpar", django_capture_on_commit_callbacks)
    other = factories.make_municipality_page(home_page, factories.make_municipality("Eksjö"))
    with django_capture_on_commit_callbacks(execute=True):
        motion.move(other, pos="last-child")
    [hit] = run_search(SearchRequest(q="laddstolpar"))["hits"]
    assert hit["url"].startswith("/eksjo/")


def test_assignment_status_changes_reach_the_index(place, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        assignment = Assignment.objects.create(
            municipality=place["municipality"],
            title="Utreda snöröjning",
            task="Utreda snöröjning.",
            decided_on=date(2024, 1, 1),
            due_date=date(2024, 2, 1),
        )
    assert [h["title"] for h in run_search(SearchRequest(q="snöröjning", filters={"status": "overdue"}))["hits"]] == [
        "Utreda snöröjning"
    ]
    with django_capture_on_commit_callbacks(execute=True):
        assignment.completed_on = date(2024, 3, 1)
        assignment.save()
    assert run_search(SearchRequest(q="snöröjning", filters={"status": "done"}))["total"] == 1


def test_changes_wait_in_the_outbox_while_the_engine_is_down_and_are_replayed(
    place, client, settings, django_capture_on_commit_callbacks
):
    live_url = settings.ELASTICSEARCH_URL
    settings.ELASTICSEARCH_URL = f"http://127.0.0.1:{free_port()}"  # nothing answers there: the engine is down
    motion = publish_motion(place, "Motion om isbanor", django_capture_on_commit_callbacks)
    assert motion.live, "saving works while search is down"
    assert IndexChange.objects.filter(object_id=motion.pk).exists()
    page = client.get("/sok/?q=isbanor")
    assert page.status_code == 503
    assert "Sökningen är tillfälligt otillgänglig" in page.content.decode()
    assert client.get("/api/search/?q=isbanor").status_code == 503
    assert IndexChange.objects.filter(object_id=motion.pk).exists(), "a failed drain after the request keeps it"

    settings.ELASTICSEARCH_URL = live_url  # the engine is back, but has not been told yet
    assert titles("isbanor") == []
    call_command("search_index", "update")
    assert titles("isbanor") == ["Motion om isbanor"]
    assert not IndexChange.objects.exists()


def test_search_is_unavailable_rather_than_empty_while_an_engine_has_no_index_yet(place, client, settings):
    settings.SEARCH_INDEX_PREFIX = f"{settings.SEARCH_INDEX_PREFIX}not-built-yet-"  # as a restarted engine
    assert client.get("/api/search/?q=budget").status_code == 503
    assert "Sökningen är tillfälligt otillgänglig" in client.get("/sok/?q=budget").content.decode()


def test_the_json_api_has_the_documented_shape(place, client, django_capture_on_commit_callbacks):
    publish_motion(place, "Motion om bibliotek", django_capture_on_commit_callbacks)
    data = client.get("/api/search/?q=bibliotek&kind=motion&sort=date&page=1").json()
    assert data["total"] == 1
    assert set(data["hits"][0]) == {"title", "kind", "url", "date", "organization", "municipality", "highlight"}
    assert set(data["facets"]) == {"kind", "organization", "municipality", "year", "status", "party"}
    assert data["facets"]["kind"] == [{"value": "motion", "count": 1}]


def test_user_syntax_errors_never_give_a_server_error(place, client):
    for q in ['"', "((", "title:*", "-", '""', 'a" OR "b', "\\", "[2020 TO]", "ä" * 600]:
        assert client.get("/api/search/", {"q": q}).status_code == 200, q


def test_the_search_page_shows_facets_and_hits(place, client, django_capture_on_commit_callbacks):
    publish_motion(place, "Motion om simhallar", django_capture_on_commit_callbacks)
    content = client.get("/sok/?q=simhallar").content.decode()
    assert "Motion om simhallar" in content
    assert "Typ" in content and "Motion" in content
    assert "1 träff" in content


def test_rebuild_swaps_the_alias_to_a_new_index_and_drops_the_old(
    place, search_client, django_capture_on_commit_callbacks
):
    from io import StringIO

    from search.documents import alias_name

    search_client = engine.get_client()  # the engine may have been restarted by an earlier test
    publish_motion(place, "Motion om parker", django_capture_on_commit_callbacks)
    before = set(search_client.indices.get_alias(name=alias_name()))
    out = StringIO()
    call_command("search_index", "rebuild", "--no-progress", stdout=out)
    after = set(search_client.indices.get_alias(name=alias_name()))
    assert len(after) == 1 and after.isdisjoint(before)
    assert not any(search_client.indices.exists(index=name) for name in before)
    assert titles("parker") == ["Motion om parker"]
    status = StringIO()
    call_command("search_index", "status", stdout=status)
    assert "Väntande ändringar i utkorgen: 0" in status.getvalue()
