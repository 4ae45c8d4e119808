"""The index state every process of the site shares, kept in one database row.

- the **generation**: a token replaced on every write to the index; cached search results
  are keyed by it, so a write in any process invalidates every process's cache;
- the **drain lock**: the row is locked (`SELECT … FOR UPDATE SKIP LOCKED` on PostgreSQL, the
  database write lock on SQLite) while the outbox is sent, so two drainers (web workers,
  cron, the search service) never send the same change twice or send an older state last;
- the **rebuild lease**: while a rebuild runs, drainers leave changes in the outbox and the
  rebuild replays those newer than its snapshot after swapping the alias; the lease expires
  by itself if the rebuilding process dies;
- **statuses as of**: the day the assignment statuses in the index were computed for.
"""

import secrets
import time
from contextlib import contextmanager
from datetime import date, timedelta

from django.conf import settings
from django.db import IntegrityError, OperationalError, connection, transaction
from django.utils import timezone

from .models import SearchIndexState

STATE_PK = 1


class RebuildInProgress(Exception):
    """Another process is rebuilding the index."""


def _ensure_row():
    if not SearchIndexState.objects.filter(pk=STATE_PK).exists():
        try:
            with transaction.atomic():
                SearchIndexState.objects.create(pk=STATE_PK)
        except IntegrityError:
            pass  # created by another process meanwhile


def _locked_row(skip_locked):
    """The state row locked for this transaction, or None if another transaction holds it."""
    _ensure_row()
    rows = SearchIndexState.objects.filter(pk=STATE_PK)
    if connection.features.has_select_for_update:
        return rows.select_for_update(skip_locked=skip_locked).first()
    # SQLite has no row locks: taking the database write lock serialises drainers instead.
    rows.update(drained_at=timezone.now())
    return rows.first()


def generation() -> str:
    """The current generation token ("0" before the first write)."""
    return SearchIndexState.objects.filter(pk=STATE_PK).values_list("generation", flat=True).first() or "0"


def bump_generation() -> None:
    """Mark the index as changed. A fresh random token, never a counter: a rolled-back bump
    must not bring back a token that cached results were stored under."""
    _ensure_row()
    SearchIndexState.objects.filter(pk=STATE_PK).update(generation=secrets.token_hex(8))


@contextmanager
def drain_lock(wait_seconds: float = 0.0):
    """Hold the site-wide drain lock for one transaction.

    Yields True when this process may send the outbox; False when another drainer holds the
    lock for longer than `wait_seconds` or a rebuild is running (the changes then wait).
    """
    deadline = time.monotonic() + wait_seconds
    # Create the row in its own committed transaction first: created inside the lock's
    # transaction, it would be invisible to other drainers, whose insert then waits for
    # this lock to end instead of being told the lock is busy.
    if not transaction.get_connection().in_atomic_block:
        _ensure_row()
    while True:
        locked = False
        try:
            with transaction.atomic():
                row = _locked_row(skip_locked=True)
                locked = row is not None
                if locked:
                    if row.rebuilding_until and row.rebuilding_until > timezone.now():
                        yield False
                    else:
                        yield True
                    return
        except OperationalError:
            if locked:
                raise  # from the caller's block, not from taking the lock
            # SQLite: the write lock stayed taken past the busy timeout.
        if time.monotonic() >= deadline:
            yield False
            return
        time.sleep(0.1)


def _lease_end():
    return timezone.now() + timedelta(seconds=settings.SEARCH_REBUILD_LEASE_SECONDS)


def acquire_rebuild_lease() -> None:
    """Start a rebuild: waits for a drainer that is sending, then keeps the others out.

    Raises RebuildInProgress if another rebuild holds a lease that has not expired."""
    with transaction.atomic():
        row = _locked_row(skip_locked=False)
        if row.rebuilding_until and row.rebuilding_until > timezone.now():
            raise RebuildInProgress
        SearchIndexState.objects.filter(pk=STATE_PK).update(rebuilding_until=_lease_end())


def renew_rebuild_lease() -> None:
    SearchIndexState.objects.filter(pk=STATE_PK).update(rebuilding_until=_lease_end())


def release_rebuild_lease() -> None:
    SearchIndexState.objects.filter(pk=STATE_PK).update(rebuilding_until=None)


def rebuild_running() -> bool:
    until = SearchIndexState.objects.filter(pk=STATE_PK).values_list("rebuilding_until", flat=True).first()
    return bool(until and until > timezone.now())


def statuses_as_of() -> date | None:
    return SearchIndexState.objects.filter(pk=STATE_PK).values_list("statuses_as_of", flat=True).first()


def set_statuses_as_of(day: date) -> None:
    _ensure_row()
    SearchIndexState.objects.filter(pk=STATE_PK).update(statuses_as_of=day)
