"""The assignment register's cost in CPU time, which the machine's load moves far less than wall time.

Usage: .venv/bin/python benchmarks/register_cpu_bench.py [--assignments 10000] [--analyze]

The shared instrument (`../shared/bench/bench_register.py`) times the register by the wall
clock; on a small machine shared with other work that mostly measures the other work. This one
builds the same data (the demo site, then N open assignments spread over dates, deadline rules,
organs and five assignee posts) on a throwaway database (SQLite by default, PostgreSQL with
DATABASE_URL) and prints, per URL, the median wall time, the median CPU time of this process
and the number of SQL queries of one request. On SQLite the CPU time includes the queries (the
database runs in this process); on PostgreSQL it does not, and the wall time adds the server's.
`--analyze` gives PostgreSQL the table statistics autovacuum would collect after a bulk load.
"""

import argparse
import os
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
if "DATABASE_URL" not in os.environ:
    os.environ["DATABASE_URL"] = f"sqlite:///{tempfile.mkdtemp()}/register_bench.sqlite3"
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "beslutsspar.settings.dev")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from governance.models import Assignment, Municipality, Organization, Post  # noqa: E402

RULES = ["på kommande möte", "i maj", "senast i slutet av november", "inom 90 dagar", "vid årsskiftet", ""]
REQUESTS = 7


def build(count: int) -> Municipality:
    call_command("migrate", verbosity=0)
    call_command("load_demo_data", verbosity=0)
    municipality = Municipality.objects.first()
    organs = list(Organization.objects.filter(municipality=municipality)) or list(Organization.objects.all())
    posts = list(Post.objects.all()[:5])
    rows = []
    for number in range(count):
        decided = date(2018, 1, 1) + timedelta(days=number % 2900)
        rule = RULES[number % len(RULES)]
        rows.append(
            Assignment(
                municipality=municipality,
                title=f"Uppdrag {number} att utreda frågan",
                task=f"Utreda frågan nummer {number}.",
                decided_on=decided,
                report_to=organs[number % len(organs)],
                deadline_text=rule,
                due_date=(decided + timedelta(days=60 + number % 400)) if rule else None,
            )
        )
    created = Assignment.objects.bulk_create(rows, batch_size=2000)
    through = Assignment.assignee_posts.through
    if posts:
        links = [through(assignment_id=row.pk, post_id=posts[row.pk % len(posts)].pk) for row in created]
        through.objects.bulk_create(links, batch_size=5000)
    return municipality


def measure(client: Client, url: str) -> tuple[float, float, int]:
    client.get(url)  # warm: templates, URL resolver, connection
    walls, cpus = [], []
    for _ in range(REQUESTS):
        with CaptureQueriesContext(connection) as queries:
            wall, cpu = time.perf_counter(), time.process_time()
            client.get(url)
            cpus.append((time.process_time() - cpu) * 1000)
            walls.append((time.perf_counter() - wall) * 1000)
    return statistics.median(walls), statistics.median(cpus), len(queries.captured_queries)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--assignments", type=int, default=10_000)
    parser.add_argument("--analyze", action="store_true", help="ANALYZE the tables first (PostgreSQL)")
    args = parser.parse_args()
    municipality = build(args.assignments)
    if args.analyze and connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    settings.ALLOWED_HOSTS = ["*"]
    client = Client()
    load = os.getloadavg()
    print(f"{Assignment.objects.count()} assignments on {connection.vendor}; load average {load[0]:.2f}")
    for url in [
        "/uppdrag/",
        "/uppdrag/?status=overdue",
        f"/uppdrag/?kommun={municipality.slug}",
        "/uppdrag/?bekraftat=ja",
        "/uppdrag/export.json",
        "/uppdrag/export.csv",
    ]:
        wall, cpu, queries = measure(client, url)
        print(f"{url:32s} wall {wall:7.1f} ms  cpu {cpu:7.1f} ms  queries {queries}")


if __name__ == "__main__":
    main()
