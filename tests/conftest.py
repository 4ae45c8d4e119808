"""Session-wide set-up: the site's search service runs for the whole test session.

Like `make run`, the session starts `manage.py search_service` (on a free port, against
the test database) and points ELASTICSEARCH_URL at it, in this process and in every
process a test starts; no test process starts an engine of its own. With
ELASTICSEARCH_URL set before the run, that cluster is used instead.
"""

import os

import pytest
from django.conf import settings

from tests.processes import SearchServiceProcess, database_url, free_port, service_environment

DATABASE_FIXTURES = {"db", "transactional_db", "django_db_reset_sequences", "django_db_serialized_rollback"}


def _uses_database(item) -> bool:
    return item.get_closest_marker("django_db") is not None or bool(
        DATABASE_FIXTURES & set(getattr(item, "fixturenames", ()))
    )


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(session, config, items):
    """The session's search service indexes the test database, so there always is one.

    pytest-django sets a database up only when a collected test asks for one; a run of
    parser tests alone would otherwise start the service on a database without tables,
    where it waits for ever for an index it cannot build. Last of the hooks, so `-k` and
    `-m` have already deselected: the marked test is one that runs.
    """
    if items and not any(_uses_database(item) for item in items):
        items[0].add_marker(pytest.mark.django_db)


@pytest.fixture(scope="session", autouse=True)
def search_service(django_db_setup, django_db_blocker):
    """The session's search service (None when an external cluster is configured)."""
    saved = {name: os.environ.get(name) for name in ("ELASTICSEARCH_URL", "DATABASE_URL", "SEARCH_INDEX_PREFIX")}
    os.environ["SEARCH_INDEX_PREFIX"] = settings.SEARCH_INDEX_PREFIX
    os.environ["DJANGO_SETTINGS_MODULE"] = "beslutsspar.settings.test"
    with django_db_blocker.unblock():
        os.environ["DATABASE_URL"] = database_url()
    service = None
    if not saved["ELASTICSEARCH_URL"]:
        service = SearchServiceProcess(f"127.0.0.1:{free_port()}", service_environment())
        service.wait_ready()
        os.environ["ELASTICSEARCH_URL"] = settings.ELASTICSEARCH_URL = service.url
    yield service
    if service is not None:
        service.stop()
    for name, value in saved.items():
        if value is None:
            os.environ.pop(name, None)
        else:
            os.environ[name] = value


@pytest.fixture(autouse=True)
def fresh_result_cache():
    """Each test starts with an empty result cache (the generation keys survive rollbacks)."""
    from django.core.cache import cache

    cache.clear()


@pytest.fixture
def home_page(db):
    from tests.factories import make_home_page

    return make_home_page()
