"""E-mail assignees before the due date and when overdue; safe to run from cron every hour."""

from datetime import date

from django.core.management.base import BaseCommand, CommandError

from governance.reminders import send_reminders


class Command(BaseCommand):
    help = "Send reminder e-mails about assignments that are due soon or overdue (never twice per event)."

    def add_arguments(self, parser):
        parser.add_argument("--today", help="YYYY-MM-DD; default the real date (for re-runs and tests)")

    def handle(self, *args, **options):
        try:
            day = date.fromisoformat(options["today"]) if options["today"] else date.today()
        except ValueError as error:
            raise CommandError(f"Ogiltigt datum för --today: {options['today']!r}; använd ÅÅÅÅ-MM-DD.") from error
        report = send_reminders(day)
        self.stdout.write(
            f"Påminnelser: {report.sent} skickade, {report.already_sent} redan skickade, "
            f"{len(report.failed)} misslyckade, {len(report.without_email)} uppdrag utan e-postadress."
        )
        for failure in report.failed:
            self.stderr.write(f"MISSLYCKADES {failure}")
        if report.failed:
            raise CommandError(f"{len(report.failed)} påminnelser kunde inte skickas; de försöks igen nästa körning.")
