"""`search_index rebuild|update|status`: rebuild from the database, replay the outbox, report."""

import sys

from django.core.management.base import BaseCommand, CommandError

from search.documents import alias_name
from search.engine import SEARCH_ERRORS, get_client, uses_embedded_engine
from search.indexing import estimated_documents, flush_outbox, rebuild_index
from search.models import IndexChange


class Command(BaseCommand):
    help = "Manage the decision-history search index: rebuild, update (replay the outbox) or status."

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["rebuild", "update", "status"])
        parser.add_argument("--no-progress", action="store_true")

    def handle(self, *args, action, no_progress, **options):
        try:
            getattr(self, action)(no_progress)
        except SEARCH_ERRORS as error:
            raise CommandError(f"Sökmotorn svarar inte: {error}") from error

    def rebuild(self, no_progress):
        expected = estimated_documents()

        def progress(count):
            if no_progress or count % 100:
                return
            width = 30
            filled = min(width, int(width * count / max(expected, 1)))
            sys.stderr.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {count}/~{expected} dokument")
            sys.stderr.flush()

        name, count = rebuild_index(progress=progress)
        if not no_progress:
            sys.stderr.write("\n")
        self.stdout.write(
            self.style.SUCCESS(f"Index {name} byggt med {count} dokument; aliaset {alias_name()} pekar dit.")
        )

    def update(self, no_progress):
        waiting = IndexChange.objects.count()
        sources = flush_outbox()
        self.stdout.write(self.style.SUCCESS(f"{waiting} väntande ändringar skickade ({sources} källor)."))

    def status(self, no_progress):
        client = get_client()
        alias = alias_name()
        engine = "inbyggd (osmem-server)" if uses_embedded_engine() else "ELASTICSEARCH_URL"
        if not client.indices.exists_alias(name=alias):
            self.stdout.write(f"Sökmotor: {engine}. Inget index bakom aliaset {alias}.")
            return
        indices = list(client.indices.get_alias(name=alias).keys())
        count = client.count(index=alias)["count"]
        self.stdout.write(
            f"Sökmotor: {engine}. Alias {alias} → {', '.join(indices)}: {count} dokument. "
            f"Väntande ändringar i utkorgen: {IndexChange.objects.count()}."
        )
