"""The search service keeps its engine alive and takes it down with it.

Each test runs a service of its own (own port, own index prefix), so killing its engine
leaves the session's alone."""

import os
import signal
from datetime import date

import pytest

from governance.models import MotionPage
from search.faceted_search import SearchRequest, run_search
from search.models import IndexChange
from search.service import engine_environment
from tests import factories
from tests.processes import SearchServiceProcess, free_port, pid_alive, service_environment, wait_until

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def own_service(settings, search_service):
    prefix = f"{settings.SEARCH_INDEX_PREFIX}own-"
    service = SearchServiceProcess(f"127.0.0.1:{free_port()}", service_environment({"SEARCH_INDEX_PREFIX": prefix}))
    settings.SEARCH_INDEX_PREFIX = prefix
    try:
        service.wait_ready()
        settings.ELASTICSEARCH_URL = service.url
        yield service
    finally:
        service.stop(signal.SIGKILL)


def titles(q):
    return [hit["title"] for hit in run_search(SearchRequest(q=q))["hits"]]


def publish_motion(parent, council, title, slug):
    return factories.publish(parent, MotionPage(title=title, slug=slug, organization=council, date=date(2024, 5, 1)))


def test_a_killed_engine_comes_back_by_itself_with_nothing_lost(own_service):
    home = factories.make_home_page()
    municipality = factories.make_municipality("Mora")
    parent = factories.make_municipality_page(home, municipality)
    council = factories.make_organization(municipality, "Kommunfullmäktige", "council", abbreviation="KF")
    publish_motion(parent, council, "Motion om isvägar", "isvagar")
    wait_until(lambda: titles("isvägar") == ["Motion om isvägar"], timeout=10, message="indexed before the kill")

    first_engine = own_service.engine_pid()
    os.kill(first_engine, signal.SIGKILL)
    wait_until(lambda: not pid_alive(first_engine), timeout=10, message="engine dead")
    # Saved while the engine is down (or still rebuilding): must not be lost.
    publish_motion(parent, council, "Motion om snöskotrar", "snoskotrar")

    own_service.wait_ready(times=2, timeout=60)
    assert own_service.engine_pid() != first_engine
    assert "sökmotorn avslutades" in own_service.output()
    wait_until(lambda: titles("isvägar") == ["Motion om isvägar"], timeout=15, message="old page back")
    wait_until(lambda: titles("snöskotrar") == ["Motion om snöskotrar"], timeout=15, message="change made while down")
    wait_until(lambda: not IndexChange.objects.exists(), timeout=15, message="outbox empty")


def test_stopping_the_service_stops_its_engine(own_service):
    engine_pid = own_service.engine_pid()
    assert own_service.stop(signal.SIGTERM) == 0
    wait_until(lambda: not pid_alive(engine_pid), timeout=10, message="engine stopped with the service")


def test_the_engine_exits_when_its_service_is_killed_outright(own_service):
    engine_pid = own_service.engine_pid()
    own_service.stop(signal.SIGKILL)
    wait_until(lambda: not pid_alive(engine_pid), timeout=10, message="engine gone after its parent")


def engine_environment_of(pid):
    with open(f"/proc/{pid}/environ", "rb") as environ:
        return dict(item.decode().partition("=")[::2] for item in environ.read().split(b"\0") if item)


def test_the_engine_collects_garbage_less_often_within_a_memory_cap(own_service):
    """Go's default collector marked the whole in-memory index every few dozen broad queries."""
    environment = engine_environment_of(own_service.engine_pid())
    assert environment["GOGC"] == "400"
    limit = environment["GOMEMLIMIT"]
    assert limit.endswith("MiB") and 0 < int(limit.removesuffix("MiB")) * (1 << 20) < os.sysconf(
        "SC_PHYS_PAGES"
    ) * os.sysconf("SC_PAGE_SIZE")


def test_an_operators_own_collector_settings_win(settings):
    settings.SEARCH_ENGINE_MEMORY_LIMIT = "3GiB"
    assert engine_environment({"GOGC": "150"}) == {"GOGC": "150", "GOMEMLIMIT": "3GiB"}
    assert engine_environment({"GOMEMLIMIT": "1GiB"})["GOMEMLIMIT"] == "1GiB"
