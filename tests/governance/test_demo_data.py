"""The demo loader builds the five seed documents, is idempotent and fails cleanly."""

import json

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command

from governance.models import (
    Assignment,
    InterpellationPage,
    MinutesParagraphPage,
    MotionPage,
    NewsPage,
    Person,
    PolicyDocumentPage,
)

pytestmark = pytest.mark.django_db


def test_demo_imports_all_five_seed_documents_with_their_structure():
    call_command("load_demo_data", stdout=open("/dev/null", "w"))
    paragraph = MinutesParagraphPage.objects.get(number=80)
    assert paragraph.minutes.organization.abbreviation == "KSAU"
    assert paragraph.decisions.count() == 3
    motion = MotionPage.objects.get()
    assert [m.person.name for m in motion.movers.all()] == ["Kjell Axell", "Sebastian Hörlin"]
    assert motion.att_satser.count() == 1
    interpellation = InterpellationPage.objects.get()
    assert interpellation.questions.count() == 3
    program = PolicyDocumentPage.objects.get()
    assert program.case.case_number == "KK 2021-000274 628"
    assert program.goals.count() == 2 and program.focus_areas.count() == 5
    assert NewsPage.objects.count() == 1


def test_demo_assignment_of_ksau_80_is_due_at_the_next_ksau_meeting():
    call_command("load_demo_data", stdout=open("/dev/null", "w"))
    assignment = Assignment.objects.get(decision__paragraph__number=80, deadline_text="på kommande möte")
    assert [post.label for post in assignment.assignee_posts.all()] == [
        "Kommundirektör",
        "Näringslivschef",
    ]
    assert assignment.report_to.abbreviation == "KSAU"
    assert assignment.due_date.isoformat() == "2020-05-13"


def test_loading_the_demo_twice_creates_nothing_new():
    call_command("load_demo_data", stdout=open("/dev/null", "w"))
    counts = (
        MinutesParagraphPage.objects.count(),
        Assignment.objects.count(),
        get_user_model().objects.count(),
    )
    call_command("load_demo_data", stdout=open("/dev/null", "w"))
    assert (
        MinutesParagraphPage.objects.count(),
        Assignment.objects.count(),
        get_user_model().objects.count(),
    ) == counts


def test_demo_prints_a_login_for_each_role(capsys):
    call_command("load_demo_data")
    printed = capsys.readouterr().out
    for username in ["admin", "sekreterare", "politiker", "tjansteperson"]:
        assert username in printed
    assert get_user_model().objects.get(username="sekreterare").check_password("sekreterare-demo")


def test_the_enkoping_kf_assignment_was_overdue_when_the_interpellation_was_filed():
    call_command("load_demo_data", stdout=open("/dev/null", "w"))
    assignment = Assignment.objects.get(municipality__name="Enköping", deadline_text="i maj")
    assert assignment.decided_on.isoformat() == "2020-03-02"
    assert assignment.report_to.name == "Kommunstyrelsen"
    interpellation = InterpellationPage.objects.get()
    assert assignment.status_on(interpellation.date) == Assignment.Status.OVERDUE


def test_a_broken_fixture_is_reported_and_nothing_is_half_written(tmp_path):
    broken = {
        "parties": [],
        "municipalities": [
            {
                "name": "Trasiga",
                "slug": "trasiga",
                "organizations": [],
                "people": [{"name": "Anna Andersson"}],
                "memberships": [{"person": "Anna Andersson", "organization": "Finns inte"}],
            }
        ],
    }
    path = tmp_path / "broken.json"
    path.write_text(json.dumps(broken), encoding="utf-8")
    with pytest.raises(CommandError, match="Okänt organ 'Finns inte'"):
        call_command("load_demo_data", fixture=str(path), stdout=open("/dev/null", "w"))
    assert not Person.objects.filter(name="Anna Andersson").exists()
    assert not get_user_model().objects.filter(username="sekreterare").exists()


def test_a_fixture_that_is_not_json_is_reported(tmp_path):
    path = tmp_path / "not.json"
    path.write_text("{ inte json", encoding="utf-8")
    with pytest.raises(CommandError, match="inte giltig JSON"):
        call_command("load_demo_data", fixture=str(path))
