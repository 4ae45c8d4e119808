"""Export the assignment register as CSV or JSON, with every status as of a chosen date."""

from datetime import date

from django.core.management.base import BaseCommand, CommandError

from governance.exports import as_csv, as_json, export_queryset, register_rows
from governance.models import Assignment


class Command(BaseCommand):
    help = "Export the assignment register (CSV or JSON), statuses as of a date."

    def add_arguments(self, parser):
        parser.add_argument("--format", choices=["csv", "json"], default="csv")
        parser.add_argument("--as-of", help="YYYY-MM-DD; default today")
        parser.add_argument("--municipality", help="Only this municipality (its slug, e.g. enkoping)")

    def handle(self, *args, **options):
        try:
            as_of = date.fromisoformat(options["as_of"]) if options["as_of"] else date.today()
        except ValueError as error:
            raise CommandError(f"Ogiltigt datum för --as-of: {options['as_of']!r}; använd ÅÅÅÅ-MM-DD.") from error
        assignments = export_queryset(Assignment.objects.with_status(as_of), as_of)
        if options["municipality"]:
            assignments = assignments.filter(municipality__slug=options["municipality"])
        rows = register_rows(assignments.open_first(), as_of)
        self.stdout.write(as_json(rows, as_of) if options["format"] == "json" else as_csv(rows), ending="")
