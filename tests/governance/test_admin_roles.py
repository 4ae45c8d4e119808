"""Each role gets the admin it needs, in Swedish, and no more."""

from datetime import date

import pytest
from django.contrib.auth import get_user_model

from governance.models import Assignment
from governance.roles import COUNCILLORS, OFFICIALS, SECRETARIES, ensure_role_groups
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def setup(home_page):
    groups = ensure_role_groups(home_page)
    municipality = factories.make_municipality("Eksjö")
    page = factories.make_municipality_page(home_page, municipality)
    assignment = Assignment.objects.create(
        municipality=municipality,
        title="Utreda arbetsmarknadsenhet",
        task="Utreda",
        decided_on=date(2021, 3, 18),
    )
    return {"groups": groups, "page": page, "assignment": assignment}


def login_as(client, group):
    user = get_user_model().objects.create_user(username=group.name.lower(), password="x")
    user.groups.add(group)
    client.force_login(user)
    return user


def test_the_admin_speaks_swedish_even_to_an_english_browser(client, setup):
    login_as(client, setup["groups"][SECRETARIES])
    content = client.get("/admin/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9").content.decode()
    assert 'lang="sv"' in content
    assert "Sidor" in content
    assert "Instrumentpanel" in content


def test_a_secretary_can_add_minutes_under_a_municipality(client, setup):
    secretary = login_as(client, setup["groups"][SECRETARIES])
    factories.make_scope(secretary, setup["page"].municipality, whole_municipality=True)
    response = client.get(f"/admin/pages/add/governance/minutespage/{setup['page'].pk}/")
    assert response.status_code == 200
    assert "Protokollet" in response.content.decode()


def test_a_secretary_can_add_assignments(client, setup):
    login_as(client, setup["groups"][SECRETARIES])
    assert client.get("/admin/snippets/governance/assignment/add/").status_code == 200


def test_a_councillor_can_see_assignments_but_not_change_them(client, setup):
    login_as(client, setup["groups"][COUNCILLORS])
    listing = client.get("/admin/snippets/governance/assignment/")
    assert listing.status_code == 200
    assert "Utreda arbetsmarknadsenhet" in listing.content.decode()
    assert client.get("/admin/snippets/governance/assignment/add/").status_code in (302, 403)
    edit = client.get(f"/admin/snippets/governance/assignment/edit/{setup['assignment'].pk}/")
    assert edit.status_code in (302, 403)


def test_a_councillor_cannot_add_pages(client, setup):
    login_as(client, setup["groups"][COUNCILLORS])
    response = client.get(f"/admin/pages/add/governance/minutespage/{setup['page'].pk}/")
    assert response.status_code in (302, 403)


def test_a_secretary_of_another_municipality_cannot_add_minutes_here(client, setup):
    secretary = login_as(client, setup["groups"][SECRETARIES])
    factories.make_scope(secretary, factories.make_municipality("Grannkommun"), whole_municipality=True)
    response = client.get(f"/admin/pages/add/governance/minutespage/{setup['page'].pk}/")
    assert response.status_code in (302, 403)


def test_an_official_changes_assignments_only_through_their_tasks_not_the_admin_form(client, setup):
    login_as(client, setup["groups"][OFFICIALS])
    assert client.get("/admin/snippets/governance/assignment/").status_code == 200
    response = client.get(f"/admin/snippets/governance/assignment/edit/{setup['assignment'].pk}/")
    assert response.status_code in (302, 403)


def test_anonymous_visitors_are_sent_to_the_login(client, setup):
    response = client.get("/admin/snippets/governance/assignment/")
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]
