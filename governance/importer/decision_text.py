"""Which parts of a paragraph are what the organ decided, item by item.

Assignments and the ends of assignments only count when they are decided. A § also
quotes proposals, yrkanden, reservations and the history of the matter, all of which use
the same words ("… får i uppdrag att …") without deciding anything. What every layout
shares is a heading that opens the decision ("Beslut", "Kommunstyrelsens beslut",
"SAMHÄLLSPLANERINGSNÄMNDENS BESLUT") and other headings that close it ("Beslutsunderlag",
"Yrkanden", "Reservation", "Beslutet skickas till" …); protokoll without headings state the
decision as "Nämnden beslutar att …" with att-satser.

A decision item is proposed rather than decided when the organ only recommends it to
another organ ("… föreslår att kommunfullmäktige beslutar: 1. …", "Förslag till beslut i
kommunfullmäktige"): the assignment is given when that organ decides, not now.
"""

import re
from bisect import bisect_left
from dataclasses import dataclass

from . import swedish
from .headings import after_dated_heading
from .patterns import caseless, lines_holding, search_from

#: Headings that end a decision section; compared lower-cased without a trailing colon.
OTHER_HEADINGS = {
    "ärendet",
    "ärendebeskrivning",
    "beskrivning av ärendet",
    "sammanfattning",
    "sammanfattning av ärendet",
    "bakgrund",
    "beredning",
    "bedömning",
    "förvaltningens bedömning",
    "motivering",
    "handlingar",
    "handling",
    "beslutsunderlag",
    "underlag",
    "yrkande",
    "yrkanden",
    "yrkanden och beslutsgång",
    "beslutsgång",
    "beslutsordning",
    "propositionsordning",
    "proposition",
    "omröstning",
    "omröstningsresultat",
    "votering",
    "reservation",
    "reservationer",
    "protokollsanteckning",
    "protokollsanteckningar",
    "särskilt yttrande",
    "särskilda yttranden",
    "tidigare behandling",
    "jäv",
    "justering",
    "expediering",
    "skickas till",
    "protokollsutdrag skickas till",
    "beslutet skickas till",
    "beslutet expedieras till",
    "för kännedom",
    "för åtgärd",
    "föredragning",
    "överläggning",
    "information",
    "ekonomiska konsekvenser",
    "konsekvensanalys",
    "barnperspektiv",
    "barnrättsperspektiv",
    "utredning",
    "yttrande",
    "förslag",
    "ärendet i korthet",
    "bakgrund och ärendebeskrivning",
    "förvaltningens yttrande",
    "förvaltningens förslag",
    "bedömning och förslag",
    "ekonomi",
    "finansiering",
    "konsekvenser",
    "överklagande",
    "hur man överklagar",
    "deltar inte i beslutet",
    "deltar ej i beslutet",
    "dokumentation",
    "upplysningar",
}
OTHER_HEADING_PATTERN = re.compile(
    r"^(?:.{0,60}\bförslag till beslut\b.*"
    r"|(?:beslutet|protokollsutdraget|utdrag)\s+(?:ska\s+)?(?:skickas|expedieras)\s+till\b.*"
    r"|expedieras\s+till\b.*|beslutet\s+kan\s+överklagas\b.*"
    r"|beslutsunderlag\b.*|reservation\b.*|protokollsanteckning\b.*|yrkande\b.*|skickas till\b.*)$",
    re.IGNORECASE,
)
DECISION_HEADING = re.compile(
    r"^(?=(?-i:[A-ZÅÄÖÉ]))"  # (a heading opens with a capital: not a title's wrapped "… fullmäktiges beslut")
    r"(?:beslut|beslutet|beslut på sammanträdet|[a-zåäöé\- ]{2,70}s beslut(?: på sammanträdet| för egen del)?)$",
    re.IGNORECASE,
)
#: "Beslut: Förvaltningen får i uppdrag …" – the heading and the decision on one line.
INLINE_DECISION = re.compile(r"^(?:beslut|[A-ZÅÄÖ][a-zåäöé\- ]{2,70}s beslut)\s*:\s*(?P<rest>\S.*)$", re.IGNORECASE)
#: "Kommunstyrelsen beslutar att …", "Nämnden beslutar:", "Kommunfullmäktige beslutar" on its own line.
DECIDES = re.compile(
    r"^(?P<organ>[A-ZÅÄÖ][\wåäöé\- ]{2,70}?)\s+(?:beslutar|beslöt|beslutade)"
    r"(?:\s+(?:för egen del|därutöver|vidare|även))?(?:\s+att\b|\s*:|\s*$)",
)
#: A line that turns the rest of a decision into a recommendation to another organ.
PROPOSES = re.compile(
    r"(?:\bföreslår\b|\bföreslås\b|\bhemställer\b|\btillstyrker\b)[^.]{0,160}?"
    r"\b(?:kommunfullmäktige|fullmäktige|regionfullmäktige|kommunstyrelsen|nämnden|styrelsen)\b[^.]{0,40}?"
    r"(?:\bbesluta[rt]?\b|\batt\b|:)"
    r"|^förslag till beslut i\b|^[\wåäö ]{0,60}\bförslag till (?:kommunfullmäktige|fullmäktige)\b",
    re.IGNORECASE,
)
#: PROPOSES's first form begins with one of these verbs; its others stand at the start of the text.
PROPOSING_VERBS = ("föreslå", "hemställer", "tillstyrker")
#: OWN_DECISION's first form begins with one of these and holds "för egen del" or "själv";
#: its other ("Enligt …:") is the whole text.
OWN_DECISION_STARTS = ("för egen del", "beslutar ")
#: "Förslag till beslut i kommunfullmäktige" standing as a sub-heading inside a decision.
PROPOSAL_LEAD = re.compile(
    r"^(?:[\wåäö\- ]{2,60}s\s+)?förslag till beslut(?:\s+(?:i|till)\b.{0,60})?\s*:?$", re.IGNORECASE
)
#: A line that returns from a recommendation to the organ's own decision.
OWN_DECISION = re.compile(
    r"\b(?:för egen del|beslutar (?:kommunstyrelsen|nämnden|styrelsen) (?:själv|för egen del))\b"
    r"|^enligt\b[^.:]{0,160}:$",  # "Enligt stadsledningskontorets förslag:" states the organ's own decision
    re.IGNORECASE,
)
PARAGRAPH_OPENER = re.compile(r"^§\s?\d{1,4}\b")
ITEM_MARKER = re.compile(r"^(?:[-•–*]\s*|\d{1,2}\s?[.)]\s+|[a-h][.)]\s+|att\s+)", re.IGNORECASE)
#: A bullet glyph left alone on its line by PDF extraction, its text on later lines.
LONE_BULLET = re.compile(r"^[-•–*▪●○■]$")
#: How a task under a lead-in starts: a verb in the infinitive ("Utreda …", "Ta fram …",
#: "Föreslå …") or an adverbial before it ("I samverkan med …", "Senast i maj …").
TASK_START = re.compile(
    r"^(?:[a-zåäöé]+(?:a|å|e)|i|inom|under|senast|tillsammans|genom|utifrån|efter|vid|med)\b", re.IGNORECASE
)
#: "att" opens an att-sats only after a line that ended one; otherwise it is a broken line.
ATT_SATS = re.compile(r"^att\s+", re.IGNORECASE)
ENDS_CLAUSE = re.compile(r"(?:[.;:]|\bbeslutar|\bbesluta|\bbeslöt)$", re.IGNORECASE)
#: Abbreviations before a number ("§ 41 p. 10") are not sentence ends.
ABBREVIATION = re.compile(r"\b(p|pkt|nr|kap|st|ca)\.\s+(?=\d)", re.IGNORECASE)
#: What every ABBREVIATION match holds; a pattern re can search for fast.
POINT_BEFORE_NUMBER = re.compile(r"\.\s+\d")


@dataclass
class DecisionItem:
    """One decided (or proposed) point, its text joined from broken lines."""

    text: str
    proposed: bool = False
    lead_in: str = ""  # the line ending in ":" that introduces a numbered list, if any


def _proposal(text: str, folded: str = ""):
    """`PROPOSES.search(text)`, tried where its forms can begin (see `patterns.search_from`).

    `folded` is `caseless(text)` when the caller has it (so for the other helpers here)."""
    folded = folded or caseless(text)
    at_start = PROPOSES.match(text) if "förslag till" in folded else None
    return at_start or search_from(PROPOSES, text, PROPOSING_VERBS, folded)


def _own_decision(text: str, folded: str = "") -> bool:
    """`OWN_DECISION.search(text)`, tried where its forms can begin (see `patterns.search_from`)."""
    if caseless(text[:6]) == "enligt" and OWN_DECISION.match(text):
        return True
    folded = folded or caseless(text)
    if "för egen del" not in folded and "själv" not in folded:
        return False
    return search_from(OWN_DECISION, text, OWN_DECISION_STARTS, folded) is not None


def _proposal_lead(text: str, folded: str = ""):
    """`PROPOSAL_LEAD.match(text)`, run only when its words are there."""
    return PROPOSAL_LEAD.match(text) if "förslag till beslut" in (folded or caseless(text)) else None


def _normalised_heading(line):
    return line.strip().rstrip(":").strip().lower()


def is_decision_heading(line: str) -> bool:
    stripped = line.strip().rstrip(":").strip()
    if not stripped or (len(stripped) > 80 and after_dated_heading(stripped) is None):
        return False
    lowered = stripped.lower()
    # Every decision heading ends in "beslut …": most lines leave before the pattern runs.
    if "beslut" not in lowered or lowered.startswith("förslag"):
        return False
    collapsed = " ".join(stripped.split())
    if DECISION_HEADING.match(collapsed):
        return True
    # A dated heading in capitals run into the decision heading (see `headings.after_dated_heading`).
    rest = after_dated_heading(collapsed)
    return bool(rest and DECISION_HEADING.match(rest))


def is_other_heading(line: str, lowered: str = "") -> bool:
    """`lowered`: the line lower-cased, when the caller has it."""
    stripped = line.strip()
    if not stripped or len(stripped) > 80:
        return False
    normalized = lowered.strip().rstrip(":").strip() if lowered else _normalised_heading(stripped)
    if normalized in OTHER_HEADINGS:
        return True
    # Headings are short and do not end a sentence; the pattern needs that guard too.
    return len(stripped) <= 70 and not stripped.endswith(".") and bool(OTHER_HEADING_PATTERN.match(normalized))


def _sections(lines, lowered_lines, marked, opening, closes, reopens):
    """Sections of `lines`: each from a line that `opening(line, stripped, lowered)` opens (it
    returns the section's first lines, or None) up to a line that `closes(stripped, lowered)`;
    `lowered` is the line lower-cased, from `lowered_lines`.

    Only `marked` lines (sorted indices) can open a section, so outside one the walk jumps
    from one marked line to the next, passing over the others without a step each; inside
    one every line is read, and a line may open the next section there when `reopens`.
    """
    sections, current = [], None
    index = -1
    while True:
        index += 1
        if current is None:
            following = bisect_left(marked, index)
            if following == len(marked):
                return sections
            index = marked[following]
        elif index == len(lines):
            return sections
        line = lines[index]
        stripped = line.strip()
        started = opening(line, stripped, lowered_lines[index]) if current is None or reopens else None
        if started is not None:
            current = started
            sections.append(current)
        elif current is not None:
            if closes(stripped, lowered_lines[index]):
                current = None
            else:
                current.append(line)


def _decision_heading_opens(line, stripped, lowered):
    """[] after a decision heading, [the decision] after "Beslut: …", else None."""
    if "beslut" not in lowered:
        return None
    if is_decision_heading(stripped):
        return []
    inline = INLINE_DECISION.match(stripped) if ":" in stripped else None
    return [inline.group("rest")] if inline else None


def _decision_heading_closes(stripped, lowered):
    ends = is_other_heading(stripped, lowered) and not _proposal_lead(stripped)
    return bool(ends or PARAGRAPH_OPENER.match(stripped))


def _decides_opens(line, stripped, _lowered):
    """[the line] when it says "X beslutar att …", else None."""
    return [line] if DECIDES.match(stripped) else None


def _decides_closes(stripped, lowered):
    return bool(is_other_heading(stripped, lowered) or PARAGRAPH_OPENER.match(stripped))


def decision_lines(text: str, lowered: str = "") -> list[list[str]]:
    """The decision sections of a paragraph, each as its raw lines.

    Without any decision heading, the lines from "X beslutar att …" to the next heading
    are the decision; with neither, the paragraph has no decision we can see.
    """
    lines = text.split("\n")
    lowered = lowered or text.lower()
    # Both decision forms hold the word "beslut" (the headings in any case).
    lowered_lines = lowered.split("\n")  # (each the line lower-cased: no line break changes case)
    with_word = lines_holding(lowered_lines, "beslut", lowered)
    sections = _sections(
        lines, lowered_lines, with_word, _decision_heading_opens, _decision_heading_closes, reopens=True
    )
    if sections:
        return [section for section in sections if any(line.strip() for line in section)]
    # DECIDES needs "beslutar", "beslöt" or "beslutade" (as written: it does not ignore case).
    with_word = lines_holding(lines, "besl", text)
    return _sections(lines, lowered_lines, with_word, _decides_opens, _decides_closes, reopens=False)


def _blocks(lines, may_lead=True):
    """Lines grouped into items (`may_lead`: whether the § holds "förslag till beslut" at all).

    A list marker, a blank line or a lead-in line ("Enligt yrkande från S:") starts a new
    item; under a lead-in, a capitalised line after a finished sentence does too, because
    PDF text often keeps the task lines but drops the bullets (a lone "•" line).
    """
    blocks, current = [], []
    listing = False
    for line in lines:
        stripped = line.strip()
        if not stripped or (len(stripped) == 1 and LONE_BULLET.match(stripped)):
            if current:
                blocks.append(current)
                current = []
            continue
        if may_lead and _proposal_lead(stripped):
            if current:
                blocks.append(current)
            blocks.append([stripped])
            current = []
            listing = True
            continue
        previous = current[-1] if current else ""
        marker = ITEM_MARKER.match(stripped) and (not ATT_SATS.match(stripped) or ENDS_CLAUSE.search(previous))
        sentence_done = previous.endswith((".", "!", "?"))
        new_lead_in = sentence_done and stripped.endswith(":") and len(stripped) < 160
        next_task = listing and sentence_done and stripped[:1].isupper()
        if current and (marker or previous.endswith(":") or new_lead_in or next_task):
            blocks.append(current)
            current = []
        current.append(stripped)
        if stripped.endswith(":"):
            listing = True
    if current:
        blocks.append(current)
    return [_closed_abbreviations(swedish.join_lines(block)) for block in blocks]


def _closed_abbreviations(text):
    """ "p. 10" → "p.10", so the point is not read as a sentence end."""
    return ABBREVIATION.sub(r"\1.", text) if POINT_BEFORE_NUMBER.search(text) else text


def _split_at_proposal(block, match):
    """A block whose later sentence turns to a recommendation is two: decided, then proposed.

    `match` is `_proposal(block)`."""
    if not match or match.start() == 0:
        return [block]
    head = swedish.sentences(block[: match.start()])
    if len(head) < 2:
        return [block]
    cut = block.rindex(head[-1], 0, match.start() + 1)
    return [block[:cut].strip(), block[cut:].strip()]


def decision_items(text: str, lowered: str = "") -> list[DecisionItem]:
    """Every decided or proposed point in a paragraph's text, in order (`lowered`: `text.lower()`)."""
    items = []
    # A line can be a proposal's lead-in only if the § holds its words (the lines are its own).
    may_lead = "förslag till beslut" in caseless(text, lowered)
    for section in decision_lines(text, lowered):
        proposed = False
        lead_in = ""
        blocks = _blocks(section, may_lead)
        folded = {block: caseless(block) for block in blocks}  # each text lower-cased and
        proposals = {block: _proposal(block, folded[block]) for block in blocks}  # read once
        blocks = [piece for block in blocks for piece in _split_at_proposal(block, proposals[block]) if piece]
        for block in blocks:
            if block not in proposals:
                folded[block] = caseless(block)
                proposals[block] = _proposal(block, folded[block])
            if _own_decision(block, folded[block]):
                proposed = False
            elif _proposal_lead(block, folded[block]) or (
                (block.endswith(":") or len(block) < 200) and proposals[block]
            ):
                proposed = True
            is_point = bool(ITEM_MARKER.match(block)) and not ATT_SATS.match(block)
            if block.endswith(":"):
                lead_in = block
                items.append(DecisionItem(text=block, proposed=proposed))
                continue
            if not is_point and not (lead_in and TASK_START.match(block)):
                lead_in = ""  # the list under the lead-in has ended
            items.append(DecisionItem(text=block, proposed=proposed, lead_in=lead_in))
    return items
