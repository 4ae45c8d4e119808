"""Test run: fast hashing, in-memory cache and e-mail, same database choice as base."""

import os
import tempfile

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-only-not-secret"  # noqa: S105 - test only
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":  # noqa: F405
    # A file, not memory: the search service and the cross-process tests open it too.
    DATABASES["default"]["TEST"] = {  # noqa: F405
        "NAME": os.environ.get(
            "BESLUTSSPAR_TEST_SQLITE", os.path.join(tempfile.gettempdir(), f"beslutsspar-test-{os.getpid()}.sqlite3")
        )
    }

# Tests share one engine (the session's search service, or ELASTICSEARCH_URL's cluster)
# under their own prefix.
SEARCH_INDEX_PREFIX = os.environ.get("SEARCH_INDEX_PREFIX", f"test-{os.getpid()}-")
SEARCH_REQUEST_TIMEOUT = 5

# The search rate limit is tested on its own (tests/trust/test_security.py); a whole suite
# from one address would otherwise trip it.
BESLUTSSPAR_SEARCH_RATE_LIMIT = 0
