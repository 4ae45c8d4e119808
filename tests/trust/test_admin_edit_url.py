"""An assignment's admin edit page follows the visibility rule even when its URL is typed by hand."""

import pytest

from governance.models import RoleScope

EDIT = "/admin/snippets/governance/assignment/edit/{}/"


@pytest.fixture(autouse=True)
def secretaries_manage_their_whole_municipality(world):
    """Both secretaries may edit every assignment of their own municipality: only visibility can refuse."""
    RoleScope.objects.update_or_create(
        user=world.users["secretary"], municipality=world.municipality, defaults={"whole_municipality": True}
    )
    RoleScope.objects.update_or_create(
        user=world.users["other_secretary"],
        municipality=world.other_municipality,
        defaults={"whole_municipality": True},
    )


def status_for(client, user, item):
    client.force_login(user)
    return client.get(EDIT.format(item.assignment.pk)).status_code


@pytest.mark.parametrize("visibility", ["unpublished", "unpublished_parent", "draft"])
def test_a_secretary_cannot_open_an_assignment_whose_decision_is_not_published(client, world, visibility):
    assert status_for(client, world.users["secretary"], world.items[visibility]) in (302, 403, 404)


def test_another_municipalitys_secretary_cannot_open_a_confidential_assignment(client, world):
    assert status_for(client, world.users["other_secretary"], world.items["confidential"]) in (302, 403, 404)


def test_the_secretary_opens_published_and_own_confidential_assignments(client, world):
    assert status_for(client, world.users["secretary"], world.items["published"]) == 200
    assert status_for(client, world.users["secretary"], world.items["confidential"]) == 200
