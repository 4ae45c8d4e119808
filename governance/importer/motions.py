"""Parse a motion: title, diarienummer, movers with party and role, filing, background, proposal, att-satser."""

import re

from . import swedish
from .headings import SENTENCE_END, TITLE_CONNECTORS
from .municipalities import find_municipality
from .organs import find_organ, normalise_organ
from .own_case_number import find_own_case_number, without_case_number
from .party_movers import party_movers
from .people import named_with_party, signatures
from .sections import body_text, split_sections

YRKAR = re.compile(r"\byrkar\b[^\n]*:?\s*$", re.IGNORECASE | re.MULTILINE)
#: Where the proposals start when there is no "yrkar" line.
PROPOSES = re.compile(
    r"(?:\bföreslår\b[^\n]{0,60}:\s*$|^\s*Förslag till beslut\b[^\n]*$)", re.IGNORECASE | re.MULTILINE
)
ATT_SATS = re.compile(r"^\s*(?:[-•–●]\s*)?att\s+\S", re.IGNORECASE)
NUMBERED = re.compile(r"^\s*(?:\d{1,2}[.)]|[•●])\s+\S")
PARTY_NAME = re.compile(r"\b(" + "|".join(swedish.NATIONAL_PARTIES) + r")\b", re.IGNORECASE)
_PERSON = r"[A-ZÅÄÖÉ][a-zåäöéü]+(?:-[A-ZÅÄÖÉ][a-zåäöéü]+)?"
#: "Jan-Erik Wallin Kommunstyrelsens ordförande (M)", "Lady Mulumba gruppledare (KD)"
NAME_ROLE_PARTY = re.compile(
    rf"^\s*(?P<name>{_PERSON}(?: {_PERSON}){{1,2}})\s+(?P<role>[^()]{{3,60}}?)\s*\((?P<party>[A-ZÅÄÖ]{{1,3}})\)\s*$"
)
NAMES_ONLY = re.compile(rf"^\s*{_PERSON}(?: {_PERSON})+\s*$")
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


def _last(pattern, text):
    matches = list(pattern.finditer(text))
    return matches[-1] if matches else None


def signed_movers(lines):
    """Movers from the signature block: "Name role (P)", "För Socialdemokraterna" over names,
    or a name over its party's name ("Amanda Andersson / Miljöpartiet de gröna")."""
    tail = [line.strip() for line in lines if line.strip()][-8:]
    movers = []
    for line in tail:
        match = NAME_ROLE_PARTY.match(line)
        if match:
            name, role = match.group("name").split(), match.group("role")
            if len(name) == 3 and name[-1].endswith("s") and role[:1].islower():
                role = f"{name.pop()} {role}"  # "Wallin Kommunstyrelsens ordförande": the genitive opens the role
            movers.append({"name": " ".join(name), "party": match.group("party"), "role": role})
    if movers:
        return movers
    for index, line in enumerate(tail):
        party = PARTY_NAME.search(line)
        if not party or len(line) > 60:
            continue
        abbreviation = swedish.NATIONAL_PARTIES[party.group(1).lower()]
        if re.match(r"^\s*(?:För|för)\s", line):
            for names in tail[index + 1 :]:
                words = names.split()
                if not NAMES_ONLY.match(names) or len(words) % 2:
                    break
                movers += [
                    {"name": " ".join(words[i : i + 2]), "party": abbreviation, "role": ""}
                    for i in range(0, len(words), 2)
                ]
        elif index and NAMES_ONLY.match(tail[index - 1]) and len(tail[index - 1].split()) <= 4:
            movers.append({"name": tail[index - 1], "party": abbreviation, "role": ""})
    return movers


def att_satser(text):
    """Each "att …" clause after the "yrkar" line, continuation lines joined."""
    match = YRKAR.search(text) or _last(PROPOSES, text)
    if not match:
        return []
    clauses = []
    for line in text[match.end() :].split("\n"):
        stripped = line.strip()
        if ATT_SATS.match(stripped) or NUMBERED.match(stripped):
            clauses.append([re.sub(r"^(?:[-•–●]|\d{1,2}[.)])\s*", "", stripped)])
        elif clauses and clauses[-1][-1].endswith(".") and stripped[:1].isupper():
            break  # a finished clause followed by a new sentence or the signature
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


#: How many lines a wrapped title may run on to.
TITLE_LINES = 3


def _title(lines):
    """The line that opens with "Motion" (else the first line), with the lines it wraps onto.

    A title wraps when the next line goes on in lower case ("Nämndinitiativ om att utreda en
    årlig" | "yrkesmässa i Alingsås") or the title stops at a connecting word ("… stöd till" |
    "Ukrainas folk"); a blank line, a finished sentence or a dated line ends it.
    """
    nonblank = [index for index, line in enumerate(lines) if line.strip()]
    if not nonblank:
        return ""
    start = next(
        (
            index
            for index in nonblank
            if re.match(r"^Motion\b", lines[index].strip(), re.IGNORECASE) and len(lines[index]) < 200
        ),
        nonblank[0],
    )
    title_lines = [lines[start].strip()]
    for line in lines[start + 1 : start + TITLE_LINES]:
        following, last = line.strip(), title_lines[-1]
        if not following or last.endswith(SENTENCE_END) or swedish.first_date(following):
            break
        if not (following[:1].islower() or last.endswith(TITLE_CONNECTORS)):
            break
        title_lines.append(following)
    return swedish.join_lines(title_lines)


def parse_motion(text):
    lines = text.split("\n")
    title = _title(lines)
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
    movers = signed_movers(lines) or [s for s in signatures(signature_lines, require_party=True)]
    if not movers:
        movers = [dict(person, role="") for person in named_with_party(text)]
    if not movers:
        movers = party_movers(text)
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
    case_number = find_own_case_number(lines)
    return {
        "kind": "motion",
        "title": without_case_number(title, case_number),
        "municipality": municipality,
        "organization": organ,
        "date": filed_date,
        "case_number": case_number,
        "movers": movers,
        "background": background,
        "proposal": proposal,
        "att_satser": att_satser(text),
        "place_and_date_text": place_date.group(0).strip() if place_date else "",
    }
