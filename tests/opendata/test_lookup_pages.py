"""The case, organ, meeting and person pages show what the public may see, in order."""

from datetime import date, time, timedelta

import pytest

from governance.models import Assignment, Membership, MotionAction, Post
from tests import factories


@pytest.fixture
def matter(home_page):
    municipality = factories.make_municipality("Eksjö")
    page = factories.make_municipality_page(home_page, municipality)
    council = factories.make_organization(municipality, "Kommunfullmäktige", "council", abbreviation="KF")
    board = factories.make_organization(municipality, "Kommunstyrelsen", "executive", abbreviation="KS", parent=council)
    anna = factories.make_person(municipality, "Anna Andersson", party=factories.make_party())
    chair = Post.objects.create(organization=board, label="Ordförande", kind="elected")
    Membership.objects.create(person=anna, organization=board, post=chair, role=Membership.Role.CHAIR)
    case = factories.make_case(municipality, "KS 2025/12", title="Cykelbanor")
    motion = factories.make_motion(
        page, council, "Motion om cykelbanor", day=date(2025, 1, 20), movers=[(anna, "")], case=case
    )
    MotionAction.objects.create(
        motion=motion, date=date(2025, 2, 3), classification=MotionAction.Classification.REFERRED, organization=council
    )
    meeting = factories.make_meeting(board, date(2025, 3, 3), start_time=time(13, 0), location="Stadshuset")
    minutes = factories.make_minutes(
        page, board, date(2025, 3, 3), meeting=meeting, adjusted_on=date(2025, 3, 10), posted_on=date(2025, 3, 11)
    )
    paragraph = factories.make_paragraph(
        minutes,
        12,
        "Svar på motion om cykelbanor",
        ["Kommunstyrelsen får i uppdrag att bygga en cykelbana."],
        case=case,
    )
    factories.make_paragraph(minutes, 13, "Sekretessärende", ["Hemligt."], case=case, is_confidential=True)
    Assignment.objects.create(
        municipality=municipality,
        title="Bygga cykelbana",
        task="Bygga en cykelbana.",
        decision=paragraph.decisions.first(),
        decided_on=date(2025, 3, 3),
        due_date=date(2025, 12, 31),
    )
    return {
        "case": case,
        "board": board,
        "council": council,
        "anna": anna,
        "meeting": meeting,
        "municipality": municipality,
        "page": page,
    }


def test_the_case_page_lists_the_history_of_the_matter_in_date_order(client, matter):
    html = client.get(f"/arende/{matter['case'].pk}/").content.decode()
    order = [
        html.index(text)
        for text in ("Motion om cykelbanor", "Remitterad", "Svar på motion om cykelbanor", "Bygga cykelbana")
    ]
    assert order == sorted(order)
    assert "KS § 12" in html
    assert "Sekretessärende" not in html and "Hemligt" not in html


def test_a_case_known_only_from_confidential_documents_is_not_found(client, matter):
    secret = factories.make_case(matter["municipality"], "KS 2025/99")
    minutes = factories.make_minutes(matter["page"], matter["board"], date(2025, 4, 7))
    factories.make_paragraph(minutes, 1, "Hemligt", ["Hemligt."], case=secret, is_confidential=True)
    assert client.get(f"/arende/{secret.pk}/").status_code == 404


def test_the_organ_page_shows_members_meetings_recent_decisions_and_its_feeds(client, matter):
    factories.make_meeting(matter["board"], date.today() + timedelta(days=10))
    html = client.get(f"/organ/{matter['board'].pk}/").content.decode()
    assert "Anna Andersson" in html and "Ordförande" in html
    assert (date.today() + timedelta(days=10)).isoformat() in html
    assert "Svar på motion om cykelbanor" in html and "Sekretessärende" not in html
    assert f"/kalender.ics?organ={matter['board'].pk}" in html
    assert f"/beslut.atom?organ={matter['board'].pk}" in html
    assert "Kommunfullmäktige" in html  # its parent


def test_the_meeting_page_shows_the_agenda_and_the_statutory_dates(client, matter):
    html = client.get(f"/sammantrade/{matter['meeting'].pk}/").content.decode()
    assert "kl. 13:00" in html and "Stadshuset" in html
    assert "§ 12" in html and "får i uppdrag att bygga en cykelbana" in html
    assert "Sekretessärende" not in html
    assert "Överklagandetiden går ut" in html and "2025-04-01" in html


def test_the_person_page_shows_posts_and_motions(client, matter):
    html = client.get(f"/person/{matter['anna'].pk}/").content.decode()
    assert "Kommunstyrelsen" in html and "Ordförande" in html
    assert "Motion om cykelbanor" in html
