"""Documents for the council's paper trail: a protokollsutdrag and the yearly follow-up report.

A protokollsutdrag (one § with the organ's header, the decision and the bestyrkande block)
is what a secretary sends to those a decision concerns; the follow-up report goes on the
council's agenda. Both are PDFs from ReportLab; the report is also a Word document
(python-docx) because secretaries edit it before it is sent out.
"""

from __future__ import annotations

import io
from datetime import date
from xml.sax.saxutils import escape

from docx import Document
from docx.shared import Pt
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from governance.models import MinutesParagraphPage

from .followup import FollowUp

#: Characters outside the PDF standard fonts' encoding, written as their nearest equivalent.
_PLAIN = str.maketrans({"→": "->", "≥": ">=", "≤": "<=", "\u00a0": " "})


def _text(value: object) -> str:
    """Text safe for ReportLab's mini-markup and its standard fonts (cp1252)."""
    plain = str(value or "").translate(_PLAIN)
    return escape(plain.encode("cp1252", "replace").decode("cp1252"))


def _styles():
    sheet = getSampleStyleSheet()
    return {
        "header": ParagraphStyle("header", parent=sheet["Normal"], fontSize=9, textColor="#444444"),
        "title": ParagraphStyle("title", parent=sheet["Title"], fontSize=16, alignment=0, spaceAfter=6),
        "heading": ParagraphStyle("heading", parent=sheet["Heading2"], fontSize=12, spaceBefore=10),
        "body": ParagraphStyle("body", parent=sheet["BodyText"], fontSize=10, leading=13),
        "small": ParagraphStyle("small", parent=sheet["BodyText"], fontSize=8, leading=10),
    }


def _pdf(story: list, title: str) -> bytes:
    buffer = io.BytesIO()
    document = SimpleDocTemplate(
        buffer, pagesize=A4, title=title, author="Beslutsspår", leftMargin=20 * mm, rightMargin=20 * mm
    )
    document.build(story)
    return buffer.getvalue()


def extract_pdf(paragraph: MinutesParagraphPage, today: date) -> bytes:
    """A protokollsutdrag of one §: header, decision, justering and the bestyrkande block."""
    styles = _styles()
    minutes = paragraph.minutes
    organization = minutes.organization
    municipality = minutes.municipality
    story = [
        Paragraph(_text(f"{municipality.official_name or municipality.name} · {organization.name}"), styles["header"]),
        Paragraph("PROTOKOLLSUTDRAG", styles["header"]),
        Spacer(1, 4 * mm),
        Paragraph(_text(f"Sammanträdesdatum {minutes.date:%Y-%m-%d}"), styles["body"]),
        Paragraph(_text(f"§ {paragraph.number} {paragraph.title}"), styles["title"]),
    ]
    if paragraph.case_id:
        story.append(Paragraph(_text(f"Diarienummer {paragraph.case.case_number}"), styles["body"]))
    decisions = [decision.text for decision in paragraph.decisions.all()]
    if decisions:
        story.append(Paragraph(_text(f"{organization.name}s beslut"), styles["heading"]))
        story += [Paragraph(_text(text), styles["body"]) for text in decisions]
    if paragraph.summary:
        story += [Paragraph("Sammanfattning", styles["heading"]), Paragraph(_text(paragraph.summary), styles["body"])]
    if paragraph.reservations:
        story += [
            Paragraph("Reservationer", styles["heading"]),
            Paragraph(_text(paragraph.reservations), styles["body"]),
        ]

    dates = minutes.statutory_dates
    rows = [["Justerat", f"{minutes.adjusted_on:%Y-%m-%d}" if minutes.adjusted_on else "ej justerat"]]
    if minutes.posted_on:
        rows.append(["Anslaget", f"{minutes.posted_on:%Y-%m-%d}"])
    if dates and dates.appeal:
        rows.append(["Överklagandetiden går ut", f"{dates.appeal.due:%Y-%m-%d} ({dates.appeal.law})"])
    story += [Paragraph("Justering och anslag", styles["heading"]), _grid(rows)]
    story += [
        Paragraph("Utdragsbestyrkande", styles["heading"]),
        Paragraph("Utdraget överensstämmer med originalprotokollet.", styles["body"]),
        Spacer(1, 10 * mm),
        _grid([["Ort och datum", f"{municipality.name} {today:%Y-%m-%d}"], ["Bestyrkes av", ""]]),
    ]
    return _pdf(story, f"Protokollsutdrag {organization.name} {minutes.date:%Y-%m-%d} § {paragraph.number}")


def _grid(rows: list[list[str]], widths=(55 * mm, 110 * mm)) -> Table:
    table = Table([[_text(cell) for cell in row] for row in rows], colWidths=list(widths))
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), "Helvetica", 9),
                ("LINEBELOW", (0, 0), (-1, -1), 0.25, "#999999"),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]
        )
    )
    return table


def _report_title(report: FollowUp) -> str:
    organ = report.organization.name if report.organization else "Alla organ"
    return f"Uppföljning av uppdrag – {organ}, {report.period}"


def follow_up_pdf(report: FollowUp) -> bytes:
    styles = _styles()
    story = [
        Paragraph(_text(_report_title(report)), styles["title"]),
        Paragraph(_text(f"Status per {report.as_of:%Y-%m-%d}. {report.total} uppdrag."), styles["body"]),
    ]
    for label, rows in report.groups:
        story.append(Paragraph(_text(f"{label} ({len(rows)})"), styles["heading"]))
        data = [["Uppdrag", "Beslut", "Förfaller", "Återrapporterat och beslutat"]]
        for row in rows:
            assignment = row.assignment
            data.append(
                [
                    Paragraph(_text(assignment.title), styles["small"]),
                    Paragraph(_text(row.source or f"{assignment.decided_on:%Y-%m-%d}"), styles["small"]),
                    Paragraph(
                        _text(f"{assignment.due_date:%Y-%m-%d}" if assignment.due_date else "–"), styles["small"]
                    ),
                    Paragraph(_text("; ".join(row.reported) or "–"), styles["small"]),
                ]
            )
        table = Table(data, colWidths=[55 * mm, 35 * mm, 22 * mm, 58 * mm], repeatRows=1)
        table.setStyle(
            TableStyle(
                [
                    ("FONT", (0, 0), (-1, 0), "Helvetica-Bold", 8),
                    ("LINEBELOW", (0, 0), (-1, -1), 0.25, "#999999"),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ]
            )
        )
        story.append(table)
    if not report.groups:
        story.append(Paragraph("Inga uppdrag under perioden.", styles["body"]))
    return _pdf(story, _report_title(report))


def follow_up_docx(report: FollowUp) -> bytes:
    document = Document()
    document.core_properties.title = _report_title(report)
    document.styles["Normal"].font.size = Pt(10)
    document.add_heading(_report_title(report), level=1)
    document.add_paragraph(f"Status per {report.as_of:%Y-%m-%d}. {report.total} uppdrag.")
    for label, rows in report.groups:
        document.add_heading(f"{label} ({len(rows)})", level=2)
        table = document.add_table(rows=1, cols=4)
        table.style = "Table Grid"
        for cell, text in zip(
            table.rows[0].cells, ["Uppdrag", "Beslut", "Förfaller", "Återrapporterat och beslutat"], strict=True
        ):
            cell.text = text
        for row in rows:
            assignment = row.assignment
            cells = table.add_row().cells
            cells[0].text = assignment.title
            cells[1].text = row.source or f"{assignment.decided_on:%Y-%m-%d}"
            cells[2].text = f"{assignment.due_date:%Y-%m-%d}" if assignment.due_date else "–"
            cells[3].text = "\n".join(row.reported) or "–"
    if not report.groups:
        document.add_paragraph("Inga uppdrag under perioden.")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
