"""Parse a protokoll (or an extract of one) into its numbered paragraphs.

Layouts differ between municipalities, so the parser keys on what every Swedish
protokoll shares: a head naming the organ and the meeting date, paragraphs opened by
"§ N" on a line of their own (often with the diarienummer), a title, and headed sections
("Beslut", "Sammanfattning", "Yrkanden", "Reservation" …).
"""

import re

from . import swedish
from .furniture import strip_furniture
from .reading import ImportProblem

PARAGRAPH_START = re.compile(r"^§\s?(\d{1,4})(?![\d.,])\s*(?P<rest>.*)$")
CASE_NUMBER = re.compile(
    r"(?:Ärendenummer|Ärendenr\.?|Ärende nr\.?|Diarienummer|Diarienr\.?|Dnr\.?)\s*:?\s*"
    r"(?P<number>[A-ZÅÄÖ0-9][\wÅÄÖåäö./:\- ]{2,40}?)\s*$",
    re.IGNORECASE,
)

#: Section headings, normalised to the field they fill.
SECTION_HEADINGS = {
    "beslut": "decision",
    "beslutet": "decision",
    "förslag till beslut": "proposal",
    "förslag till beslut på sammanträdet": "proposal",
    "förslag": "proposal",
    "sammanfattning": "summary",
    "sammanfattning av ärendet": "summary",
    "ärendet": "summary",
    "ärendebeskrivning": "summary",
    "bakgrund": "summary",
    "beskrivning av ärendet": "summary",
    "handlingar": "documents",
    "handling": "documents",
    "beslutsunderlag": "documents",
    "yrkanden": "motions",
    "yrkande": "motions",
    "propositionsordning": "procedure",
    "proposition": "procedure",
    "beslutsgång": "procedure",
    "omröstning": "votes",
    "omröstningsresultat": "votes",
    "votering": "votes",
    "reservation": "reservations",
    "reservationer": "reservations",
    "protokollsanteckning": "notes",
    "protokollsanteckningar": "notes",
    "särskilt yttrande": "notes",
    "särskilda yttranden": "notes",
    "tidigare behandling": "history",
    "justering": "other",
    "protokollsutdrag skickas till": "distribution",
    "beslutet skickas till": "distribution",
    "expediering": "distribution",
    "skickas till": "distribution",
    "jäv": "other",
    "föredragning": "summary",
    "överläggning": "procedure",
}
DECISION_HEADING = re.compile(r"^[A-ZÅÄÖ][\wåäö ]{0,60}s beslut$")  # "Kommunstyrelsens beslut"
ITEM_START = re.compile(r"^(?:[-•–*]\s+|\d{1,2}[.)]\s+|[a-h][.)]\s+)")
PRESENTER = re.compile(r"(?P<who>[^.]{3,120}?),?\s+föredrar\b")
HEAD_DATE = re.compile(r"(?:Sammanträdesdatum|Mötesdatum|Datum|Sammanträdesdag)\s*:?\s*", re.I)


def _clean_case_number(value):
    """Whitespace collapsed; a publisher's meaningless ":-1" item suffix dropped."""
    value = " ".join(value.split())
    return re.sub(r":-1$", "", value)


def _heading_key(line):
    """The field a heading line opens, or None; headings are short, so long lines exit early."""
    if len(line) > 72:
        return None
    stripped = line.strip().rstrip(":").strip()
    if not stripped:
        return None
    normalized = stripped.lower()
    key = SECTION_HEADINGS.get(normalized)
    if key:
        return key
    if normalized.endswith("s beslut") and DECISION_HEADING.match(stripped):
        return "decision"
    return None


def parse_head(lines):
    """Organ, date and municipality from the document head (the lines before the first §)."""
    nonblank = [line.strip() for line in lines if line.strip()]
    head_text = "\n".join(nonblank)
    meeting_date = None
    for index, line in enumerate(nonblank):
        if HEAD_DATE.match(line):
            meeting_date = swedish.parse_iso(line) or swedish.parse_written(line)
            if meeting_date is None and index + 1 < len(nonblank):
                meeting_date = swedish.parse_iso(nonblank[index + 1])
            if meeting_date:
                break
    if meeting_date is None:
        meeting_date = swedish.first_date(head_text)
    organization = None
    abbreviation = ""
    for index, line in enumerate(nonblank):
        if re.search(
            r"(fullmäktige|styrelse|nämnd|utskott|beredning|styrelsens|nämnden)", line, re.I
        ) and not HEAD_DATE.match(line):
            organization = line.rstrip(":")
            following = nonblank[index + 1] if index + 1 < len(nonblank) else ""
            inline = re.search(r"\(([A-ZÅÄÖ]{2,8})\)", organization)
            if inline:
                abbreviation = inline.group(1)
                organization = organization[: inline.start()].strip()
            elif re.fullmatch(r"\(([A-ZÅÄÖ]{2,8})\)", following):
                abbreviation = following.strip("()")
            break
    return {
        "organization": organization,
        "organization_abbreviation": abbreviation,
        "date": meeting_date,
        "municipality": swedish.find_municipality(head_text),
        "head_lines": nonblank,
    }


def split_paragraphs(lines):
    """Indexes of the lines that open a § paragraph.

    A "§ 924." inside running text (a reference broken onto its own line) is not a new
    paragraph: the opener stands after a blank line, has no trailing full stop, and its
    number does not go backwards.
    """
    starts = []
    last_number = -1
    for index, line in enumerate(lines):
        if "§" not in line[:3]:
            continue
        match = PARAGRAPH_START.match(line.strip())
        if not match:
            continue
        previous = lines[index - 1].strip() if index else ""
        # PDF text layers often lose blank lines; a line that ends a sentence or a short
        # header line before the opener is as good a boundary.
        previous_blank = not previous or previous.endswith((".", ":", "!", "?")) or len(previous) < 60
        rest = match.group("rest")
        if rest and not (rest[0].isupper() or CASE_NUMBER.match(rest) or rest[0].isdigit()):
            continue
        number = int(match.group(1))
        if not previous_blank or number <= last_number:
            continue
        starts.append(index)
        last_number = number
    return starts


def _first_opener(lines):
    """Index of the first line that opens a § paragraph, or None."""
    for index, line in enumerate(lines):
        if line.startswith("§") or line.lstrip().startswith("§"):
            if split_paragraphs(lines[max(0, index - 1) : index + 1]):
                return index
    return None


def decision_items(lines):
    """Each bullet or numbered point under "Beslut" is one item; plain text splits on blank lines.

    A lead-in ending in a colon ("Enligt stadsledningskontorets förslag:") is kept apart as
    the basis of the decision, not counted as an item.
    """
    blocks = []
    current = []
    for line in lines:
        stripped = line.strip()
        if not stripped:
            if current:
                blocks.append(current)
                current = []
            continue
        if ITEM_START.match(stripped) and current:
            blocks.append(current)
            current = []
        current.append(stripped)
    if current:
        blocks.append(current)
    basis = []
    if blocks:
        # A lead-in ending in a colon within the first lines of the first block
        # ("Enligt stadsledningskontorets förslag:") is the basis, not an item.
        first = blocks[0]
        for position, line in enumerate(first[:4]):
            if line.endswith(":") and not ITEM_START.match(line):
                basis.append(swedish.join_lines(first[: position + 1]))
                blocks[0] = first[position + 1 :]
                break
        blocks = [block for block in blocks if block]
    items = [swedish.join_lines(block) for block in blocks]
    while items and items[0].endswith(":") and len(items) > 1:
        basis.append(items.pop(0))
    cleaned = [ITEM_START.sub("", item, count=1) if ITEM_START.match(item) else item for item in items]
    return basis, [item for item in cleaned if item]


def classify_decision(items, basis="", procedure=""):
    """A coarse class of the decision, as publishers tag it.

    bordläggning (tabled), avslag (a motion or proposal rejected), tillstyrkan_kf (a
    proposal to kommunfullmäktige), bifall (a yrkande or proposal carried after
    propositions), beslut (anything else).
    """
    decided = " ".join(items).lower()
    lead = basis.lower()
    if not decided and not lead:
        return None
    if re.search(r"\bbordläggs\b|\bbordlägga\b", decided + " " + lead):
        return "bordläggning"
    if re.search(
        r"\b(?:motionen|motionerna|yrkandet|förslaget|ansökan|hemställan)\b[^.]{0,40}\bavslås\b",
        decided,
    ) or decided.startswith("avslås"):
        return "avslag"
    if re.search(r"föreslår (?:att )?kommunfullmäktige|tillstyrker", lead):
        return "tillstyrkan_kf"
    if re.search(r"\bbifallits\b|\bbifalla[rt]?\b", procedure.lower()):
        return "bifall"
    return "beslut"


def parse_paragraph(lines):
    opener = PARAGRAPH_START.match(lines[0].strip())
    number = int(opener.group(1))
    rest = opener.group("rest").strip()
    case_number = None
    title_lines = []
    case_in_opener = CASE_NUMBER.search(rest)
    if case_in_opener:
        case_number = _clean_case_number(case_in_opener.group("number"))
        rest = rest[: case_in_opener.start()].strip()
    if rest:
        title_lines.append(rest)

    sections = {}
    current = None
    # Title: the lines after the opener up to the first heading; in layouts without
    # headings, up to the first blank line after some title text.
    body_start = len(lines)
    for index in range(1, len(lines)):
        line = lines[index].strip()
        if _heading_key(line):
            body_start = index
            break
        case_line = CASE_NUMBER.match(line)
        if case_line and not case_number:
            case_number = _clean_case_number(case_line.group("number"))
            continue
        if not line:
            upcoming = next((ln for ln in lines[index + 1 :] if ln.strip()), "")
            if title_lines and not _heading_key(upcoming):
                body_start = index + 1
                break
            continue
        if len(title_lines) >= 4:
            body_start = index
            break
        title_lines.append(line)

    preamble = []
    for line in lines[body_start:]:
        key = _heading_key(line)
        if key:
            current = key
            sections.setdefault(current, [])
            continue
        (sections[current] if current else preamble).append(line)

    basis, decisions = decision_items(sections.get("decision", []))
    summary_text = "\n".join(sections.get("summary", []) + preamble)
    presenter = ""
    summary_paragraphs = swedish.paragraphs(summary_text)
    for paragraph in summary_paragraphs:
        match = PRESENTER.search(paragraph) if "föredrar" in paragraph else None
        if match:
            presenter = match.group("who").strip()
            break
    reservations = [p for p in swedish.paragraphs("\n".join(sections.get("reservations", []))) if p]
    return {
        "number": number,
        "title": swedish.join_lines(title_lines),
        "case_number": case_number,
        "decision_basis": " ".join(basis),
        "decisions": decisions,
        "decision_class": classify_decision(decisions, " ".join(basis), "\n".join(sections.get("procedure", []))),
        "proposal": "\n\n".join(swedish.paragraphs("\n".join(sections.get("proposal", [])))),
        "summary": "\n\n".join(summary_paragraphs),
        "presenter": presenter,
        "motions": swedish.paragraphs("\n".join(sections.get("motions", []))),
        "procedure": "\n\n".join(swedish.paragraphs("\n".join(sections.get("procedure", [])))),
        "votes": "\n\n".join(swedish.paragraphs("\n".join(sections.get("votes", [])))),
        "reservations": reservations,
        "notes": "\n\n".join(swedish.paragraphs("\n".join(sections.get("notes", [])))),
        "has_decision_section": "decision" in sections,
        "_text": "\n".join(lines),  # the raw §, for readers that find their own structure
    }


def parse_minutes(text):
    """The head and the paragraphs of a protokoll; raises ImportProblem when there are none."""
    raw_lines = text.split("\n")
    first = _first_opener(raw_lines)
    if first is None:
        raise ImportProblem("inga paragrafer (§) hittades i protokollet.")
    head = parse_head(raw_lines[:first])
    names = [head["organization"], head["organization_abbreviation"]]
    names += [line for line in head["head_lines"] if len(line) < 60]
    body = strip_furniture("\n".join(raw_lines[first:]), names)
    lines = body.split("\n")
    starts = split_paragraphs(lines)
    head["body_tail"] = body[-400:]
    paragraphs = []
    for position, start in enumerate(starts):
        end = starts[position + 1] if position + 1 < len(starts) else len(lines)
        paragraphs.append(parse_paragraph(lines[start:end]))
    return head, paragraphs


def looks_cut_off(paragraphs, text):
    """A reason when the file seems to end mid-document, else None.

    The last paragraph of real minutes may lack a decision ("Övriga frågor"), so a missing
    decision alone is not enough: the text must also stop without ending a sentence, or a
    "Beslut" heading must stand with nothing under it.
    """
    if not paragraphs:
        return None
    last = paragraphs[-1]
    tail = text.rstrip()
    number = last["number"]
    if tail.endswith((",", "-", " och", " att", " samt", " som", " för", " till")):
        return f"filen verkar avbruten mitt i en mening (i § {number})."
    if last["has_decision_section"] and not last["decisions"]:
        return f"filen verkar avbruten: § {number} har rubriken Beslut men inget beslut."
    ends_sentence = tail.endswith((".", "!", "?", ":", ")", "”", '"'))
    body = last["summary"] or last["decisions"] or last["notes"]
    if not last["has_decision_section"] and (not body or not ends_sentence):
        return f"filen verkar avbruten: sista paragrafen (§ {number}) saknar beslut."
    return None
