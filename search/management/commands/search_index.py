"""`search_index rebuild|update|refresh|status`: keep the site's index in step with the database.

All four talk to the engine at ELASTICSEARCH_URL (the site's search service or a cluster);
none starts an engine. `update` and `refresh` are safe to run from cron while the site
runs (see the README for the lines).
"""

import sys

from django.core.management.base import BaseCommand, CommandError

from search import state
from search.documents import alias_name
from search.engine import SEARCH_ERRORS, engine_url, get_client, uses_embedded_engine
from search.indexing import estimated_documents
from search.models import IndexChange
from search.outbox import enqueue_aged_assignments, flush_outbox
from search.rebuild import rebuild_index

HELD_BACK = {
    "busy": "en annan process skickar utkorgen eller bygger om indexet; ändringarna väntar på den",
    "no index": "inget index bakom aliaset ännu; kör `search_index rebuild`",
}


class Command(BaseCommand):
    help = (
        "Manage the decision-history search index: rebuild (from the database), update (send the outbox), "
        "refresh (re-send assignments whose status changed as days passed) or status."
    )

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["rebuild", "update", "refresh", "status"])
        parser.add_argument("--no-progress", action="store_true")

    def handle(self, *args, action, no_progress, **options):
        try:
            getattr(self, action)(no_progress)
        except state.RebuildInProgress as error:
            raise CommandError("En annan process bygger redan om sökindexet; försök igen när den är klar.") from error
        except SEARCH_ERRORS as error:
            raise CommandError(
                f"Sökmotorn på {engine_url()} svarar inte: {error}. "
                f"{IndexChange.objects.count()} ändringar väntar i utkorgen."
            ) from error

    def rebuild(self, no_progress):
        expected = estimated_documents()

        def progress(count):
            if no_progress or count % 100:
                return
            width = 30
            filled = min(width, int(width * count / max(expected, 1)))
            sys.stderr.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {count}/~{expected} dokument")
            sys.stderr.flush()

        result = rebuild_index(progress=progress)
        if not no_progress:
            sys.stderr.write("\n")
        self.stdout.write(
            self.style.SUCCESS(
                f"Index {result.index} byggt med {result.documents} dokument; aliaset {alias_name()} pekar dit. "
                f"{result.replayed.sources} ändringar gjorda under ombyggnaden skickade."
            )
        )

    def update(self, no_progress):
        self._report(flush_outbox(wait_seconds=30))

    def refresh(self, no_progress):
        queued = enqueue_aged_assignments()
        self.stdout.write(f"{queued} uppdrag har fått ny status sedan indexet byggdes eller uppdaterades.")
        self._report(flush_outbox(wait_seconds=30))

    def _report(self, result):
        message = f"{result.sources} källor skickade till sökmotorn; {result.waiting} ändringar väntar."
        if result.held_back:
            message += f" Väntar: {HELD_BACK[result.held_back]}."
        self.stdout.write(self.style.SUCCESS(message) if not result.held_back else message)

    def status(self, no_progress):
        """Reports; never starts an engine, never changes the index."""
        kind = "inbyggd, körs av `manage.py search_service`" if uses_embedded_engine() else "ELASTICSEARCH_URL"
        self.stdout.write(f"Sökmotor: {engine_url()} ({kind}).")
        self.stdout.write(f"Väntande ändringar i utkorgen: {IndexChange.objects.count()}.")
        if state.rebuild_running():
            self.stdout.write("En ombyggnad av indexet pågår.")
        as_of = state.statuses_as_of()
        self.stdout.write(f"Uppdragens status i indexet gäller: {as_of.isoformat() if as_of else 'okänt'}.")
        client = get_client()
        alias = alias_name()
        if not client.indices.exists_alias(name=alias):
            self.stdout.write(f"Inget index bakom aliaset {alias}.")
            return
        indices = list(client.indices.get_alias(name=alias).keys())
        count = client.count(index=alias)["count"]
        self.stdout.write(f"Alias {alias} → {', '.join(indices)}: {count} dokument.")
