"""The permission matrix: every surface × every role × every visibility, asserted exactly.

Each item of the world (see conftest) carries a unique marker word in its §, decision,
protokoll (where the protokoll carries the visibility), assignment and attachment name.
A surface "shows" an item to a role when the marker appears in what that role receives
(for attachments and detail URLs: when it is served). A case fails both ways: a leak (shown
though it must not be) and an over-hiding (hidden though it must be shown).

"Act" rows are surfaces too: a role "does" the act when its effect is in the database after
the request (a task taken, a progress note saved, an assignment reported, withdrawn,
reassigned or confirmed, a § page saved or published). Each attempt runs in a savepoint
that is rolled back, so every role meets the same state.

Search (the page and /api/search/) is the public search: it holds only what the public
may see, for every role alike, so right-holders find confidential items in the admin.
"""

from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from html.parser import HTMLParser

import pytest
from django.core.files.base import ContentFile
from django.db import transaction
from django.test import Client
from viewflow.workflow import PROCESS, STATUS
from wagtail.documents import get_document_model
from wagtail.models import Page

from governance.models import Assignment, AssignmentAttachment, AssignmentNote, Person
from search import engine
from search.rebuild import rebuild_index
from workflows.services import open_task, start_assignment_process

from .conftest import MARKERS, VISIBILITIES

pytestmark = pytest.mark.django_db

ROLES = (
    "anonymous",
    "councillor",
    "official",
    "other_official",
    "other_secretary",
    "organ_secretary",
    "secretary",
    "admin",
)

#: Who may see an item of each visibility on the site and in the admin.
RESTRICTED_TO = {"other_secretary", "organ_secretary", "secretary", "admin"}  # the restriction names the group
CONFIDENTIAL_TO = {"secretary", "admin"}  # the right, within the item's own municipality and organ

#: Who may act on the board's items: its secretary manages them; the official holds every
#: item's assignment; the secretary of another organ and everyone elsewhere manage nothing.
MANAGERS = {"secretary", "admin"}
HOLDERS = {"official"}
#: Who may do the work step once it is theirs: the step's permission, in the municipality.
WORKERS = {"official", "organ_secretary", "secretary", "admin"}


def may_see(role, visibility):
    if visibility == "published":
        return True
    if visibility == "restricted":
        return role in RESTRICTED_TO
    if visibility in ("confidential", "confidential_parent"):
        return role in CONFIDENTIAL_TO
    return False  # draft, unpublished, unpublished parent: nobody, not even a superuser, on the site


def may_see_in_search(role, visibility):
    return visibility == "published"


def may_download_attachment(role, visibility):
    return role != "anonymous" and may_see(role, visibility)


def may_see_in_inbox(role, visibility):
    """The inbox's lists and pages are for signed-in users, and follow the one rule."""
    return role != "anonymous" and may_see(role, visibility)


def may_manage(role, visibility):
    return role in MANAGERS and may_see(role, visibility)


def may_take(role, visibility):
    """Take a task or report back: a manager, or the official who holds the assignment."""
    return role in MANAGERS | HOLDERS and may_see(role, visibility)


def may_do_work(role, visibility):
    return role in WORKERS and may_see(role, visibility)


def may_edit_page(role, visibility):
    """Pages are edited in the admin whatever their state; only the organ's secretary may."""
    return role in MANAGERS


def may_unpublish_page(role, visibility):
    """Only a live § can be unpublished, and only by the organ's secretary."""
    return role in MANAGERS and visibility not in ("draft", "unpublished")


@dataclass(frozen=True)
class Case:
    surface: str
    role: str
    visibility: str
    expected: bool
    shown: bool

    @property
    def leak(self):
        return self.shown and not self.expected

    @property
    def over_hidden(self):
        return self.expected and not self.shown


def client_for(world, role):
    client = Client()
    if world.users[role] is not None:
        client.force_login(world.users[role])
    return client


def body(response):
    if response.status_code != 200:
        return ""
    if getattr(response, "streaming", False):
        return b"".join(response.streaming_content).decode("utf-8", "replace")
    return response.content.decode("utf-8", "replace")


def marker_surfaces(world):
    """Surfaces read as one response each: (name, url, expectation)."""
    municipality_page = world.municipality_page
    surfaces = [
        ("home listing", world.home.url, may_see),
        ("municipality listing", municipality_page.url, may_see),
        ("register page", "/uppdrag/", may_see),
        ("register csv", "/uppdrag/export.csv", may_see),
        ("register json", "/uppdrag/export.json", may_see),
        ("admin assignment listing", "/admin/snippets/governance/assignment/", may_see),
    ]
    return surfaces


def collect_cases(world):
    cases = []
    documents = {}
    Document = get_document_model()
    for visibility, item in world.items.items():
        document = Document.objects.create(
            title=f"Bilaga {item.marker}", file=ContentFile(b"%PDF-1.4 rapport", name=f"bilaga-{item.marker}.pdf")
        )
        AssignmentAttachment.objects.create(assignment=item.assignment, document=document)
        documents[visibility] = document
    rebuild_index(client=engine.get_client())

    for role in ROLES:
        client = client_for(world, role)
        admin_role = role != "anonymous"
        for surface, url, expectation in marker_surfaces(world):
            if surface.startswith("admin") and not admin_role:
                expectation = lambda role, visibility: False  # noqa: E731 - the admin asks anonymous to log in
            content = body(client.get(url))
            for visibility, item in world.items.items():
                cases.append(Case(surface, role, visibility, expectation(role, visibility), item.marker in content))
        for visibility, item in world.items.items():
            page = client.get(item.paragraph.url)
            cases.append(
                Case("public page (§)", role, visibility, may_see(role, visibility), item.marker in body(page))
            )
            minutes = body(client.get(item.minutes.url))
            # The protokoll page lists its §s; where the § alone is hidden the protokoll is
            # still shown, but must not name it.
            cases.append(Case("protokoll page", role, visibility, may_see(role, visibility), item.marker in minutes))
            search = body(client.get("/sok/", {"q": item.marker}))
            # The page repeats the query itself; a hit shows the item's own title.
            hit = f"Ärende {item.marker}" in search or f"Uppdrag {item.marker}" in search
            cases.append(Case("search page", role, visibility, may_see_in_search(role, visibility), hit))
            api = body(client.get("/api/search/", {"q": item.marker}))
            cases.append(
                Case("/api/search/", role, visibility, may_see_in_search(role, visibility), item.marker in api)
            )
            download = client.get(documents[visibility].url)
            cases.append(
                Case(
                    "attachment download",
                    role,
                    visibility,
                    may_download_attachment(role, visibility),
                    download.status_code == 200,
                )
            )
    return cases


@contextmanager
def undone():
    """Whatever happens inside is rolled back: the next role meets the same state."""
    with transaction.atomic():
        yield
        transaction.set_rollback(True)


class FormFields(HTMLParser):
    """The fields of a page's edit form as a browser would send them."""

    def __init__(self):
        super().__init__()
        self.data = {}
        self._textarea = None
        self._select = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        name = attrs.get("name")
        if tag == "input" and name and attrs.get("type") not in ("submit", "button", "file"):
            if attrs.get("type") in ("checkbox", "radio") and "checked" not in attrs:
                return
            self.data.setdefault(name, attrs.get("value", "on" if attrs.get("type") == "checkbox" else ""))
        elif tag == "textarea" and name:
            self._textarea = name
            self.data[name] = ""
        elif tag == "select" and name:
            self._select = name
        elif tag == "option" and self._select and "selected" in attrs:
            self.data[self._select] = attrs.get("value", "")

    def handle_endtag(self, tag):
        if tag == "textarea":
            self._textarea = None
        elif tag == "select":
            self._select = None

    def handle_data(self, data):
        if self._textarea:
            self.data[self._textarea] += data


def edit_form_data(client, page):
    response = client.get(f"/admin/pages/{page.pk}/edit/")
    assert response.status_code == 200
    parser = FormFields()
    parser.feed(response.content.decode())
    return parser.data


def title_of_latest_revision(page):
    return Page.objects.get(pk=page.pk).specific.get_latest_revision_as_object().title


def prepare_processes(world):
    """Each item's assignment gets its process; the official then holds every assignment,
    and the work steps wait unowned in the queue."""
    works = {}
    official = Person.objects.get(user=world.users["official"])
    for visibility, item in world.items.items():
        process = start_assignment_process(item.assignment)
        works[visibility] = open_task(process, "work")
        item.assignment.assignee_people.add(official)
    return works


def inbox_read_cases(world, works):
    cases = []
    lists = [
        ("inbox dashboard", "/arenden/assignment/", may_see_in_inbox),
        ("process list", "/arenden/assignment/flows/", may_see_in_inbox),
        ("task list", "/arenden/assignment/tasks/", may_see_in_inbox),
        ("queue", "/arenden/assignment/queue/", may_take),
    ]
    for role in ROLES:
        client = client_for(world, role)
        user = world.users[role]
        for surface, url, expectation in lists:
            content = body(client.get(url))
            for visibility, item in world.items.items():
                cases.append(Case(surface, role, visibility, expectation(role, visibility), item.marker in content))
        # Viewflow's bulk "take" asks to confirm with a list of the chosen tasks: chosen by
        # hand-made task ids, it lists only tasks this role may take.
        chosen = {"pk": [work.pk for work in works.values()]}
        content = body(client.post("/arenden/assignment/queue/assign/", chosen))
        for visibility, item in world.items.items():
            cases.append(
                Case("bulk take (confirm page)", role, visibility, may_take(role, visibility), item.marker in content)
            )
        with undone():
            # Every work step moved to this role: the inbox still shows only what it may see.
            if user is not None:
                for work in works.values():
                    work.owner, work.status = user, STATUS.ASSIGNED
                    work.save(update_fields=["owner", "status"])
            content = body(client.get("/arenden/assignment/inbox/"))
        for visibility, item in world.items.items():
            cases.append(Case("inbox", role, visibility, may_see_in_inbox(role, visibility), item.marker in content))
        for visibility, work in works.items():
            process_url = f"/arenden/assignment/{work.process_id}/"
            shown = client.get(process_url).status_code == 200
            cases.append(Case("process detail", role, visibility, may_see_in_inbox(role, visibility), shown))
            shown = client.get(f"{process_url}work/{work.pk}/detail/").status_code == 200
            cases.append(Case("task detail", role, visibility, may_see_in_inbox(role, visibility), shown))
    return cases


@dataclass
class Attempt:
    """One role trying every act on one item; each act returns whether its effect happened."""

    client: Client
    role: str
    user: object
    item: object
    work: object
    form_data: dict
    other_person: object

    @property
    def task_url(self):
        return f"/arenden/assignment/{self.work.process_id}/work/{self.work.pk}/"

    def _assignment(self):
        return Assignment.objects.get(pk=self.item.assignment.pk)

    def confirmed(self):
        """Report, withdraw and reassign are for assignments a secretary has confirmed."""
        Assignment.objects.filter(pk=self.item.assignment.pk).update(confirmed_at="2021-03-20T10:00:00Z")

    def unconfirmed(self):
        """As read from the decision's text, waiting for a secretary to check it."""
        Assignment.objects.filter(pk=self.item.assignment.pk).update(read_from_text=True, confirmed_at=None)

    def own_the_work(self):
        """As if a secretary had moved the work step to this role."""
        if self.user is not None:
            type(self.work).objects.filter(pk=self.work.pk).update(owner=self.user, status=STATUS.ASSIGNED)

    def take(self):
        self.client.post(f"{self.task_url}assign/")
        owner = type(self.work).objects.get(pk=self.work.pk).owner_id
        return self.user is not None and owner == self.user.pk

    def execute(self):
        note = f"Lägesrapport {self.item.marker} {self.role}"
        self.client.post(f"{self.task_url}execute/", {"progress_note": note, "report": "", "ready_to_report": ""})
        return AssignmentNote.objects.filter(text=note).exists()

    def take_in_bulk(self):
        self.client.post("/arenden/assignment/queue/assign/", {"pk": [self.work.pk], "_confirm": "1"})
        owner = type(self.work).objects.get(pk=self.work.pk).owner_id
        return self.user is not None and owner == self.user.pk

    def cancel_task(self):
        self.client.post(f"{self.task_url}cancel/")
        return type(self.work).objects.get(pk=self.work.pk).status == STATUS.CANCELED

    def cancel_process(self):
        self.client.post(f"/arenden/assignment/{self.work.process_id}/cancel/", {"_cancel_process": "1"})
        return type(self.work.process).objects.get(pk=self.work.process_id).status == PROCESS.CANCELED

    def _action(self, name, data):
        return self.client.post(f"/admin/uppdrag/{self.item.assignment.pk}/{name}/", data)

    def report(self):
        self._action("report", {"reason": "Klart."})
        return self._assignment().reported_on is not None

    def withdraw(self):
        self._action("withdraw", {"on": date.today().isoformat(), "reason": "Inaktuellt."})
        return self._assignment().withdrawn_on is not None

    def reassign(self):
        self._action("reassign", {"people": [self.other_person.pk], "reason": "Ny ansvarig."})
        return self._assignment().assignee_people.filter(pk=self.other_person.pk).exists()

    def confirm(self):
        self._action("confirm", {"people": [self.other_person.pk], "deadline_text": "", "reason": ""})
        return self._assignment().confirmed_at is not None

    def _edit(self, publish):
        new_title = f"Ärende {self.item.marker} ändrat av {self.role}"
        data = {**self.form_data, "title": new_title}
        if publish:
            data["action-publish"] = "action-publish"
        self.client.post(f"/admin/pages/{self.item.paragraph.pk}/edit/", data)
        if publish:
            page = Page.objects.get(pk=self.item.paragraph.pk)
            return page.live and page.title == new_title
        return title_of_latest_revision(self.item.paragraph) == new_title

    def _is_live(self):
        return Page.objects.get(pk=self.item.paragraph.pk).live

    def unpublish_page(self):
        self.client.post(f"/admin/pages/{self.item.paragraph.pk}/unpublish/")
        return not self._is_live() and self.item.paragraph.live

    def unpublish_pages_in_bulk(self):
        url = f"/admin/bulk/wagtailcore/page/unpublish/?id={self.item.paragraph.pk}"
        self.client.post(url, {"include_descendants": ""})
        return not self._is_live() and self.item.paragraph.live

    def edit_page(self):
        return self._edit(publish=False)

    def publish_page(self):
        return self._edit(publish=True)


#: (surface, expectation, act, preparation) for every act row.
ACTS = (
    ("act: take task", may_take, Attempt.take, None),
    ("act: take task (bulk)", may_take, Attempt.take_in_bulk, None),
    ("act: cancel task", may_manage, Attempt.cancel_task, None),
    ("act: cancel process", may_manage, Attempt.cancel_process, None),
    ("act: execute task", may_do_work, Attempt.execute, Attempt.own_the_work),
    ("act: report (admin)", may_take, Attempt.report, Attempt.confirmed),
    ("act: withdraw (admin)", may_manage, Attempt.withdraw, Attempt.confirmed),
    ("act: reassign (admin)", may_manage, Attempt.reassign, Attempt.confirmed),
    ("act: confirm read assignment", may_manage, Attempt.confirm, Attempt.unconfirmed),
    ("act: edit § (admin)", may_edit_page, Attempt.edit_page, None),
    ("act: publish § (admin)", may_edit_page, Attempt.publish_page, None),
    ("act: unpublish § (admin)", may_unpublish_page, Attempt.unpublish_page, None),
    ("act: unpublish § (admin, bulk)", may_unpublish_page, Attempt.unpublish_pages_in_bulk, None),
)


def act_cases(world, works, form_data):
    cases = []
    other_person = Person.objects.get(user=world.users["councillor"])
    for role in ROLES:
        client = client_for(world, role)
        for visibility, item in world.items.items():
            attempt = Attempt(
                client, role, world.users[role], item, works[visibility], form_data[visibility], other_person
            )
            for surface, expectation, act, prepare in ACTS:
                with undone():
                    if prepare is not None:
                        prepare(attempt)
                    done = act(attempt)
                cases.append(Case(surface, role, visibility, expectation(role, visibility), done))
    return cases


def collect_inbox_and_act_cases(world):
    admin = client_for(world, "admin")
    form_data = {visibility: edit_form_data(admin, item.paragraph) for visibility, item in world.items.items()}
    works = prepare_processes(world)
    return inbox_read_cases(world, works) + act_cases(world, works, form_data)


def test_every_role_sees_and_does_exactly_what_it_may_on_every_surface(world, search_client, disk_storage, capsys):
    cases = collect_cases(world) + collect_inbox_and_act_cases(world)
    leaks = [case for case in cases if case.leak]
    over_hidden = [case for case in cases if case.over_hidden]
    with capsys.disabled():
        surfaces = len({case.surface for case in cases})
        print(
            f"\npermission matrix: {len(cases)} cases ({surfaces} surfaces × {len(ROLES)} roles × "
            f"{len(VISIBILITIES)} visibilities), {len(leaks)} leaks, {len(over_hidden)} over-hidden"
        )
    assert len(cases) == surfaces * len(ROLES) * len(VISIBILITIES)
    report = [f"LEAK {c.surface} / {c.role} / {c.visibility}" for c in leaks]
    report += [f"HIDDEN {c.surface} / {c.role} / {c.visibility}" for c in over_hidden]
    assert not report, "\n".join(report)


def test_the_markers_are_unique_so_a_marker_in_a_response_names_one_item():
    assert len(set(MARKERS.values())) == len(VISIBILITIES)
