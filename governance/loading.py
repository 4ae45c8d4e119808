"""Load registers (municipalities, organs, people, posts, meetings) from structured data.

The demo's documents come from importing the seed texts; what an import cannot know
(a municipality's code, who holds which post, the organs' meeting calendars, which
person is which demo user) is kept in `fixtures/demo.json` and loaded here first.
Loading is idempotent: what exists is kept.
"""

from datetime import date

from .models import (
    Case,
    Meeting,
    Membership,
    Municipality,
    MunicipalityPage,
    Organization,
    Party,
    Person,
    Post,
)


class LoadError(ValueError):
    """Structured data that cannot become a document; the message says what is wrong."""


def _date(value):
    if value in (None, ""):
        return None
    try:
        return date.fromisoformat(value)
    except (TypeError, ValueError) as error:
        raise LoadError(f"Ogiltigt datum {value!r}; använd ÅÅÅÅ-MM-DD.") from error


class MunicipalityLoader:
    """Loads one municipality's registers and documents below a home page."""

    def __init__(self, data, home_page):
        self.data = data
        self.home_page = home_page

    # Registers -------------------------------------------------------------------

    def load(self):
        data = self.data
        self.municipality, _created = Municipality.objects.get_or_create(
            slug=data["slug"],
            defaults={
                "name": data["name"],
                "official_name": data.get("official_name", ""),
                "code": data.get("code", ""),
            },
        )
        self._load_organizations(data.get("organizations", []))
        self._load_people(data.get("people", []))
        self._load_posts(data.get("posts", []))
        for membership in data.get("memberships", []):
            Membership.objects.get_or_create(
                person=self.person(membership["person"]),
                organization=self.organization(membership["organization"]),
                role=membership.get("role", Membership.Role.MEMBER),
            )
        for meeting in data.get("meetings", []):
            Meeting.objects.get_or_create(
                organization=self.organization(meeting["organization"]),
                date=_date(meeting["date"]),
                defaults={"status": meeting.get("status", Meeting.Status.PLANNED)},
            )
        for case in data.get("cases", []):
            self.case(case["case_number"], case.get("title", ""))
        self.page = self._municipality_page()

    def _load_organizations(self, organizations):
        for entry in organizations:
            Organization.objects.get_or_create(
                municipality=self.municipality,
                name=entry["name"],
                defaults={
                    "abbreviation": entry.get("abbreviation", ""),
                    "classification": entry["classification"],
                },
            )
        for entry in organizations:
            if entry.get("parent"):
                organization = self.organization(entry["name"])
                organization.parent = self.organization(entry["parent"])
                organization.save(update_fields=["parent"])

    def _load_people(self, people):
        from django.contrib.auth import get_user_model

        for entry in people:
            person, _created = Person.objects.get_or_create(
                municipality=self.municipality,
                name=entry["name"],
                defaults={
                    "party": self.party(entry.get("party")),
                    "email": entry.get("email", ""),
                },
            )
            if entry.get("user"):
                user = get_user_model().objects.filter(username=entry["user"]).first()
                if user and person.user_id != user.pk:
                    person.user = user
                    person.save(update_fields=["user"])

    def _load_posts(self, posts):
        for entry in posts:
            organization = self.organization(entry["organization"])
            post, _created = Post.objects.get_or_create(
                organization=organization, label=entry["label"], defaults={"kind": entry["kind"]}
            )
            if entry.get("holder"):
                role = Membership.Role.EMPLOYEE if post.kind == Post.Kind.OFFICIAL else Membership.Role.MEMBER
                Membership.objects.get_or_create(
                    person=self.person(entry["holder"]),
                    organization=organization,
                    post=post,
                    defaults={"role": role, "start_date": _date(entry.get("since"))},
                )

    def organization(self, name):
        if not name:
            return None
        try:
            return Organization.objects.get(municipality=self.municipality, name=name)
        except Organization.DoesNotExist as error:
            raise LoadError(f"Okänt organ {name!r} i {self.municipality.name}.") from error

    def person(self, name):
        try:
            return Person.objects.get(municipality=self.municipality, name=name)
        except Person.DoesNotExist as error:
            raise LoadError(f"Okänd person {name!r} i {self.municipality.name}.") from error

    def party(self, abbreviation):
        if not abbreviation:
            return None
        party = (
            Party.objects.filter(abbreviation=abbreviation, municipality=self.municipality).first()
            or Party.objects.filter(abbreviation=abbreviation, municipality__isnull=True).first()
        )
        if party is None:
            raise LoadError(f"Okänt parti {abbreviation!r}.")
        return party

    def case(self, case_number, title=""):
        if not case_number:
            return None
        case, _created = Case.objects.get_or_create(
            municipality=self.municipality,
            case_number=" ".join(case_number.split()),
            defaults={"title": title},
        )
        return case

    # Pages -----------------------------------------------------------------------

    def _municipality_page(self):
        existing = MunicipalityPage.objects.filter(municipality=self.municipality).first()
        if existing:
            return existing
        page = MunicipalityPage(
            title=self.municipality.official_name or self.municipality.name,
            slug=self.municipality.slug,
            municipality=self.municipality,
            intro=f"<p>{self.data['intro']}</p>" if self.data.get("intro") else "",
        )
        self.home_page.add_child(instance=page)
        page.save_revision().publish()
        return page


def load_parties(parties):
    for entry in parties:
        Party.objects.get_or_create(
            abbreviation=entry["abbreviation"],
            municipality=None,
            defaults={"name": entry["name"]},
        )


def load_registers(data, home_page):
    """Load parties, then each municipality's registers and page, below `home_page`."""
    load_parties(data.get("parties", []))
    for municipality in data.get("municipalities", []):
        MunicipalityLoader(municipality, home_page).load()
