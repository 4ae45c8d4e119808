"""The assignment flow through every branch, by API."""

from datetime import date

import pytest
from django.contrib.auth import get_user_model

from governance.models import Assignment, AssignmentNote, Membership, Post
from governance.roles import OFFICIALS, SECRETARIES, ensure_role_groups
from tests import factories
from workflows.services import TaskAlreadyDone, complete_task, open_task, start_assignment_process

pytestmark = pytest.mark.django_db


@pytest.fixture
def setup(home_page):
    groups = ensure_role_groups(home_page)
    municipality = factories.make_municipality("Exempelkommun")
    ksau = factories.make_organization(
        municipality, "Kommunstyrelsens arbetsutskott", "subcommittee", abbreviation="KSAU"
    )
    factories.make_meeting(ksau, date(2099, 5, 13))
    office = factories.make_organization(municipality, "Kommunledningskontoret", "administration")
    post = Post.objects.create(organization=office, label="Kommundirektör", kind=Post.Kind.OFFICIAL)
    User = get_user_model()
    director_user = User.objects.create_user("direktor", password="x")
    director_user.groups.add(groups[OFFICIALS])
    director = factories.make_person(municipality, "Karin Direktör", user=director_user)
    Membership.objects.create(person=director, organization=office, post=post, start_date=date(2019, 1, 1))
    secretary = User.objects.create_user("sekreterare", password="x")
    secretary.groups.add(groups[SECRETARIES])
    factories.make_scope(secretary, municipality, [ksau])
    stranger = User.objects.create_user("obehorig", password="x")
    assignment = Assignment.objects.create(
        municipality=municipality,
        title="Förstärka handlingsplanen",
        task="Förstärka handlingsplanen.",
        decided_on=date(2020, 4, 15),
        report_to=ksau,
        due_date=date(2099, 1, 1),
    )
    assignment.assignee_posts.set([post])
    return {"assignment": assignment, "director": director_user, "secretary": secretary, "stranger": stranger}


def test_the_post_holder_gets_the_work_task(setup):
    process = start_assignment_process(setup["assignment"])
    work = open_task(process, "work")
    assert work.owner == setup["director"]


def test_progress_notes_keep_the_work_going_and_are_dated(setup):
    process = start_assignment_process(setup["assignment"])
    complete_task(
        open_task(process, "work"), setup["director"], progress_note="Handlingsplanen är utskickad på remiss."
    )
    assert AssignmentNote.objects.get().text == "Handlingsplanen är utskickad på remiss."
    assert AssignmentNote.objects.get().author == setup["director"]
    assert open_task(process, "work") is not None, "no report yet: back to work"


def test_report_goes_to_the_next_meeting_and_noting_it_closes_the_assignment(setup):
    process = start_assignment_process(setup["assignment"])
    complete_task(open_task(process, "work"), setup["director"], report="Helhetsbild framtagen.", ready_to_report=True)
    process.refresh_from_db()
    assert process.coerced.meeting_date == date(2099, 5, 13)
    assert process.coerced.meeting_explanation == "kommande möte med KSAU → 2099-05-13"
    complete_task(open_task(process, "decide"), setup["secretary"], outcome="noted")
    setup["assignment"].refresh_from_db()
    assert setup["assignment"].completed_on == date.today()
    process.refresh_from_db()
    assert process.status == "DONE"


def test_extension_sends_it_back_to_work_with_a_new_deadline(setup):
    process = start_assignment_process(setup["assignment"])
    complete_task(open_task(process, "work"), setup["director"], report="Delrapport.", ready_to_report=True)
    complete_task(open_task(process, "decide"), setup["secretary"], outcome="extended", new_due_date=date(2099, 9, 30))
    setup["assignment"].refresh_from_db()
    assert setup["assignment"].due_date == date(2099, 9, 30)
    assert open_task(process, "work").owner == setup["director"]


def test_withdrawal_ends_it(setup):
    process = start_assignment_process(setup["assignment"])
    complete_task(open_task(process, "work"), setup["director"], report="Inaktuellt.", ready_to_report=True)
    complete_task(open_task(process, "decide"), setup["secretary"], outcome="withdrawn")
    setup["assignment"].refresh_from_db()
    assert setup["assignment"].withdrawn_on == date.today()


def test_a_stranger_cannot_complete_the_task(setup):
    process = start_assignment_process(setup["assignment"])
    with pytest.raises(PermissionError):
        complete_task(open_task(process, "work"), setup["stranger"], report="x", ready_to_report=True)


def test_a_task_cannot_be_completed_twice(setup):
    process = start_assignment_process(setup["assignment"])
    work = open_task(process, "work")
    complete_task(work, setup["director"], report="Klart.", ready_to_report=True)
    with pytest.raises(TaskAlreadyDone, match="redan utförd"):
        complete_task(work, setup["director"], report="Igen.", ready_to_report=True)


def test_a_new_assignment_starts_its_process_once(setup, django_capture_on_commit_callbacks):
    from workflows.models import AssignmentProcess
    from workflows.services import process_for_assignment

    with django_capture_on_commit_callbacks(execute=True):
        created = Assignment.objects.create(
            municipality=setup["assignment"].municipality, title="Nytt", task="Nytt.", decided_on=date(2020, 5, 1)
        )
    assert process_for_assignment(created) is not None
    with django_capture_on_commit_callbacks(execute=True):
        created.title = "Nytt namn"
        created.save()
    assert AssignmentProcess.objects.filter(artifact_object_id=created.pk).count() == 1


def test_a_secretary_can_move_the_task_to_another_official_but_a_stranger_cannot(setup):
    from workflows.services import reassign_task

    other = get_user_model().objects.create_user("annan", password="x")
    process = start_assignment_process(setup["assignment"])
    work = open_task(process, "work")
    with pytest.raises(PermissionError):
        reassign_task(work, setup["stranger"], other)
    reassign_task(work, setup["secretary"], setup["secretary"])
    assert open_task(process, "work").owner == setup["secretary"]
    complete_task(open_task(process, "work"), setup["secretary"], report="Klart.", ready_to_report=True)
    assert open_task(process, "decide") is not None
