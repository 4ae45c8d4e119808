"""The permission matrix: every surface × every role × every visibility, asserted exactly.

Each item of the world (see conftest) carries a unique marker word in its §, decision,
protokoll (where the protokoll carries the visibility), assignment and attachment name.
A surface "shows" an item to a role when the marker appears in what that role receives
(for attachments: when the file is served). A case fails both ways: a leak (shown though
it must not be) and an over-hiding (hidden though it must be shown).

Search (the page and /api/search/) is the public search: it holds only what the public
may see, for every role alike, so right-holders find confidential items in the admin.
"""

from dataclasses import dataclass

import pytest
from django.core.files.base import ContentFile
from django.test import Client
from wagtail.documents import get_document_model

from governance.models import AssignmentAttachment
from search import engine
from search.indexing import rebuild_index

from .conftest import MARKERS, VISIBILITIES

pytestmark = pytest.mark.django_db

ROLES = ("anonymous", "councillor", "official", "other_official", "other_secretary", "secretary", "admin")

#: Who may see an item of each visibility on the site and in the admin.
RESTRICTED_TO = {"other_secretary", "secretary", "admin"}  # the view restriction names the secretaries' group
CONFIDENTIAL_TO = {"secretary", "admin"}  # the right, within the item's own municipality


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


def test_every_role_sees_exactly_what_it_may_on_every_surface(world, search_client, disk_storage, capsys):
    cases = collect_cases(world)
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
