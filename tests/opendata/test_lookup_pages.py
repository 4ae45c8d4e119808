"""The case, organ, meeting and person pages show what the public may see, in order."""

from datetime import date, timedelta

import pytest

from tests import factories
from tests.scenarios import make_followed_matter


@pytest.fixture
def matter(home_page):
    return make_followed_matter(home_page)


def test_the_case_page_lists_the_history_of_the_matter_in_date_order(client, matter):
    html = client.get(f"/arende/{matter['case'].pk}/").content.decode()
    order = [
        html.index(text)
        for text in ("Motion om cykelbanor", "Remitterad", "Svar på motion om cykelbanor", "Bygga cykelbana")
    ]
    assert order == sorted(order)
    assert "KS § 12" in html
    assert "Personalärende" not in html and "Hemligt" not in html


def test_a_case_known_only_from_confidential_documents_is_not_found(client, matter):
    secret = factories.make_case(matter["municipality"], "KS 2025/99")
    minutes = factories.make_minutes(matter["page"], matter["board"], date(2025, 4, 7))
    factories.make_paragraph(
        minutes, 1, "Hemligt", ["Hemligt."], case=secret, is_confidential=True, secrecy_provision="OSL 39 kap. 3 §"
    )
    assert client.get(f"/arende/{secret.pk}/").status_code == 404


def test_the_organ_page_shows_members_meetings_recent_decisions_and_its_feeds(client, matter):
    factories.make_meeting(matter["board"], date.today() + timedelta(days=10))
    html = client.get(f"/organ/{matter['board'].pk}/").content.decode()
    assert "Anna Andersson" in html and "Ordförande" in html
    assert (date.today() + timedelta(days=10)).isoformat() in html
    assert "Svar på motion om cykelbanor" in html and "Personalärende" not in html
    assert f"/kalender.ics?organ={matter['board'].pk}" in html
    assert f"/beslut.atom?organ={matter['board'].pk}" in html
    assert "Kommunfullmäktige" in html  # its parent


def test_the_meeting_page_shows_the_agenda_and_the_statutory_dates(client, matter):
    html = client.get(f"/sammantrade/{matter['meeting'].pk}/").content.decode()
    assert "kl. 13:00" in html and "Stadshuset" in html
    assert "§ 12" in html and "får i uppdrag att bygga en cykelbana" in html
    assert "Personalärende" not in html
    assert "Överklagandetiden går ut" in html and "2025-04-01" in html


def test_the_person_page_shows_posts_and_motions(client, matter):
    html = client.get(f"/person/{matter['anna'].pk}/").content.decode()
    assert "Kommunstyrelsen" in html and "Ordförande" in html
    assert "Motion om cykelbanor" in html
