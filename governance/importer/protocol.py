"""A protokoll (or an extract of one) as a minutes record: paragraphs, decisions, assignments."""

import re

from .assignments import find_in_paragraph
from .minutes import looks_cut_off, missing_declared_paragraphs, parse_minutes

EXTRACT_MARK = re.compile(r"Protokollsutdrag|PROTOKOLLSUTDRAG|Utdrag ur protokoll|Utdragsbestyrkande")
PROPOSAL_BLOCK = re.compile(r"^Förslag (?:läggs|ges)\b")


def _move_proposals_out_of_summary(paragraph):
    """Some protokoll put the proposal in the summary as "Förslag läggs om …"."""
    if paragraph["proposal"] or "Förslag " not in paragraph["summary"]:
        return
    blocks = paragraph["summary"].split("\n\n")
    proposals = [block for block in blocks if PROPOSAL_BLOCK.match(block)]
    if proposals:
        paragraph["proposal"] = "\n\n".join(proposals)
        paragraph["summary"] = "\n\n".join(block for block in blocks if block not in proposals)


def _item_index(items, text):
    """Which of the parser's decision items (whitespace collapsed) holds an assignment's decided point, if any."""
    probe = " ".join(text.split())[:60]
    for index, item in enumerate(items):
        if probe and probe in item:
            return index
    return None


def _assignments(paragraph, meeting_date, resolve_organ):
    """Assignments given and earlier assignments reported on or completed (see `assignments`)."""
    assignments, events = find_in_paragraph(
        paragraph["_text"], paragraph["title"], meeting_date, resolve_organ, paragraph["decisions"]
    )
    items = [" ".join(item.split()) for item in paragraph["decisions"]] if assignments else []
    for found in assignments:
        found["decision"] = _item_index(items, found.pop("item_text"))
    paragraph["assignments"] = assignments
    paragraph["fulfilments"] = [event.as_dict() for event in events]


def parse_protocol(text, resolve_organ=None):
    """(fields of a MinutesRecord, errors, warnings) for a protokoll's text."""
    head, paragraphs = parse_minutes(text)
    if resolve_organ is not None and getattr(resolve_organ, "municipality", "") is None:
        # A resolver waiting for the municipality learns it from the head just read.
        resolve_organ.municipality = head["municipality"]
    for paragraph in paragraphs:
        _move_proposals_out_of_summary(paragraph)
        _assignments(paragraph, head["date"], resolve_organ)
    cut = looks_cut_off(paragraphs, head["body_tail"]) or missing_declared_paragraphs(head["head_lines"], paragraphs)
    organization = head["organization"]
    fields = {
        "kind": "minutes",
        "title": f"{organization or 'Protokoll'} {head['date'].isoformat() if head['date'] else ''}".strip(),
        "municipality": head["municipality"],
        "organization": organization,
        "organization_abbreviation": head["organization_abbreviation"],
        "date": head["date"],
        "is_extract": len(paragraphs) <= 3
        and bool(EXTRACT_MARK.search("\n".join(head["head_lines"][:15])) or re.search(r"\d+ ?\(\d+\)", text)),
        "case_number": None,
        "paragraphs": paragraphs,
    }
    return fields, ([cut] if cut else []), head["warnings"]
