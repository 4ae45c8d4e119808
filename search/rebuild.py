"""Rebuild the index from the database without losing a change made meanwhile.

A rebuild takes the rebuild lease (drainers then leave the outbox alone), notes which
outbox rows exist (committed before it reads anything, so the new index covers them),
builds a new versioned index, swaps the alias to it atomically, deletes only the rows it
covered, gives up the lease and replays the rest: the changes that arrived during the
rebuild. The outbox is never emptied wholesale.
"""

from dataclasses import dataclass
from datetime import date

from . import state
from .engine import get_client
from .indexing import build_index, swap_alias
from .models import IndexChange
from .outbox import DrainResult, flush_outbox


@dataclass
class RebuildResult:
    index: str
    documents: int
    replayed: DrainResult


def rebuild_index(client=None, progress=None) -> RebuildResult:
    """Build a new index from the database, swap the alias to it, replay later changes.

    Raises `state.RebuildInProgress` if another process is rebuilding, or one of
    `SEARCH_ERRORS` if the engine fails (the outbox is then untouched)."""
    client = client or get_client()
    state.acquire_rebuild_lease()
    try:
        covered = list(IndexChange.objects.values_list("pk", flat=True))
        today = date.today()
        name, count = build_index(client, progress=progress, on_batch=state.renew_rebuild_lease)
        swap_alias(client, name)
        for start in range(0, len(covered), 1000):
            IndexChange.objects.filter(pk__in=covered[start : start + 1000]).delete()
        state.set_statuses_as_of(today)
        state.bump_generation()
    finally:
        state.release_rebuild_lease()
    return RebuildResult(name, count, flush_outbox(client))
