"""A published § has its decision read for assignments, wherever it was written."""

from datetime import date

import pytest
from django.contrib.auth import get_user_model

from governance.models import Assignment
from governance.roles import SECRETARIES, ensure_role_groups
from tests import factories
from workflows.services import open_task, process_for_assignment

pytestmark = pytest.mark.django_db

DECISION = (
    "Kommundirektören får i uppdrag att ta fram en plan för kompetensförsörjning. "
    "Återrapport ska ske till kommunstyrelsen senast 2027-03-31."
)


@pytest.fixture
def paragraph(home_page):
    municipality = factories.make_municipality("Exempelkommun")
    ks = factories.make_organization(municipality, "Kommunstyrelsen", abbreviation="KS")
    minutes = factories.make_minutes(factories.make_municipality_page(home_page, municipality), ks, date(2026, 11, 2))
    return factories.make_paragraph(minutes, 12, "Kompetensförsörjning", decisions=[DECISION])


def test_publishing_a_paragraph_creates_an_unconfirmed_assignment_with_its_source_sentence(paragraph):
    assignment = Assignment.objects.get()
    assert assignment.read_from_text and assignment.needs_confirmation
    assert assignment.due_date == date(2027, 3, 31)
    assert assignment.report_to.name == "Kommunstyrelsen"
    assert "får i uppdrag att ta fram en plan" in assignment.source_text
    assert assignment.decision.paragraph_id == paragraph.pk


def test_publishing_again_creates_no_duplicate(paragraph):
    paragraph.save_revision().publish()
    paragraph.save_revision().publish()
    assert Assignment.objects.count() == 1


def test_an_unconfirmed_suggestion_no_longer_in_the_text_is_removed(paragraph):
    item = paragraph.decisions.get()
    item.text = "Ärendet läggs till handlingarna."
    item.save()
    paragraph.save_revision().publish()
    assert not Assignment.objects.exists()


def test_a_secretary_confirms_the_assignment_and_its_process_starts(
    client, paragraph, home_page, django_capture_on_commit_callbacks
):
    groups = ensure_role_groups(home_page)
    secretary = get_user_model().objects.create_user("sekreterare", password="x")
    secretary.groups.add(groups[SECRETARIES])
    assignment = Assignment.objects.get()
    factories.make_scope(secretary, assignment.municipality, [assignment.report_to])
    client.force_login(secretary)
    url = f"/admin/uppdrag/{assignment.pk}/confirm/"
    assert "får i uppdrag att ta fram en plan" in client.get(url).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            url,
            {
                "reason": "",
                "posts": [post.pk for post in assignment.assignee_posts.all()],
                "report_to": assignment.report_to_id,
                "deadline_text": "i maj 2027",
                "due_date": "",
            },
        )
    assert response.status_code == 302
    assignment.refresh_from_db()
    assert assignment.confirmed_by == secretary
    assert assignment.due_date == date(2027, 5, 31)
    assert open_task(process_for_assignment(assignment), "work") is not None


def test_the_paragraph_edit_page_lists_the_assignments_to_confirm(client, paragraph, home_page):
    client.force_login(get_user_model().objects.create_superuser("admin", password="x"))
    page = client.get(f"/admin/pages/{paragraph.pk}/edit/").content.decode()
    assert "Uppdrag i beslutet" in page
    assert "Bekräfta eller rätta" in page
