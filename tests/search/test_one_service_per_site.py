"""Every process of the site reaches one search engine: a change made by a command, a
shell or another web worker is found (or gone) everywhere within seconds."""

import os
import signal
import subprocess
import sys
from datetime import date

import pytest
import requests

from governance.models import MotionPage
from search import engine
from search.faceted_search import SearchRequest, run_search
from search.models import IndexChange
from search.rebuild import rebuild_index
from tests import factories
from tests.processes import PROJECT_DIR, free_port, run_manage, run_python, wait_until

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def place(search_service):
    home = factories.make_home_page()
    municipality = factories.make_municipality("Avesta")
    page = factories.make_municipality_page(home, municipality)
    factories.make_organization(municipality, "Kommunfullmäktige", "council", abbreviation="KF")
    rebuild_index(client=engine.get_client())
    return page


def titles(q):
    return [hit["title"] for hit in run_search(SearchRequest(q=q))["hits"]]


PUBLISH = """
from datetime import date
from governance.models import MunicipalityPage, MotionPage, Organization
from tests import factories
parent = MunicipalityPage.objects.get(pk={parent})
council = Organization.objects.get(municipality=parent.municipality, abbreviation="KF")
factories.publish(parent, MotionPage(title="{title}", slug="{slug}", organization=council, date=date(2024, 5, 1)))
"""
UNPUBLISH = """
from governance.models import MotionPage
MotionPage.objects.get(slug="{slug}").unpublish()
"""


def test_a_page_published_and_unpublished_in_another_process_is_found_and_gone_here_within_seconds(place):
    run_python(PUBLISH.format(parent=place.pk, title="Motion om skidspår", slug="skidspar"))
    wait_until(lambda: titles("skidspår") == ["Motion om skidspår"], timeout=10, message="found here")
    run_python(UNPUBLISH.format(slug="skidspar"))
    wait_until(lambda: titles("skidspår") == [], timeout=10, message="gone here")


def test_a_change_left_in_the_outbox_by_a_process_without_engine_is_sent_by_the_service(place):
    """An import or a shell whose engine was unreachable: the service drains it, no save needed."""
    dead = f"http://127.0.0.1:{free_port()}"
    run_python(
        f"from django.conf import settings\nsettings.ELASTICSEARCH_URL = {dead!r}\n"
        + PUBLISH.format(parent=place.pk, title="Motion om elljusspår", slug="elljusspar")
    )
    wait_until(lambda: titles("elljusspår") == ["Motion om elljusspår"], timeout=15, message="sent by the service")
    wait_until(lambda: not IndexChange.objects.exists(), timeout=10, message="outbox drained")


def test_search_index_status_reports_a_down_engine_without_starting_one(place):
    dead = f"http://127.0.0.1:{free_port()}"
    completed = subprocess.run(
        [sys.executable, "manage.py", "search_index", "status"],
        cwd=PROJECT_DIR,
        capture_output=True,
        text=True,
        env={**os.environ, "ELASTICSEARCH_URL": dead},
        timeout=120,
    )
    assert completed.returncode != 0
    assert f"Sökmotorn på {dead} svarar inte" in completed.stderr
    assert "Väntande ändringar i utkorgen: 0." in completed.stdout
    with pytest.raises(requests.ConnectionError):
        requests.get(dead, timeout=2)  # still nothing there: no engine was started


def test_the_search_index_update_command_from_cron_sends_what_is_waiting(place):
    motion = factories.publish(
        place,
        MotionPage(
            title="Motion om pulkabackar",
            slug="pulkabackar",
            organization=place.municipality.organizations.get(abbreviation="KF"),
            date=date(2024, 5, 1),
        ),
    )
    IndexChange.objects.create(source=IndexChange.Source.PAGE, object_id=motion.pk)
    completed = run_manage("search_index", "update")
    assert completed.returncode == 0, completed.stderr
    assert titles("pulkabackar") == ["Motion om pulkabackar"]
    assert not IndexChange.objects.exists()


@pytest.fixture
def gunicorn(search_service, tmp_path):
    port = free_port()
    log = open(tmp_path / "gunicorn.log", "w")  # noqa: SIM115 - closed with the server
    process = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "beslutsspar.wsgi", "-w", "2", "-b", f"127.0.0.1:{port}", "-t", "60"],
        cwd=PROJECT_DIR,
        stdout=subprocess.DEVNULL,
        stderr=log,
        text=True,
    )
    url = f"http://127.0.0.1:{port}"

    def up():
        try:
            return requests.get(f"{url}/api/search/?q=x", timeout=30).status_code == 200
        except requests.RequestException:
            return False

    try:
        wait_until(up, timeout=90, message="gunicorn answering")
        yield url
    finally:
        process.send_signal(signal.SIGINT)  # quick shutdown
        try:
            process.wait(30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
            raise AssertionError("gunicorn did not stop:\n" + (tmp_path / "gunicorn.log").read_text()) from None
        finally:
            log.close()


def test_two_gunicorn_workers_agree_after_an_unpublish_in_another_process(place, gunicorn):
    run_python(PUBLISH.format(parent=place.pk, title="Motion om hundrastgårdar", slug="hundrastgardar"))
    wait_until(lambda: titles("hundrastgårdar"), timeout=10, message="indexed")

    def answers():
        session = requests.Session()
        pages = [session.get(f"{gunicorn}/sok/", params={"q": "hundrastgårdar"}, timeout=30) for _ in range(20)]
        apis = [session.get(f"{gunicorn}/api/search/", params={"q": "hundrastgårdar"}, timeout=30) for _ in range(20)]
        return ["Motion om hundrastgårdar" in page.text for page in pages] + [api.json()["total"] for api in apis]

    assert answers() == [True] * 20 + [1] * 20  # both workers warm their caches
    run_python(UNPUBLISH.format(slug="hundrastgardar"))
    wait_until(lambda: answers() == [False] * 20 + [0] * 20, timeout=15, message="every answer without the page")
