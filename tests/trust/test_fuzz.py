"""No parameter value on any public URL makes the site answer with a server error.

Hypothesis draws every public GET parameter from arbitrary text (control characters,
digits of other scripts, huge numbers, markup) mixed with values known to have broken
parsers before. Search runs against the real engine, so "engine unavailable" (503) counts
as a failure too: a bad value must never reach the engine as a bad query.
"""

from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from governance.models import Assignment
from search import engine
from search.indexing import rebuild_index
from tests import factories

pytestmark = pytest.mark.django_db

KNOWN_TROUBLE = [
    "",
    "\x00",
    "%00",
    "²",
    "２０２０",
    "2147483648",
    "-1",
    "0",
    "9" * 40,
    "1e309",
    "NaN",
    "2020-02-30",
    "0000-01-01",
    "9999-12-31",
    "99999-01-01",
    "' OR 1=1 --",
    '"',
    "\\",
    "<script>alert(1)</script>",
    "*:*",
    "a" * 5000,
    "ÅÄÖ",
    "\u202e",
    "\ufeff",
    "𝟚𝟘𝟚𝟘",
    "Ⅻ",
]
VALUES = st.one_of(
    st.sampled_from(KNOWN_TROUBLE),
    st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=60),
    st.integers(min_value=-(2**70), max_value=2**70).map(str),
)
SEARCH_PARAMETERS = (
    "q",
    "kind",
    "organization",
    "municipality",
    "year",
    "status",
    "party",
    "date_from",
    "date_to",
    "sort",
    "page",
)
PUBLIC_GETS = {
    "/sok/": SEARCH_PARAMETERS,
    "/api/search/": SEARCH_PARAMETERS,
    "/uppdrag/": ("kommun", "status", "page"),
    "/uppdrag/export.csv": ("kommun", "as_of"),
    "/uppdrag/export.json": ("kommun", "as_of"),
}
FUZZ = settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@pytest.fixture
def site(home_page, search_client):
    municipality = factories.make_municipality("Eksjö")
    page = factories.make_municipality_page(home_page, municipality)
    board = factories.make_organization(municipality, "Kommunstyrelsen", "executive", abbreviation="KS")
    minutes = factories.make_minutes(page, board, date(2020, 4, 15))
    paragraph = factories.make_paragraph(minutes, 80, "Budget", ["Kommundirektören får i uppdrag att utreda budgeten."])
    Assignment.objects.create(
        municipality=municipality,
        title="Utreda budgeten",
        task="Utreda budgeten.",
        decision=paragraph.decisions.first(),
        decided_on=date(2020, 4, 15),
    )
    rebuild_index(client=engine.get_client())
    return {"pages": [home_page.url, page.url, minutes.url, paragraph.url]}


def assert_clean(client, url, params):
    response = client.get(url, params)
    assert response.status_code < 500, f"{url} {params!r} → {response.status_code}"
    if response.status_code == 400:
        assert response.content.decode("utf-8"), "a refusal says why"


def fuzz_url(client, url, names):
    @FUZZ
    @given(st.fixed_dictionaries({}, optional={name: VALUES for name in names}))
    def check(params):
        assert_clean(client, url, params)

    check()


def test_no_parameter_value_makes_a_public_url_fail(client, site):
    for url, names in sorted(PUBLIC_GETS.items()):
        fuzz_url(client, url, names)


def test_each_known_troublemaker_in_every_parameter_is_answered_cleanly(client, site):
    for value in KNOWN_TROUBLE:
        for url, names in PUBLIC_GETS.items():
            assert_clean(client, url, dict.fromkeys(names, value))
        for url in site["pages"]:
            assert_clean(client, url, {"page": value, "q": value})


def test_a_year_in_other_digits_is_ignored_not_sent_to_the_engine(client, site):
    for year in ("²", "２０２０", "2147483648", "𝟚𝟘𝟚𝟘"):
        response = client.get("/api/search/", {"q": "budget", "year": year})
        assert response.status_code == 200, year
        assert response.json()["total"] >= 1, "an invalid year filter is ignored"
