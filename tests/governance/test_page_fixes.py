"""Small things on the public pages that read wrong: empty assignees, a date shown twice, dashes as text."""

import re
from datetime import date

import pytest

from governance.models import Assignment
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def site(home_page):
    municipality = factories.make_municipality("Fixby")
    return municipality, factories.make_municipality_page(home_page, municipality)


def test_a_paragraph_with_an_assignment_without_assignees_says_so(client, site):
    municipality, municipality_page = site
    board = factories.make_organization(municipality, "Kommunstyrelsen", abbreviation="KS")
    minutes = factories.make_minutes(municipality_page, board)
    paragraph = factories.make_paragraph(minutes, 12, decisions=["Uppdraget ska fortsätta."])
    Assignment.objects.create(
        municipality=municipality,
        title="Fortsatt uppdrag",
        task="Fortsätta.",
        decision=paragraph.decisions.get(),
        decided_on=minutes.date,
    )
    content = client.get(paragraph.url).content.decode()
    assert not re.search(r"Uppdrag till\s*(<|·)", content), "no dangling 'Uppdrag till'"
    assert "ingen ansvarig angiven" in content


def test_the_motion_page_shows_the_one_year_date_once(client, site):
    municipality, municipality_page = site
    council = factories.make_organization(municipality, "Kommunfullmäktige", "council")
    motion = factories.make_motion(municipality_page, council, day=date(2021, 3, 18))
    content = client.get(motion.url).content.decode()
    assert content.count("2022-03-18") == 1
    assert "Ettårsgränsen (2022-03-18) har passerats utan beslut." in content


def test_dashes_in_an_interpellation_answer_become_a_list(client, site):
    municipality, municipality_page = site
    council = factories.make_organization(municipality, "Kommunfullmäktige", "council")
    person = factories.make_person(municipality, "Anna Andersson")
    answer = "Arbetet pågår:\n- 72 personer till arbete\n- 187 unga fick feriearbete\nMer kommer."
    page = factories.make_interpellation(municipality_page, council, person, person, [("Hur går det?", answer)])
    content = client.get(page.url).content.decode()
    assert "<ul><li>72 personer till arbete</li><li>187 unga fick feriearbete</li></ul>" in content
    assert "- 72" not in content
    assert "<p>Arbetet pågår:</p>" in content and "<p>Mer kommer.</p>" in content


def test_markup_in_an_answer_is_escaped_not_rendered(client, site):
    municipality, municipality_page = site
    council = factories.make_organization(municipality, "Kommunfullmäktige", "council")
    person = factories.make_person(municipality, "Anna Andersson")
    answer = "- <script>alert(1)</script>"
    page = factories.make_interpellation(municipality_page, council, person, person, [("Fråga?", answer)])
    content = client.get(page.url).content.decode()
    assert "<script>alert(1)</script>" not in content
    assert "&lt;script&gt;" in content
