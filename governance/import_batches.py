"""Import batches uploaded in the admin, moved through the importer's one pipeline.

A file goes QUEUED → PARSING → PARSED (the review: the dry run's record and errors) →
IMPORT_QUEUED → IMPORTING → IMPORTED or FAILED. Parsing is `pipeline.parse_upload` plus
`importing.trial_write`, importing is `pipeline.parse_upload` plus `importing.store`:
exactly the steps of `manage.py import_documents [--dry-run]`, so a file the review shows
without errors imports, and the CLI and the screen cannot drift apart.

Work is claimed before it is done (`claim`), with `select_for_update(skip_locked=True)`
where the database has it and a conditional UPDATE everywhere, so several web workers and
the cron-run `process_imports` never take the same file twice; a claim older than
`STALE_CLAIM` (a worker that died) is taken over. Small batches (`INLINE_FILES`) are worked
through in the request that made them, larger ones by `process_imports`.
"""

import os
import socket
from collections import Counter
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.template.defaultfilters import filesizeformat
from django.utils import timezone

from governance.importer.importing import OrganResolver, store, trial_write
from governance.importer.pipeline import Overrides, ParsedDocument, parse_upload, to_json
from governance.importer.reading import SUPPORTED_SUFFIXES
from governance.importer.writer import Registers, existing_municipality
from governance.models import HomePage, ImportBatch, ImportItem
from governance.permissions import may_import_into

#: Batches with at most this many files are parsed, and imported, in the request itself.
INLINE_FILES = 3
#: A claim older than this belongs to a worker that stopped; another may take the file over.
STALE_CLAIM = timedelta(minutes=30)
#: Corrections a secretary can make on the review screen (the fields of `Overrides`).
CORRECTABLE = ("kind", "municipality", "organization", "title", "date")

Status = ImportItem.Status
PARSED_OR_LATER = (Status.PARSED, Status.IMPORT_QUEUED, Status.IMPORTING, Status.IMPORTED, Status.FAILED)


def max_upload_bytes() -> int:
    """The size limit of one uploaded file (`BESLUTSSPAR_IMPORT_MAX_UPLOAD_SIZE`, default 20 MB)."""
    return getattr(settings, "BESLUTSSPAR_IMPORT_MAX_UPLOAD_SIZE", 20 * 1024 * 1024)


def upload_refusal(name: str, size: int) -> str | None:
    """Why an uploaded file is refused before it is stored, or None."""
    suffix = Path(name).suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        allowed = " eller ".join(sorted(SUPPORTED_SUFFIXES))
        return f"{name}: filtypen {suffix or '(ingen)'} kan inte importeras; ladda upp {allowed}."
    if size == 0:
        return f"{name}: filen är tom."
    if size > max_upload_bytes():
        return (
            f"{name}: filen är för stor ({filesizeformat(size)}, gränsen är {filesizeformat(max_upload_bytes())}); "
            "dela upp den per sammanträde eller dokument."
        )
    return None


def worker_name() -> str:
    return f"{socket.gethostname()}:{os.getpid()}"[:100]


# Creating a batch ------------------------------------------------------------------


def create_batch(user, uploads, kind="", municipality="", organization="") -> ImportBatch:
    """One batch with every uploaded file: refused files keep their reason, the others wait
    for parsing. Small batches are parsed at once; see `INLINE_FILES`."""
    with transaction.atomic():
        batch = ImportBatch.objects.create(
            created_by=user,
            default_kind=kind or "",
            default_municipality=(municipality or "").strip(),
            default_organization=(organization or "").strip(),
        )
        for position, upload in enumerate(uploads):
            refusal = upload_refusal(upload.name, upload.size)
            ImportItem.objects.create(
                batch=batch,
                position=position,
                file_name=upload.name[:255],
                size=upload.size,
                content=b"" if refusal else upload.read(),
                status=Status.REFUSED if refusal else Status.QUEUED,
                errors=[refusal] if refusal else [],
            )
    if batch.items.filter(status=Status.QUEUED).count() <= INLINE_FILES:
        work_through(batch=batch, steps=(Status.QUEUED,))
    return batch


# Parsing and importing one file -----------------------------------------------------


def overrides_for(item: ImportItem) -> Overrides:
    """The batch's defaults, overridden by the secretary's corrections of this file."""
    corrections, batch = item.corrections, item.batch
    day = corrections.get("date")
    return Overrides(
        kind=corrections.get("kind") or batch.default_kind or None,
        municipality=corrections.get("municipality") or batch.default_municipality or None,
        organization=corrections.get("organization") or batch.default_organization or None,
        title=corrections.get("title") or None,
        date=date.fromisoformat(day) if day else None,
    )


def _parse(item: ImportItem) -> ParsedDocument:
    overrides = overrides_for(item)
    return parse_upload(item.file_name, bytes(item.content), overrides, OrganResolver(overrides.municipality))


def scope_refusal(user, data: dict) -> str | None:
    """Why `user` may not import this document (its municipality or organ is outside their
    scopes, see `permissions.may_import_into`), or None."""
    name = data.get("municipality")
    if not name:
        return None  # the pipeline has already said that the municipality is missing
    municipality = existing_municipality(name)
    organ_name = data.get("organization")
    organization = Registers(municipality).existing_organization(organ_name) if municipality else None
    if may_import_into(user, municipality, organization, organ_named=bool(organ_name)):
        return None
    if municipality is None:
        return f"kommunen {name} finns inte i systemet; bara en administratör kan importera till en ny kommun."
    if organ_name:
        return (
            f"du är inte sekreterare för {organ_name} i {municipality}; "
            "rätta organet eller be en administratör att importera filen."
        )
    return f"{municipality} hör inte till dina behörighetsområden."


def _checked(item: ImportItem, user) -> ParsedDocument:
    parsed = _parse(item)
    if parsed.ok:
        refusal = scope_refusal(user, parsed.data)
        if refusal:
            parsed.errors.append(refusal)
    return parsed


def _record(item: ImportItem, parsed: ParsedDocument, status: str, **fields) -> None:
    item.result = to_json(parsed)
    item.errors = list(parsed.errors)
    item.status = status
    item.claimed_at, item.claimed_by = None, ""
    for name, value in fields.items():
        setattr(item, name, value)
    item.save()


def parse_item(item: ImportItem) -> None:
    """The review of one file: the dry run of `import_documents`, scope checked too."""
    parsed = _checked(item, item.batch.created_by)
    home = HomePage.objects.first()
    if parsed.ok and home is None:
        parsed.errors.append("webbplatsen saknar startsida; kör `manage.py load_demo_data` först.")
    if parsed.ok:
        trial_write(parsed, home)
    _record(item, parsed, Status.PARSED)


def import_item(item: ImportItem) -> None:
    """Store one reviewed file as `import_documents` stores it, as the user who asked for it."""
    user = item.imported_by or item.batch.created_by
    parsed = _checked(item, user)
    home = HomePage.objects.first()
    if parsed.ok and home is None:
        parsed.errors.append("webbplatsen saknar startsida; kör `manage.py load_demo_data` först.")
    result = store(parsed, home, user=user) if parsed.ok else None
    if result is None:
        _record(item, parsed, Status.FAILED)
        return
    _record(item, parsed, Status.IMPORTED, page=result.page, write_status=result.status)


class NotCorrectable(ValueError):
    """A file that is imported, refused or being worked on cannot be corrected."""


def correct(item: ImportItem, corrections: dict) -> None:
    """Keep the secretary's corrections and run the review again with them."""
    if item.status not in (Status.PARSED, Status.FAILED):
        raise NotCorrectable(f"{item.file_name} kan inte rättas nu ({item.get_status_display().lower()}).")
    item.corrections = {
        name: (value.isoformat() if isinstance(value, date) else str(value).strip())
        for name, value in corrections.items()
        if name in CORRECTABLE and value
    }
    item.save(update_fields=["corrections", "updated_at"])
    parse_item(item)


class NotRemovable(ValueError):
    """An imported file, or one a worker is parsing or importing, stays in its batch."""


def remove_item(item: ImportItem) -> None:
    """Take one file out of its batch before it is imported; the batch's other files stay as
    they are. The delete is conditional on the status, so a worker that claims the file at the
    same moment either finds it gone or keeps it (and the secretary is told why)."""
    removed, _by_model = ImportItem.objects.filter(pk=item.pk, status__in=ImportItem.REMOVABLE).delete()
    if removed:
        return
    current = ImportItem.objects.filter(pk=item.pk).first()
    if current is not None:  # None: removed already, by a second click or another tab
        raise NotRemovable(removal_refusal(current))


def removal_refusal(item: ImportItem) -> str:
    """Why `item` cannot be taken out of its batch (it is imported, or being worked on)."""
    if item.status == Status.IMPORTED:
        return (
            f"{item.file_name} är redan importerad och kan inte tas bort ur importen; "
            "sidan den blev finns kvar i sidträdet."
        )
    return (
        f"{item.file_name} kan inte tas bort just nu ({item.get_status_display().lower()}); "
        "försök igen när den är klar."
    )


@dataclass(frozen=True)
class ImportRequest:
    """What became of the files a secretary chose to import."""

    queued: int
    done_now: bool
    left: list

    @property
    def in_background(self) -> bool:
        return bool(self.queued) and not self.done_now


def request_import(batch: ImportBatch, item_ids, user) -> ImportRequest:
    """Queue the chosen files that may be imported (parsed, no errors); the others are left
    as they are and returned, so the screen can say why. Small requests run at once."""
    chosen = list(batch.items.filter(pk__in=item_ids))
    importable = [item.pk for item in chosen if item.importable]
    queued = ImportItem.objects.filter(pk__in=importable, status=Status.PARSED).update(
        status=Status.IMPORT_QUEUED, imported_by=user, updated_at=timezone.now()
    )
    done_now = len(importable) <= INLINE_FILES
    if done_now:
        work_through(batch=batch, steps=(Status.IMPORT_QUEUED,), pks=importable)
    return ImportRequest(queued=queued, done_now=done_now, left=[item for item in chosen if item.pk not in importable])


# Claiming and working through -----------------------------------------------------------

STEPS = {
    Status.QUEUED: (Status.PARSING, parse_item),
    Status.IMPORT_QUEUED: (Status.IMPORTING, import_item),
}


def claim(waiting: str, worker: str, batch: ImportBatch | None = None, pks=None) -> ImportItem | None:
    """Take the next file waiting in `waiting` (or abandoned in its working status) for `worker`,
    of `batch` and among `pks` when they are given."""
    working, _step = STEPS[waiting]
    stale = timezone.now() - STALE_CLAIM
    open_work = Q(status=waiting) | Q(status=working, claimed_at__lt=stale)
    queue = ImportItem.objects.filter(open_work)
    if batch is not None:
        queue = queue.filter(batch=batch)
    if pks is not None:
        queue = queue.filter(pk__in=pks)
    with transaction.atomic():
        candidate = queue.order_by("pk").select_for_update(skip_locked=True).values_list("pk", flat=True).first()
        if candidate is None:
            return None
        # The conditional update is the claim on databases without row locks (SQLite).
        taken = ImportItem.objects.filter(open_work, pk=candidate).update(
            status=working, claimed_at=timezone.now(), claimed_by=worker
        )
    if not taken:
        return None
    return ImportItem.objects.select_related("batch", "batch__created_by").get(pk=candidate)


def work_through(
    batch: ImportBatch | None = None,
    limit: int | None = None,
    worker: str | None = None,
    steps=tuple(STEPS),
    pks=None,
) -> Counter:
    """Parse, then import, every file waiting (in `batch`, or everywhere; only the `steps`
    and the files `pks` when given); counts what was done.

    A file that breaks the pipeline unexpectedly gets the error as its reason instead of
    staying claimed, and the work goes on with the next file."""
    worker = worker or worker_name()
    done = Counter()
    for waiting in steps:
        _working, step = STEPS[waiting]
        while limit is None or sum(done.values()) < limit:
            item = claim(waiting, worker, batch, pks)
            if item is None:
                break
            try:
                step(item)
            except Exception as error:  # noqa: BLE001 - one bad file must not stop the queue
                failed = ParsedDocument(file=item.file_name, errors=[f"oväntat fel: {error}"])
                _record(item, failed, Status.PARSED if step is parse_item else Status.FAILED)
            done[item.status] += 1
    return done


def delete_finished_batches(older_than: timedelta) -> int:
    """Delete batches uploaded before `older_than` ago with no file left to work on, so the
    uploaded bytes are not kept for ever (the pages keep their text and revision history)."""
    cutoff = timezone.now() - older_than
    finished = ImportBatch.objects.filter(created_at__lt=cutoff).exclude(items__status__in=ImportItem.PENDING)
    pks = list(finished.values_list("pk", flat=True).distinct())
    ImportBatch.objects.filter(pk__in=pks).delete()
    return len(pks)


# Progress ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Progress:
    """How far a batch has come, for the progress bar and its poll."""

    files: int
    refused: int
    parsed: int
    import_requested: int
    imported: int
    failed: int
    pending: int

    @property
    def busy(self) -> bool:
        return self.pending > 0

    def as_dict(self) -> dict:
        return {**self.__dict__, "busy": self.busy}


def progress(batch: ImportBatch) -> Progress:
    counts = Counter(batch.items.values_list("status", flat=True))
    accepted = sum(count for status, count in counts.items() if status != Status.REFUSED)
    return Progress(
        files=accepted,
        refused=counts[Status.REFUSED],
        parsed=sum(counts[status] for status in PARSED_OR_LATER),
        import_requested=sum(
            counts[status] for status in (Status.IMPORT_QUEUED, Status.IMPORTING, Status.IMPORTED, Status.FAILED)
        ),
        imported=counts[Status.IMPORTED],
        failed=counts[Status.FAILED],
        pending=sum(counts[status] for status in ImportItem.PENDING),
    )
