"""Load the demo: a portal home page, the five seed documents, and a user for each role.

The documents are produced by importing the five real texts in `fixtures/seeds/`
(copies of `shared/seeds/`) with the same importer secretaries use. `fixtures/demo.json`
holds what a text cannot tell: municipality codes, who holds which post, the organs'
meeting calendars, which person is which demo user and which organs the demo secretary
manages (`role_scopes`), plus the list of files to import. The assignments the import
reads from the decisions are confirmed as the demo secretary, as if they had checked
the import, so their processes run and the official's inbox has work. To change the demo, edit those files and run
`python manage.py load_demo_data --reset`. Without `--reset` the command is idempotent,
so `make run` can call it every time.
"""

import json
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from wagtail.models import Page, Site

from governance.importer.importing import OrganResolver
from governance.importer.pipeline import Overrides, parse_file
from governance.importer.writer import DocumentWriter
from governance.loading import LoadError, load_registers
from governance.models import Assignment, HomePage, Municipality, Organization, RoleScope
from governance.roles import COUNCILLORS, OFFICIALS, SECRETARIES, ensure_role_groups

DEMO_FIXTURE = Path(settings.BASE_DIR) / "fixtures" / "demo.json"

#: (username, password, group, superuser, what the role is for)
DEMO_USERS = [
    ("admin", "admin-demo", None, True, "administratör, allt"),
    (
        "sekreterare",
        "sekreterare-demo",
        SECRETARIES,
        False,
        "för in protokoll, motioner och uppdrag för demokommunernas nämnder",
    ),
    ("politiker", "politiker-demo", COUNCILLORS, False, "följer uppdragens status"),
    (
        "tjansteperson",
        "tjansteperson-demo",
        OFFICIALS,
        False,
        "kommundirektör i Exempelkommun; arbetar med uppdrag",
    ),
]


class Command(BaseCommand):
    help = "Load the demo site: home page, the five seed documents and demo users for each role."

    def add_arguments(self, parser):
        parser.add_argument("--reset", action="store_true", help="Delete the demo pages and registers first.")
        parser.add_argument("--fixture", default=str(DEMO_FIXTURE), help="Structured data file.")

    def handle(self, *args, **options):
        path = Path(options["fixture"])
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError as error:
            raise CommandError(f"Hittar inte demodata: {path}") from error
        except json.JSONDecodeError as error:
            raise CommandError(f"{path} är inte giltig JSON: {error}") from error

        with transaction.atomic():
            if options["reset"]:
                self._reset()
            home = self._home_page()
            groups = ensure_role_groups(home)
            self._users(groups)
            try:
                load_registers(data, home)
            except LoadError as error:
                raise CommandError(f"Demodata kunde inte läsas in: {error}") from error
            statuses = self._import_documents(data.get("imports", []), path.parent, home)
            self._role_scopes(data.get("role_scopes", []))
            self._confirm_imported_assignments()

        self.stdout.write(
            self.style.SUCCESS(
                f"Demodata: {statuses.count('created')} dokument skapade, "
                f"{statuses.count('unchanged')} oförändrade, {statuses.count('updated')} uppdaterade."
            )
        )
        self.stdout.write("Inloggningar (endast för demo):")
        for username, password, group, _superuser, purpose in DEMO_USERS:
            self.stdout.write(f"  {username:<14} {password:<20} {group or 'superuser':<18} {purpose}")

    def _import_documents(self, imports, base, home):
        """Import each listed text; any failure stops the demo load with the reason."""
        statuses = []
        for entry in imports:
            file = base / entry["file"]
            overrides = Overrides(entry.get("kind"), entry.get("municipality"), entry.get("organization"))
            parsed = parse_file(file, overrides, OrganResolver(entry.get("municipality")))
            if parsed.ok and not entry.get("municipality"):
                parsed = parse_file(file, overrides, OrganResolver(parsed.data.get("municipality")))
            if not parsed.ok:
                raise CommandError(f"Demodokumentet {file.name} kunde inte läsas in: {'; '.join(parsed.errors)}")
            statuses.append(DocumentWriter(home).write(parsed).status)
        return statuses

    def _role_scopes(self, scopes):
        """Where each demo user's role applies: a municipality and the organs named there."""
        User = get_user_model()
        for entry in scopes:
            user = User.objects.get(username=entry["user"])
            municipality = Municipality.objects.get(name=entry["municipality"])
            scope, _created = RoleScope.objects.get_or_create(
                user=user,
                municipality=municipality,
                defaults={"whole_municipality": bool(entry.get("whole_municipality"))},
            )
            names = entry.get("organizations", [])
            organs = list(Organization.objects.filter(municipality=municipality, name__in=names))
            missing = set(names) - {organ.name for organ in organs}
            if missing:
                raise CommandError(f"Okända organ i role_scopes för {municipality.name}: {', '.join(sorted(missing))}")
            scope.organizations.add(*organs)

    def _confirm_imported_assignments(self):
        secretary = get_user_model().objects.get(username="sekreterare")
        for assignment in Assignment.objects.filter(read_from_text=True, confirmed_at__isnull=True):
            assignment.confirm(by=secretary)

    def _reset(self):
        for page in HomePage.objects.all():
            page.get_descendants().delete()
        Municipality.objects.all().delete()

    def _home_page(self):
        """The site's root page: reuse the demo home page or replace Wagtail's welcome page."""
        home = HomePage.objects.first()
        if home:
            return home
        root = Page.get_first_root_node()
        home = HomePage(
            title="Beslutsspår",
            slug="start",
            intro=(
                "<p>Vad har kommunerna beslutat, vem har fått i uppdrag att göra vad, "
                "och är det gjort i tid? Här följs protokoll, motioner, interpellationer "
                "och styrdokument från beslut till återrapportering.</p>"
            ),
        )
        root.add_child(instance=home)
        home.save_revision().publish()
        site = Site.objects.filter(is_default_site=True).first()
        old_root = site.root_page if site else None
        if site:
            site.root_page = home
            site.site_name = "Beslutsspår"
            site.save()
        else:
            Site.objects.create(
                hostname="localhost",
                port=8000,
                root_page=home,
                is_default_site=True,
                site_name="Beslutsspår",
            )
        if old_root and old_root.specific_class is Page and old_root.depth == 2:
            old_root.delete()  # Wagtail's "Welcome to your new Wagtail site!" page
        return home

    def _users(self, groups):
        User = get_user_model()
        for username, password, group, superuser, _purpose in DEMO_USERS:
            user, created = User.objects.get_or_create(username=username, defaults={"email": f"{username}@example.org"})
            if created:
                user.set_password(password)
                user.is_staff = superuser
                user.is_superuser = superuser
                user.save()
            if group:
                user.groups.add(groups[group])
