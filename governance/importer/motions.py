"""Parse a motion: title, movers with party and role, filing, background, proposal, att-satser."""

import re

from . import swedish
from .municipalities import find_municipality
from .organs import find_organ, normalise_organ
from .people import named_with_party, signatures
from .sections import body_text, split_sections

YRKAR = re.compile(r"\byrkar\b[^\n]*:?\s*$", re.IGNORECASE | re.MULTILINE)
ATT_SATS = re.compile(r"^\s*(?:[-•–]\s*)?att\s+\S", re.IGNORECASE)
FILED = re.compile(
    r"(?:lämnades in|inlämnad|väckt|väcktes|inkom)[^.]{0,40}?(?:till\s+)?"
    r"(?P<organ>kommunfullmäktige\w*|kommunstyrelse\w*)"
    r"[^.]{0,40}?(?:den\s+)?(?P<date>\d{1,2} (?:" + swedish.MONTH_PATTERN + r")(?: \d{4})?|\d{4}-\d{2}-\d{2})",
    re.IGNORECASE,
)
BACKGROUND = {"bakgrund", "inledning", "motivering"}
PROPOSAL = {"förslaget", "förslag", "vårt förslag", "mitt förslag"}


def _year_hint(text):
    years = re.findall(r"\b(?:19|20)\d{2}\b", text)
    return int(years[-1]) if years else None


def _resolve_date(value, text):
    parsed = swedish.parse_iso(value) or swedish.parse_written(value)
    if parsed:
        return parsed
    match = re.match(r"(\d{1,2}) (\w+)", value)
    year = _year_hint(text)
    if match and year and match.group(2).lower() in swedish.MONTHS:
        from datetime import date

        return date(year, swedish.MONTHS[match.group(2).lower()], int(match.group(1)))
    return None


def att_satser(text):
    """Each "att …" clause after the "yrkar" line, continuation lines joined."""
    match = YRKAR.search(text)
    if not match:
        return []
    clauses = []
    for line in text[match.end() :].split("\n"):
        stripped = line.strip()
        if ATT_SATS.match(stripped):
            clauses.append([re.sub(r"^[-•–]\s*", "", stripped)])
        elif stripped and clauses and not re.match(r"^[A-ZÅÄÖ][\wåäö]+, ", stripped) and len(clauses[-1]) < 6:
            if re.match(r"^(?:[A-ZÅÄÖ][a-zåäö]+ ){1,3}\(", stripped):
                break
            clauses[-1].append(stripped)
        elif not stripped and clauses:
            continue
        elif clauses:
            break
    return [swedish.join_lines(clause).strip("’'\" ") for clause in clauses]


PLACE_DATE = re.compile(
    r"^(?P<place>[A-ZÅÄÖ][a-zåäö]+)(?:,| den)\s+(?P<when>[a-zåäö]+ \d{4}|\d{4}-\d{2}-\d{2}|\d{1,2} \w+ \d{4})\s*$",
    re.MULTILINE,
)
ADDRESSED_TO = re.compile(
    r"\b(?:till|i|inom)\s+(kommunfullmäktige|kommunstyrelsen|[a-zåäö]+(?:-\s?och\s[a-zåäö]+)?nämnden)\b", re.IGNORECASE
)


def _addressed_organ(head_lines):
    """The organ a motion or initiative is addressed to, from its title block."""
    organ = find_organ(head_lines)
    if organ:
        return organ
    for line in head_lines:
        match = ADDRESSED_TO.search(line)
        if match:
            return normalise_organ(match.group(1))
    return None


def parse_motion(text):
    lines = text.split("\n")
    title = next(
        (line.strip() for line in lines if re.match(r"^Motion\b", line.strip(), re.IGNORECASE) and len(line) < 200),
        next((line.strip() for line in lines if line.strip()), ""),
    )
    sections = split_sections(text)
    background = "\n\n".join(body_text(body) for heading, body in sections if heading.lower() in BACKGROUND)
    proposal_parts = []
    for heading, body in sections:
        if heading.lower() in PROPOSAL:
            proposal_parts.append(YRKAR.split(body)[0] if YRKAR.search(body) else body)
    proposal = "\n\n".join(body_text(part) for part in proposal_parts)
    proposal = re.sub(r"\n\n[^\n]*\byrkar\b[^\n]*$", "", proposal).strip()

    yrkar = YRKAR.search(text)
    signature_lines = lines[text[: yrkar.end()].count("\n") + 1 :] if yrkar else lines
    movers = [s for s in signatures(signature_lines, require_party=True)]
    if not movers:
        movers = [dict(person, role="") for person in named_with_party(text)]
    filed = FILED.search(text)
    filed_date = _resolve_date(filed.group("date"), text) if filed else None
    place_date = PLACE_DATE.search(text)
    head_lines = [line.strip() for line in lines if line.strip()][:8]
    if filed_date is None:
        # A date in the title block ("2025-09-24", "11 maj 2026") is the date of filing.
        filed_date = next((swedish.first_date(line) for line in head_lines if swedish.first_date(line)), None)
    if filed_date is None and place_date:
        filed_date = swedish.parse_iso(place_date.group("when")) or swedish.parse_written(place_date.group("when"))
    municipality = find_municipality(text) or (place_date.group("place") if place_date else None)
    organ = _addressed_organ(head_lines)
    if organ is None and filed:
        organ = (
            "Kommunfullmäktige" if filed.group("organ").lower().startswith("kommunfullmäktige") else "Kommunstyrelsen"
        )
    return {
        "kind": "motion",
        "title": title,
        "municipality": municipality,
        "organization": organ,
        "date": filed_date,
        "movers": movers,
        "background": background,
        "proposal": proposal,
        "att_satser": att_satser(text),
        "place_and_date_text": place_date.group(0).strip() if place_date else "",
    }
