"""Parse and import the files uploaded in the admin that wait for background work.

Run it from cron (see README, "Import"); several copies may run at once, beside the web
workers: each file is claimed before it is worked on (`import_batches.claim`), so none is
done twice, and a file left claimed by a stopped run is taken over after
`import_batches.STALE_CLAIM`.
"""

from datetime import timedelta

from django.core.management.base import BaseCommand

from governance.import_batches import delete_finished_batches, work_through


class Command(BaseCommand):
    help = "Parse and import files uploaded in the admin's import screen (for cron)."

    def add_arguments(self, parser):
        parser.add_argument("--limit", type=int, default=None, help="Stop after this many files.")
        parser.add_argument(
            "--delete-finished-after",
            type=int,
            metavar="DAYS",
            help="Also delete batches older than DAYS days with nothing left to do (and their uploaded files).",
        )

    def handle(self, *args, **options):
        done = work_through(limit=options["limit"])
        labels = {
            "parsed": "tolkade",
            "imported": "importerade",
            "failed": "misslyckade",
        }
        summary = ", ".join(f"{count} {labels.get(status, status)}" for status, count in sorted(done.items()))
        self.stdout.write(f"Importkön: {summary or 'inget att göra'}.")
        if options["delete_finished_after"] is not None:
            deleted = delete_finished_batches(timedelta(days=options["delete_finished_after"]))
            self.stdout.write(
                f"Raderade avslutade importer äldre än {options['delete_finished_after']} dagar: {deleted}."
            )
