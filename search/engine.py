"""The connection to the search engine: a configured cluster, or the embedded engine.

With `ELASTICSEARCH_URL` set, that cluster is used (Elasticsearch 8 or OpenSearch 2+,
with user/password or an API key). Without it, the `osmem-server` binary from PyPI is
started on a free port on 127.0.0.1 the first time search is used, and lives as long as
this process (it exits when our end of its stdin closes). Either way the same client,
the same requests: one code path.
"""

import logging
import threading

from django.conf import settings
from elastic_transport import ConnectionError as TransportConnectionError
from elastic_transport import TransportError, Urllib3HttpNode
from elasticsearch import ApiError, Elasticsearch

logger = logging.getLogger(__name__)

#: What the engine raises when it is down or refuses; callers degrade instead of failing.
SEARCH_ERRORS = (TransportConnectionError, TransportError, ApiError, ConnectionError, OSError)

_lock = threading.RLock()
_client = None
_embedded = None


class PlainJsonNode(Urllib3HttpNode):
    """Sends plain `application/json` (and `application/x-ndjson` for bulk).

    The 8.x client asks for `application/vnd.elasticsearch+json; compatible-with=8`,
    which OpenSearch-compatible engines (the embedded one included) reject with 406.
    Elasticsearch 8 accepts plain JSON too, so this node works against every engine.
    """

    def perform_request(self, method, target, body=None, headers=None, **kwargs):
        if headers is not None:
            headers = headers.copy()
            for name in ("content-type", "accept"):
                if name in headers:
                    headers[name] = "application/x-ndjson" if "ndjson" in headers[name] else "application/json"
        return super().perform_request(method, target, body=body, headers=headers, **kwargs)


def _client_for(url):
    options = {"node_class": PlainJsonNode, "request_timeout": settings.SEARCH_REQUEST_TIMEOUT}
    if settings.ELASTICSEARCH_API_KEY:
        options["api_key"] = settings.ELASTICSEARCH_API_KEY
    elif settings.ELASTICSEARCH_USERNAME:
        options["basic_auth"] = (settings.ELASTICSEARCH_USERNAME, settings.ELASTICSEARCH_PASSWORD)
    return Elasticsearch(url, **options)


def start_embedded():
    """Start the embedded engine; returns its URL."""
    global _embedded
    from osmem_server import OsmemServer

    _embedded = OsmemServer.start(japanese=False)
    logger.info("Embedded search engine started at %s", _embedded.url)
    return _embedded.url


def stop_embedded():
    """Stop the embedded engine. The client stays pointed at it, so search reports itself
    unavailable (and changes wait in the outbox) until `restart_embedded()`."""
    global _embedded
    with _lock:
        if _embedded is not None:
            _embedded.close(grace=1.0)
            _embedded = None


def restart_embedded(rebuild=True):
    """Start a fresh embedded engine and point the client at it.

    A fresh engine is empty: `rebuild` fills it from the database (what the site does at
    start); without it only what the outbox replays arrives.
    """
    global _client
    with _lock:
        if _embedded is not None:
            _embedded.close(grace=1.0)
        _client = _client_for(start_embedded())
    if rebuild:
        from .indexing import rebuild_index

        rebuild_index(client=_client)
    return _client


def embedded_engine_running():
    return _embedded is not None


def uses_embedded_engine():
    return not settings.ELASTICSEARCH_URL


def get_client():
    """The shared client; starts the embedded engine and fills its index on first use."""
    global _client
    with _lock:
        if _client is not None:
            return _client
        if settings.ELASTICSEARCH_URL:
            _client = _client_for(settings.ELASTICSEARCH_URL)
            return _client
        _client = _client_for(start_embedded())
    # A new embedded engine is empty: the database is the source of truth, fill it.
    from .indexing import rebuild_index

    rebuild_index(client=_client)
    return _client


def reset_client():
    """Forget the client so the next `get_client()` reconnects (or restarts the engine)."""
    global _client
    with _lock:
        _client = None
