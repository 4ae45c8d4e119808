"""Import minutes, motions, interpellations, policy documents and news from .txt/.pdf files.

Each file is read and parsed once, then written in its own transaction: a file that
fails leaves nothing behind, the run goes on with the next file, and the command exits
non-zero if any file failed. `--dry-run` runs the same checks and, when the site exists,
writes each document in a transaction that is rolled back, so it fails exactly where the
import would; `--format json` prints the review record of every file. `--municipality`
and `--organization` (name or usual abbreviation, e.g. KSAU) apply to every file given.
"""

import json
import sys
from collections import Counter

from django.core.management.base import BaseCommand, CommandError

from governance.importer.detect import KINDS
from governance.importer.importing import OrganResolver, store, trial_write
from governance.importer.pipeline import Overrides, collect_files, parse_file, to_json
from governance.models import HomePage


class Progress:
    """A one-line progress bar on stderr for runs over many files."""

    def __init__(self, total, stream, enabled):
        self.total, self.stream, self.enabled, self.done = total, stream, enabled and total > 1, 0

    def step(self, label):
        self.done += 1
        if not self.enabled:
            return
        width = 30
        filled = int(width * self.done / self.total)
        self.stream.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {self.done}/{self.total} {label[:40]:<40}")
        if self.done == self.total:
            self.stream.write("\n")
        self.stream.flush()


class Command(BaseCommand):
    help = "Import governance documents (.txt, .pdf) from files and folders."

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", help="Files or folders to import.")
        parser.add_argument("--kind", choices=KINDS, help="Document kind, when detection guesses wrong.")
        parser.add_argument("--municipality", help="Municipality for every file, when the texts do not say.")
        parser.add_argument("--organization", help="Organ for every file (name or abbreviation such as KS, KSAU).")
        parser.add_argument("--dry-run", action="store_true", help="Parse and report; write nothing.")
        parser.add_argument("--format", choices=["text", "json"], default="text")
        parser.add_argument("--no-progress", action="store_true", help="No progress bar.")

    def handle(self, *args, **options):
        files = collect_files(options["paths"])
        if not files:
            raise CommandError("Inga .txt- eller .pdf-filer hittades.")
        overrides = Overrides(options["kind"], options["municipality"], options["organization"])
        home = HomePage.objects.first()
        if not options["dry_run"] and home is None:
            raise CommandError("Webbplatsen saknar startsida; kör `manage.py load_demo_data` först.")
        progress = Progress(len(files), sys.stderr, not options["no_progress"] and options["format"] == "text")
        totals = Counter()
        reports = []
        failures = []
        for path in files:
            parsed = parse_file(path, overrides, OrganResolver(overrides.municipality))
            progress.step(path.name)
            reports.append(parsed)
            if parsed.ok and options["dry_run"] and home is not None:
                trial_write(parsed, home)
            if not parsed.ok:
                failures.append((path, parsed.errors))
                totals["failed"] += 1
                continue
            if options["dry_run"]:
                totals["parsed"] += 1
                totals["paragraphs"] += len(parsed.data.get("paragraphs", []))
                totals["decisions"] += sum(len(p["decisions"]) for p in parsed.data.get("paragraphs", []))
                totals["assignments"] += sum(len(p["assignments"]) for p in parsed.data.get("paragraphs", []))
                continue
            result = store(parsed, home)
            if result is None:
                failures.append((path, parsed.errors))
                totals["failed"] += 1
                continue
            totals[result.status] += 1
            totals["paragraphs_created"] += result.paragraphs["created"]
            totals["paragraphs_updated"] += result.paragraphs["updated"]
            totals["decisions"] += result.decisions
            totals["assignments_created"] += result.assignments["created"]
            totals["assignments_updated"] += result.assignments["updated"]

        if options["format"] == "json":
            self.stdout.write(json.dumps({"documents": [to_json(p) for p in reports]}, ensure_ascii=False, indent=2))
        else:
            for parsed in reports:
                for warning in parsed.warnings:
                    self.stderr.write(f"VARNING {parsed.file}: {warning}")
            for path, errors in failures:
                for error in errors:
                    self.stderr.write(f"MISSLYCKADES {path}: {error}")
            self.stdout.write(self._summary(totals, options["dry_run"]))
        if failures:
            raise CommandError(f"{len(failures)} av {len(files)} filer kunde inte importeras.")

    @staticmethod
    def _summary(totals, dry_run):
        if dry_run:
            return (
                f"Provkörning (inget sparat): {totals['parsed']} dokument tolkade, {totals['failed']} misslyckade; "
                f"{totals['paragraphs']} paragrafer, {totals['decisions']} beslutspunkter, "
                f"{totals['assignments']} uppdrag."
            )
        return (
            f"Dokument: {totals['created']} skapade, {totals['updated']} uppdaterade, "
            f"{totals['unchanged']} oförändrade, {totals['failed']} misslyckade. "
            f"Paragrafer: {totals['paragraphs_created']} skapade, {totals['paragraphs_updated']} uppdaterade. "
            f"Beslutspunkter: {totals['decisions']}. "
            f"Uppdrag: {totals['assignments_created']} skapade, {totals['assignments_updated']} uppdaterade."
        )
