"""The assignment register exports as CSV and JSON, with statuses as of any date."""

import csv
import io
import json
from datetime import date

import pytest
from django.core.management import CommandError, call_command

from governance.models import Assignment
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def register(home_page):
    enkoping = factories.make_municipality("Enköping")
    board = factories.make_organization(enkoping, "Kommunstyrelsen", abbreviation="KS")
    target = Assignment.objects.create(
        municipality=enkoping,
        title="Gemensam målbild",
        task="Ta fram en gemensam målbild.",
        decided_on=date(2020, 3, 2),
        report_to=board,
        deadline_text="i maj",
        due_date=date(2020, 5, 31),
        due_explanation="i maj → sista dagen i månaden, 2020-05-31",
    )
    target.assignee_organizations.set(
        [factories.make_organization(enkoping, "Utbildningsförvaltningen", "administration")]
    )
    Assignment.objects.create(
        municipality=enkoping,
        title="Senare uppdrag",
        task="Något senare.",
        decided_on=date(2021, 1, 1),
    )
    return target


def export(*args):
    out = io.StringIO()
    call_command("export_assignments", *args, stdout=out)
    return out.getvalue()


def test_json_export_shows_what_was_late_when_the_interpellation_was_filed(register):
    data = json.loads(export("--format", "json", "--as-of", "2020-09-03"))
    assert data["as_of"] == "2020-09-03"
    row = data["assignments"][0]
    assert len(data["assignments"]) == 1, "assignments decided after the date are left out"
    assert row["status"] == "overdue" and row["days_overdue"] == 95
    assert row["due_rule"] == "i maj" and row["due_date"] == "2020-05-31"
    assert row["assignees"] == ["Utbildningsförvaltningen"] and row["report_to"] == "Kommunstyrelsen"
    assert {
        "id",
        "title",
        "status",
        "due_date",
        "due_rule",
        "due_explanation",
        "days_overdue",
        "assignees",
        "report_to",
        "source",
    } <= set(row)


def test_before_its_due_date_the_same_assignment_was_on_time(register):
    [row] = json.loads(export("--format", "json", "--as-of", "2020-04-01"))["assignments"]
    assert (row["status"], row["days_overdue"]) == ("on_time", 0)


def test_csv_export_has_a_swedish_header_and_one_row_per_assignment(register):
    text = export("--format", "csv", "--as-of", "2021-06-01")
    assert text.startswith("\ufeff")
    rows = list(csv.DictReader(io.StringIO(text.removeprefix("\ufeff")), delimiter=";"))
    assert [r["Uppdrag"] for r in rows] == ["Gemensam målbild", "Senare uppdrag"]
    assert rows[0]["Ansvariga"] == "Utbildningsförvaltningen"
    assert rows[0]["Status"] == "Försenat"


def test_a_bad_date_is_refused_with_a_message(register):
    with pytest.raises(CommandError, match="Ogiltigt datum för --as-of"):
        export("--as-of", "3 sept 2020")


def test_the_register_page_offers_downloads(client, register):
    response = client.get("/uppdrag/export.json?as_of=2020-09-03")
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="uppdrag-2020-09-03.json"'
    assert response.json()["assignments"][0]["status"] == "overdue"
    assert client.get("/uppdrag/export.csv").status_code == 200
    assert client.get("/uppdrag/export.xml").status_code == 404
    assert client.get("/uppdrag/export.csv?as_of=igår").status_code == 400
