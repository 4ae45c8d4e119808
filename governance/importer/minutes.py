"""Parse a protokoll (or an extract of one) into its numbered paragraphs.

Layouts differ between municipalities, so the parser keys on what every Swedish
protokoll shares: a head naming the organ and the meeting date, paragraphs opened by
"§ N" on a line of their own (often with the diarienummer), a title, and headed sections
("Beslut", "Sammanfattning", "Yrkanden", "Reservation" …).
"""

import re

from . import swedish
from .furniture import strip_furniture
from .headings import ReadHeads, after_dated_heading, find_openers, read_heading
from .lost_sign import restore_lost_signs
from .municipalities import find_municipality
from .organs import abbreviation_for, find_organ, with_parent_organ

#: Beyond these a paragraph has absorbed an appendix or a name list: reported and cut.
MAX_DECISION_ITEMS = 60
MAX_PARAGRAPH_CHARACTERS = 60_000
#: Where a protokoll has no § head, its head is looked for in this many opening lines.
HEAD_LINES_WITHOUT_PARAGRAPHS = 60

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
    "ärendebeskrivning och bakgrund": "summary",
    "beredning": "summary",
    "yttrande": "summary",
    "beredningens förslag": "proposal",
    "förslag till kommunfullmäktige": "decision",
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
LONGEST_SECTION_HEADING = max(map(len, SECTION_HEADINGS))
#: "Kommunstyrelsens beslut", "SAMHÄLLSPLANERINGSNÄMNDENS BESLUT"; a heading opens with a capital,
#: so a wrapped title line ("kommunallagen beträffande kommunfullmäktiges beslut") is none.
DECISION_HEADING = re.compile(r"^(?-i:[A-ZÅÄÖ])[\w åäö-]{0,70}s beslut$", re.IGNORECASE)
PROPOSAL_HEADING = re.compile(
    r"^(?!Enligt\b)[A-ZÅÄÖ][\wåäö-]*s(?: [a-zåäö]+s)? förslag$"
)  # "Kommunledningsutskottets förslag"
ITEM_START = re.compile(r"^(?:[-•–*]\s+|\d{1,2}[.)]\s+|[a-h][.)]\s+)")
PRESENTER = re.compile(r"(?P<who>[^.]{3,120}?),?\s+föredrar\b")
HEAD_DATE = re.compile(r"(?:Sammanträdesdatum|Mötesdatum|Datum|Sammanträdesdag)\s*:?\s*", re.I)
PARAGRAPH_NUMBER = re.compile(r"§\s?(\d+)")
#: The patterns of `classify_decision`, in the order it tries them.
TABLED = re.compile(r"\bbordläggs\b|\bbordlägga\b")
REJECTED = re.compile(r"\b(?:motionen|motionerna|yrkandet|förslaget|ansökan|hemställan)\b[^.]{0,40}\bavslås\b")
TO_COUNCIL = re.compile(r"föreslår (?:att )?kommunfullmäktige|tillstyrker")
CARRIED = re.compile(r"\bbifallits\b|\bbifalla[rt]?\b")


def _heading_key(line):
    """The field a heading line opens, or None; headings are short, so long lines exit early."""
    if len(line) > 72:
        return "decision" if line.rstrip().endswith("beslut") and _ends_in_decision_heading(line.strip()) else None
    stripped = line.strip().rstrip(":").strip()
    if not stripped:
        return None
    if len(stripped) > LONGEST_SECTION_HEADING and stripped[-1] not in "tTgG":
        return None  # too long for a listed heading, and not "…s beslut" or "…s förslag"
    normalized = stripped.lower()
    key = SECTION_HEADINGS.get(normalized)
    if key:
        return key
    if normalized.endswith("s beslut") and (DECISION_HEADING.match(stripped) or _ends_in_decision_heading(stripped)):
        return "decision"
    if normalized.endswith("s förslag") and PROPOSAL_HEADING.match(stripped) and not line.rstrip().endswith(":"):
        return "proposal"
    return None


def _ends_in_decision_heading(stripped):
    """Whether a line is a heading in capitals with its date, run into a decision heading
    ("BARN- OCH UTBILDNINGSNÄMNDENS BEHANDLING 2023-01-02 Barn- och utbildningsnämndens beslut")."""
    rest = after_dated_heading(stripped)
    return bool(rest and DECISION_HEADING.match(rest))


#: Labels of a protokoll's title page; the date after a justering or notice label is not the meeting's.
HEAD_LABEL = re.compile(
    r"Plats och tid för justering|Plats/tid för justering|Justeringens plats och (?:tid|datum)|Justeringsdag"
    r"|Utses att justera|ANSLAG/BEVIS|Anslaget|Datum för anslag|Sista dag för överklagande"
    r"|Plats och tid|Tid och plats|Sammanträdesdatum|Sammanträdesdag|Beslutande|Underskrifter|Paragrafer",
    re.IGNORECASE,
)
NOT_MEETING_LABEL = re.compile(r"justera|justering|anslag|överklag", re.IGNORECASE)


def _meeting_date_in(text):
    """The first date in `text` that does not stand under a justering or notice label.

    A title page run into one line ("… Justeringens plats och tid Kommunhuset den 29
    februari 2016 …") may name no meeting date at all; the justering's date is not taken for it.
    """
    found = []
    for pattern in (swedish.ISO_DATE, swedish.WRITTEN_DATE):
        for match in pattern.finditer(text):
            line_start = text.rfind("\n", 0, match.start()) + 1
            labels = HEAD_LABEL.findall(text[max(line_start, match.start() - 300) : match.start()])
            if labels and NOT_MEETING_LABEL.search(labels[-1]):
                continue
            parsed = swedish.parse_iso(match.group(0)) or swedish.parse_written(match.group(0))
            if parsed:
                found.append((match.start(), parsed))
                break
    return min(found)[1] if found else None


def parse_head(lines, text=""):
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
        meeting_date = _meeting_date_in("\n".join(nonblank[:12])) or _meeting_date_in(head_text)
    organization = with_parent_organ(find_organ(nonblank[:12]), text)
    abbreviation = abbreviation_for(organization, head_text) if organization else ""
    return {
        "organization": organization,
        "organization_abbreviation": abbreviation,
        "date": meeting_date,
        "municipality": find_municipality(head_text + "\n" + text[-3000:]) or find_municipality(text),
        "head_lines": nonblank,
    }


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
    # Each pattern runs only where its word stands.
    if ("bordläg" in decided or "bordläg" in lead) and TABLED.search(decided + " " + lead):
        return "bordläggning"
    if "avslås" in decided and (REJECTED.search(decided) or decided.startswith("avslås")):
        return "avslag"
    if ("föreslår" in lead or "tillstyrker" in lead) and TO_COUNCIL.search(lead):
        return "tillstyrkan_kf"
    if "bifall" in procedure.lower() and CARRIED.search(procedure.lower()):
        return "bifall"
    return "beslut"


def _section_paragraphs(sections, key):
    """The paragraphs of a section, [] when the § has none (most have few of them)."""
    return swedish.paragraphs("\n".join(sections[key])) if key in sections else []


def parse_paragraph(lines, opener=None):
    """One § from its lines; `opener` is its head line as `find_openers` read it."""
    number = int(PARAGRAPH_NUMBER.search(lines[0]).group(1))
    heading = read_heading(lines, _heading_key, opener)
    title_lines = [heading.title] if heading.title else []
    case_number = heading.case_number
    body_start = heading.body_start
    sections = {}
    current = None
    preamble = []
    for line in lines[body_start:]:
        # (Other lines are never headings, but two run into one: see `_ends_in_decision_heading`.)
        key = _heading_key(line) if 0 < len(line) <= 72 or line.rstrip().endswith("beslut") else None
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
    reservations = [p for p in _section_paragraphs(sections, "reservations") if p]
    return {
        "number": number,
        "title": swedish.join_lines(title_lines),
        "case_number": case_number,
        "decision_basis": " ".join(basis),
        "decisions": decisions,
        "decision_class": classify_decision(decisions, " ".join(basis), "\n".join(sections.get("procedure", []))),
        "proposal": "\n\n".join(_section_paragraphs(sections, "proposal")),
        "summary": "\n\n".join(summary_paragraphs),
        "presenter": presenter,
        "motions": _section_paragraphs(sections, "motions"),
        "procedure": "\n\n".join(_section_paragraphs(sections, "procedure")),
        "votes": "\n\n".join(_section_paragraphs(sections, "votes")),
        "reservations": reservations,
        "notes": "\n\n".join(_section_paragraphs(sections, "notes")),
        "has_decision_section": "decision" in sections,
        "_text": "\n".join(lines),  # the raw §, for readers that find their own structure
    }


def parse_minutes(text):
    """The head and the paragraphs of a protokoll.

    A text whose extractor lost the § sign ("KS 136", "$ 12" heads) is parsed with those
    heads restored, and says so in a warning (see `lost_sign`). Without any paragraph head
    (a title page run into one line) the head is still read, so the review shows organ, date
    and municipality and the validation says what is missing, rather than the file failing blind.
    """
    raw_lines = text.split("\n")
    known = ReadHeads()
    openers = find_openers(raw_lines, known, text)
    if openers:
        return _parse_paragraphs(text, raw_lines, known, openers)
    restored = restore_lost_signs(raw_lines)
    if restored:
        known = ReadHeads()
        openers = find_openers(restored.lines, known, restored.text)
        if openers:
            head, paragraphs = _parse_paragraphs(restored.text, restored.lines, known, openers)
            head["warnings"].insert(0, restored.warning)
            return head, paragraphs
    head = parse_head(raw_lines[:HEAD_LINES_WITHOUT_PARAGRAPHS], text)
    head.update(body_tail="", warnings=[])
    return head, []


def _parse_paragraphs(text, raw_lines, known, openers):
    """Head and paragraphs of a text whose § heads `find_openers` found (`openers`)."""
    head = parse_head(raw_lines[: openers[0].index], text)
    names = [head["organization"], head["organization_abbreviation"]]
    names += [line for line in head["head_lines"][:12] if len(line) < 60]
    head_length = sum(map(len, raw_lines[: openers[0].index])) + openers[0].index  # (with its line breaks)
    body = strip_furniture(text[head_length:], names)  # the lines from the first §
    lines = body.split("\n")
    openers = find_openers(lines, known, body)
    starts = [opener.index for opener in openers]
    head["body_tail"] = body[-400:]
    paragraphs = []
    warnings = []
    for position, start in enumerate(starts):
        end = starts[position + 1] if position + 1 < len(starts) else len(lines)
        paragraph = parse_paragraph(lines[start:end], openers[position])
        warning = _implausible(paragraph, lines[start:end])
        if warning:
            warnings.append(warning)
        paragraphs.append(paragraph)
    head["warnings"] = warnings
    return head, paragraphs


def _implausible(paragraph, lines):
    """A paragraph that absorbed an appendix or pages of names is cut, with a warning."""
    number = paragraph["number"]
    size = sum(map(len, lines)) + len(lines)
    if len(paragraph["decisions"]) > MAX_DECISION_ITEMS:
        count = len(paragraph["decisions"])
        paragraph["decisions"] = paragraph["decisions"][:MAX_DECISION_ITEMS]
        return (
            f"§ {number} har {count} beslutspunkter (troligen en bilaga eller namnlista); "
            f"bara de {MAX_DECISION_ITEMS} första sparas, granska paragrafen."
        )
    if size > MAX_PARAGRAPH_CHARACTERS:
        for key in ("summary", "proposal", "procedure", "votes", "notes"):
            paragraph[key] = paragraph[key][: MAX_PARAGRAPH_CHARACTERS // 2]
        return f"§ {number} är {size} tecken lång (troligen med bilaga); texten har kortats, granska paragrafen."
    return None


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
    if not last["has_decision_section"] and not (
        last["summary"] or last["decisions"] or last["notes"] or last["title"]
    ):
        return f"filen verkar avbruten: sista paragrafen (§ {number}) är tom."
    return None


DECLARED_RANGE = re.compile(r"Paragrafer\s*:?\s*(?:§§?\s*)?(\d{1,4})\s*[-–]\s*(?:§\s*)?(\d{1,4})", re.IGNORECASE)


def missing_declared_paragraphs(head_lines, paragraphs):
    """A reason when the head declares "Paragrafer §§34-39" and the text stops before the last one."""
    match = DECLARED_RANGE.search("\n".join(head_lines[:60]))
    if not match or not paragraphs:
        return None
    first, last = int(match.group(1)), int(match.group(2))
    found = paragraphs[-1]["number"]
    if first <= found < last and last - first < 500:
        return f"filen verkar avbruten: huvudet anger paragraferna {first}–{last} men texten slutar vid § {found}."
    return None
