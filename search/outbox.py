"""The outbox: every change that affects search, recorded with the change and sent later.

Signals write a row in the same transaction as the change (`enqueue`). The rows are sent
to the engine ("drained") by whichever process gets there first: right after the commit
that wrote them, after each web request, by the search service every few seconds, and by
`manage.py search_index update` from cron. Draining holds the site-wide drain lock
(`search.state.drain_lock`), so two drainers never send the same change or an older state
last; a drainer that finds the lock taken leaves the rows to the holder, which keeps
draining until the outbox is empty. While a rebuild runs nobody drains: the rebuild
replays what arrived after its snapshot. If the engine is down the rows stay.
"""

import logging
import time
from dataclasses import dataclass
from datetime import date

from django.db import transaction
from django.db.models import Q
from wagtail.models import Page

from governance.models import Assignment

from . import state
from .engine import SEARCH_ERRORS, engine_url, get_client
from .indexing import index_exists, index_sources
from .models import IndexChange

logger = logging.getLogger(__name__)

BATCH_SIZE = 200  # sources per locked transaction: bounds how long the lock is held
RETRY_AFTER_FAILURE_SECONDS = 5.0  # quiet drains in this process back off after an engine error

_last_failure: dict[str, float] = {}  # engine URL → when a quiet drain last failed on it
_last_without_index: dict[str, float] = {}  # engine URL → when a drain after a request found no index


@dataclass
class DrainResult:
    """What one drain did: sources sent, and why it stopped early if it did."""

    sources: int = 0
    waiting: int = 0
    held_back: str = ""  # "" (drained), "busy" (another drainer or a rebuild), "no index"


def enqueue(source, object_id):
    """Record a change and try to send it once the transaction commits."""
    IndexChange.objects.create(source=source, object_id=object_id)
    transaction.on_commit(flush_outbox_quietly)


def descendants_and_self(page):
    return Page.objects.descendant_of(page, inclusive=True).values_list("pk", flat=True)


def enqueue_page(page):
    """A page, everything below it and every assignment derived from any of them: a change
    of visibility anywhere in a subtree (unpublish, confidential, restriction, move) is
    re-evaluated for all of it at once."""
    pages = descendants_and_self(page)
    for page_id in pages:
        enqueue(IndexChange.Source.PAGE, page_id)
    derived = Assignment.objects.filter(Q(source_page__in=pages) | Q(decision__paragraph__in=pages))
    for assignment_id in derived.values_list("pk", flat=True).distinct():
        enqueue(IndexChange.Source.ASSIGNMENT, assignment_id)


def flush_outbox(client=None, wait_seconds: float = 0.0) -> DrainResult:
    """Send waiting changes to the engine, batch by batch, under the drain lock.

    Raises one of SEARCH_ERRORS if the engine fails; the batch being sent then stays in
    the outbox (its transaction rolls back), as does everything after it."""
    result = DrainResult()
    if not IndexChange.objects.exists():
        return result  # the common case, without touching the lock or the engine
    client = client or get_client()
    while True:
        with state.drain_lock(wait_seconds) as acquired:
            if not acquired:
                result.held_back = "busy"
                break
            changes = list(IndexChange.objects.order_by("pk")[:BATCH_SIZE])
            if not changes:
                break
            if not index_exists(client):
                result.held_back = "no index"  # a rebuild creates it, and covers these changes
                break
            sources = sorted({(change.source, change.object_id) for change in changes})
            index_sources(client, sources)
            # By primary key, never "pk <= last": a row with a lower key may commit later.
            IndexChange.objects.filter(pk__in=[change.pk for change in changes]).delete()
            state.bump_generation()
            result.sources += len(sources)
        wait_seconds = 0.0  # waited once for the lock; the holder drains what remains
    result.waiting = IndexChange.objects.count()
    return result


def flush_outbox_quietly(wait_seconds: float = 2.0) -> str | None:
    """Drain if the engine answers; if it does not, the changes wait (and are logged).

    After a failure this process does not try again for a few seconds, so a down engine
    costs each request at most one failed connection in that time, not one per save.
    Returns why the drain stopped early (`DrainResult.held_back`), None if it did not run."""
    url = engine_url()
    if time.monotonic() - _last_failure.get(url, -RETRY_AFTER_FAILURE_SECONDS) < RETRY_AFTER_FAILURE_SECONDS:
        return None
    try:
        return flush_outbox(wait_seconds=wait_seconds).held_back
    except SEARCH_ERRORS as error:
        _last_failure[url] = time.monotonic()
        logger.warning(
            "Search engine unavailable, %s change(s) wait in the outbox: %s", IndexChange.objects.count(), error
        )
        return None


def drain_after_request(**kwargs) -> None:
    """`request_finished` receiver: send changes left by any process (an import, cron, a
    save made while the engine was down). One cheap query when the outbox is empty.

    When the last try found no index, requests leave the outbox alone for a few seconds:
    only a rebuild creates the index, and it covers these changes, so trying again after
    every request would only take the drain lock and ask the engine each time."""
    if time.monotonic() - _last_without_index.get(engine_url(), -RETRY_AFTER_FAILURE_SECONDS) < (
        RETRY_AFTER_FAILURE_SECONDS
    ):
        return
    if IndexChange.objects.exists():
        if flush_outbox_quietly(wait_seconds=0.0) == "no index":
            _last_without_index[engine_url()] = time.monotonic()


def enqueue_aged_assignments(today: date | None = None) -> int:
    """Queue the assignments whose status changed by the passing of days since the index's
    statuses were computed (all of them if that day is unknown); returns how many.

    Statuses depend on the date (due soon, overdue, stalled, a completion date reached), so
    an index that is not told goes stale; run daily (the search service does, and cron can).
    """
    today = today or date.today()
    since = state.statuses_as_of()
    if since == today:
        return 0
    assignments = Assignment.objects.prefetch_related("notes")
    changed = [
        assignment.pk
        for assignment in assignments.iterator(chunk_size=500)
        if since is None or assignment.status_on(since) != assignment.status_on(today)
    ]
    with transaction.atomic():
        IndexChange.objects.bulk_create(
            [IndexChange(source=IndexChange.Source.ASSIGNMENT, object_id=pk) for pk in changed]
        )
        state.set_statuses_as_of(today)
    return len(changed)
