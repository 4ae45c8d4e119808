"""Error pages in the site's own style and Swedish, also where Viewflow would show its own."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.test import RequestFactory, override_settings
from django.views.defaults import permission_denied, server_error

pytestmark = pytest.mark.django_db


@override_settings(DEBUG=False)
def test_a_missing_page_is_a_swedish_404_in_the_sites_style(client, home_page):
    response = client.get("/det-har-finns-inte/")
    content = response.content.decode()
    assert response.status_code == 404
    assert "Sidan finns inte" in content and 'class="site-header"' in content
    assert "Django Material" not in content


@override_settings(DEBUG=False)
def test_a_missing_page_under_the_inbox_is_the_sites_404_not_viewflows(client, home_page, django_user_model):
    client.force_login(django_user_model.objects.create_superuser("chef", password="x"))
    response = client.get("/arenden/finns-inte/")
    content = response.content.decode()
    assert response.status_code == 404
    assert "Sidan finns inte" in content
    assert "Django Material" not in content


@override_settings(DEBUG=False)
def test_a_forbidden_page_is_a_swedish_403_that_offers_login(client, home_page):

    request = RequestFactory().get("/hemligt/")
    request.user = AnonymousUser()
    response = permission_denied(request, PermissionDenied())
    content = response.content.decode()
    assert response.status_code == 403
    assert "Du har inte behörighet till sidan" in content
    assert "/admin/login/?next=/hemligt/" in content


def test_the_500_page_is_swedish_and_needs_nothing_from_the_database(client):

    response = server_error(RequestFactory().get("/"))
    assert response.status_code == 500
    assert "Något gick fel hos oss" in response.content.decode()
