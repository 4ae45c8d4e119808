"""Build registers and pages from structured document data.

The demo fixture (`fixtures/demo.json`) is structured this way, and the importer's
output will be too, so both go through the same code that knows how a motion or a
protokoll becomes pages, rows and assignments. Loading is idempotent: a document whose
page already exists under its municipality (same slug) is left as it is.
"""

from dataclasses import dataclass, field
from datetime import date

from django.db import transaction
from django.utils.text import slugify

from workflows.deadlines import due_date_for

from .blocks import DocumentBodyBlock
from .models import (
    Assignment,
    AttSats,
    Case,
    DecisionItem,
    FocusArea,
    InterpellationPage,
    InterpellationQuestion,
    Meeting,
    Membership,
    MinutesPage,
    MinutesParagraphPage,
    MotionAction,
    MotionMover,
    MotionPage,
    Municipality,
    MunicipalityPage,
    NewsPage,
    Organization,
    Party,
    Person,
    PolicyDocumentPage,
    PolicyGoal,
    Post,
    ReportingRequirement,
)


class LoadError(ValueError):
    """Structured data that cannot become a document; the message says what is wrong."""


@dataclass
class LoadReport:
    created: list = field(default_factory=list)
    skipped: list = field(default_factory=list)
    assignments: int = 0


def _date(value):
    if value in (None, ""):
        return None
    try:
        return date.fromisoformat(value)
    except (TypeError, ValueError) as error:
        raise LoadError(f"Ogiltigt datum {value!r}; använd ÅÅÅÅ-MM-DD.") from error


class MunicipalityLoader:
    """Loads one municipality's registers and documents below a home page."""

    def __init__(self, data, home_page, report):
        self.data = data
        self.home_page = home_page
        self.report = report

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
        for document in data.get("documents", []):
            self.load_document(document)
        for assignment in data.get("assignments", []):
            self._assignment(
                assignment, source_page=self._page_titled(assignment.get("source_document"))
            )

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
                role = (
                    Membership.Role.EMPLOYEE
                    if post.kind == Post.Kind.OFFICIAL
                    else Membership.Role.MEMBER
                )
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

    def post(self, label):
        post = Post.objects.filter(
            organization__municipality=self.municipality, label=label
        ).first()
        if post is None:
            raise LoadError(f"Okänd post {label!r} i {self.municipality.name}.")
        return post

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

    def _page_titled(self, title):
        if not title:
            return None
        page = self.page.get_children().filter(title=title).first()
        if page is None:
            raise LoadError(f"Inget dokument med titeln {title!r} i {self.municipality.name}.")
        return page

    def load_document(self, document):
        builders = {
            "minutes": self._minutes,
            "motion": self._motion,
            "interpellation": self._interpellation,
            "policy": self._policy,
            "news": self._news,
        }
        kind = document.get("kind")
        if kind not in builders:
            raise LoadError(f"Okänd dokumenttyp {kind!r}.")
        slug = slugify(document["title"])[:80]
        if self.page.get_children().filter(slug=slug).exists():
            self.report.skipped.append(document["title"])
            return None
        with transaction.atomic():
            page = builders[kind](document, slug)
        self.report.created.append(document["title"])
        return page

    def _common(self, document, slug):
        return {
            "title": document["title"],
            "slug": slug,
            "organization": self.organization(document.get("organization")),
            "case": self.case(document.get("case_number")),
            "date": _date(document.get("date")),
            "source_text": document.get("source_text", ""),
        }

    def _publish(self, page, parent=None):
        (parent or self.page).add_child(instance=page)
        page.save_revision().publish()
        return page

    def _minutes(self, document, slug):
        minutes = self._publish(
            MinutesPage(
                **self._common(document, slug),
                is_extract=document.get("is_extract", False),
                page_reference=document.get("page_reference", ""),
            )
        )
        for entry in document.get("paragraphs", []):
            paragraph = MinutesParagraphPage(
                title=entry["title"],
                slug=f"p{entry['number']}",
                number=entry["number"],
                case=self.case(entry.get("case_number")),
                proposal=entry.get("proposal", ""),
                summary=entry.get("summary", ""),
                presenter_text=entry.get("presenter", ""),
                presenter=self.person(entry["presenter_person"])
                if entry.get("presenter_person")
                else None,
                reservations=entry.get("reservations", ""),
                votes=entry.get("votes", ""),
            )
            paragraph.decisions = [DecisionItem(text=text) for text in entry.get("decisions", [])]
            self._publish(paragraph, parent=minutes)
            decisions = list(paragraph.decisions.order_by("sort_order"))
            for assignment in entry.get("assignments", []):
                index = assignment.get("decision")
                decision = decisions[index] if index is not None else None
                self._assignment(
                    assignment, decision=decision, decided_on=minutes.date, source_page=paragraph
                )
        return minutes

    def _motion(self, document, slug):
        page = MotionPage(
            **self._common(document, slug),
            background=document.get("background", ""),
            proposal=document.get("proposal", ""),
            place_and_date_text=document.get("place_and_date_text", ""),
        )
        page.movers = [
            MotionMover(
                person=self.person(mover["name"]),
                party=self.party(mover.get("party")),
                role=mover.get("role", ""),
            )
            for mover in document.get("movers", [])
        ]
        page.att_satser = [AttSats(text=text) for text in document.get("att_satser", [])]
        page.actions = [
            MotionAction(
                date=_date(action["date"]),
                classification=action["classification"],
                organization=self.organization(action.get("organization")),
                note=action.get("note", ""),
            )
            for action in document.get("actions", [])
        ]
        return self._publish(page)

    def _interpellation(self, document, slug):
        answer = document.get("answer") or {}
        page = InterpellationPage(
            **self._common(document, slug),
            asker=self.person(document["asker"]),
            asker_role=document.get("asker_role", ""),
            addressee=self.person(document["addressee"]),
            addressee_role=document.get("addressee_role", ""),
            introduction=document.get("introduction", ""),
            answered_by=self.person(answer["by"]) if answer.get("by") else None,
            answered_by_role=answer.get("role", ""),
            answered_on=_date(answer.get("date")),
            answer_introduction=answer.get("introduction", ""),
        )
        page.questions = [
            InterpellationQuestion(
                number=question["number"],
                question=question["question"],
                answer=question.get("answer", ""),
            )
            for question in document.get("questions", [])
        ]
        self._publish(page)
        for promise in document.get("promises", []):
            self._assignment(promise, source_page=page)
        return page

    def _policy(self, document, slug):
        page = PolicyDocumentPage(
            **self._common(document, slug),
            document_type=document["document_type"],
            adopted_by=self.organization(document.get("adopted_by")),
            valid_from=_date(document.get("valid_from")),
            valid_until=_date(document.get("valid_until")),
            validity_text=document.get("validity_text", ""),
            applies_to=document.get("applies_to", ""),
            publication=document.get("publication", ""),
            summary=document.get("summary", ""),
            body=self._body(document.get("sections", [])),
        )
        page.goals = [
            PolicyGoal(
                text=goal["text"],
                indicator=goal.get("indicator", ""),
                target=goal.get("target", ""),
                direction=goal.get("direction", ""),
                target_value=goal.get("target_value"),
                target_unit=goal.get("target_unit", ""),
            )
            for goal in document.get("goals", [])
        ]
        page.reporting_requirements = [
            ReportingRequirement(
                report_to=self.organization(requirement["to"]),
                rule_text=requirement["rule"],
                times_per_year=requirement.get("times_per_year"),
                description=requirement.get("description", ""),
            )
            for requirement in document.get("reporting", [])
        ]
        page.focus_areas = [FocusArea(text=text) for text in document.get("focus_areas", [])]
        return self._publish(page)

    def _news(self, document, slug):
        page = NewsPage(
            **self._common(document, slug),
            lead=document.get("lead", ""),
            body=self._body(document.get("sections", [])),
            source_name=document.get("source_name", ""),
        )
        return self._publish(page)

    @staticmethod
    def _body(sections):
        blocks = []
        for section in sections:
            if "quote" in section:
                blocks.append(
                    (
                        "quote",
                        {"text": section["quote"], "attribution": section.get("attribution", "")},
                    )
                )
            else:
                blocks.append(("section", {"heading": section["heading"], "text": section["text"]}))
        return DocumentBodyBlock().to_python(
            [{"type": kind, "value": value} for kind, value in blocks]
        )

    # Assignments -----------------------------------------------------------------

    def _assignment(self, entry, decision=None, decided_on=None, source_page=None):
        decided_on = decided_on or _date(entry.get("decided_on"))
        if decided_on is None:
            raise LoadError(f"Uppdraget {entry['title']!r} saknar beslutsdatum.")
        report_to = self.organization(entry.get("report_to"))
        due = due_date_for(entry.get("deadline_text", ""), decided_on, report_to)
        assignment, created = Assignment.objects.get_or_create(
            municipality=self.municipality,
            title=entry["title"],
            decided_on=decided_on,
            defaults={
                "task": entry["task"],
                "decision": decision,
                "source_page": source_page,
                "source_text": entry.get("source", ""),
                "report_to": report_to,
                "deadline_text": entry.get("deadline_text", ""),
                "due_date": due.date,
                "due_explanation": due.explanation,
            },
        )
        if created:
            assignment.assignee_posts.set(
                [self.post(label) for label in entry.get("assignee_posts", [])]
            )
            assignment.assignee_people.set(
                [self.person(name) for name in entry.get("assignee_people", [])]
            )
            assignment.assignee_organizations.set(
                [self.organization(name) for name in entry.get("assignee_organizations", [])]
            )
            self.report.assignments += 1
        return assignment


def load_parties(parties):
    for entry in parties:
        Party.objects.get_or_create(
            abbreviation=entry["abbreviation"],
            municipality=None,
            defaults={"name": entry["name"]},
        )


def load_structured_data(data, home_page):
    """Load a whole data set (parties, then each municipality) below `home_page`."""
    report = LoadReport()
    load_parties(data.get("parties", []))
    for municipality in data.get("municipalities", []):
        MunicipalityLoader(municipality, home_page, report).load()
    return report
