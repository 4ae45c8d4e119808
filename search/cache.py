"""Request-level result caching, invalidated whenever the index changes, in any process.

Results are cached under a key that includes the index generation, a token stored in the
database (`search.state`) and replaced on every write to the index. A write made by a
command, a cron job or another web worker therefore invalidates this process's cache too,
whatever cache backend is configured (even per-process memory).
"""

import hashlib
import json

from django.core.cache import cache

from . import state

TIMEOUT = 300


def generation() -> str:
    return state.generation()


def bump_generation() -> None:
    state.bump_generation()


def key_for(params, at_generation=None):
    """`at_generation` lets one request read the generation (a database query) once for all its keys."""
    digest = hashlib.sha256(json.dumps(params, sort_keys=True, default=str).encode()).hexdigest()[:32]
    return f"search:{at_generation or generation()}:{digest}"


def get(params, at_generation=None):
    return cache.get(key_for(params, at_generation))


def put(params, value, at_generation=None):
    cache.set(key_for(params, at_generation), value, TIMEOUT)
