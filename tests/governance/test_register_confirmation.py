"""Assignments read from a decision's text but not yet confirmed by a secretary: they count
like the others, and the register, its overview and its downloads tell them apart."""

import csv
import io
import json

import pytest
from django.utils import timezone

from tests.governance.register_setup import make_register

pytestmark = pytest.mark.django_db


@pytest.fixture
def register(home_page):
    """The shared register, with one assignment read from a text and still unconfirmed and
    one read from a text and confirmed; the other two were entered by hand."""
    register = make_register()
    register.overdue.read_from_text = True
    register.overdue.save()
    register.on_time.read_from_text = True
    register.on_time.confirmed_at = timezone.now()
    register.on_time.save()
    return register


def titles(response):
    return [assignment.title for assignment in response.context["assignments"]]


def test_unconfirmed_assignments_are_listed_and_counted_like_the_others(client, register):
    response = client.get("/uppdrag/")
    assert "Plan för arbetsmarknadsenheten" in titles(response)
    totals = response.context["overview"].totals
    assert (totals.total, totals.overdue, totals.unconfirmed) == (4, 1, 1)


def test_an_unconfirmed_assignment_carries_a_badge_and_a_confirmed_one_does_not(client, register):
    content = client.get("/uppdrag/").content.decode()
    assert content.count(">Ej bekräftat</span>") == 1
    row = content[content.index("Plan för arbetsmarknadsenheten") :]
    row = row[: row.index("</tr>")]
    assert "Ej bekräftat" in row


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("ja", ["Utreda skolskjutsar", "Se över lokalerna", "Rapport om feriearbeten"]),
        ("nej", ["Plan för arbetsmarknadsenheten"]),
    ],
)
def test_the_register_shows_only_confirmed_or_only_unconfirmed_assignments(client, register, value, expected):
    response = client.get("/uppdrag/", {"bekraftat": value})
    assert titles(response) == expected
    assert response.context["overview"].totals.total == len(expected)


def test_the_confirmation_filter_is_kept_by_the_download_links_and_the_overview(client, register):
    content = client.get("/uppdrag/", {"bekraftat": "ja"}).content.decode()
    assert 'href="/uppdrag/export.csv?bekraftat=ja"' in content
    assert '<option value="ja" selected>Endast bekräftade</option>' in content


def test_an_unknown_confirmation_value_is_ignored_and_explained_in_swedish(client, register):
    response = client.get("/uppdrag/", {"bekraftat": "kanske"})
    assert len(titles(response)) == 4
    assert "Okänt val för bekräftade uppdrag; filtret på bekräftelse användes inte." in response.content.decode()
    refused = client.get("/uppdrag/export.csv", {"bekraftat": "kanske"})
    assert refused.status_code == 400


def test_the_csv_has_a_confirmed_column_in_swedish(client, register):
    text = client.get("/uppdrag/export.csv").content.decode("utf-8-sig")
    rows = {row["Uppdrag"]: row["Bekräftat"] for row in csv.DictReader(io.StringIO(text), delimiter=";")}
    assert rows == {
        "Plan för arbetsmarknadsenheten": "Nej",
        "Utreda skolskjutsar": "Ja",
        "Se över lokalerna": "Ja",
        "Rapport om feriearbeten": "Ja",
    }


def test_the_json_says_whether_each_assignment_is_confirmed_and_follows_the_filter(client, register):
    document = json.loads(client.get("/uppdrag/export.json", {"bekraftat": "nej"}).content)
    assert [(row["title"], row["confirmed"]) for row in document["assignments"]] == [
        ("Plan för arbetsmarknadsenheten", False)
    ]
    assert document["filters"] == {"bekraftat": "nej"}
