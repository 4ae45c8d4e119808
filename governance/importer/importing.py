"""The steps after parsing that every entry point shares: the CLI (`import_documents`),
the admin's import screen and its background worker (`process_imports`).

`trial_write` is the dry run's last check: the document is written and rolled back, so a
dry run (or the review screen) fails wherever the import would. `store` writes it for
real, in its own transaction, turning any failure into a Swedish reason on the document.
"""

from django.db import transaction

from governance.models import Organization

from .pipeline import ParsedDocument
from .writer import DocumentWriter, WriteResult


class OrganResolver:
    """Looks up an organ (read-only) so "kommande möte" can be dated from its calendar.

    `municipality` may be set while parsing, once the document head has named it, so a
    file is parsed once whether or not a municipality was given.
    """

    def __init__(self, municipality=None):
        self.municipality = municipality

    def __call__(self, name):
        if not (self.municipality and name):
            return None
        return Organization.objects.filter(
            municipality__name__iexact=self.municipality, name__iexact=" ".join(name.split())
        ).first()


class _TrialRollback(Exception):
    """Raised to undo a dry run's trial write."""


def trial_write(parsed: ParsedDocument, home) -> None:
    """Write the document and roll it back; a failure becomes one of `parsed.errors`."""
    try:
        with transaction.atomic():
            DocumentWriter(home).write(parsed)
            raise _TrialRollback
    except _TrialRollback:
        return
    except Exception as error:  # noqa: BLE001 - reported like the import reports it
        parsed.errors.append(f"kunde inte sparas: {error}")


def store(parsed: ParsedDocument, home, user=None) -> WriteResult | None:
    """Write a document without errors in one transaction; None (and the reason in
    `parsed.errors`) when it could not be stored, with nothing of it left behind."""
    try:
        with transaction.atomic():
            return DocumentWriter(home, user=user).write(parsed)
    except Exception as error:  # noqa: BLE001 - one bad file must not stop the run
        parsed.errors.append(f"kunde inte sparas: {error}")
        return None
