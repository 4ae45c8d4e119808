"""Decide what kind of governance document a text is, with the evidence for it.

The decision rests on the document's head and structure, never on a word anywhere in
the text: council minutes debate interpellations and list motions on their agenda, and
are still minutes. Each kind collects weighted evidence (what the title block says, how
§ paragraphs are laid out, signature and attestation blocks, metadata tables); the best
score wins when it is clear enough, and the reasons are kept so a secretary can see why.
"""

import re
from dataclasses import dataclass, field

from .headings import ORGAN_PREFIX
from .lost_sign import restore_lost_signs
from .patterns import caseless, first_nonblank_lines, lines_with

#: Kinds the importer stores, and kinds it recognises in order to refuse them clearly.
KINDS = ("minutes", "motion", "interpellation", "policy", "news", "statement")
RECOGNISED_ONLY = ()
MINIMUM_SCORE = 3.0

HEAD_LINES = 30

#: A line that opens a § paragraph: "§ 12", "§12 Dnr 2023/45", "KS § 1 DNR:KU/2007.9".
OPENER_LINE = re.compile(rf"^\s*(?:(?:{ORGAN_PREFIX})\s+)?§\s?\d{{1,4}}(?!\d)(?!\s*[-–,]\s*\d)")
ATTESTATION = re.compile(
    r"^\s*(?:Justerandes?\s+sign(?:atur)?|Utdragsbestyrkande|Protokollsutdrag intygas|ANSLAG/BEVIS"
    r"|Justerares?\s+sign(?:atur)?|Ordförandes sign(?:atur)?)\b",
    re.MULTILINE | re.IGNORECASE,
)
PROTOCOL_TITLE = re.compile(
    r"(?:^|\s)(?:Sammanträdesprotokoll|SAMMANTRÄDESPROTOKOLL|Protokoll(?:sutdrag)?|PROTOKOLL(?:SUTDRAG)?|Mötesprotokoll)"
    r"(?:\s|$|[.,:](?:\s|$))",
)
MEETING_HEAD = re.compile(
    r"^\s*(?:Sammanträdesdatum|Mötesdatum|Sammanträdesdag|Plats och tid|Tid och plats|Beslutande|Utses att justera"
    r"|Utsedda? att justera|Justerare|Justeringens plats|Paragrafer|Närvarande|Beslutsinstans)\b",
    re.IGNORECASE,
)
MOTION_TITLE = re.compile(
    r"^\s*(?:Motion(?!ssvar|en\b)|Initiativärende|Initiativ\s+(?:i|till|om|gällande|angående)\b|Nämndinitiativ"
    r"|Medborgarförslag|Ledamotsinitiativ|Förslag från medborgare)",
    re.IGNORECASE,
)
_ASKING = r"(?:\byrkar\b|\bföreslår\b|\byrkar vi\b|\bföreslår vi\b)[^\n]{0,80}(?:att|:)\s*$"
_ATT_LINE = r"\s*(?:[-•–]\s*)?[Aa]tt\s+\w"
MOTION_ASK = re.compile(_ASKING + "|^" + _ATT_LINE, re.MULTILINE)
#: MOTION_ASK's two forms apart: a verb of asking ending its line, and a line opening with "att"
#: (found from the line breaks, so re need not try every position).
ASKING = re.compile(_ASKING, re.MULTILINE)
ATT_AT_START = re.compile(_ATT_LINE)
ATT_AFTER_BREAK = re.compile("\n" + _ATT_LINE)
PARTY_SIGNATURE = re.compile(
    r"\([A-ZÅÄÖ]{1,3}\)\s*$|^\s*(?:För|för)\s+(?:[A-ZÅÄÖ][a-zåäö]+(?:partiet|demokraterna|erna|arna))"
    r"|(?:partiet|demokraterna|Moderaterna|Liberalerna|Centerpartiet)\b[^\n]{0,30}$",
    re.MULTILINE,
)
INTERPELLATION_TITLE = re.compile(
    r"^\s*(?:Interpellation(?:\s+(?:till|om|angående|gällande|ställd|av|nr|\d)|\s*$|\s*:)"
    r"|Svar på interpellation|Interpellationssvar)",
    re.IGNORECASE,
)
ADDRESSED = re.compile(r"^\s*(?:Ställd till|Till|Interpellation till)\s*:?\s+\S", re.IGNORECASE)
#: Labels of a protokoll's title page ("Plats och tid", "Utses att justera", "ANSLAG/BEVIS" …).
#: Some PDF extractors run the whole title page into one line, so these are also counted
#: anywhere in the opening text; several different ones together only occur on a protokoll.
INLINE_MEETING_LABELS = re.compile(
    r"\b(?:Plats och tid|Tid och plats|Utses att justera|Utsedda? att justera|Justeringens plats och tid"
    r"|Plats och tid för justering|Tid och plats för justering|Justerade paragrafer|Paragrafer|Underskrifter"
    r"|ANSLAG/BEVIS|BEVIS OM ANSLAG"
    r"|Justeringen har tillkännagivits|Förvaringsplats för protokollet|Sammanträdesdatum|Beslutande)\b"
)
#: A title is a short line; a line this long is running text or a flattened page.
TITLE_LINE_LENGTH = 120
#: A head line this long is a whole page run together by the extractor.
FLATTENED_LINE_LENGTH = 400
POLICY_LABEL = re.compile(
    r"(?:^|\s{2,}|\|)(?:Typ av styrdokument|Dokumenttyp|Dokumentinfo|Beslutande instans|Fastställd av|Antagen av"
    r"|Beslutad av|Antagen|Fastställd|Ersätter|Giltighetstid|Gäller till|Gäller för|Gäller från"
    r"|Dokumentansvarig|Revideras senast|Ansvarig för revidering|Dokumentägare|Beslutsdatum|Datum för beslut)\s*:",
    re.IGNORECASE,
)
POLICY_TITLE = re.compile(
    r"(?:program|strategi|handlingsplan|policy|riktlinje|riktlinjer|reglemente|plan|anvisningar|rutin)\b",
    re.IGNORECASE,
)
STATEMENT_TITLE = re.compile(
    r"^\s*(?:Tjänsteskrivelse|Motionssvar|Svar på motion|Yttrande|Beslutsunderlag|Budgetskrivelse"
    r"|Beslutsförslag|Dokumenttyp:\s*Motionssvar)",
    re.IGNORECASE,
)
STATEMENT_LABEL = re.compile(r"^\s*(?:Handläggare|Diarienr|Diarienummer|Datum|Ärende|Mottagare)\s*:", re.IGNORECASE)
#: Headings of a tjänsteskrivelse or beslutsförslag (outside any § paragraph).
CASE_HEADINGS = re.compile(
    r"^\s*(Beskrivning av ärendet|Ärendebeskrivning|Motivering av beslut|Beslutsunderlag|Beslutet ska skickas till"
    r"|Ekonomiska konsekvenser|Förvaltningens bedömning|Bedömning|Barnkonsekvensanalys|Juridisk bedömning)\s*:?\s*$",
    re.MULTILINE | re.IGNORECASE,
)
NEWS_STAMP = re.compile(
    r"^\s*(?:Publicerad\s+)?\d{1,2} (?:jan|feb|mar|apr|maj|jun|jul|aug|sep|okt|nov|dec)[a-z]*\.? \d{4}"
    r"(?: \d{1,2}[:.]\d{2})?\s*$",
    re.IGNORECASE | re.MULTILINE,
)


@dataclass
class Classification:
    """The chosen kind (None when nothing is clear), every kind's score and the reasons."""

    kind: str | None
    scores: dict = field(default_factory=dict)
    reasons: dict = field(default_factory=dict)

    @property
    def explanation(self) -> str:
        if not self.kind:
            return "ingen dokumenttyp fick tillräckligt stöd"
        return f"{self.kind} ({self.scores[self.kind]:.1f}): " + "; ".join(self.reasons.get(self.kind, []))

    def strongly(self, kind: str) -> bool:
        """True when `kind` wins clearly (used to refuse a contradicting --kind)."""
        others = [score for name, score in self.scores.items() if name != kind]
        return self.scores.get(kind, 0) >= 8 and self.scores[kind] - max(others, default=0) >= 4


class _Evidence:
    def __init__(self):
        self.scores, self.reasons = {}, {}

    def add(self, kind, weight, reason):
        self.scores[kind] = self.scores.get(kind, 0.0) + weight
        self.reasons.setdefault(kind, []).append(reason)


def _counted(count: int, one: str, many: str) -> str:
    """ "1 rad", "3 rader": a reason the review screen shows as written."""
    return f"{count} {one if count == 1 else many}"


#: A line start that can open ATTESTATION: the first word of one of its forms (ignoring case as it
#: does; the look-ahead holds every letter that case-blind matching takes for their first letters).
ATTESTATION_CANDIDATE = re.compile(
    r"\n[^\S\n]*(?=[JjUuPpAaOo])(?i:juster|utdragsb|protokollsutdrag|anslag/|ordförandes)"
)


def _attestations(text: str) -> int:
    """How many lines open with a signature or attestation box, as `ATTESTATION.findall` counts them.

    The pattern is tried only at the start of a line that can open it, found by scanning
    for newlines, instead of at every position of the text. A box's words may still run
    onto the next line ("Justerandes" / "sign"): the pattern reads on in the text itself.
    """
    first_line = text.split("\n", 1)[0]
    count = 1 if first_line.strip() and ATTESTATION.match(text) else 0
    for candidate in ATTESTATION_CANDIDATE.finditer(text):
        if ATTESTATION.match(text, candidate.start() + 1):
            count += 1
    return count


def _asks(text: str) -> bool:
    """Whether MOTION_ASK matches `text`: its first form searched from the first verb, its
    second only at the start of the text and after each line break."""
    verbs = [position for position in (text.find("yrkar"), text.find("föreslår")) if position >= 0]
    if verbs and ASKING.search(text, min(verbs)):
        return True
    return bool(ATT_AT_START.match(text) or ATT_AFTER_BREAK.search(text))


def _inline_meeting_labels(text: str) -> int:
    """How many different protokoll title-page labels the opening text holds, wherever they stand."""
    return len({label.lower() for label in INLINE_MEETING_LABELS.findall(text[:4000])})


def classify(text: str) -> Classification:
    """Weigh the head and structure of `text` for each kind."""
    # Only the opening and closing non-blank lines are weighed (at most 150 and 40).
    opening = first_nonblank_lines(text, 150)
    closing = first_nonblank_lines(text, 40, from_end=True)
    head = opening[:HEAD_LINES]
    title_block = head[:8]
    tail = closing[-25:]
    evidence = _Evidence()

    # Every opener holds a "§": lines without one skip the pattern.
    openers = sum(1 for line in lines_with(text, "§") if OPENER_LINE.match(line))
    attestations = _attestations(text)
    if any(PROTOCOL_TITLE.search(line) for line in head[:12]):
        evidence.add("minutes", 4, "huvudet säger protokoll")
    meeting_lines = sum(1 for line in head if MEETING_HEAD.match(line))
    if meeting_lines:
        evidence.add(
            "minutes", min(4, 1.5 * meeting_lines), _counted(meeting_lines, "rad", "rader") + " ur ett protokollshuvud"
        )
    if attestations:
        evidence.add(
            "minutes",
            min(4, 2 + attestations / 4),
            _counted(attestations, "justerings- eller bestyrkanderuta", "justerings- eller bestyrkanderutor"),
        )
    flattened = any(len(line) > FLATTENED_LINE_LENGTH for line in head[:6])
    inline_labels = _inline_meeting_labels(text) if flattened else 0
    if inline_labels >= 3:
        reason = f"{inline_labels} protokollsrubriker i en hopslagen titelsida"
        evidence.add("minutes", min(8, 2 * inline_labels), reason)
    if openers:
        evidence.add(
            "minutes", min(4, 1.5 + openers / 2), _counted(openers, "paragrafrubrik", "paragrafrubriker") + " (§)"
        )
    elif evidence.scores.get("minutes", 0) >= MINIMUM_SCORE:
        # A protokoll head without one § head: the extractor may have lost the sign ("KS 136", "$ 12").
        lost_signs = restore_lost_signs(text.split("\n"))
        if lost_signs:
            openers = lost_signs.count
            evidence.add("minutes", min(3, 1 + openers / 2), lost_signs.reason)

    if any(MOTION_TITLE.match(line) for line in title_block):
        evidence.add("motion", 6, "titeln börjar som en motion eller ett initiativ")
    closing_proposal = "\n".join(closing[-30:])
    if _asks("\n".join(closing[-40:])) or (
        "förslag till beslut" in caseless(closing_proposal)
        and re.search(r"^\s*Förslag till beslut", closing_proposal, re.MULTILINE | re.IGNORECASE)
    ):
        evidence.add("motion", 2, "yrkande, förslag eller att-satser mot slutet")
    if PARTY_SIGNATURE.search("\n".join(closing[-3:])):
        evidence.add("motion", 2.5, "slutar med underskrift med parti")
        evidence.add("interpellation", 1, "undertecknad med parti")
    elif PARTY_SIGNATURE.search("\n".join(tail)):
        evidence.add("motion", 1.5, "undertecknad med parti")
        evidence.add("interpellation", 1, "undertecknad med parti")

    if any(INTERPELLATION_TITLE.match(line) for line in title_block):
        evidence.add("interpellation", 7, "titeln är en interpellation")
    if any(ADDRESSED.match(line) for line in head[:12]):
        evidence.add("interpellation", 1.5, "anger vem den är ställd till")
    if sum(1 for line in closing[-40:] if line.rstrip().endswith("?")) >= 1:
        evidence.add("interpellation", 1, "frågor mot slutet")

    labels = sum(1 for line in head if ":" in line for _match in POLICY_LABEL.finditer(line))
    if labels:
        evidence.add("policy", min(7, 2 * labels), f"{labels} metadatafält för styrdokument")
    if any(POLICY_TITLE.search(line) for line in title_block[:5] if len(line) <= TITLE_LINE_LENGTH) and not openers:
        evidence.add("policy", 3, "titeln namnger ett styrdokument")
    contents = "\n".join(opening[:60])
    if "Innehåll" in contents and re.search(r"^\s*Innehåll(?:sförteckning)?\s*:?\s*$", contents, re.MULTILINE):
        evidence.add("policy", 1, "har en innehållsförteckning")

    statement_titles = sum(1 for line in title_block if STATEMENT_TITLE.match(line))
    if statement_titles:
        evidence.add(
            "statement", 3 + 2 * min(statement_titles, 2), "titeln är en tjänsteskrivelse, ett svar eller ett underlag"
        )
    statement_labels = sum(1 for line in head[:10] if STATEMENT_LABEL.match(line))
    if statement_labels >= 2:
        evidence.add("statement", 3, "handläggare/diarienummer i huvudet")
    case_headings = 0 if openers else len(set(CASE_HEADINGS.findall("\n".join(opening[:150]))))
    if case_headings >= 2 and not openers:
        evidence.add(
            "statement",
            1.5 * min(case_headings, 3),
            _counted(case_headings, "rubrik", "rubriker") + " ur en tjänsteskrivelse",
        )
    signed_by_party = PARTY_SIGNATURE.search("\n".join(closing[-3:]))
    head_text = "\n".join(head[:12])
    early_proposal = "förslag till beslut" in caseless(head_text) and re.search(
        r"^\s*Förslag till beslut\b", head_text, re.MULTILINE | re.IGNORECASE
    )
    if early_proposal and not openers and not signed_by_party:
        evidence.add("statement", 2, "förslag till beslut tidigt i texten")

    if any(NEWS_STAMP.match(line) for line in head[:6]):
        evidence.add("news", 4, "har en publiceringsstämpel")
    news_text = text[:20000]
    if ", säger " in news_text and re.search(r"\s[–-] [^.\n]+, säger [A-ZÅÄÖ]", news_text):
        evidence.add("news", 2, "citat med ”säger”")

    scores = evidence.scores
    # A run-together page titled protokoll has lost its § signs to the extractor; it is still a protokoll.
    flattened_protocol = flattened and PROTOCOL_TITLE.search(" ".join(head[:2])[:200])
    if not openers and "minutes" in scores and inline_labels < 3 and not flattened_protocol:
        # Minutes without a single § heading cannot be parsed as minutes.
        scores["minutes"] = min(scores["minutes"], 2.0)
        evidence.reasons["minutes"].append("men inga paragrafrubriker")
    if scores.get("minutes", 0) >= 8:
        # A protokoll's own head outweighs words quoted from the documents it deals with.
        for other in ("motion", "interpellation", "statement", "policy"):
            if other in scores:
                scores[other] = min(scores[other], scores["minutes"] - 4)
    best = max(scores, key=lambda kind: scores[kind], default=None)
    kind = best if best and scores[best] >= MINIMUM_SCORE else None
    return Classification(kind, {k: round(v, 1) for k, v in scores.items()}, evidence.reasons)


def detect_kind(text: str) -> str | None:
    """One of KINDS or RECOGNISED_ONLY, or None when the text looks like none of them."""
    return classify(text).kind
