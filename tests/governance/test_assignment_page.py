"""An assignment's own page: its decision, people, due date and why, and its history."""

from datetime import date

import pytest
from django.contrib.auth import get_user_model

from governance.models import Assignment, Membership, Post
from governance.roles import COUNCILLORS, OFFICIALS, SECRETARIES, ensure_role_groups
from tests import factories
from workflows.services import complete_task, open_task, start_assignment_process

pytestmark = pytest.mark.django_db


@pytest.fixture
def setup(home_page):
    groups = ensure_role_groups(home_page)
    municipality = factories.make_municipality("Sidkommun")
    municipality_page = factories.make_municipality_page(home_page, municipality)
    ksau = factories.make_organization(
        municipality, "Kommunstyrelsens arbetsutskott", "subcommittee", abbreviation="KSAU"
    )
    factories.make_meeting(ksau, date(2099, 5, 13))
    minutes = factories.make_minutes(municipality_page, ksau, day=date(2020, 4, 15))
    paragraph = factories.make_paragraph(
        minutes, 80, title="Handlingsplan för lågkonjunktur", decisions=["Kommundirektören får i uppdrag att …"]
    )
    post = Post.objects.create(organization=ksau, label="Kommundirektör", kind=Post.Kind.OFFICIAL)
    User = get_user_model()
    director_user = User.objects.create_user("direktor", password="x", first_name="Karin", last_name="Direktör")
    director_user.groups.add(groups[OFFICIALS])
    director = factories.make_person(municipality, "Karin Direktör", user=director_user)
    Membership.objects.create(person=director, organization=ksau, post=post, start_date=date(2019, 1, 1))
    secretary = User.objects.create_user("sekreterare", password="x")
    secretary.groups.add(groups[SECRETARIES])
    councillor = User.objects.create_user("politiker", password="x")
    councillor.groups.add(groups[COUNCILLORS])
    assignment = Assignment.objects.create(
        municipality=municipality,
        title="Förstärka handlingsplanen",
        task="Förstärka handlingsplanen för lågkonjunktur.",
        decision=paragraph.decisions.get(),
        decided_on=date(2020, 4, 15),
        report_to=ksau,
        deadline_text="på kommande möte",
        due_date=date(2099, 1, 1),
        due_explanation="kommande möte med KSAU → 2099-01-01",
    )
    assignment.assignee_posts.set([post])
    return {
        "assignment": assignment,
        "paragraph": paragraph,
        "director": director_user,
        "secretary": secretary,
        "councillor": councillor,
    }


def run_the_flow(setup):
    process = start_assignment_process(setup["assignment"])
    complete_task(open_task(process, "work"), setup["director"], progress_note="Remissvar sammanställda.")
    complete_task(open_task(process, "work"), setup["director"], report="Planen är klar.", ready_to_report=True)
    complete_task(open_task(process, "decide"), setup["secretary"], outcome="noted")


def test_the_page_shows_the_decision_people_due_date_and_why(client, setup):
    response = client.get(f"/uppdrag/{setup['assignment'].pk}/")
    content = response.content.decode()
    assert response.status_code == 200
    assert f'href="{setup["paragraph"].url}"' in content
    assert "§ 80 Handlingsplan för lågkonjunktur" in content
    assert "Kommundirektör" in content and "Kommunstyrelsens arbetsutskott" in content
    assert "2099-01-01" in content and "kommande möte med KSAU → 2099-01-01" in content
    assert "”på kommande möte”" in content


def test_the_public_timeline_shows_milestones_but_not_progress_notes(client, setup):
    run_the_flow(setup)
    response = client.get(f"/uppdrag/{setup['assignment'].pk}/")
    titles = [event.title for event in response.context["events"]]
    assert titles[0] == "Uppdraget gavs"
    assert "Till nästa sammanträde" in titles
    assert "Organets beslut om återrapporten" in titles
    assert "Lägesrapport" not in titles
    content = response.content.decode()
    assert "Remissvar sammanställda." not in content
    assert "Sammanträde 2099-05-13" in content
    assert "Karin Direktör" not in content, "who acted is for the roles only"


def test_a_councillor_reads_the_whole_timeline_with_notes_and_who_acted(client, setup):
    run_the_flow(setup)
    client.force_login(setup["councillor"])
    response = client.get(f"/uppdrag/{setup['assignment'].pk}/")
    events = response.context["events"]
    kinds = [event.kind for event in events]
    assert kinds.count("completed") == 1, "the process and the model's date are one event"
    assert [event.day for event in events] == sorted(event.day for event in events)
    note = next(event for event in events if event.kind == "note")
    assert note.detail == "Remissvar sammanställda." and note.actor == "Karin Direktör"
    content = response.content.decode()
    assert "Remissvar sammanställda." in content
    assert "Bilagor till återrapporten" in content


def test_a_new_kind_of_process_step_shows_up_under_its_own_title(client, setup):
    """The timeline reads steps generically: any finished, titled step is an event."""
    run_the_flow(setup)
    client.force_login(setup["councillor"])
    events = client.get(f"/uppdrag/{setup['assignment'].pk}/").context["events"]
    work = [event for event in events if event.kind == "process:work"]
    assert [event.title for event in work] == ["Arbeta och återrapportera"] * 2


def test_an_assignment_from_an_unpublished_paragraph_is_hidden_from_the_public(client, setup):
    setup["paragraph"].unpublish()
    url = f"/uppdrag/{setup['assignment'].pk}/"
    assert client.get(url).status_code == 404
    assert setup["assignment"].title not in client.get("/uppdrag/").content.decode()
    assert client.get("/uppdrag/export.json").json()["assignments"] == []
    client.force_login(setup["councillor"])
    assert client.get(url).status_code == 200


def test_an_assignment_from_a_confidential_paragraph_is_hidden_from_the_public(client, setup):
    paragraph = setup["paragraph"]
    paragraph.is_confidential = True
    paragraph.save_revision().publish()
    assert client.get(f"/uppdrag/{setup['assignment'].pk}/").status_code == 404


def test_an_unknown_assignment_is_a_swedish_404(client, setup):
    response = client.get("/uppdrag/999999999/")
    assert response.status_code == 404
    assert "Sidan finns inte" in response.content.decode()


def test_the_register_and_the_paragraph_link_to_the_assignment_page(client, setup):
    url = f"/uppdrag/{setup['assignment'].pk}/"
    assert f'href="{url}"' in client.get("/uppdrag/").content.decode()
    assert f'href="{url}"' in client.get(setup["paragraph"].url).content.decode()
