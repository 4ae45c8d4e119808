"""Protokollsutdrag and the follow-up report, read back as text from the PDF and the Word file."""

import io
from datetime import date, timedelta

import pypdfium2
import pytest
from docx import Document

from governance.models import Assignment, AssignmentNote
from tests import factories


def pdf_text(content: bytes) -> str:
    document = pypdfium2.PdfDocument(content)
    return "\n".join(page.get_textpage().get_text_range() for page in document)


@pytest.fixture
def decided(home_page):
    municipality = factories.make_municipality("Eksjö")
    page = factories.make_municipality_page(home_page, municipality)
    board = factories.make_organization(municipality, "Kommunstyrelsen", "executive", abbreviation="KS")
    minutes = factories.make_minutes(
        page, board, date(2025, 3, 3), adjusted_on=date(2025, 3, 10), posted_on=date(2025, 3, 11)
    )
    case = factories.make_case(municipality, "KS 2025/12")
    paragraph = factories.make_paragraph(
        minutes,
        12,
        "Feriearbete för unga",
        ["Kommundirektören får i uppdrag att ta fram en plan för feriearbete."],
        case=case,
    )
    secret = factories.make_paragraph(minutes, 13, "Personalärende", ["Hemligt beslut."], is_confidential=True)
    today = date.today()
    late = Assignment.objects.create(
        municipality=municipality,
        title="Plan för feriearbete",
        task="Ta fram en plan.",
        decision=paragraph.decisions.first(),
        decided_on=today - timedelta(days=200),
        due_date=today - timedelta(days=10),
        report_to=board,
    )
    AssignmentNote.objects.create(assignment=late, written_on=today - timedelta(days=30), text="Utkast klart")
    Assignment.objects.create(
        municipality=municipality,
        title="Utredning klar",
        task="Utreda.",
        decision=paragraph.decisions.first(),
        decided_on=today - timedelta(days=100),
        due_date=today + timedelta(days=100),
        report_to=board,
        completed_on=today - timedelta(days=5),
    )
    Assignment.objects.create(
        municipality=municipality,
        title="Hemligt uppdrag",
        task="Utreda.",
        decision=secret.decisions.first(),
        decided_on=today - timedelta(days=100),
        report_to=board,
    )
    return {"paragraph": paragraph, "secret": secret, "board": board}


def test_a_protokollsutdrag_carries_header_decision_justering_and_bestyrkande(client, decided):
    response = client.get(f"/paragraf/{decided['paragraph'].pk}/utdrag.pdf")
    assert response["Content-Type"] == "application/pdf"
    text = pdf_text(response.content)
    for expected in (
        "Kommunstyrelsen",
        "PROTOKOLLSUTDRAG",
        "Sammanträdesdatum 2025-03-03",
        "§ 12 Feriearbete för unga",
        "Diarienummer KS 2025/12",
        "får i uppdrag att ta fram en plan",
        "Justerat",
        "2025-03-10",
        "Anslaget",
        "2025-03-11",
        "2025-04-01",
        "Utdragsbestyrkande",
    ):
        assert expected in text, expected


def test_no_protokollsutdrag_of_a_confidential_paragraph(client, decided):
    assert client.get(f"/paragraf/{decided['secret'].pk}/utdrag.pdf").status_code == 404


def test_the_follow_up_report_groups_assignments_by_status_in_pdf_and_word(client, decided):
    query = {
        "organ": decided["board"].pk,
        "fran": f"{date.today().year - 1}-01-01",
        "till": f"{date.today().year}-12-31",
    }
    pdf = pdf_text(client.get("/uppfoljning/rapport.pdf", query).content)
    assert "Uppföljning av uppdrag – Kommunstyrelsen" in pdf
    assert (
        pdf.index("Försenat (1)")
        < pdf.index("Plan för feriearbete")
        < pdf.index("Slutfört (1)")
        < pdf.index("Utredning klar")
    )
    assert "Utkast klart" in pdf and "Hemligt" not in pdf

    word = Document(io.BytesIO(client.get("/uppfoljning/rapport.docx", query).content))
    headings = [p.text for p in word.paragraphs if p.style.name.startswith("Heading")]
    assert headings[1:] == ["Försenat (1)", "Slutfört (1)"]
    cells = [cell.text for table in word.tables for row in table.rows for cell in row.cells]
    assert "Plan för feriearbete" in cells and "Hemligt uppdrag" not in cells


def test_a_bad_period_is_refused_in_swedish(client, decided):
    response = client.get("/uppfoljning/rapport.pdf", {"fran": "2025-13-01"})
    assert response.status_code == 400 and "Ogiltigt datum" in response.content.decode()


def test_the_follow_up_page_shows_each_chart_with_the_same_numbers_in_a_table(client, decided):
    html = client.get("/uppfoljning/", {"organ": decided["board"].pk}).content.decode()
    assert html.count("<svg") == 3 and html.count('<table class="chart-table">') == 3
    assert "<title>Försenat: 1</title>" in html  # the bar
    assert '<th scope="row">Kommunstyrelsen</th><td>1</td>' in html  # the table row: one overdue first
    assert "Hemligt" not in html
