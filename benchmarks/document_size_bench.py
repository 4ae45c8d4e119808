"""What one long document costs the engine, and what the per-document cap buys.

Usage (the engine is the site's, as for every process):
  .venv/bin/python manage.py search_service --addr 127.0.0.1:9201 -- .venv/bin/python benchmarks/document_size_bench.py

For texts of growing size whose every sentence matches the query, prints the engine's
wall-clock time for the query alone and with engine-side highlighting (which the site no
longer asks for: snippets are made by the application), then the length actually indexed
for a 5 MB text under SEARCH_MAX_DOCUMENT_CHARS. Uses a scratch index, deleted afterwards.
"""

import os
import sys
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "beslutsspar.settings.dev")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402

from search.engine import get_client  # noqa: E402
from search.indexing import bounded  # noqa: E402

SENTENCE = "Kommunen ska bygga en cykelväg längs sjön. "
SIZES = [1_000, 5_000, 20_000, 40_000]


def timed(client, index, body, runs=3):
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        client.options(request_timeout=600).search(index=index, **body)
        best = min(best, time.perf_counter() - start)
    return best * 1000


def main():
    client = get_client()
    index = f"bench-docsize-{uuid.uuid4().hex[:8]}"
    client.indices.create(index=index, mappings={"properties": {"text": {"type": "text"}}})
    try:
        print(f"engine {settings.ELASTICSEARCH_URL}; query 'cykelväg', every sentence matches")
        for size in SIZES:
            text = (SENTENCE * (size // len(SENTENCE) + 1))[:size]
            client.index(index=index, id="1", document={"text": text}, refresh=True)
            query = {"query": {"match": {"text": "cykelväg"}}}
            highlighted = dict(query, highlight={"fields": {"text": {"fragment_size": 180, "number_of_fragments": 2}}})
            print(
                f"{size:>7} chars: query {timed(client, index, query):7.1f} ms, "
                f"with engine highlighting {timed(client, index, highlighted, runs=1):8.1f} ms"
            )
        huge = SENTENCE * (5_000_000 // len(SENTENCE))
        print(
            f"a {len(huge):,} char text is indexed as {len(bounded(huge)):,} chars "
            f"(SEARCH_MAX_DOCUMENT_CHARS={settings.SEARCH_MAX_DOCUMENT_CHARS})"
        )
    finally:
        client.indices.delete(index=index)


if __name__ == "__main__":
    main()
