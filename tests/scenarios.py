"""Small worlds that several test modules read the same way.

A scenario builds what a whole page or journey needs, so the server-rendered tests and the
browser tests look at the same data instead of two copies drifting apart.
"""

from datetime import date, time, timedelta

from governance.models import Assignment, Membership, MotionAction, Post
from tests import factories


def make_followed_matter(home) -> dict:
    """A small council with one matter followed through a motion, a § and an overdue assignment.

    Beside it, a confidential § of the same case and meeting that no public page may show.
    """
    municipality = factories.make_municipality("Eksjö")
    page = factories.make_municipality_page(home, municipality)
    council = factories.make_organization(municipality, "Kommunfullmäktige", "council", abbreviation="KF")
    board = factories.make_organization(municipality, "Kommunstyrelsen", "executive", abbreviation="KS", parent=council)
    anna = factories.make_person(municipality, "Anna Andersson", party=factories.make_party())
    chair = Post.objects.create(organization=board, label="Ordförande", kind="elected")
    Membership.objects.create(person=anna, organization=board, post=chair, role=Membership.Role.CHAIR)
    case = factories.make_case(municipality, "KS 2025/12", title="Cykelbanor i centrum")
    motion = factories.make_motion(
        page, council, "Motion om cykelbanor", day=date(2025, 1, 20), movers=[(anna, "")], case=case
    )
    MotionAction.objects.create(
        motion=motion, date=date(2025, 2, 3), classification=MotionAction.Classification.REFERRED, organization=board
    )
    meeting = factories.make_meeting(board, date(2025, 3, 3), start_time=time(13, 0), location="Stadshuset")
    factories.make_meeting(board, date.today() + timedelta(days=14))
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
    factories.make_paragraph(
        minutes,
        13,
        "Personalärende",
        ["Hemligt."],
        case=case,
        is_confidential=True,
        secrecy_provision="OSL 39 kap. 3 §",
    )
    today = date.today()
    Assignment.objects.create(
        municipality=municipality,
        title="Bygga cykelbana",
        task="Bygga en cykelbana.",
        decision=paragraph.decisions.first(),
        decided_on=today - timedelta(days=120),
        due_date=today - timedelta(days=5),
        report_to=board,
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
