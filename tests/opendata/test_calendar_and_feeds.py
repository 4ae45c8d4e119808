"""The public calendar and decision feed, read back with maintained parsers (icalendar, feedparser)."""

from datetime import date, time

import feedparser
import pytest
from icalendar import Calendar

from governance.models import Assignment, MotionAction
from tests import factories


@pytest.fixture
def place(home_page):
    municipality = factories.make_municipality("Eksjö")
    page = factories.make_municipality_page(home_page, municipality)
    board = factories.make_organization(municipality, "Kommunstyrelsen", "executive", abbreviation="KS")
    council = factories.make_organization(municipality, "Kommunfullmäktige", "council", abbreviation="KF")
    return {"municipality": municipality, "page": page, "board": board, "council": council}


def events(response):
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    return [c for c in Calendar.from_ical(response.content).walk("VEVENT")]


def summaries(response):
    return sorted(str(event["SUMMARY"]) for event in events(response))


def public_assignment(paragraph, **fields):
    return Assignment.objects.create(
        municipality=paragraph.minutes.municipality,
        title=fields.pop("title", "Ta fram en plan"),
        task="Ta fram en plan för feriearbete.",
        decision=paragraph.decisions.first(),
        decided_on=paragraph.minutes.date,
        **fields,
    )


def test_the_calendar_lists_meetings_with_time_and_place(client, place):
    factories.make_meeting(place["board"], date(2026, 12, 7), start_time=time(13, 0), location="Stadshuset")
    [event] = events(client.get("/kalender.ics"))
    assert str(event["SUMMARY"]) == "KS: sammanträde"
    assert event.decoded("DTSTART").isoformat() == "2026-12-07T13:00:00+01:00"
    assert str(event["LOCATION"]) == "Stadshuset"


def test_the_calendar_filters_by_organ_by_abbreviation_or_id(client, place):
    factories.make_meeting(place["board"], date(2026, 12, 7))
    factories.make_meeting(place["council"], date(2026, 12, 14))
    assert summaries(client.get("/kalender.ics?organ=KF")) == ["KF: sammanträde"]
    assert summaries(client.get(f"/kalender.ics?organ={place['board'].pk}")) == ["KS: sammanträde"]


def test_an_unknown_organ_is_refused_with_a_swedish_message(client, place):
    response = client.get("/kalender.ics?organ=XYZ")
    assert response.status_code == 400
    assert "Okänt organ" in response.content.decode()


def test_the_calendar_shows_when_public_assignments_are_due_and_why(client, place):
    minutes = factories.make_minutes(place["page"], place["board"], date(2026, 3, 2))
    paragraph = factories.make_paragraph(
        minutes, 12, "Feriearbete", ["Kommundirektören får i uppdrag att ta fram en plan."]
    )
    assignment = public_assignment(
        paragraph, report_to=place["board"], due_date=date(2026, 5, 31), due_explanation="i maj → 2026-05-31"
    )
    [event] = [e for e in events(client.get("/kalender.ics")) if "Uppdrag" in str(e["SUMMARY"])]
    assert str(event["SUMMARY"]) == "Uppdrag ska återrapporteras till KS: Ta fram en plan"
    assert event.decoded("DTSTART") == date(2026, 5, 31)
    assert "i maj → 2026-05-31" in str(event["DESCRIPTION"])
    assert str(event["URL"]).endswith(f"/uppdrag/{assignment.pk}/")


def test_assignments_from_confidential_paragraphs_stay_out_of_the_calendar(client, place):
    minutes = factories.make_minutes(place["page"], place["board"], date(2026, 3, 2))
    paragraph = factories.make_paragraph(
        minutes, 13, "Personalärende", ["Kommundirektören får i uppdrag att utreda."], is_confidential=True
    )
    public_assignment(paragraph, title="Hemligt uppdrag", due_date=date(2026, 5, 31))
    assert not any("Hemligt" in s for s in summaries(client.get("/kalender.ics")))


def test_the_calendar_carries_the_statutory_dates_of_each_protokoll(client, place):
    factories.make_minutes(
        place["page"], place["board"], date(2023, 12, 11), adjusted_on=date(2023, 12, 18), posted_on=date(2023, 12, 19)
    )
    statutory = {str(e["SUMMARY"]): e.decoded("DTSTART") for e in events(client.get("/kalender.ics?organ=KS"))}
    assert statutory["Justering senast: KS protokoll 2023-12-11"] == date(2023, 12, 27)
    assert statutory["Anslag senast: KS protokoll 2023-12-11"] == date(2023, 12, 20)
    assert statutory["Överklagandetiden går ut: KS protokoll 2023-12-11"] == date(2024, 1, 9)


def test_unpublished_minutes_have_no_statutory_dates_in_the_calendar(client, place):
    minutes = factories.make_minutes(place["page"], place["board"], date(2023, 12, 11))
    minutes.unpublish()
    assert not [s for s in summaries(client.get("/kalender.ics")) if "protokoll" in s]


def test_the_decision_feed_lists_new_decisions_of_an_organ(client, place):
    ks = factories.make_minutes(place["page"], place["board"], date(2026, 3, 2))
    factories.make_paragraph(ks, 12, "Feriearbete", ["Kommundirektören får i uppdrag att ta fram en plan."])
    kf = factories.make_minutes(place["page"], place["council"], date(2026, 3, 9))
    factories.make_paragraph(kf, 3, "Budget", ["Budgeten fastställs."])

    feed = feedparser.parse(client.get("/beslut.atom?organ=KS").content)
    assert not feed.bozo, feed.bozo_exception
    assert feed.feed.title == "Nya beslut: Kommunstyrelsen"
    [entry] = feed.entries
    assert entry.title == "KS 2026-03-02 § 12 Feriearbete"
    assert "får i uppdrag att ta fram en plan" in entry.summary
    assert entry.link.endswith(ks.get_children().first().url)


def test_the_decision_feed_leaves_out_confidential_paragraphs(client, place):
    minutes = factories.make_minutes(place["page"], place["board"], date(2026, 3, 2))
    factories.make_paragraph(minutes, 1, "Öppet", ["Beslutet är öppet."])
    factories.make_paragraph(minutes, 2, "Sekretess", ["Hemligt beslut."], is_confidential=True)
    titles = [entry.title for entry in feedparser.parse(client.get("/beslut.atom").content).entries]
    assert titles == ["KS 2026-03-02 § 1 Öppet"]


def test_the_decision_feed_refuses_an_unknown_municipality(client, place):
    response = client.get("/beslut.atom?kommun=ingenstans")
    assert response.status_code == 400
    assert "Okänd kommun: 'ingenstans'" in response.content.decode()


def test_an_assignment_feed_follows_its_progress_newest_first(client, place):
    minutes = factories.make_minutes(place["page"], place["board"], date(2026, 3, 2))
    paragraph = factories.make_paragraph(
        minutes, 12, "Feriearbete", ["Kommundirektören får i uppdrag att ta fram en plan."]
    )
    assignment = public_assignment(paragraph, completed_on=date(2026, 6, 1))
    response = client.get(f"/uppdrag/{assignment.pk}/handelser.atom")
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.bozo_exception
    assert feed.feed.title == "Uppdrag: Ta fram en plan"
    titles = [entry.title for entry in feed.entries]
    assert titles.index("Uppdraget slutfört") < titles.index("Uppdraget gavs")
    assert len({entry.id for entry in feed.entries}) == len(feed.entries)


def test_no_feed_for_an_assignment_from_a_confidential_paragraph(client, place):
    minutes = factories.make_minutes(place["page"], place["board"], date(2026, 3, 2))
    paragraph = factories.make_paragraph(
        minutes, 13, "Sekretess", ["Kommundirektören får i uppdrag att utreda."], is_confidential=True
    )
    assignment = public_assignment(paragraph)
    assert client.get(f"/uppdrag/{assignment.pk}/handelser.atom").status_code == 404


def test_a_motion_feed_lists_its_steps(client, place):
    motion = factories.make_motion(place["page"], place["council"], "Motion om cykelbanor", day=date(2026, 1, 20))
    MotionAction.objects.create(
        motion=motion,
        date=date(2026, 2, 3),
        classification=MotionAction.Classification.REFERRED,
        organization=place["board"],
    )
    feed = feedparser.parse(client.get(f"/dokument/{motion.pk}/handelser.atom").content)
    assert [entry.title for entry in feed.entries] == ["Remitterad (Kommunstyrelsen)", "Motion inlämnad"]
