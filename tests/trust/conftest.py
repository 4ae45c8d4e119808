"""One small world with every visibility a page can have, shared by the trust tests.

Two municipalities; in the first, one protokoll of the board (KS) per visibility with a §
whose decision created an assignment. The secretary's role scope names the board; the
"organ secretary" is a secretary of another organ (SN) of the same municipality. Every title carries a unique marker word, so a test can tell from
a response body exactly which items leaked.
"""

from dataclasses import dataclass, field
from datetime import date

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from wagtail.models import PageViewRestriction

from governance.models import Assignment, Person
from governance.roles import COUNCILLORS, OFFICIALS, SECRETARIES, ensure_role_groups
from tests import factories
from tests.search.conftest import indexed, search_client  # noqa: F401 - the real engine, shared with the search tests

#: Each visibility and whether the anonymous public may see its items.
VISIBILITIES = (
    "published",
    "draft",
    "unpublished",
    "unpublished_parent",
    "restricted",
    "confidential",
    "confidential_parent",
)
#: Visibilities set on the protokoll rather than on the § itself.
MINUTES_LEVEL = {"unpublished_parent", "restricted", "confidential_parent"}
MARKERS = {
    "published": "Zebraplan",
    "draft": "Giraffplan",
    "unpublished": "Kameleontplan",
    "unpublished_parent": "Flamingoplan",
    "restricted": "Okapiplan",
    "confidential": "Lodjursplan",
    "confidential_parent": "Myskoxeplan",
}


@dataclass
class Item:
    """One visibility case: the § page, the protokoll above it and the assignment it created."""

    visibility: str
    marker: str
    minutes: object
    paragraph: object
    assignment: object


@dataclass
class World:
    home: object
    municipality: object
    other_municipality: object
    municipality_page: object
    items: dict = field(default_factory=dict)
    users: dict = field(default_factory=dict)
    groups: dict = field(default_factory=dict)


def _assignment(municipality, paragraph, marker):
    """The assignment the § gave: read from its decision when it was published, else made here."""
    read = Assignment.objects.filter(decision__paragraph=paragraph).first()
    if read is not None:
        return read
    return Assignment.objects.create(
        municipality=municipality,
        title=f"Uppdrag {marker}",
        task=f"Genomför {marker}",
        decision=paragraph.decisions.first(),
        decided_on=date(2021, 3, 18),
        source_text=f"Kommundirektören får i uppdrag att genomföra {marker}.",
    )


def build_items(home, municipality, municipality_page, board, secretaries_group):
    items = {}
    day = date(2021, 3, 18)
    for number, visibility in enumerate(VISIBILITIES, start=1):
        marker = MARKERS[visibility]
        minutes_fields = {}
        if visibility == "confidential_parent":
            minutes_fields.update(is_confidential=True, secrecy_provision="OSL 39 kap. 3 §")
        minutes = factories.make_minutes(municipality_page, board, day.replace(day=number), **minutes_fields)
        # The protokoll carries the marker only where it carries the visibility, so a marker
        # anywhere in a response means exactly that item was shown.
        if visibility in MINUTES_LEVEL:
            minutes.title = f"Protokoll {marker}"
            minutes.save_revision().publish()
        paragraph_fields = {}
        if visibility == "confidential":
            paragraph_fields.update(is_confidential=True, secrecy_provision="OSL 26 kap. 1 §")
        decisions = [f"Kommundirektören får i uppdrag att genomföra {marker}."]
        if visibility == "draft":
            from governance.models import DecisionItem, MinutesParagraphPage

            paragraph = MinutesParagraphPage(title=f"Ärende {marker}", slug=f"p{number}", number=number, live=False)
            paragraph.decisions = [DecisionItem(text=text) for text in decisions]
            minutes.add_child(instance=paragraph)
            paragraph.save_revision()
        else:
            paragraph = factories.make_paragraph(minutes, number, f"Ärende {marker}", decisions, **paragraph_fields)
        if visibility == "unpublished":
            paragraph.unpublish()
        elif visibility == "unpublished_parent":
            minutes.unpublish()
        elif visibility == "restricted":
            restriction = PageViewRestriction.objects.create(page=minutes, restriction_type=PageViewRestriction.GROUPS)
            restriction.groups.add(secretaries_group)
        items[visibility] = Item(visibility, marker, minutes, paragraph, _assignment(municipality, paragraph, marker))
    return items


def make_user(username, group=None, municipality=None, **fields):
    user = get_user_model().objects.create_user(username=username, password="x", **fields)
    if group is not None:
        user.groups.add(group)
    if municipality is not None:
        Person.objects.create(municipality=municipality, name=username.title(), user=user)
    return user


@pytest.fixture
def world(home_page):
    groups = ensure_role_groups(home_page)
    municipality = factories.make_municipality("Eksjö")
    other = factories.make_municipality("Vetlanda")
    municipality_page = factories.make_municipality_page(home_page, municipality)
    factories.make_municipality_page(home_page, other)
    board = factories.make_organization(municipality, "Kommunstyrelsen", "executive", abbreviation="KS")
    social = factories.make_organization(municipality, "Socialnämnden", "committee", abbreviation="SN")
    result = World(home_page, municipality, other, municipality_page, groups=groups)
    result.items = build_items(home_page, municipality, municipality_page, board, groups[SECRETARIES])
    result.users = {
        "anonymous": None,
        "councillor": make_user("politiker", groups[COUNCILLORS], municipality),
        "official": make_user("tjansteperson", groups[OFFICIALS], municipality),
        "other_official": make_user("annan_tjansteperson", groups[OFFICIALS], other),
        "other_secretary": make_user("annan_sekreterare", groups[SECRETARIES], other),
        "organ_secretary": make_user("socialsekreterare", groups[SECRETARIES], municipality),
        "secretary": make_user("sekreterare", groups[SECRETARIES], municipality),
        "admin": make_user("admin", None, None, is_superuser=True, is_staff=True),
    }
    # Every item is the board's (KS): its secretary manages them; the secretary of another
    # organ (SN) of the same municipality manages none and may not read the board's secrets.
    factories.make_scope(result.users["secretary"], municipality, [board])
    factories.make_scope(result.users["organ_secretary"], municipality, [social])
    return result


def group(name):
    return Group.objects.get(name=name)


@pytest.fixture
def disk_storage(settings, tmp_path):
    """Files on disk, as in production: Wagtail serves a document from its local path, which
    the in-memory test storage claims to have but does not."""
    settings.MEDIA_ROOT = tmp_path
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage", "OPTIONS": {"location": str(tmp_path)}},
    }
    return tmp_path
