"""Parse a beslutsunderlag: a tjänsteskrivelse, motionssvar, yttrande, beslutsförslag or budgetskrivelse.

These are written by the administration for an organ before it decides. What makes them
worth storing is what they answer: a motion, a medborgarförslag or an interpellation,
named in the title ("Svar på motion om …", "Yttrande över motion …", "Motionssvar -
Motion gällande …") and shared through the diarienummer, so the writer can show the
answer beside the matter it answers.
"""

import re

from . import swedish
from .headings import DNR_LABEL, DNR_VALUE, clean_case_number
from .municipalities import find_municipality
from .organs import ORGAN, expand_abbreviation, find_organ, normalise_organ

HEAD_LINES = 15

#: The kind of underlag, from the words the document uses for itself.
TYPE_WORDS = (
    ("budget", re.compile(r"\bBudgetskrivelse\b", re.IGNORECASE)),
    ("answer", re.compile(r"\b(?:Motionssvar|Svar på (?:motion|medborgarförslag|interpellation))", re.IGNORECASE)),
    ("opinion", re.compile(r"^\s*Yttrande\b", re.IGNORECASE)),
    ("proposal", re.compile(r"\bBeslutsförslag\b", re.IGNORECASE)),
)
#: What the underlag answers, from its title: the answered kind and its subject as written.
ANSWERS = re.compile(
    r"(?:Motionssvar\s*[-–:]?\s*|Svar\s+på\s+|Yttrande\s+över\s+|Yttrande\s+(?:om|angående)\s+)?"
    r"(?P<kind>motion|medborgarförslag|interpellation)(?:en)?\b"
    r"(?:\s+(?:från|av)\s+(?P<by>[^()]{3,60}?\([A-ZÅÄÖ]{1,3}\)))?"
    r"\s*(?:om|gällande|angående|avseende|rörande|kring|:|[-–])?\s*(?P<subject>.*)$",
    re.IGNORECASE,
)
ANSWER_TITLE = re.compile(
    r"^\s*(?:Motionssvar|Svar på (?:motion|medborgarförslag|interpellation)|Yttrande över (?:motion|medborgarförslag)"
    r"|Motion (?:från|av|om|gällande|angående)|Medborgarförslag (?:om|gällande|angående)|Interpellation (?:om|till))",
    re.IGNORECASE,
)
REPEATED_KIND = re.compile(
    r"^(?:motion|medborgarförslag|interpellation)(?:en)?\s+(?:om|gällande|angående|avseende)\s+", re.IGNORECASE
)
ANSWERED_KINDS = {"motion": "motion", "medborgarförslag": "citizen_proposal", "interpellation": "interpellation"}
#: " - Camilla Stensson (S) med flera": the movers appended to a title.
MOVERS_TAIL = re.compile(r"\s+[-–]\s+[^-–]*\([A-ZÅÄÖ]{1,3}\)[^-–]*$")
LABEL = re.compile(
    r"^\s*(?:(?:Datum|Handläggare|Diarienr|Diarienummer|Ärende|Mottagare|Dokumenttyp|Dokumentansvarig"
    r"|Upprättad|Status|Organisation|Till|Från|Beslutsinstans|Sida)\s*:|(?:Diarie\s?nr|Dnr)\b)",
    re.IGNORECASE,
)
#: A page header or footer line ("BUDGETSKRIVELSE … .DOCX SID 1 (25)"), letterhead with address or org.nr.
FURNITURE = re.compile(r"\.DOCX?\b|\bSID \d|\bSida \d|\bOrg\.?\s?nr\b|\bBox \d|www\.|^\s*\d+\s*\(\d+\)\s*$", re.I)
#: Section headings that end the title block.
SECTION = re.compile(
    r"^\s*(?:Ärendebeskrivning|Beskrivning av ärendet|Sammanfattning|Bakgrund|Förslag till beslut|Ärendet|Innehåll"
    r"|Förvaltningens (?:yttrande|bedömning|förslag)|Bedömning|Motivering av beslut|Yttrande)\b",
    re.IGNORECASE,
)
PROPOSAL_HEAD = re.compile(r"^\s*(?:Förslag till beslut|Beslutsförslag|Förvaltningens förslag till beslut)\b.*$", re.I)
#: Where the proposal ends: the next section of the underlag, or its signature.
PROPOSAL_END = re.compile(
    r"^\s*(?:Beslutet ska skickas till|Skickas till|Expediera(?:s)? till|Beskrivning av ärendet|Ärendebeskrivning"
    r"|Sammanfattning|Bakgrund|Motivering av beslut|Ekonomi|Ekonomisk bedömning|Underlag för beslut|Beslutsunderlag"
    r"|Bilag(?:a|or)|Förvaltningens (?:yttrande|bedömning)|Bedömning)\b",
    re.IGNORECASE,
)
DECIDES = re.compile(rf"^\s*(?P<organ>{ORGAN.pattern})\s+(?:beslutar|föreslås besluta|föreslår)\b", re.IGNORECASE)
ITEM = re.compile(r"^\s*(?:\d{1,2}[.)]|[-•–●]|[Aa]tt\s)\s*")
HANDLER = re.compile(
    r"^\s*(?:Handläggare|Handläggande tjänsteperson|Föredragande)\s*:?\s+(?P<name>[^,\n]{3,60})$", re.I
)
CASE_NUMBER = re.compile(rf"{DNR_LABEL}(?P<number>{DNR_VALUE})")
#: "Motionssvar KF § 228 2025.493 KS": the diarienummer of the answered matter after its §.
ANSWERED_CASE = re.compile(rf"§\s?\d{{1,4}}\s+(?P<number>{DNR_VALUE})")
#: "Kommunstyrelsen" after the date on the head line, "Organisation: Kultur- och fritidsnämnden".
ORGAN_LABEL = re.compile(r"(?:^|\s)(?:Organisation|Nämnd|Beslutsinstans|Till)\s*:\s*(?P<organ>.+)$", re.IGNORECASE)
ABBREVIATED_CASE = re.compile(r"\b(?P<abbr>[A-ZÅÄÖ]{2,6})\s+(?:19|20)\d{2}[/.:-]\d{1,6}\b")


def _head(lines):
    return [line.strip() for line in lines if line.strip()][:HEAD_LINES]


def statement_type(text: str, title: str) -> str:
    """One of "budget", "answer", "opinion", "proposal", "memo" (a tjänsteskrivelse)."""
    head = "\n".join(_head(text.split("\n"))[:6])
    for name, pattern in TYPE_WORDS:
        if pattern.search(title) or re.search(pattern.pattern, head, re.IGNORECASE | re.MULTILINE):
            return name
    if any(PROPOSAL_HEAD.match(line) for line in _head(text.split("\n"))[:4]):
        return "proposal"  # a beslutsförslag opens with the proposal itself
    return "memo"


def find_title(lines: list[str]) -> tuple[str, str | None]:
    """The subject line of the underlag, continuation lines joined, up to its first section;
    and the diarienummer when it closes the title ("Intern kontrollplan 2025, BUN 2025/45")."""
    head = [line.strip() for line in lines if line.strip()][: HEAD_LINES + 5]
    start = next((i for i, line in enumerate(head) if ANSWER_TITLE.match(line)), None)
    if start is None:
        start = next(
            (
                i
                for i, line in enumerate(head)
                if not LABEL.match(line) and not FURNITURE.search(line) and not SECTION.match(line)
            ),
            None,
        )
    if start is None:
        return "", None
    if re.fullmatch(r"(?:Tjänsteskrivelse|Beslutsförslag|Yttrande|Motionssvar)", head[start], re.IGNORECASE):
        start += 1  # a type label standing alone above the title
    parts: list[str] = []
    for line in head[start : start + 4]:
        if parts and (LABEL.match(line) or SECTION.match(line) or FURNITURE.search(line) or parts[-1].endswith(".")):
            break
        if parts and len(" ".join(parts)) > 160:
            break
        parts.append(line)
    title = swedish.join_lines(parts).strip(" ,")
    trailing = re.search(rf",?\s+(?:{DNR_LABEL})?(?P<number>{DNR_VALUE})\s*$", title)
    if trailing and trailing.start() > 10:
        return title[: trailing.start()].strip(" ,"), clean_case_number(trailing.group("number"))
    return title, None


def answered(title: str) -> dict | None:
    """What the underlag answers, read from its title: kind, subject and movers as written."""
    match = ANSWER_TITLE.match(title) and ANSWERS.search(title)
    if not match:
        return None
    subject = MOVERS_TAIL.sub("", match.group("subject")).strip(" ”\"'“.:-–")
    # "Motionssvar - Motion gällande …": the answered kind repeated in the subject.
    subject = re.sub(
        r"^(?:motion|medborgarförslag|interpellation)(?:en)?\s+(?:om|gällande|angående|avseende)\s+",
        "",
        subject,
        flags=re.I,
    ).strip(" ”\"'“")
    return {"kind": ANSWERED_KINDS[match.group("kind").lower()], "subject": subject}


def find_case_number(head: list[str]) -> str | None:
    """The underlag's own diarienummer: a labelled "Diarienr: 2025.446 KS", else one closing the title line."""
    for line in head:
        match = CASE_NUMBER.search(line)
        if match and not ANSWERED_CASE.search(line):
            return clean_case_number(match.group("number"))
    for line in head[:3]:
        match = re.search(rf"(?P<number>{DNR_VALUE})\s*$", line)
        if match and "§" not in line:
            return clean_case_number(match.group("number"))
    return None


def find_answered_case(head: list[str]) -> str | None:
    """The answered matter's diarienummer when the head gives it beside its § ("KF § 228 2025.493 KS")."""
    for line in head:
        match = ANSWERED_CASE.search(line)
        if match:
            return clean_case_number(match.group("number"))
    return None


def find_statement_organ(head: list[str], text: str) -> str | None:
    """The organ the underlag is written for: labelled, on the date line, "X beslutar", or a dnr prefix."""
    for line in head:
        labelled = ORGAN_LABEL.search(line)
        if labelled:
            organ = find_organ([labelled.group("organ")])
            if organ:
                return organ
        if re.match(r"^\s*Datum\s*:", line, re.IGNORECASE):
            organ = find_organ([re.sub(r"^\s*Datum\s*:\s*\S+", "", line)])
            if organ:
                return organ
    for line in text.split("\n")[:80]:
        decides = DECIDES.match(line)
        if decides:
            return normalise_organ(decides.group("organ"))
    for line in head[:3]:
        abbreviated = ABBREVIATED_CASE.search(line)
        if abbreviated:
            expanded = expand_abbreviation(abbreviated.group("abbr"))
            if expanded != abbreviated.group("abbr"):
                return expanded
    return None


def find_date(head: list[str]):
    """The date the underlag was written: "Datum:", "Upprättad:", else the first date of its head."""
    for line in head:
        if re.match(r"^\s*(?:Datum|Upprättad|Daterad)\b", line, re.IGNORECASE):
            found = swedish.first_date(line)
            if found:
                return found
    for line in head:
        if re.search(r"Rapportperiod|Period|Giltig", line, re.IGNORECASE):
            continue
        found = swedish.first_date(line)
        if found:
            return found
    return None


def proposal(text: str) -> tuple[str, list[str]]:
    """The "Förslag till beslut" text and its points (numbered, "att" or one per sentence).

    A point must end as a sentence or be numbered: what follows the last one without
    ending a sentence is the signature block ("Jerker Gustafsson Cecilia Knutsson …")."""
    lines = text.split("\n")
    start = next((i for i, line in enumerate(lines) if PROPOSAL_HEAD.match(line)), None)
    if start is None:
        return "", []
    blocks: list[tuple[str, list[str]]] = []  # ("heading" | "point", lines)
    for line in lines[start + 1 :]:
        stripped = line.strip()
        if PROPOSAL_END.match(stripped):
            break
        if not stripped:
            continue
        if PROPOSAL_HEAD.match(stripped) or DECIDES.match(stripped):
            blocks.append(("heading", [stripped]))
        elif ITEM.match(stripped):
            blocks.append(("numbered", [ITEM.sub("", stripped, count=1)]))
        elif blocks and blocks[-1][0] != "heading" and not blocks[-1][1][-1].endswith("."):
            blocks[-1][1].append(stripped)
        elif stripped[:1].isupper():
            blocks.append(("point", [stripped]))
    kept = [
        (kind, swedish.join_lines(block))
        for kind, block in blocks
        if kind != "point" or swedish.join_lines(block).endswith((".", ":", ";"))
    ]
    while kept and kept[-1][0] == "heading":
        kept.pop()
    points = [text for kind, text in kept if kind != "heading"]
    return "\n".join(text for _kind, text in kept), points


def parse_statement(text: str) -> dict:
    lines = text.split("\n")
    head = _head(lines)
    title, title_case_number = find_title(lines)
    handler = next((m.group("name").strip() for m in map(HANDLER.match, head) if m), "")
    proposal_text, points = proposal(text)
    return {
        "kind": "statement",
        "title": title,
        "municipality": find_municipality(text),
        "organization": find_statement_organ(head, text),
        "date": find_date(head),
        "case_number": title_case_number or find_case_number(head),
        "statement_type": statement_type(text, title),
        "handler": handler,
        "proposal": proposal_text,
        "proposal_points": points,
        "answers": answered(title),
        "answers_case_number": find_answered_case(head),
    }
