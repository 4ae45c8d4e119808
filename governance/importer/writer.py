"""Store parsed documents as pages, rows and assignments, idempotently.

A document is identified by its municipality, kind and slug. Importing the same text
again changes no page; a changed text updates the existing pages through a new revision,
so the page history shows what the re-import changed. Either way what the document
answers is announced again (`KindSpec.announce`), so a process that has reached the step
waiting for it since the last import records it. Each document is written in one
transaction by the caller.

A changed motion or interpellation sets what its text gives, and what it leaves out does
not blank what the page holds (`kept`): a diarienummer, an organ, who an interpellation
is put to, the roles, the answer (its date, who gave it, its text), the movers, a mover's
party and role, a section the parser did not find. A secretary may have entered them
since the last import (the admin asks for a mover, an att-sats and a question the file
did not give), or the process recorded them (the answer and its date).
"""

import re
from dataclasses import dataclass, field
from datetime import date

from django.db.models import Q
from django.utils.text import slugify

from governance.blocks import DocumentBodyBlock
from governance.deadlines import due_date_for
from governance.events import AnswerImported, StatementLinked, answer_imported, statement_linked
from governance.importer.completion_links import link_and_record
from governance.importer.statement_links import find_answered, waiting_answers
from governance.importer.swedish import NATIONAL_PARTY_NAMES
from governance.models import (
    Assignment,
    AttSats,
    Case,
    DecisionItem,
    FocusArea,
    InterpellationQuestion,
    MinutesParagraphPage,
    MotionAction,
    MotionMover,
    Municipality,
    MunicipalityPage,
    Organization,
    Party,
    Person,
    PolicyGoal,
    Post,
    ReportingRequirement,
)


@dataclass
class WriteResult:
    status: str = "created"  # created | updated | unchanged
    page: object = None
    paragraphs: dict = field(default_factory=lambda: {"created": 0, "updated": 0})
    decisions: int = 0
    assignments: dict = field(default_factory=lambda: {"created": 0, "updated": 0})
    fulfilments_unmatched: list = field(default_factory=list)
    warnings: list = field(default_factory=list)


def _date(value):
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(value)


def kept(given, held):
    """What the document gives, or what the page already holds when it gives nothing: a
    re-import never erases what a person (or an earlier import) entered."""
    return held if given in (None, "") else given


def organization_classification(name):
    lowered = name.lower()
    if "fullmäktige" in lowered:
        return Organization.Classification.COUNCIL
    if "utskott" in lowered or "beredning" in lowered:
        return Organization.Classification.SUBCOMMITTEE
    if lowered.startswith("kommunstyrelse") or lowered == "kommunstyrelsen":
        return Organization.Classification.EXECUTIVE
    if "nämnd" in lowered:
        return Organization.Classification.COMMITTEE
    if lowered.endswith((" ab", "bolaget")):
        return Organization.Classification.COMPANY
    return Organization.Classification.ADMINISTRATION


def post_base_form(word):
    """ "kommundirektören" → "kommundirektör", "ordföranden" → "ordförande"."""
    lowered = word.lower()
    if lowered.endswith("nden"):
        return word[:-1]
    if lowered.endswith("en"):
        return word[:-2]
    return word


class Registers:
    """Finds or creates the municipality's organs, people, posts, parties and cases."""

    def __init__(self, municipality):
        self.municipality = municipality

    def existing_organization(self, name):
        """The organ `name` (or abbreviation) denotes in this municipality, if it exists yet."""
        if not name or self.municipality is None:
            return None
        name = " ".join(name.split())
        return (
            Organization.objects.filter(municipality=self.municipality, name__iexact=name).first()
            or Organization.objects.filter(municipality=self.municipality, abbreviation__iexact=name).first()
        )

    def organization(self, name, abbreviation=""):
        if not name:
            return None
        name = " ".join(name.split())
        name = name[0].upper() + name[1:]
        existing = self.existing_organization(name)
        if existing:
            if abbreviation and not existing.abbreviation:
                existing.abbreviation = abbreviation
                existing.save(update_fields=["abbreviation"])
            return existing
        return Organization.objects.create(
            municipality=self.municipality,
            name=name,
            abbreviation=abbreviation,
            classification=organization_classification(name),
        )

    def party(self, abbreviation, name=""):
        """The party by its abbreviation, or by its name when a local party is named only in
        full ("Alingsåspartiet"); created in the municipality when unknown, under its name when
        the text or the national table gives one."""
        key = abbreviation or name[:20]
        if not key:
            return None
        here = Q(municipality__isnull=True) | Q(municipality=self.municipality)
        party = (
            Party.objects.filter(abbreviation=key, municipality__isnull=True).first()
            or Party.objects.filter(abbreviation=key, municipality=self.municipality).first()
            or (Party.objects.filter(here, name__iexact=name).first() if name else None)
        )
        full_name = name or NATIONAL_PARTY_NAMES.get(key, key)
        if party is None:
            party = Party.objects.create(name=full_name, abbreviation=key, municipality=self.municipality)
        elif party.name == party.abbreviation != full_name:
            party.name = full_name  # created earlier from a bare "(V)"; the name is known now
            party.save(update_fields=["name"])
        return party

    def person(self, name, party=""):
        if not name:
            return None
        person, created = Person.objects.get_or_create(
            municipality=self.municipality, name=name, defaults={"party": self.party(party)}
        )
        if not created and party and not person.party_id:
            person.party = self.party(party)
            person.save(update_fields=["party"])
        return person

    def post(self, label, organization):
        base = post_base_form(label)
        existing = (
            Post.objects.filter(organization__municipality=self.municipality).filter(label__iexact=base).first()
            or Post.objects.filter(organization__municipality=self.municipality, label__iexact=label).first()
        )
        if existing:
            return existing
        kind = Post.Kind.ELECTED if re.search(r"ordförande|råd$", base, re.I) else Post.Kind.OFFICIAL
        return Post.objects.create(organization=organization, label=base[0].upper() + base[1:], kind=kind)

    def case(self, case_number):
        if not case_number:
            return None
        case, _created = Case.objects.get_or_create(
            municipality=self.municipality, case_number=" ".join(case_number.split())
        )
        return case


def existing_municipality(name):
    """The municipality `name` denotes, if it has been created (by name or slug)."""
    return (
        Municipality.objects.filter(name__iexact=name).first()
        or Municipality.objects.filter(slug=slugify(name) or "kommun").first()
    )


def municipality_for(name, home_page):
    """The municipality and its page, created on first import."""
    municipality = existing_municipality(name)
    if municipality is None:
        slug = slugify(name) or "kommun"
        municipality = Municipality.objects.create(name=name, official_name=f"{name} kommun", slug=slug)
    page = MunicipalityPage.objects.filter(municipality=municipality).first()
    if page is None:
        page = MunicipalityPage(title=str(municipality), slug=municipality.slug, municipality=municipality)
        home_page.add_child(instance=page)
        page.save_revision().publish()
    return municipality, page


def _body(sections):
    return DocumentBodyBlock().to_python(
        [{"type": "section", "value": {"heading": s["heading"], "text": s["text"]}} for s in sections if s.get("text")]
    )


class DocumentWriter:
    """Writes one parsed document (see `pipeline.parse_text`) below a home page.

    `user` (the secretary importing in the admin) is recorded on the page revisions."""

    def __init__(self, home_page, user=None):
        self.home_page = home_page
        self.user = user

    def write(self, parsed):
        """Store `parsed` (a `pipeline.ParsedDocument` without errors) as its kind's page."""
        data = parsed.data
        self.municipality, self.parent = municipality_for(data["municipality"], self.home_page)
        self.registers = Registers(self.municipality)
        self.result = WriteResult()
        kind = data["kind"]
        date_part = f"-{_date(data['date']).isoformat()}" if kind == "minutes" and data.get("date") else ""
        base = slugify(data["title"])[:70]
        slug = (base if date_part[1:] in base else base + date_part).strip("-") or "dokument"
        spec = parsed.spec
        model = spec.page_model
        existing = model.objects.child_of(self.parent).filter(slug=slug).first()
        if existing and existing.source_text == parsed.text:
            self.result.status = "unchanged"
            self.result.page = existing
            self._announce(spec, existing, data)
            return self.result
        page = existing or model(slug=slug)
        self.result.status = "updated" if existing else "created"
        page.title = data["title"][:255]
        page.source_text = parsed.text
        page.date = _date(data.get("date"))
        page.organization = kept(
            self.registers.organization(data.get("organization"), data.get("organization_abbreviation", "")),
            page.organization,
        )
        page.case = kept(self.registers.case(data.get("case_number")), page.case)
        spec.write(self, page, data)
        self._announce(spec, self.result.page, data)
        parsed.warnings.extend(warning for warning in self.result.warnings if warning not in parsed.warnings)
        return self.result

    def _announce(self, spec, page, data):
        """Tell whoever follows the document what it answers, on every import of it, changed
        or not: its process may have reached the step that waits for it since the last one."""
        if spec.announce is not None:
            spec.announce(self, page, data)

    def _save(self, page, parent=None):
        if page.pk is None:
            (parent or self.parent).add_child(instance=page)
        page.save_revision(user=self.user).publish(user=self.user)
        return page

    # Kinds -------------------------------------------------------------------------

    def write_minutes(self, page, data):
        page.is_extract = bool(data.get("is_extract"))
        self._save(page)
        self.result.page = page
        for row in data["paragraphs"]:
            self._paragraph(page, row)

    def _paragraph(self, minutes, row):
        paragraph = MinutesParagraphPage.objects.child_of(minutes).filter(number=row["number"]).first()
        created = paragraph is None
        paragraph = paragraph or MinutesParagraphPage(number=row["number"], slug=f"p{row['number']}")
        paragraph.title = (row["title"] or f"§ {row['number']}")[:255]
        paragraph.case = self.registers.case(row.get("case_number"))
        paragraph.proposal = row.get("proposal", "")
        paragraph.summary = row.get("summary", "")
        paragraph.presenter_text = row.get("presenter", "")[:300]
        paragraph.reservations = "\n\n".join(row.get("reservations", []))
        paragraph.votes = row.get("votes", "")
        existing_items = list(paragraph.decisions.all()) if not created else []
        items = []
        for index, text in enumerate(row["decisions"]):
            item = existing_items[index] if index < len(existing_items) else DecisionItem()
            item.text = text
            items.append(item)
        paragraph.decisions = items
        self._save(paragraph, parent=minutes)
        self.result.paragraphs["created" if created else "updated"] += 1
        self.result.decisions += len(items)
        decisions = list(paragraph.decisions.order_by("sort_order"))
        for found in row.get("assignments", []):
            if found.get("proposed"):
                continue  # recommended to another organ: the assignment is given when it decides
            decision = decisions[found["decision"]] if found.get("decision") is not None else None
            self._assignment(
                found,
                minutes.date,
                decision=decision,
                source_page=paragraph,
                decided_by=minutes.organization,
            )
        for fulfilment in row.get("fulfilments", []):
            if fulfilment.get("proposed"):
                continue
            self._fulfilment(fulfilment, minutes.date, row.get("case_number"))

    def write_motion(self, page, data):
        page.background = kept(data.get("background", ""), page.background)
        page.proposal = kept(data.get("proposal", ""), page.proposal)
        page.place_and_date_text = kept(data.get("place_and_date_text", ""), page.place_and_date_text)
        movers = [
            mover
            for mover in data.get("movers", [])
            if mover.get("name") or mover.get("party") or mover.get("party_name")
        ]
        if movers:
            page.movers = [self._mover(page, mover) for mover in movers]
        if data.get("att_satser"):
            page.att_satser = [AttSats(text=text) for text in data["att_satser"]]
        if not page.actions.exists() and page.date:
            page.actions = [
                MotionAction(
                    date=page.date,
                    classification=MotionAction.Classification.FILED,
                    organization=page.organization,
                )
            ]
        self.result.page = self._save(page)
        self._link_waiting_answers(page)

    def _mover(self, motion, mover):
        """A signatory as the file gives them, a person or a party group that signs as itself;
        the party and role a secretary gave the same mover on the page stay when the file
        gives none."""
        party = self.registers.party(mover.get("party"), mover.get("party_name", ""))
        person = self.registers.person(mover["name"], mover.get("party", "")) if mover.get("name") else None

        def same_mover(signed):
            if person is not None:
                return signed.person_id == person.pk
            return signed.person_id is None and party is not None and signed.party_id == party.pk

        held = next((signed for signed in motion.movers.all() if same_mover(signed)), None)
        return MotionMover(
            person=person,
            party=kept(party, held.party if held else None),
            role=kept(mover.get("role", "")[:200], held.role if held else ""),
        )

    def write_interpellation(self, page, data):
        asker, addressee = data["asker"], data["addressee"]
        page.asker = self.registers.person(asker["name"], asker.get("party", ""))
        page.asker_role = kept(asker.get("role", "")[:200], page.asker_role)
        # Put to a post without a name ("till kommunstyrelsens ordförande"): no person, the post as
        # text; a person a secretary named for it stays.
        if addressee.get("name"):
            page.addressee = self.registers.person(addressee["name"], addressee.get("party", ""))
        page.addressee_role = kept(addressee.get("role", "")[:200], page.addressee_role)
        page.introduction = kept(data.get("introduction", ""), page.introduction)
        if data.get("question_rows"):
            page.questions = self._questions(page, data["question_rows"])
        self._answer(page, data.get("answer") or {})
        self.result.page = self._save(page)
        self._link_waiting_answers(page)
        for promise in data.get("promises", []):
            self._assignment(promise, page.date, source_page=page)
        for referenced in data.get("referenced_assignments", []):
            self._assignment(
                referenced,
                _date(referenced.get("decided_on")) or page.date,
                source_page=page,
                decided_by=self.registers.organization(referenced.get("decided_by"))
                if referenced.get("decided_by")
                else None,
            )

    @staticmethod
    def _questions(page, rows):
        """The questions as the file gives them, each with the file's answer, or the answer
        the page holds to the question of that number when the file gives none."""
        held = {question.number: question.answer for question in page.questions.all()}
        return [
            InterpellationQuestion(
                number=row["number"],
                question=row["question"],
                answer=kept(row.get("answer", ""), held.get(row["number"], "")),
            )
            for row in rows
        ]

    def _answer(self, page, answer):
        """The answer as far as the file gives it; what it does not give (a file holding only
        the interpellation, an answer without a date) stays as the page holds it: entered by a
        secretary, recorded by the process, or imported before."""
        if answer.get("by"):
            page.answered_by = self.registers.person(answer["by"])
            page.answered_by_role = answer.get("role", "")[:200]
        answered_on = kept(_date(answer.get("date")), page.answered_on)
        if answered_on and not page.may_be_answered_on(answered_on):
            self.result.warnings.append(
                f"svarsdatumet på sidan ({answered_on:%Y-%m-%d}) är före interpellationens "
                f"({page.date:%Y-%m-%d}) och togs bort; ange svarsdatum på sidan."
            )
            answered_on = None
        page.answered_on = answered_on
        page.answer_introduction = kept(answer.get("introduction", ""), page.answer_introduction)

    def write_policy(self, page, data):
        page.document_type = data["document_type"]
        page.adopted_by = self.registers.organization(data.get("adopted_by"))
        page.valid_from = _date(data.get("valid_from"))
        page.valid_until = _date(data.get("valid_until"))
        page.validity_text = data.get("validity_text", "")[:100]
        page.applies_to = data.get("applies_to", "")[:200]
        page.document_owner = data.get("document_owner", "")[:200]
        page.publication = data.get("publication", "")[:200]
        page.summary = data.get("summary", "")
        page.body = _body(data.get("sections", []))
        page.goals = [
            PolicyGoal(
                text=goal["text"],
                indicator=goal.get("indicator", ""),
                target=goal.get("target", "")[:200],
                direction=goal.get("direction", ""),
                target_value=goal.get("target_value"),
                target_unit=goal.get("target_unit", "")[:60],
            )
            for goal in data.get("goals", [])
        ]
        page.reporting_requirements = [
            ReportingRequirement(
                report_to=self.registers.organization(requirement["to"]),
                rule_text=requirement["rule"],
                times_per_year=requirement.get("times_per_year"),
            )
            for requirement in data.get("reporting", [])
        ]
        page.focus_areas = [FocusArea(text=text) for text in data.get("focus_areas", [])]
        self.result.page = self._save(page)

    def write_news(self, page, data):
        page.lead = data.get("lead", "")
        page.body = _body(data.get("sections", []))
        page.source_name = data.get("source_name", "")
        self.result.page = self._save(page)

    def _link_waiting_answers(self, page):
        """An answer imported before its motion (or interpellation) is linked once it arrives."""
        for statement in waiting_answers(page):
            statement.answers = page
            self._save(statement)
            self._announce_link(statement, page)

    def _announce_link(self, statement, answered):
        """Whoever follows the answered matter (its process) hears of the underlag."""
        statement_linked.send(sender=DocumentWriter, event=StatementLinked(statement, answered.specific, self.user))

    def announce_own_answer(self, page, data):
        """An interpellation whose own file holds the answer: whoever follows it (its
        process) hears of the answer, dated as the file dates it. A page created by this
        import has no process yet (it starts once the import commits), so nothing listens."""
        answer = data.get("answer")
        if answer:
            answered_on = _date(answer.get("date"))
            answer_imported.send(sender=DocumentWriter, event=AnswerImported(page, answered_on, self.user))

    def announce_statement_link(self, page, data):
        """A beslutsunderlag linked to the motion or interpellation it answers: see `_announce_link`."""
        if page.answers_id:
            self._announce_link(page, page.answers)

    def write_statement(self, page, data):
        page.statement_type = data.get("statement_type") or "memo"
        page.handler = data.get("handler", "")[:200]
        page.proposal = data.get("proposal", "")
        answers = data.get("answers") or {}
        page.answered_kind = answers.get("kind", "")
        page.answered_subject = answers.get("subject", "")[:300]
        link = find_answered(
            self.municipality, answers or None, [data.get("answers_case_number"), data.get("case_number")]
        )
        if link.page is not None or not page.answers_id:
            page.answers = link.page  # a link a secretary chose in the admin survives a re-import that finds none
        if link.warning:
            self.result.warnings.append(f"beslutsunderlaget kopplades inte till något ärende: {link.warning}")
        self.result.page = self._save(page)

    # Assignments -------------------------------------------------------------------

    def _assignment(self, found, decided_on, decision=None, source_page=None, decided_by=None):
        if decided_on is None:
            return None
        report_to = self.registers.organization(found.get("report_to")) if found.get("report_to") else None
        due = due_date_for(found.get("deadline_text", ""), decided_on, report_to)
        title = found["task"].rstrip(".")
        title = title if len(title) <= 120 else title[:117].rsplit(" ", 1)[0] + " …"
        assignment = Assignment.objects.filter(
            municipality=self.municipality,
            source_text=found["source"],
            decided_on=decided_on,
            task=found["task"],
        ).first()
        created = assignment is None
        if not created and (assignment.confirmed_at or assignment.original_due_date):
            # A secretary has confirmed or corrected it, or the organ extended it: a
            # re-import keeps their reading and only re-links the source.
            assignment.decision = decision
            assignment.source_page = source_page
            assignment.save(update_fields=["decision", "source_page"])
            self.result.assignments["updated"] += 1
            return assignment
        assignment = assignment or Assignment(municipality=self.municipality, decided_on=decided_on)
        assignment.title = title
        assignment.task = found["task"]
        assignment.source_text = found["source"]
        assignment.decision = decision
        assignment.source_page = source_page
        assignment.report_to = report_to
        assignment.deadline_text = found.get("deadline_text", "")[:200]
        assignment.due_date = due.date
        assignment.due_explanation = due.explanation[:300]
        assignment.save()
        owner = decided_by or (
            source_page.specific.organization if source_page and hasattr(source_page.specific, "organization") else None
        )
        posts, people, organizations = [], [], []
        for name, kind in zip(found.get("assignees", []), found.get("assignee_kinds", []), strict=False):
            if kind == "post":
                posts.append(
                    self.registers.post(name, owner or report_to or self.registers.organization("Kommunstyrelsen"))
                )
            elif kind == "organization":
                organizations.append(self.registers.organization(name))
            else:
                people.append(self.registers.person(name))
        assignment.assignee_posts.set(posts)
        assignment.assignee_people.set(people)
        assignment.assignee_organizations.set(organizations)
        self.result.assignments["created" if created else "updated"] += 1
        return assignment

    def _fulfilment(self, fulfilment, decided_on, case_number=""):
        """Link a completion or report to the earlier assignment; list it when none fits."""
        if link_and_record(self.municipality, fulfilment, decided_on, case_number or "") is None:
            self.result.fulfilments_unmatched.append(fulfilment["sentence"])
