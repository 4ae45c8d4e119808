"""The register's downloads hold exactly what the page shows, in a form Excel in Swedish opens."""

import csv
import io
from datetime import date, timedelta

import pytest

from tests.governance.register_setup import make_register

pytestmark = pytest.mark.django_db


@pytest.fixture
def register(home_page):
    return make_register()


def read_csv(response):
    """The download as Excel in Swedish reads it: UTF-8 with BOM, semicolon-separated."""
    raw = response.content
    assert raw.startswith(b"\xef\xbb\xbf"), "UTF-8 byte order mark"
    text = raw.decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(text), delimiter=";"))


def test_the_csv_has_swedish_headers_and_values(client, register):
    response = client.get("/uppdrag/export.csv")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    rows = read_csv(response)
    assert list(rows[0]) == [
        "Id",
        "Uppdrag",
        "Status",
        "Ska återrapporteras senast",
        "Tidsangivelse i beslutet",
        "Så räknades datumet fram",
        "Dagar försenat",
        "Ansvariga",
        "Återrapporteras till",
        "Beslutsdatum",
        "Kommun",
        "Beslut",
        "Källmening",
        "Bekräftat",
        "Länk",
    ]
    overdue = next(row for row in rows if row["Uppdrag"] == "Plan för arbetsmarknadsenheten")
    assert overdue["Status"] == "Försenat"
    assert overdue["Dagar försenat"] == "10"
    assert overdue["Ansvariga"] == "Kommundirektör"
    assert overdue["Återrapporteras till"] == "Kommunstyrelsen"
    assert overdue["Länk"] == f"http://testserver/uppdrag/{register.overdue.pk}/"
    assert {row["Status"] for row in rows} == {"Försenat", "I tid", "Avstannat", "Slutfört"}


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({}, {"Plan för arbetsmarknadsenheten", "Utreda skolskjutsar", "Se över lokalerna", "Rapport om feriearbeten"}),
        ({"status": "overdue"}, {"Plan för arbetsmarknadsenheten"}),
        ({"status": "undated"}, {"Se över lokalerna"}),
        ({"q": "skolskjutsar"}, {"Utreda skolskjutsar"}),
        ({"status": "open", "q": "lokalerna"}, {"Se över lokalerna"}),
    ],
)
def test_the_downloads_respect_the_filters_of_the_page(client, register, params, expected):
    page = {a.title for a in client.get("/uppdrag/", params).context["assignments"]}
    csv_rows = {row["Uppdrag"] for row in read_csv(client.get("/uppdrag/export.csv", params))}
    json_rows = {row["title"] for row in client.get("/uppdrag/export.json", params).json()["assignments"]}
    assert page == csv_rows == json_rows == expected


def test_the_downloads_respect_organ_and_assignee_filters(client, register):
    by_organ = read_csv(client.get("/uppdrag/export.csv", {"organ": register.committee.pk}))
    assert [row["Uppdrag"] for row in by_organ] == ["Utreda skolskjutsar"]
    by_post = client.get("/uppdrag/export.json", {"ansvarig": f"post-{register.director.pk}"}).json()
    assert {row["title"] for row in by_post["assignments"]} == {"Plan för arbetsmarknadsenheten", "Se över lokalerna"}
    assert by_post["filters"] == {"ansvarig": f"post-{register.director.pk}"}


def test_the_json_keeps_stable_keys_and_adds_the_swedish_status(client, register):
    data = client.get("/uppdrag/export.json", {"status": "overdue"}).json()
    [row] = data["assignments"]
    assert (row["status"], row["status_label"], row["days_overdue"]) == ("overdue", "Försenat", 10)
    assert row["due_date"] == (date.today() - timedelta(days=10)).isoformat()
    assert row["assignees"] == ["Kommundirektör"]


def test_a_download_with_a_filter_it_cannot_understand_is_refused_in_swedish(client, register):
    response = client.get("/uppdrag/export.csv", {"status": "sen"})
    assert response.status_code == 400
    assert "Okänd status" in response.content.decode()
    assert client.get("/uppdrag/export.json", {"ansvarig": "katt-1"}).status_code == 400
    assert client.get("/uppdrag/export.json", {"as_of": "igår"}).status_code == 400


def test_a_download_as_of_an_earlier_day_leaves_out_later_decisions(client, register):
    day = (date.today() - timedelta(days=80)).isoformat()
    rows = client.get("/uppdrag/export.json", {"as_of": day}).json()["assignments"]
    assert {row["title"] for row in rows} == {
        "Plan för arbetsmarknadsenheten",
        "Se över lokalerna",
        "Rapport om feriearbeten",
    }
    assert next(r for r in rows if r["title"] == "Plan för arbetsmarknadsenheten")["status"] == "on_time"
