"""The one confidentiality rule (governance.visibility), item by item and as querysets."""

import pytest
from django.contrib.auth.models import AnonymousUser, Permission
from wagtail.models import Page

from governance import visibility
from governance.models import Assignment, MinutesParagraphPage
from tests import factories

from .conftest import MARKERS, VISIBILITIES, make_user

pytestmark = pytest.mark.django_db

PUBLIC = {"published"}


def visible_paragraph_kinds(world, user):
    pages = visibility.visible_pages(user, MinutesParagraphPage.objects.all())
    ids = set(pages.values_list("pk", flat=True))
    return {name for name, item in world.items.items() if item.paragraph.pk in ids}


def test_the_public_sees_only_published_pages_with_published_ancestors(world):
    assert visible_paragraph_kinds(world, AnonymousUser()) == PUBLIC
    for name, item in world.items.items():
        assert visibility.is_public(item.paragraph) is (name in PUBLIC), name
        assert visibility.can_view_page(None, item.paragraph) is (name in PUBLIC), name


def test_a_live_paragraph_under_an_unpublished_protokoll_is_hidden(world):
    item = world.items["unpublished_parent"]
    item.paragraph.refresh_from_db()
    assert item.paragraph.live, "the § itself is still live; only its protokoll was unpublished"
    assert not visibility.is_public(item.paragraph)


def test_a_secretary_sees_confidential_items_of_their_own_municipality(world):
    secretary = world.users["secretary"]
    assert visible_paragraph_kinds(world, secretary) == {
        "published",
        "restricted",
        "confidential",
        "confidential_parent",
    }
    assert visibility.can_view_page(secretary, world.items["confidential"].paragraph)


def test_a_secretary_of_another_municipality_does_not_see_its_confidential_items(world):
    stranger = world.users["other_secretary"]
    assert visible_paragraph_kinds(world, stranger) == {"published", "restricted"}
    assert not visibility.can_view_page(stranger, world.items["confidential_parent"].paragraph)


def test_councillors_and_officials_see_neither_confidential_nor_restricted_items(world):
    for role in ("councillor", "official", "other_official"):
        assert visible_paragraph_kinds(world, world.users[role]) == PUBLIC, role


def test_a_superuser_sees_everything_live(world):
    assert visible_paragraph_kinds(world, world.users["admin"]) == {
        "published",
        "restricted",
        "confidential",
        "confidential_parent",
    }


def test_the_confidential_right_comes_from_a_permission_not_a_group_name(world):
    reader = make_user("registrator", None, world.municipality)
    assert not visibility.can_view_page(reader, world.items["confidential"].paragraph)
    reader.user_permissions.add(Permission.objects.get(codename="view_confidential"))
    reader = type(reader).objects.get(pk=reader.pk)  # a fresh permission cache
    assert visibility.can_view_page(reader, world.items["confidential"].paragraph)


def test_assignments_follow_the_visibility_of_the_decision_they_came_from(world):
    public = visibility.visible_assignments(None)
    # Publishing a § may also create its assignment from the decision text: match by marker.
    assert {marker for marker in MARKERS.values() if any(marker in a.title for a in public)} == {"Zebraplan"}
    for name, item in world.items.items():
        assert visibility.can_view_assignment(None, item.assignment) is (name in PUBLIC), name
    secretary_titles = " | ".join(a.title for a in visibility.visible_assignments(world.users["secretary"]))
    assert "Lodjursplan" in secretary_titles
    assert "Myskoxeplan" in secretary_titles
    assert "Flamingoplan" not in secretary_titles


def test_an_assignment_without_a_source_document_stays_visible(world):
    orphan = Assignment.objects.create(
        municipality=world.municipality,
        title="Uppdrag utan källa",
        task="x",
        decided_on=world.items["published"].assignment.decided_on,
    )
    assert orphan in visibility.visible_assignments(None)
    assert visibility.can_view_assignment(None, orphan)


def test_an_assignment_from_a_confidential_source_page_is_hidden(world):
    motion = factories.make_motion(
        world.municipality_page,
        world.items["published"].minutes.organization,
        title="Motion om Tapirplan",
        is_confidential=True,
        secrecy_provision="OSL 21 kap. 1 §",
    )
    promise = Assignment.objects.create(
        municipality=world.municipality,
        title="Uppdrag Tapirplan",
        task="x",
        source_page=motion,
        decided_on=world.items["published"].assignment.decided_on,
    )
    assert promise not in visibility.visible_assignments(None)
    assert promise in visibility.visible_assignments(world.users["secretary"])


def test_visible_pages_narrows_a_given_queryset_and_keeps_its_filters(world):
    only_minutes = Page.objects.type(MinutesParagraphPage).filter(title__contains="Zebraplan")
    assert list(visibility.visible_pages(None, only_minutes).values_list("title", flat=True)) == ["Ärende Zebraplan"]


def test_every_visibility_is_covered(world):
    assert set(world.items) == set(VISIBILITIES)


def test_a_confidential_page_must_name_its_secrecy_provision(world):
    from django.core.exceptions import ValidationError

    paragraph = world.items["published"].paragraph
    paragraph.is_confidential = True
    paragraph.secrecy_provision = " "
    with pytest.raises(ValidationError) as refused:
        paragraph.full_clean()
    assert "sekretessbestämmelse" in refused.value.message_dict["secrecy_provision"][0]
    paragraph.secrecy_provision = "OSL 26 kap. 1 §"
    paragraph.full_clean()
    minutes = world.items["published"].minutes
    minutes.is_confidential = True
    with pytest.raises(ValidationError) as refused:
        minutes.full_clean()
    assert "secrecy_provision" in refused.value.message_dict


def test_the_confidential_right_follows_the_organs_a_role_scope_names(world):
    """A secretary of SN reads SN's secrets, not the board's; a whole-municipality scope reads both."""
    from governance.models import Organization, RoleScope

    social = Organization.objects.get(municipality=world.municipality, abbreviation="SN")
    minutes = factories.make_minutes(world.municipality_page, social, world.items["published"].minutes.date)
    social_secret = factories.make_paragraph(
        minutes,
        1,
        "Ärende Vesslaplan",
        ["Beslut om Vesslaplan."],
        is_confidential=True,
        secrecy_provision="OSL 26 kap. 1 §",
    )
    board_secret = world.items["confidential"].paragraph
    organ_secretary = world.users["organ_secretary"]
    assert visibility.can_view_page(organ_secretary, social_secret)
    assert not visibility.can_view_page(organ_secretary, board_secret)
    assert not visibility.can_view_page(world.users["secretary"], social_secret)
    assert visibility.can_view_page(world.users["secretary"], board_secret)
    visible = set(visibility.visible_pages(organ_secretary).values_list("pk", flat=True))
    assert social_secret.pk in visible and board_secret.pk not in visible

    RoleScope.objects.filter(user=organ_secretary).update(whole_municipality=True)
    assert visibility.can_view_page(organ_secretary, board_secret)
    assert visibility.can_view_page(organ_secretary, social_secret)
