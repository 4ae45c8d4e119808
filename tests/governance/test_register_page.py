"""The assignment register: filters, overview counts, bad input and a constant number of queries."""

from datetime import date, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from governance.models import Assignment
from tests.governance.register_setup import make_register

pytestmark = pytest.mark.django_db


@pytest.fixture
def register(home_page):
    return make_register()


def titles(response):
    return [assignment.title for assignment in response.context["assignments"]]


def test_the_register_lists_every_assignment_open_first(client, register):
    response = client.get("/uppdrag/")
    assert response.status_code == 200
    assert titles(response) == [
        "Plan för arbetsmarknadsenheten",
        "Utreda skolskjutsar",
        "Se över lokalerna",
        "Rapport om feriearbeten",
    ]


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"status": "overdue"}, ["Plan för arbetsmarknadsenheten"]),
        ({"status": "on_time"}, ["Utreda skolskjutsar"]),
        ({"status": "done"}, ["Rapport om feriearbeten"]),
        ({"status": "open"}, ["Plan för arbetsmarknadsenheten", "Utreda skolskjutsar", "Se över lokalerna"]),
        ({"q": "skolskjutsar"}, ["Utreda skolskjutsar"]),
        ({"q": "PLAN arbetsmarknad"}, ["Plan för arbetsmarknadsenheten"]),
        ({"q": "plan skolskjutsar"}, []),
    ],
)
def test_the_register_filters_by_status_and_free_text(client, register, params, expected):
    assert titles(client.get("/uppdrag/", params)) == expected


def test_the_register_filters_by_report_to_organ(client, register):
    response = client.get("/uppdrag/", {"organ": register.committee.pk})
    assert titles(response) == ["Utreda skolskjutsar"]


def test_the_register_filters_by_assignee_post_or_person(client, register):
    by_post = titles(client.get("/uppdrag/", {"ansvarig": f"post-{register.director.pk}"}))
    assert by_post == ["Plan för arbetsmarknadsenheten", "Se över lokalerna"]
    by_person = titles(client.get("/uppdrag/", {"ansvarig": f"person-{register.person.pk}"}))
    assert by_person == ["Utreda skolskjutsar"]


def test_the_register_filters_by_decision_year_and_municipality(client, register):
    year = register.undated_stalled.decided_on.year
    assert titles(client.get("/uppdrag/", {"ar": year})) == ["Se över lokalerna"]
    assert titles(client.get("/uppdrag/", {"kommun": "ingen-sadan-kommun"})) == []
    assert len(titles(client.get("/uppdrag/", {"kommun": register.municipality.slug}))) == 4


def test_filters_combine(client, register):
    response = client.get("/uppdrag/", {"ansvarig": f"post-{register.director.pk}", "status": "overdue"})
    assert titles(response) == ["Plan för arbetsmarknadsenheten"]


def test_the_undated_filter_lists_an_undated_assignment_even_when_it_has_stalled(client, register):
    response = client.get("/uppdrag/", {"status": "undated"})
    assert titles(response) == ["Se över lokalerna"]
    assert "Inga uppdrag registrerade" not in response.content.decode()


def test_an_empty_filtered_register_says_nothing_matches_rather_than_nothing_exists(client, register):
    content = client.get("/uppdrag/", {"status": "withdrawn"}).content.decode()
    assert "Inga uppdrag matchar filtren." in content
    assert "Inga uppdrag registrerade" not in content


@pytest.mark.parametrize(
    "params",
    [
        {"status": "nonsense"},
        {"organ": "abc"},
        {"organ": "-3"},
        {"ansvarig": "katt-1"},
        {"ansvarig": "post-x"},
        {"ar": "20x4"},
        {"ar": "99999"},
        {"page": "zzz"},
        {"page": "99999"},
        {"q": "'; DROP TABLE governance_assignment; --"},
        {"q": "x" * 5000},
        {"kommun": "\x00"},
    ],
)
def test_nonsense_filter_values_never_break_the_page(client, register, params):
    response = client.get("/uppdrag/", params)
    assert response.status_code in (200, 400), "ignored, or refused before the view (a NUL byte)"


def test_an_ignored_filter_is_explained_in_swedish(client, register):
    response = client.get("/uppdrag/", {"status": "nonsense", "ar": "tjugo"})
    content = response.content.decode()
    assert "Okänd status; filtret på status användes inte." in content
    assert "Året ska skrivas med fyra siffror" in content
    assert len(titles(response)) == 4, "the ignored filters do not narrow the list"


def test_the_overview_counts_per_organ_and_per_assignee(client, register):
    overview = client.get("/uppdrag/").context["overview"]
    totals = overview.totals
    assert (totals.total, totals.open, totals.overdue, totals.stalled, totals.undated, totals.done) == (
        4,
        3,
        1,
        1,
        1,
        1,
    )
    assert totals.due_within_30 == 1
    board = next(row for row in overview.by_organ if row.label == "Kommunstyrelsen")
    assert (board.counts.total, board.counts.open, board.counts.overdue, board.counts.done) == (3, 2, 1, 1)
    director = next(row for row in overview.by_assignee if row.label == "Kommundirektör")
    assert (director.counts.total, director.counts.overdue, director.counts.stalled) == (2, 1, 1)
    assert director.filter_params == {"ansvarig": f"post-{register.director.pk}"}
    person = next(row for row in overview.by_assignee if row.label == "Greta Gustafsson")
    assert (person.counts.total, person.counts.due_within_30) == (1, 1)


def test_the_overview_follows_the_filters(client, register):
    overview = client.get("/uppdrag/", {"organ": register.committee.pk}).context["overview"]
    assert overview.totals.total == 1
    assert [row.label for row in overview.by_organ] == ["Utbildningsnämnden"]


@pytest.mark.parametrize(
    ("status", "total", "director_total"),
    [("overdue", 1, 1), ("undated", 1, 1), ("open", 3, 2), ("done", 1, 0), ("on_time", 1, 0)],
)
def test_the_overview_counts_only_the_status_filtered_for(client, register, status, total, director_total):
    response = client.get("/uppdrag/", {"status": status})
    overview = response.context["overview"]
    assert overview.totals.total == total == len(titles(response)), "the overview counts what the list shows"
    director = [row.counts.total for row in overview.by_assignee if row.label == "Kommundirektör"]
    assert director == ([director_total] if director_total else [])


def test_the_overview_links_keep_the_other_filters(client, register):
    content = client.get("/uppdrag/", {"q": "plan"}).content.decode()
    assert f"?organ={register.board.pk}&amp;q=plan" in content


def _queries(client, url):
    client.get(url)  # first, so work other apps do after a request (the search outbox) is done
    with CaptureQueriesContext(connection) as context:
        assert client.get(url).status_code == 200
    return len(context.captured_queries)


def test_the_register_uses_the_same_number_of_queries_for_ten_or_a_hundred_assignments(client, register):
    def add(count):
        Assignment.objects.bulk_create(
            Assignment(
                municipality=register.municipality,
                title=f"Extra {number}",
                task="Extra.",
                decided_on=date.today() - timedelta(days=number),
                due_date=date.today() + timedelta(days=number % 60),
                report_to=register.board,
            )
            for number in range(count)
        )
        for assignment in Assignment.objects.filter(title__startswith="Extra"):
            assignment.assignee_posts.add(register.director)

    add(6)
    few = [_queries(client, url) for url in ("/uppdrag/", "/uppdrag/?status=due_soon", "/uppdrag/export.csv")]
    add(90)
    many = [_queries(client, url) for url in ("/uppdrag/", "/uppdrag/?status=due_soon", "/uppdrag/export.csv")]
    assert few == many


def test_the_register_pages_through_a_long_selection_and_counts_all_of_it(client, register):
    today = date.today()
    Assignment.objects.bulk_create(
        Assignment(
            municipality=register.municipality,
            title=f"Uppdrag {number}",
            task="Utreda.",
            decided_on=today,
            due_date=today + timedelta(days=100 + number),
        )
        for number in range(60)
    )
    first = client.get("/uppdrag/", {"status": "open"})
    assert len(titles(first)) == 50
    second = client.get("/uppdrag/", {"status": "open", "page": 2})
    assert len(titles(second)) == 63 - 50
    content = second.content.decode()
    assert "63 uppdrag" in content and "Sida 2 av 2" in content
    assert not set(titles(first)) & set(titles(second))
