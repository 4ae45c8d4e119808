"""The connection to the search engine, at one configured address for every process.

`ELASTICSEARCH_URL` names the engine: an Elasticsearch 8 / OpenSearch 2+ cluster, or the
site's own embedded engine run by `manage.py search_service` (see `search.service`), which
is the default address in development. Web workers, management commands and cron jobs all
reach that one engine through the same client, exactly like an external cluster; no code
path here starts an engine. When the engine is down, requests raise one of
`SEARCH_ERRORS`: search answers "temporarily unavailable" and changes wait in the outbox.
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

_lock = threading.Lock()
_client = None
_client_url = None


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


def client_for(url: str) -> Elasticsearch:
    """A client for `url` with the configured credentials and timeout."""
    options = {"node_class": PlainJsonNode, "request_timeout": settings.SEARCH_REQUEST_TIMEOUT}
    if settings.ELASTICSEARCH_API_KEY:
        options["api_key"] = settings.ELASTICSEARCH_API_KEY
    elif settings.ELASTICSEARCH_USERNAME:
        options["basic_auth"] = (settings.ELASTICSEARCH_USERNAME, settings.ELASTICSEARCH_PASSWORD)
    return Elasticsearch(url, **options)


def engine_url() -> str:
    return settings.ELASTICSEARCH_URL


def uses_embedded_engine() -> bool:
    """True when the site's own search service runs the engine (no ELASTICSEARCH_URL given)."""
    return settings.SEARCH_EMBEDDED_ENGINE


def get_client() -> Elasticsearch:
    """The shared client for `ELASTICSEARCH_URL`; a changed setting gets a new client."""
    global _client, _client_url
    with _lock:
        if _client is None or _client_url != settings.ELASTICSEARCH_URL:
            _client = client_for(settings.ELASTICSEARCH_URL)
            _client_url = settings.ELASTICSEARCH_URL
        return _client


def reset_client() -> None:
    """Forget the client so the next `get_client()` connects afresh."""
    global _client
    with _lock:
        _client = None
