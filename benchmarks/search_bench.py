"""Search speed on the embedded engine, and against Wagtail's database search backend.

Usage: .venv/bin/python benchmarks/search_bench.py [--sizes 20000,100000] [--corpus DIR]

Builds a realistic corpus of minutes paragraphs by recombining the sentences of real
kommunstyrelse minutes (shared/corpus/, or the seed texts when it is absent) with varied
organs, municipalities and years, so no paragraph repeats another. For each size it
reports bulk indexing throughput (application-side analysis included), and wall-clock
p50/p95 over a fixed set of 30 Swedish queries with six facets and highlights, uncached
and cached, overall and per query class (one word, a compound, an AND of several words, and
broad queries whose facets are estimated); then it indexes the same texts in Wagtail's database backend (on the
configured database: SQLite by default, PostgreSQL with DATABASE_URL) and runs the same
queries there, printing the ratio. Runs on a throwaway database and index.
"""

import argparse
import os
import random
import sys
import tempfile
import time
from datetime import date
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
if "DATABASE_URL" not in os.environ:
    os.environ["DATABASE_URL"] = f"sqlite:///{tempfile.mkdtemp()}/bench.sqlite3"
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "beslutsspar.settings.dev")
os.environ.setdefault("SEARCH_INDEX_PREFIX", f"bench-{os.getpid()}-")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from elasticsearch import helpers  # noqa: E402

from search import cache  # noqa: E402
from search.analysis import split_compound  # noqa: E402
from search.documents import alias_name, index_definition, new_index_name  # noqa: E402
from search.engine import get_client  # noqa: E402
from search.faceted_search import EXACT_FACETS_UP_TO, SearchRequest, run_search  # noqa: E402
from search.indexing import matching_terms, with_facet_values  # noqa: E402
from search.query import parse_user_query  # noqa: E402

QUERIES = [
    "budget", "försörjningsstöd", "arbetsmarknadsenhet", "handlingsplan lågkonjunktur", "detaljplan",
    "barn och unga", "motion cykelbana", "budget 2024", "trygghet", "klimatanpassning", "bostäder",
    "upphandling", "kollektivtrafik", "äldreomsorg", "skolor", "remiss yttrande", "delegationsordning",
    "ekonomiskt bistånd", "kulturnämnden", "stadsledningskontoret uppdrag", "investeringar", "personal",
    "näringsliv", "integration", "folkhälsa", "digitalisering", "arbetsmiljö", "revision", "idrott", "vatten",
]  # fmt: skip
ORGANS = ["Kommunstyrelsen", "Kommunfullmäktige", "Socialnämnden", "Utbildningsnämnden", "Byggnadsnämnden",
          "Kulturnämnden", "Kommunstyrelsens arbetsutskott", "Miljönämnden"]  # fmt: skip
MUNICIPALITIES = ["Göteborg", "Avesta", "Eksjö", "Enköping", "Falköping", "Borås", "Kungälv", "Mölndal"]
KINDS = ["minutes"] * 6 + ["motion", "interpellation", "policy", "assignment"]


def sentences_from(folder):
    """Real sentences, and how many sentences real paragraphs have (their distribution)."""
    from governance.importer.pipeline import parse_text
    from governance.importer.reading import read_text
    from governance.importer.swedish import sentences

    pool, lengths = [], []
    for path in sorted(folder.glob("*.txt")):
        parsed = parse_text(read_text(path))
        for paragraph in parsed.data.get("paragraphs", []):
            text = " ".join(
                [*paragraph["decisions"], paragraph["summary"], paragraph["proposal"], *paragraph["motions"]]
            )
            found = [s for s in sentences(text) if 20 < len(s) < 600]
            pool.extend(found)
            lengths.append(max(1, len(found)))
    return pool, lengths or [3]


def build_corpus(size, pool, seed=7, lengths=(3,)):
    """Paragraphs as long as real ones (sentence counts drawn from the corpus), each a new mix."""
    rng = random.Random(seed)
    titles = [s for s in pool if len(s) < 120] or pool
    documents = []
    for number in range(size):
        year = rng.randint(2010, 2026)
        text = " ".join(rng.sample(pool, min(len(pool), rng.choice(lengths))))
        title = rng.choice(titles).rstrip(".")
        documents.append(
            {
                "title": title,
                "label": title,
                "text": text,
                "kind": rng.choice(KINDS),
                "organization": rng.choice(ORGANS),
                "municipality": rng.choice(MUNICIPALITIES),
                "date": date(year, rng.randint(1, 12), rng.randint(1, 28)).isoformat(),
                "year": year,
                "case_number": f"KS {year}/{number}",
                "people": [],
                "parties": rng.sample(["S", "M", "SD", "C", "V", "KD", "L", "MP"], 2),
                "status": rng.choice(["on_time", "overdue", "done", None]),
                "url": f"/p/{number}/",
                "source_id": f"bench:{number}",
            }
        )
    return documents


def engine_cpu_seconds():
    """CPU seconds the local embedded engine at ELASTICSEARCH_URL has used, or None when the
    engine is not an osmem-server process on this machine (an external cluster)."""
    address = urlsplit(get_client().transport.node_pool.get().base_url).netloc
    for stat in Path("/proc").glob("[0-9]*/cmdline"):
        try:
            arguments = stat.read_bytes().split(b"\0")
            if b"osmem-server" in arguments[0] and address.encode() in arguments:
                fields = (stat.parent / "stat").read_text().rsplit(")", 1)[1].split()
                return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
        except (OSError, IndexError):
            continue
    return None


def index_corpus(client, documents):
    """Bulk-index `documents`; prints where the CPU went, which is what bounds the rate on a
    loaded machine (wall-clock rates there mostly measure the other processes)."""
    name = new_index_name()
    index_definition(name).create(using=client)
    engine_before, client_before = engine_cpu_seconds(), time.process_time()
    started = time.perf_counter()

    def actions():
        for number, document in enumerate(documents):
            source = with_facet_values(dict(document, **matching_terms(document["title"], document["text"])))
            yield {"_index": name, "_id": str(number), "_source": source}

    for _ok in helpers.parallel_bulk(client, actions(), chunk_size=1000, thread_count=2, request_timeout=120):
        pass
    client.indices.refresh(index=name)
    elapsed = time.perf_counter() - started
    client_ms = (time.process_time() - client_before) * 1000 / len(documents)
    line = f"CPU per paragraph: client (app-side analysis + bulk) {client_ms:.2f} ms"
    if engine_before is not None:
        engine_ms = (engine_cpu_seconds() - engine_before) * 1000 / len(documents)
        cores = os.cpu_count()
        ceiling = cores * 1000 / (client_ms + engine_ms)
        line += f", embedded engine {engine_ms:.2f} ms: at most {ceiling:.0f} paragraphs/s on {cores} idle cores"
        line += f" (engine alone {cores * 1000 / engine_ms:.0f}/s)"
    print(line)
    alias = alias_name()
    actions_ = (
        [{"remove": {"index": n, "alias": alias}} for n in client.indices.get_alias(name=alias)]
        if client.indices.exists_alias(name=alias)
        else []
    )
    client.indices.update_aliases(actions=[*actions_, {"add": {"index": name, "alias": alias}}])
    return elapsed


def percentile(values, fraction):
    values = sorted(values)
    return values[min(len(values) - 1, int(round(fraction * (len(values) - 1))))]


def query_class(query, total):
    """What kind of work a query is for the engine: how many words, a compound, or broad."""
    if total > EXACT_FACETS_UP_TO:
        return f"broad (> {EXACT_FACETS_UP_TO} matches)"
    terms = parse_user_query(query).terms
    if len(terms) > 1:
        return "AND of several words"
    return "one compound word" if terms and split_compound(terms[0]) else "one word"


def time_engine_queries(cached, passes=1):
    """Wall-clock per query, `passes` times over QUERIES; `cached` times a repeat of a query
    just answered. Returns the timings and each query's class."""
    timings, classes = [], {}
    for _pass in range(passes):
        for query in QUERIES:
            request = SearchRequest(q=query, filters={})
            if cached:
                run_search(request)
            else:
                cache.bump_generation()
            started = time.perf_counter()
            result = run_search(request)
            timings.append(((time.perf_counter() - started) * 1000, query))
            classes[query] = query_class(query, result["total"])
    return timings, classes


def print_per_class(timings, classes):
    by_class = {}
    for milliseconds, query in timings:
        by_class.setdefault(classes[query], []).append(milliseconds)
    for name, values in sorted(by_class.items()):
        queries = sorted({q for q, c in classes.items() if c == name})
        print(f"  {name}: p50 {percentile(values, 0.5):.1f} ms, p95 {percentile(values, 0.95):.1f} ms ", end="")
        print(f"({len(queries)} queries: {', '.join(queries[:4])}{' …' if len(queries) > 4 else ''})")


def wagtail_backend_timings(documents):
    """Index the same texts as Assignment rows in Wagtail's database backend and query them."""
    from modelsearch.backends import get_search_backend

    from governance.models import Assignment, Municipality

    Assignment.objects.all().delete()
    municipality, _ = Municipality.objects.get_or_create(name="Bench", slug="bench")
    rows = [
        Assignment(municipality=municipality, title=d["title"][:255], task=d["text"], decided_on=d["date"])
        for d in documents
    ]
    Assignment.objects.bulk_create(rows, batch_size=2000)
    backend = get_search_backend("default")
    started = time.perf_counter()
    backend.reset_indexes()
    queryset = Assignment.objects.all()
    index = backend.get_index_for_model(Assignment)
    index.add_model(Assignment)
    for offset in range(0, queryset.count(), 2000):
        index.add_items(Assignment, list(queryset.order_by("pk")[offset : offset + 2000]))
    indexing = time.perf_counter() - started
    timings = []
    for query in QUERIES:
        started = time.perf_counter()
        list(backend.search(query, Assignment)[:10])
        timings.append((time.perf_counter() - started) * 1000)
    return indexing, timings


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="20000,100000")
    parser.add_argument("--corpus", default=str(ROOT.parent / "shared" / "corpus" / "goteborg-ks"))
    parser.add_argument("--skip-wagtail", action="store_true")
    parser.add_argument("--passes", type=int, default=3, help="timed passes over the queries per size")
    args = parser.parse_args()
    call_command("migrate", verbosity=0)
    folder = Path(args.corpus)
    source = folder if folder.is_dir() else ROOT / "fixtures" / "seeds"
    pool, lengths = sentences_from(source)
    print(f"load average at start: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    print(f"sentence pool: {len(pool)} real sentences from {source}; paragraphs of 1-{max(lengths)} sentences")
    client = get_client()
    for size in [int(s) for s in args.sizes.split(",")]:
        documents = build_corpus(size, pool, lengths=lengths)
        print(f"\n== {size} paragraphs")
        seconds = index_corpus(client, documents)
        print(f"bulk indexing (with app-side analysis): {size / seconds:.0f} paragraphs/s ({seconds:.1f} s)")
        print(f"load average: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
        time_engine_queries(cached=False)  # warm-up
        timed, classes = time_engine_queries(cached=False, passes=args.passes)
        uncached = [milliseconds for milliseconds, _query in timed]
        cached = [milliseconds for milliseconds, _query in time_engine_queries(cached=True)[0]]
        p50, p95 = percentile(uncached, 0.5), percentile(uncached, 0.95)
        print(f"engine, faceted (6 facets) + highlights, uncached: p50 {p50:.1f} ms, p95 {p95:.1f} ms")
        print_per_class(timed, classes)
        medians = {q: percentile([ms for ms, other in timed if other == q], 0.5) for q in QUERIES}
        slowest = sorted(medians.items(), key=lambda item: -item[1])[:3]
        print("slowest uncached (median): " + ", ".join(f"{q!r} {ms:.0f} ms" for q, ms in slowest))
        cached_p50, cached_p95 = percentile(cached, 0.5), percentile(cached, 0.95)
        print(f"engine, same queries repeated (result cache): p50 {cached_p50:.2f} ms, p95 {cached_p95:.2f} ms")
        if not args.skip_wagtail:
            indexing, wagtail = wagtail_backend_timings(documents)
            wp50, wp95 = percentile(wagtail, 0.5), percentile(wagtail, 0.95)
            vendor = django.db.connection.vendor
            print(f"wagtail database backend ({vendor}), no facets: indexing {size / indexing:.0f}/s, ", end="")
            print(f"p50 {wp50:.1f} ms, p95 {wp95:.1f} ms")
            print(f"ratio wagtail/engine at p95: {wp95 / p95:.1f}x")


if __name__ == "__main__":
    main()
