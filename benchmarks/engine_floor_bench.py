"""How fast could any query shape be on the embedded engine? The floor under the search.

Usage (a search service running, e.g. `manage.py search_service --addr 127.0.0.1:9299 &`):
  python3 ../shared/bench/gen_corpus.py ../shared/corpus/goteborg-ks /tmp/corpus.jsonl 100000
  ELASTICSEARCH_URL=http://127.0.0.1:9299 .venv/bin/python benchmarks/engine_floor_bench.py /tmp/corpus.jsonl 100000

Indexes the first N paragraphs of a corpus file (the comparison instrument's format) through
the project's mapping and app-side analysis, then times over the comparison's 30 queries
(1 warm-up pass, then `--passes` passes):

- the product's search as users get it (`run_search`, result cache emptied per query);
- the engine floor: the query's base forms as one conjunction on the single `terms` field,
  ten ids and an exact total, and nothing else (no title or exact-form scoring, no compound
  parts, no facets, no source, no snippets, no response wrapping);

and the embedded engine's CPU per query for both. When the floor's p95 alone exceeds another
system's p95 for the whole search, no query shape, mapping or caching-free trick on this
engine reaches it: the time is the engine's cost of finding and ranking the matches.
"""

import argparse
import json
import os
import sys
import time
from pathlib import Path

# search_bench sets up Django on a throwaway database and index prefix when imported.
sys.path.insert(0, str(Path(__file__).resolve().parent))
os.environ.setdefault("SEARCH_INDEX_PREFIX", f"floor-{os.getpid()}-")
from django.core.management import call_command  # noqa: E402
from search_bench import engine_cpu_seconds, index_corpus, percentile  # noqa: E402

from search import cache  # noqa: E402
from search.analysis import base_form  # noqa: E402
from search.documents import alias_name  # noqa: E402
from search.engine import get_client  # noqa: E402
from search.faceted_search import SearchRequest, run_search  # noqa: E402
from search.query import parse_user_query  # noqa: E402

# The comparison instrument's 30 queries (../shared/bench/common.py), kept here so the
# benchmark runs without it.
QUERIES = [
    "förskola", "detaljplan", "budget 2024", "äldreomsorg", "motion cykelbana",
    "upphandling", "bostäder", "klimat", "skola", "trygghet",
    "kollektivtrafik", "ekonomiskt bistånd", "hemlöshet", "idrott", "kultur",
    "markanvisning", "arvode", "civil beredskap", "socialtjänst", "näringsliv",
    "parkering", "avfall", "energi", "lokaler", "taxa",
    "barn och unga", "våld nära relationer", "miljö", "exploatering", "tjänsteutlåtande",
]  # fmt: skip


def load_documents(path, size):
    """The first `size` paragraphs of a comparison corpus file as search_bench's documents."""
    documents = []
    with open(path, encoding="utf-8") as lines:
        for number, line in zip(range(size), lines, strict=False):
            paragraph = json.loads(line)
            documents.append(
                {
                    "title": paragraph["title"],
                    "label": paragraph["title"],
                    "text": paragraph["text"],
                    "kind": paragraph["kind"],
                    "organization": paragraph["organization"],
                    "municipality": paragraph["municipality"],
                    "date": paragraph["date"],
                    "year": paragraph["year"],
                    "case_number": paragraph.get("case_number"),
                    "people": [],
                    "parties": [],
                    "status": None,
                    "url": f"/p/{number}/",
                    "source_id": f"floor:{number}",
                }  # fmt: skip
            )
    return documents


def full_search(client, query):
    cache.bump_generation()
    run_search(SearchRequest(q=query, filters={}))


def floor_search(client, query):
    words = " ".join(base_form(term) for term in parse_user_query(query).terms)
    body = {"match": {"terms": {"query": words, "operator": "and"}}}
    client.search(index=alias_name(), query=body, size=10, source=False, track_total_hits=True)


def timed(client, search, passes):
    for query in QUERIES:
        search(client, query)
    engine_before = engine_cpu_seconds()
    timings = {}
    for _pass in range(passes):
        for query in QUERIES:
            started = time.perf_counter()
            search(client, query)
            timings.setdefault(query, []).append((time.perf_counter() - started) * 1000)
    engine = engine_cpu_seconds()
    cpu = (engine - engine_before) * 1000 / (passes * len(QUERIES)) if engine_before is not None else None
    return timings, cpu


def report(name, timings, cpu):
    values = [ms for per_query in timings.values() for ms in per_query]
    line = f"{name}: p50 {percentile(values, 0.5):.1f} ms, p95 {percentile(values, 0.95):.1f} ms"
    if cpu is not None:
        line += f", engine CPU {cpu:.1f} ms per query"
    slowest = sorted(timings, key=lambda query: -percentile(timings[query], 0.5))[:4]
    print(line)
    print("  slowest (median): " + ", ".join(f"{q!r} {percentile(timings[q], 0.5):.0f} ms" for q in slowest))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("corpus", help="JSON lines from ../shared/bench/gen_corpus.py")
    parser.add_argument("size", type=int)
    parser.add_argument("--passes", type=int, default=5)
    args = parser.parse_args()
    call_command("migrate", verbosity=0)
    client = get_client()
    seconds = index_corpus(client, load_documents(args.corpus, args.size))
    print(f"{args.size} paragraphs indexed in {seconds:.1f} s; load average {os.getloadavg()[0]:.2f}")
    report("search as users get it", *timed(client, full_search, args.passes))
    report("engine floor (one conjunction on one field, nothing else)", *timed(client, floor_search, args.passes))
    print(f"load average at the end {os.getloadavg()[0]:.2f}")
    client.indices.delete(index=f"{alias_name()}-*")


if __name__ == "__main__":
    main()
