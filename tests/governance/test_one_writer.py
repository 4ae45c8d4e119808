"""An assignment's state changes only through its methods, which log who and why (old → new)
and move its process; roles act only within their scope."""

import re
from datetime import date

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from wagtail.models import ModelLogEntry

from governance.models import Assignment, AssignmentStateError, Membership, Post, StaleEditError
from governance.permissions import can_act_on_assignment
from governance.roles import COUNCILLORS, OFFICIALS, SECRETARIES, ensure_role_groups
from tests import factories
from workflows.services import complete_task, open_task, process_for_assignment

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(home_page, django_capture_on_commit_callbacks):
    groups = ensure_role_groups(home_page)
    User = get_user_model()
    municipality = factories.make_municipality("Exempelkommun")
    other_municipality = factories.make_municipality("Grannkommun")
    ks = factories.make_organization(municipality, "Kommunstyrelsen", abbreviation="KS")
    bun = factories.make_organization(municipality, "Barn- och utbildningsnämnden", "committee", abbreviation="BUN")
    office = factories.make_organization(municipality, "Kommunledningskontoret", "administration")
    post = Post.objects.create(organization=office, label="Kommundirektör", kind=Post.Kind.OFFICIAL)

    def user(name, group, person_municipality=None):
        account = User.objects.create_user(name, password="x")
        account.groups.add(groups[group])
        if person_municipality is not None:
            factories.make_person(person_municipality, name.title(), user=account)
        return account

    director = user("direktor", OFFICIALS, municipality)
    Membership.objects.create(person=director.person, organization=office, post=post, start_date=date(2019, 1, 1))
    colleague = user("kollega", OFFICIALS, municipality)
    foreign_official = user("granne", OFFICIALS, other_municipality)
    secretary = user("sekreterare", SECRETARIES)
    factories.make_scope(secretary, municipality, [ks])
    bun_secretary = user("bunsekreterare", SECRETARIES)
    factories.make_scope(bun_secretary, municipality, [bun])
    councillor = user("politiker", COUNCILLORS, municipality)
    with django_capture_on_commit_callbacks(execute=True):
        assignment = Assignment.objects.create(
            municipality=municipality,
            title="Ta fram en plan",
            task="Ta fram en plan.",
            decided_on=date(2020, 4, 15),
            report_to=ks,
            deadline_text="senast 2099-03-31",
        )
    assignment.assignee_posts.set([post])
    return {
        "assignment": assignment,
        "director": director,
        "colleague": colleague,
        "foreign_official": foreign_official,
        "secretary": secretary,
        "bun_secretary": bun_secretary,
        "councillor": councillor,
        "ks": ks,
    }


def test_a_manually_entered_deadline_text_is_computed_like_an_imported_one(world):
    assert world["assignment"].due_date == date(2099, 3, 31)
    assert world["assignment"].due_explanation == "angivet datum → 2099-03-31"


def test_completing_in_the_admin_closes_the_open_task_and_logs_who_and_why(world):
    assignment = world["assignment"]
    process = process_for_assignment(assignment)
    assert open_task(process, "work") is not None
    assignment.complete(by=world["secretary"], reason="Lagt till handlingarna av KS")
    assert open_task(process, "work") is None
    process.refresh_from_db()
    assert process.status == "DONE"
    entry = ModelLogEntry.objects.filter(action="beslutsspar.assignment.complete").get()
    assert entry.user == world["secretary"]
    assert entry.data["reason"] == "Lagt till handlingarna av KS"
    assert entry.data["changes"]["slutfört"] == ["", str(date.today())]


def test_a_report_in_the_admin_moves_the_process_to_the_organs_decision(world):
    assignment = world["assignment"]
    assignment.report("Planen är klar.", by=world["director"])
    assert assignment.status == Assignment.Status.REPORTED
    process = process_for_assignment(assignment)
    assert open_task(process, "work") is None
    assert open_task(process, "decide") is not None
    assert assignment.notes.get().kind == "report"


def test_an_extension_keeps_the_original_due_date_and_sends_the_work_back(world):
    assignment = world["assignment"]
    process = process_for_assignment(assignment)
    complete_task(open_task(process, "work"), world["director"], report="Delrapport.", ready_to_report=True)
    assignment.refresh_from_db()
    assert assignment.status_label == "Återrapporterad"
    assignment.extend(date(2099, 9, 30), by=world["secretary"], reason="KS beslutade om förlängning")
    assert (assignment.original_due_date, assignment.due_date) == (date(2099, 3, 31), date(2099, 9, 30))
    assert assignment.reported_on is None
    assert open_task(process, "work") is not None


def test_a_withdrawn_assignment_cannot_be_completed(world):
    assignment = world["assignment"]
    assignment.withdraw(by=world["secretary"], reason="Inaktuellt")
    with pytest.raises(AssignmentStateError):
        assignment.complete(by=world["secretary"])
    process = process_for_assignment(assignment)
    process.refresh_from_db()
    assert process.status == "CANCELED"


def test_an_official_can_report_on_an_assignment_they_hold_but_not_withdraw_it(world):
    assignment = world["assignment"]
    assert can_act_on_assignment(world["director"], assignment, "report")
    with pytest.raises(PermissionDenied):
        assignment.withdraw(by=world["director"])
    assert Assignment.objects.get(pk=assignment.pk).withdrawn_on is None


def test_a_colleague_who_does_not_hold_the_assignment_cannot_report_on_it(world):
    with pytest.raises(PermissionDenied):
        world["assignment"].report("Intrång", by=world["colleague"])


def test_another_municipalitys_official_and_a_councillor_act_on_nothing(world):
    for user in (world["foreign_official"], world["councillor"]):
        for action in ("note", "report", "complete", "extend", "withdraw", "reassign", "edit"):
            assert not can_act_on_assignment(user, world["assignment"], action)


def test_a_secretary_manages_only_the_assignments_of_their_organs(world):
    assert can_act_on_assignment(world["secretary"], world["assignment"], "withdraw")
    assert not can_act_on_assignment(world["bun_secretary"], world["assignment"], "withdraw")


def test_reassigning_moves_the_open_task_to_the_new_holder(world):
    assignment = world["assignment"]
    colleague_person = world["colleague"].person
    assignment.reassign(by=world["secretary"], people=[colleague_person], posts=[], reason="Ny ansvarig")
    work = open_task(process_for_assignment(assignment), "work")
    assert work.owner == world["colleague"]
    entry = ModelLogEntry.objects.filter(action="beslutsspar.assignment.reassign").get()
    assert entry.data["changes"]["ansvariga personer"] == ["", str(colleague_person)]


def test_a_second_save_from_a_stale_copy_is_refused_and_the_first_change_kept(world):
    first = Assignment.objects.get(pk=world["assignment"].pk)
    second = Assignment.objects.get(pk=world["assignment"].pk)
    first.title = "Första ändringen"
    first.save()
    second.title = "Andra ändringen"
    with pytest.raises(StaleEditError) as refused:
        second.save()
    assert "Någon annan har sparat ändringar" in refused.value.messages[0]
    assert Assignment.objects.get(pk=first.pk).title == "Första ändringen"


def test_the_admin_form_refuses_a_stale_edit_with_a_swedish_message(client, world, django_capture_on_commit_callbacks):
    from django.urls import reverse

    ks = world["ks"]
    client.force_login(world["secretary"])
    url = reverse("wagtailsnippets_governance_organization:edit", args=[ks.pk])
    loaded_version = ks.version
    ks.name = "Kommunstyrelsen (ändrad)"
    ks.save()
    response = client.post(
        url,
        {
            "municipality": ks.municipality_id,
            "name": "Kommunstyrelsen (min version)",
            "abbreviation": "KS",
            "classification": "executive",
            "version": loaded_version,
        },
    )
    assert response.status_code == 200
    assert "Någon annan har sparat ändringar" in response.content.decode()
    ks.refresh_from_db()
    assert ks.name == "Kommunstyrelsen (ändrad)"


def test_a_register_change_is_logged_with_old_and_new_values(world):
    ks = world["ks"]
    ks.abbreviation = "KSAU"
    ks.save()
    entry = ModelLogEntry.objects.filter(action="beslutsspar.edit", object_id=str(ks.pk)).get()
    assert entry.data["changes"]["förkortning"] == ["KS", "KSAU"]
    assert "KS → KSAU" in entry.message


def test_a_finished_workflow_step_is_logged_on_the_assignment_with_what_it_recorded(world):
    process = process_for_assignment(world["assignment"])
    complete_task(open_task(process, "work"), world["director"], progress_note="Remiss skickad.")
    entry = ModelLogEntry.objects.filter(action="beslutsspar.task").get()
    assert entry.user == world["director"]
    assert entry.object_id == str(world["assignment"].pk)
    assert "Arbeta och återrapportera" in entry.message


def test_the_secretary_completes_in_the_admin_and_the_inbox_task_closes(client, world):
    assignment = world["assignment"]
    client.force_login(world["secretary"])
    assert client.get(f"/admin/snippets/governance/assignment/edit/{assignment.pk}/").status_code == 200
    listing = client.get("/admin/snippets/governance/assignment/").content.decode()
    assert f"/admin/uppdrag/{assignment.pk}/complete/" in listing
    response = client.post(
        f"/admin/uppdrag/{assignment.pk}/complete/", {"on": date.today().isoformat(), "reason": "Noterat"}
    )
    assert response.status_code == 302
    assignment.refresh_from_db()
    assert assignment.completed_on == date.today()
    assert open_task(process_for_assignment(assignment), "work") is None


def test_a_secretary_of_another_organ_can_neither_edit_nor_complete_in_the_admin(client, world):
    assignment = world["assignment"]
    client.force_login(world["bun_secretary"])
    assert client.get(f"/admin/snippets/governance/assignment/edit/{assignment.pk}/").status_code in (302, 403)
    response = client.post(f"/admin/uppdrag/{assignment.pk}/withdraw/", {"on": date.today().isoformat()})
    assert response.status_code in (302, 403)
    assignment.refresh_from_db()
    assert assignment.withdrawn_on is None


def test_completing_before_the_decision_date_is_refused_with_a_swedish_message(client, world):
    client.force_login(world["secretary"])
    response = client.post(f"/admin/uppdrag/{world['assignment'].pk}/complete/", {"on": "2019-01-01"})
    assert response.status_code == 200
    assert "kan inte slutföras före beslutsdatum" in response.content.decode()


def test_a_confirmation_is_logged_as_a_reader_reads_it(world, client):
    assignment = world["assignment"]
    Assignment.objects.filter(pk=assignment.pk).update(read_from_text=True)
    assignment.refresh_from_db()
    assignment.confirm(by=world["secretary"])
    entry = ModelLogEntry.objects.filter(action="beslutsspar.assignment.confirm").get()
    old, new = entry.data["changes"]["bekräftat"]
    assert old == "" and re.fullmatch(r"\d{4}-\d{2}-\d{2} \d{2}:\d{2}", new), new  # local minute, no microseconds
    client.force_login(world["councillor"])
    page = client.get(f"/uppdrag/{assignment.pk}/").content.decode()
    assert f"bekräftat: – → {new}" in page and "+00:00" not in page
