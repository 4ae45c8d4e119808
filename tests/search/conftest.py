"""Search tests run against the session's search service, or ELASTICSEARCH_URL's cluster."""

import pytest

from search import engine
from search.rebuild import rebuild_index


@pytest.fixture
def search_client(search_service):
    """The client every process uses: the configured address, not an engine of its own."""
    return engine.get_client()


@pytest.fixture
def indexed(search_client, db):
    """Call after building data: rebuilds the index from the test database."""

    def rebuild():
        rebuild_index(client=engine.get_client())

    return rebuild
