"""`search_service [--addr HOST:PORT] [-- COMMAND …]`: run the site's search service.

See `search.service`. `make run` starts the site through it; in production run it under
the process manager that runs the web server (one per site), or point ELASTICSEARCH_URL
at a cluster.
"""

import sys

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from search.service import SearchService, ServiceConfig


class Command(BaseCommand):
    help = (
        "Run the site's search engine (embedded osmem-server) on SEARCH_SERVICE_ADDRESS: rebuild its index, "
        "restart it when it dies, drain the outbox. With `-- COMMAND`, run COMMAND with the engine and stop after it."
    )

    def add_arguments(self, parser):
        parser.add_argument("--addr", help="HOST:PORT for the embedded engine (default SEARCH_SERVICE_ADDRESS)")
        parser.add_argument("command", nargs="*", help="a command to run with the service, after --")

    def handle(self, *args, addr, command, **options):
        if addr and not settings.SEARCH_EMBEDDED_ENGINE:
            raise CommandError("ELASTICSEARCH_URL pekar på ett kluster; --addr gäller bara den inbyggda sökmotorn.")
        address = (addr or settings.SEARCH_SERVICE_ADDRESS) if settings.SEARCH_EMBEDDED_ENGINE else None
        service = SearchService(ServiceConfig(address=address), command=command or None, say=self._say)
        sys.exit(service.run())

    def _say(self, message):
        self.stdout.write(message)
        self.stdout.flush()
