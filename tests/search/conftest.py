"""Search tests run against a real engine: the embedded one, or ELASTICSEARCH_URL's cluster."""

import pytest

from search import engine
from search.indexing import rebuild_index


@pytest.fixture(scope="session")
def search_client(django_db_setup, django_db_blocker):
    """One engine for the whole session, started through the site's own code path.

    A test that restarts the embedded engine replaces it; later tests should ask
    `engine.get_client()` rather than keep this object."""
    with django_db_blocker.unblock():
        client = engine.get_client()
    yield client
    # The index of the last test is left for inspection; the embedded engine exits with us.


@pytest.fixture
def indexed(search_client, db):
    """Call after building data: rebuilds the index from the test database."""

    def rebuild():
        rebuild_index(client=engine.get_client())

    return rebuild
