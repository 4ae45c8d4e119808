"""Reminders reach the people responsible, before the due date and when late, once per event."""

from datetime import date
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command

from governance.models import Assignment, Membership, Post
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def assignment():
    municipality = factories.make_municipality("Exempelkommun")
    office = factories.make_organization(municipality, "Kommunledningskontoret", "administration")
    post = Post.objects.create(organization=office, label="Kommundirektör", kind=Post.Kind.OFFICIAL)
    director = factories.make_person(municipality, "Karin Direktör", email="kd@example.org")
    Membership.objects.create(person=director, organization=office, post=post, start_date=date(2019, 1, 1))
    item = Assignment.objects.create(
        municipality=municipality,
        title="Förstärka handlingsplanen",
        task="Förstärka handlingsplanen.",
        decided_on=date(2020, 4, 15),
        due_date=date(2020, 5, 13),
        deadline_text="på kommande möte",
    )
    item.assignee_posts.set([post])
    item.assignee_people.set([factories.make_person(municipality, "Per Näringsliv", email="pn@example.org")])
    return item


def run(day):
    out = StringIO()
    call_command("send_reminders", "--today", day, stdout=out)
    return out.getvalue()


def test_the_post_holder_and_named_people_are_reminded_before_the_due_date(assignment):
    assert "2 skickade" in run("2020-05-05")
    assert sorted(message.to[0] for message in mail.outbox) == ["kd@example.org", "pn@example.org"]
    assert mail.outbox[0].subject.startswith("Påminnelse: Förstärka handlingsplanen")


def test_running_again_sends_nothing_twice(assignment):
    run("2020-05-05")
    assert "0 skickade, 2 redan skickade" in run("2020-05-05")
    assert len(mail.outbox) == 2


def test_an_overdue_assignment_gets_its_own_reminder_once(assignment):
    run("2020-05-05")
    assert "2 skickade" in run("2020-05-20")
    assert "0 skickade" in run("2020-05-21")
    assert [m.subject.split(":")[0] for m in mail.outbox[2:]] == ["Försenat uppdrag", "Försenat uppdrag"]


def test_a_new_due_date_is_a_new_event(assignment):
    run("2020-05-20")
    assignment.due_date = date(2020, 6, 10)
    assignment.save()
    assert "2 skickade" in run("2020-06-01")


def test_nothing_is_sent_far_from_the_due_date_or_after_completion(assignment):
    assert "0 skickade" in run("2020-04-16")
    assignment.completed_on = date(2020, 5, 13)
    assignment.save()
    assert "0 skickade" in run("2020-05-20")
    assert mail.outbox == []
