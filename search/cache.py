"""Request-level result caching, invalidated whenever the index changes.

Search results are cached under a key that includes an index generation number; every
write to the index bumps the generation, so a cached answer is never staler than the
index itself.
"""

import hashlib
import json

from django.core.cache import cache

GENERATION_KEY = "search:generation"
TIMEOUT = 300


def generation():
    return cache.get_or_set(GENERATION_KEY, 1, None)


def bump_generation():
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:
        cache.set(GENERATION_KEY, 2, None)


def key_for(params):
    digest = hashlib.sha256(json.dumps(params, sort_keys=True, default=str).encode()).hexdigest()[:32]
    return f"search:{generation()}:{digest}"


def get(params):
    return cache.get(key_for(params))


def put(params, value):
    cache.set(key_for(params), value, TIMEOUT)
