"""Decisions that end or report on an earlier assignment, and how to find that assignment.

An organ closes an assignment in a few set phrasings: "Kommunfullmäktiges uppdrag
2021-11-25 § 23 att … förklaras fullgjort", "Uppdraget anses slutfört", "Uppdraget
avslutas". It takes note of a report with "Redovisningen godkänns", "Återrapporteringen
noteras/läggs till handlingarna", usually in a § titled "Redovisning av uppdrag att …" or
"Återrapportering …". Each becomes a `CompletionEvent` naming the earlier decision as
precisely as the text does (organ, date, §, point, diarienummer, the task's words), so the
writer can link it to the stored assignment and the register shows it as reported or done.
"""

import re
from dataclasses import dataclass, field, fields
from datetime import date

from . import swedish
from .patterns import caseless, search_from

COMPLETE = "complete"
REPORT = "report"
WITHDRAW = "withdraw"

#: "Uppdraget … återkallas/upphävs/dras tillbaka": the organ takes the assignment back.
WITHDRAWN = re.compile(
    r"\buppdrag(?:et|en)?\b[^.]{0,200}?\b(?:återkallas|upphävs|dras\s+tillbaka|ska\s+inte\s+längre\s+genomföras)\b"
    r"|\b(?:återkallar|upphäver)\b[^.]{0,40}?\buppdrag(?:et|en)?\b",
    re.IGNORECASE,
)

#: "förklaras fullgjort", "anses slutfört", "betraktas som avslutat", "förklarar uppdraget fullgjort".
COMPLETED = re.compile(
    r"\b(?:förklaras|förklaras\s+härmed|anses|betraktas|bedöms|förklarar|förklarade)\b[^.]{0,80}?"
    r"(?P<negation>\b(?:inte|ej)\s+(?:vara\s+|som\s+)?)?"
    r"\b(?:fullgjort|fullgjorda|avslutat|avslutade|slutfört|slutförda|genomfört|genomförda|verkställt|verkställda"
    r"|utfört|utförda|färdigt)\b"
    r"|\buppdrag(?:et|en)?\b[^.]{0,200}?\b(?:avslutas|avskrivs|är\s+(?:därmed\s+|härmed\s+)?(?:fullgjort|slutfört|avslutat))\b"
    r"|\b(?:avslutar|avskriver)\s+(?:därmed\s+|härmed\s+)?uppdrag(?:et|en)?\b",
    re.IGNORECASE,
)
#: "Redovisningen godkänns", "Återrapporteringen noteras", "… läggs till handlingarna".
REPORTED = re.compile(
    r"\b(?:redovisning|återrapportering|återredovisning|slutrapport|delrapport|lägesrapport|rapport|uppföljning"
    r"|information|svar)(?:en|et|erna)?\b[^.]{0,240}?"
    r"\b(?:godkänns|godkändes|noteras|antecknas|läggs\s+till\s+handlingarna|lades\s+till\s+handlingarna"
    r"|tas\s+emot|tas\s+till\s+dagens\s+protokoll|tas\s+till\s+protokollet|överlämnas)\b"
    r"|\b(?:godkänner|noterar|antecknar|tar\s+emot|tar\s+del\s+av|tagit\s+del\s+av)\b[^.]{0,40}?"
    r"\b(?:redovisning|återrapportering|återredovisning|information"
    r"|rapport)(?:en|erna)?\b"
    r"|\b(?:lägger|lägga)\b[^.]{0,120}?\b(?:redovisning|återrapportering|återredovisning|rapport|information)"
    r"(?:en|erna)?\b[^.]{0,40}?\btill\s+handlingarna\b",
    re.IGNORECASE,
)
#: Words that tie a "godkänns/noteras" to an assignment rather than to any report.
ABOUT_ASSIGNMENT = re.compile(r"\buppdrag|\båterrapport|\båterredovis", re.IGNORECASE)
#: A § whose title says it reports on an assignment.
ASSIGNMENT_TITLE = re.compile(
    r"^(?:(?:slut|del)?redovisning|återrapportering|återredovisning|(?:slut|del|läges)?rapport|uppföljning|svar)"
    r"\b[^.]{0,80}?\buppdrag"
    r"|^återrapport\w*\b|^återredovis\w*\b|^(?:redovisning|rapportering)\s+av\s+(?:\w+\s+){0,3}?uppdrag"
    r"|^(?:[\wåäö]+s\s+)?uppdrag\b",  # "Uppdrag: Översyn av …", "Kommunfullmäktiges uppdrag om …"
    re.IGNORECASE,
)
#: Reports that are routine and never an assignment's end.
ROUTINE = re.compile(
    r"delegationsbeslut|årsredovisning|bokslut|delårsrapport|intern\s+kontroll|internkontroll|anmälningsärenden"
    r"|meddelanden|närvaro|förrättningar|attest|finansverksamhet|kapitalförvaltning|månadsrapport|månadsuppföljning",
    re.IGNORECASE,
)

#: One of these stands in every sentence WITHDRAWN, COMPLETED or REPORTED can match: a
#: sentence without any of them is passed over before the patterns run.
COMPLETION_STEMS = (
    "uppdrag", "fullgjor", "avslut", "slutför", "genomför", "verkställ", "utför", "färdig", "avskriv",
    "godkän", "noter", "anteckn", "handlingarna", "emot", " del av", "protokoll", "överlämna",
)  # fmt: skip
#: The stems without a space, found as well before the whitespace is collapsed.
COMPLETION_WORDS = tuple(stem for stem in COMPLETION_STEMS if " " not in stem)


def _holds_completion_stem(lowered: str) -> bool:
    """Whether lower-cased text, its whitespace collapsed, holds one of COMPLETION_STEMS."""
    if any(stem in lowered for stem in COMPLETION_WORDS):
        return True
    if "del" not in lowered:
        return False  # (" del av" needs it)
    collapsed = " ".join(lowered.split())
    return any(stem in collapsed for stem in COMPLETION_STEMS)


#: Words each pattern needs (read `caseless`, whitespace as single spaces): COMPLETED a stem
#: of its participles or verbs, WITHDRAWN one of its verbs, REPORTED one of its verbs. Each
#: pattern also begins with one of its `…_STARTS`.
COMPLETED_STEMS = ("fullgjor", "avslut", "slutför", "genomför", "verkställ", "utför", "färdig", "avskriv")
WITHDRAWN_STEMS = ("återkall", "upphäv", "dras tillbaka", "ska inte längre genomföras")
REPORTED_STEMS = ("godkän", "noter", "anteckn", "handlingarna", "emot", "tas till", "del av", "överlämnas")
FORM_STEMS = COMPLETED_STEMS + WITHDRAWN_STEMS + REPORTED_STEMS
#: COMPLETED's three forms in turn need: one of its verbs and one of its participles; "uppdrag"
#: and one of its closing words; "avslutar"/"avskriver".
COMPLETED_VERBS = ("förklara", "anses", "betraktas", "bedöms")
COMPLETED_PARTICIPLES = (
    "fullgjort", "fullgjord", "avslutat", "avslutad", "slutfört", "slutförd", "genomfört", "genomförd",
    "verkställt", "verkställd", "utfört", "utförd", "färdigt",
)  # fmt: skip
COMPLETED_CLOSINGS = ("avslutas", "avskrivs", "fullgjort", "slutfört", "avslutat")
COMPLETED_ACTIVE = ("avslutar", "avskriver")
WITHDRAWN_STARTS = ("uppdrag", "återkallar", "upphäver")
REPORTED_STARTS = (
    "redovisning", "återrapportering", "återredovisning", "slutrapport", "delrapport", "lägesrapport", "rapport",
    "uppföljning", "information", "svar", "godkänner", "noterar", "antecknar", "tar", "tagit", "lägg",
)  # fmt: skip

DIGIT = re.compile(r"\d")
ISO_DATE = re.compile(r"\b((?:19|20)\d{2})-(\d{2})-(\d{2})\b")
PARAGRAPH = re.compile(r"§\s*(\d{1,4})")
POINT = re.compile(r"\b(?:p\.|punkt|pkt\.?)\s*(\d{1,2})\b", re.IGNORECASE)
CASE = re.compile(
    r"\b(?:dnr|diarienummer|diarienr|ärendenummer)\.?\s*:?\s*"
    r"(?P<number>[A-ZÅÄÖ]{0,6}[\s-]?\d{2,4}[./:-]\d{1,6}(?:[./:-]\d{1,6})?)",
    re.IGNORECASE,
)
_OWNER_BY_NAME = (
    r"\b(?P<organ>[A-ZÅÄÖa-zåäö][\wåäö\-]*?(?:fullmäktige|styrelse|nämnd|utskott|beredning)\w*?)"
    r"s?\s+(?:uppdrag|beslut)\b"
)
_OWNER_BY_ABBREVIATION = (
    r"\b(?P<abbreviation>[A-ZÅÄÖ]{2,6})\s+(?=(?:den\s+)?(?:\d{4}-\d{2}-\d{2}|\d{1,2}\s+[a-zåäö]+\s+\d{4}))"
)
ORGAN_OWNER = re.compile(_OWNER_BY_NAME + "|" + _OWNER_BY_ABBREVIATION, re.IGNORECASE)
#: ORGAN_OWNER's two forms apart (see `_organ_owner`), and the organ words the first needs.
OWNER_BY_NAME = re.compile(_OWNER_BY_NAME, re.IGNORECASE)
OWNER_BY_ABBREVIATION = re.compile(_OWNER_BY_ABBREVIATION, re.IGNORECASE)
ORGAN_WORDS = ("fullmäktige", "styrelse", "nämnd", "utskott", "beredning")
TASK = re.compile(
    r"\batt\s+(?P<task>.+?)(?:,?\s+(?:antecknas|förklaras|anses|betraktas|godkänns|noteras|läggs|avslutas)\b|$)",
    re.IGNORECASE,
)


@dataclass
class AssignmentReference:
    """How a decision names the earlier assignment; any part may be missing."""

    organ: str = ""
    decided_on: date | None = None
    paragraph: int | None = None
    point: int | None = None
    case_number: str = ""
    task: str = ""


@dataclass
class CompletionEvent:
    """One decision that completes or reports on an earlier assignment."""

    kind: str  # COMPLETE, REPORT or WITHDRAW
    sentence: str
    reference: AssignmentReference = field(default_factory=AssignmentReference)
    paragraph_title: str = ""
    proposed: bool = False  # only recommended to another organ, which will decide it

    def as_dict(self) -> dict:
        """`dataclasses.asdict`, the date as ISO text; the fields hold plain values, so no deep copy."""
        data = {field.name: getattr(self, field.name) for field in fields(self)}
        data["reference"] = {field.name: getattr(self.reference, field.name) for field in fields(self.reference)}
        data["reference"]["decided_on"] = self.reference.decided_on.isoformat() if self.reference.decided_on else None
        return data


def _date_before_paragraph(text):
    """(date, §) when a date is followed closely by "§ N", else the first date and §."""
    for match in ISO_DATE.finditer(text):
        tail = text[match.end() : match.end() + 20]
        paragraph = PARAGRAPH.search(tail)
        if paragraph:
            return swedish.parse_iso(match.group(0)), int(paragraph.group(1))
    written = swedish.WRITTEN_DATE.search(text)
    day = swedish.parse_iso(text) or (swedish.parse_written(written.group(0)) if written else None)
    paragraph = PARAGRAPH.search(text)
    return day, int(paragraph.group(1)) if paragraph else None


def _organ_owner(text: str, folded: str, has_digit: bool) -> str:
    """The organ ORGAN_OWNER finds in `text` (`folded`: `caseless(text)`), or "".

    Its two forms are searched apart and the leftmost match kept (at one position the
    first form, as the alternation would): the first only when the text holds an organ
    word and "uppdrag" or "beslut", and from the start of the word the first organ word
    stands in; the second (an abbreviation before a date) only when it holds a digit.
    """
    by_name = by_abbreviation = None
    places = [place for place in map(folded.find, ORGAN_WORDS) if place >= 0]
    if places and ("uppdrag" in folded or "beslut" in folded):
        start = min(places) if len(folded) == len(text) else 0
        while start > 0 and (folded[start - 1].isalnum() or folded[start - 1] in "_-"):
            start -= 1  # back to the start of its word: the name begins there at the earliest
        by_name = OWNER_BY_NAME.search(text, start)
    if has_digit:
        by_abbreviation = OWNER_BY_ABBREVIATION.search(text)
    if by_name and not (by_abbreviation and by_abbreviation.start() < by_name.start()):
        return by_name.group("organ") or ""
    return (by_abbreviation.group("abbreviation") or "") if by_abbreviation else ""


def parse_reference(text: str) -> AssignmentReference:
    """The earlier decision a sentence or a title names ("KS 2022-03-01 § 45", "dnr 2023/12")."""
    # Dates, §, points and diarienummer need a digit; an owner needs a date or "uppdrag"/"beslut".
    has_digit = DIGIT.search(text) is not None
    folded = caseless(text)
    decided_on, paragraph = _date_before_paragraph(text) if has_digit else (None, None)
    organ = _organ_owner(text, folded, has_digit)
    point = POINT.search(text) if has_digit else None
    case = CASE.search(text) if has_digit else None
    task = TASK.search(text) if "att" in folded else None
    return AssignmentReference(
        organ=organ,
        decided_on=decided_on,
        paragraph=paragraph,
        point=int(point.group(1)) if point else None,
        case_number=" ".join(case.group("number").split()) if case else "",
        task=task.group("task").strip().rstrip(",. ") if task else "",
    )


def _merge(primary, fallback):
    """Fields of `primary`, filled in from `fallback` where the sentence left them out."""
    for name in ("organ", "decided_on", "paragraph", "point", "case_number", "task"):
        if not getattr(primary, name) and getattr(fallback, name):
            setattr(primary, name, getattr(fallback, name))
    return primary


def _completed_starts(words: str) -> tuple[str, ...]:
    """The words a COMPLETED match in this sentence (`caseless`, whitespace collapsed) can begin with.

    Only the forms whose words the sentence holds can match; none, and it needs no search.
    """
    if not any(stem in words for stem in COMPLETED_STEMS):
        return ()
    starts = ()
    if any(verb in words for verb in COMPLETED_VERBS) and any(part in words for part in COMPLETED_PARTICIPLES):
        starts += COMPLETED_VERBS
    if "uppdrag" in words and any(closing in words for closing in COMPLETED_CLOSINGS):
        starts += ("uppdrag",)
    if any(active in words for active in COMPLETED_ACTIVE):
        starts += COMPLETED_ACTIVE
    return starts


class _Reading:
    """What the three patterns find in a sentence, whatever the §'s title (a report when asked)."""

    def __init__(self, sentence, folded, words):
        self.sentence, self.folded, self.words = sentence, folded, words
        withdrawn = "uppdrag" in words and any(stem in words for stem in WITHDRAWN_STEMS)
        self.withdrawn = bool(withdrawn and search_from(WITHDRAWN, sentence, WITHDRAWN_STARTS, folded))
        starts = () if self.withdrawn else _completed_starts(words)
        self.completed = search_from(COMPLETED, sentence, starts, folded) if starts else None
        self._reported = None

    @property
    def reported(self) -> bool:
        if self._reported is None:
            self._reported = bool(
                any(stem in self.words for stem in REPORTED_STEMS)
                and search_from(REPORTED, self.sentence, REPORTED_STARTS, self.folded)
            )
        return self._reported


def _reading(sentence: str, readings: dict | None) -> _Reading | None:
    """The sentence's `_Reading`, None when it holds none of the patterns' words; `readings`
    keeps those of a § for its next question (an assignment's test, then the completions)."""
    if readings is not None and sentence in readings:
        return readings[sentence]
    reading = None
    if _holds_completion_stem(sentence.lower()):
        folded = caseless(sentence)  # (positions as written, for `search_from`)
        words = " ".join(folded.split())
        if any(stem in words for stem in FORM_STEMS):
            reading = _Reading(sentence, folded, words)
    if readings is not None:
        readings[sentence] = reading
    return reading


def completion_kind(sentence: str, title: str = "", readings: dict | None = None) -> str | None:
    """COMPLETE, REPORT or WITHDRAW when a decided sentence records one, else None.

    A report ("Redovisningen godkänns") counts only when the sentence or the §'s title
    ties it to an assignment; approving the delegation list or the annual report does not.
    `readings` (see `_reading`) lets the questions about one § share their work.
    """
    reading = _reading(sentence, readings)
    if reading is None:
        return None
    if reading.withdrawn:
        return WITHDRAW
    completed = reading.completed
    if completed and not completed.group("negation") and ABOUT_ASSIGNMENT.search(sentence + " " + title):
        return COMPLETE
    if completed and not completed.group("negation") and ASSIGNMENT_TITLE.search(title.strip()):
        return COMPLETE
    if (
        reading.reported
        and not ROUTINE.search(sentence + " " + title)
        and (ABOUT_ASSIGNMENT.search(sentence) or ASSIGNMENT_TITLE.search(title.strip()))
    ):
        return REPORT
    return None


def completion_in(sentence: str, title: str = "") -> CompletionEvent | None:
    """The completion or report a decided sentence records (see `completion_kind`), or None."""
    kind = completion_kind(sentence, title)
    return _event(kind, sentence, title, parse_reference(title)) if kind else None


def _event(kind, sentence, title, title_reference):
    """The event of `kind` in `sentence`; `title_reference` (`parse_reference(title)`) is only read."""
    reference = _merge(parse_reference(sentence), title_reference)
    if not reference.task and ASSIGNMENT_TITLE.search(title.strip()):
        task = re.search(r"\buppdrag(?:et)?\s+(?:om\s+|att\s+|gällande\s+|avseende\s+)?(?P<task>.+)$", title, re.I)
        reference.task = task.group("task").strip() if task else ""
    return CompletionEvent(kind=kind, sentence=sentence.strip(), reference=reference, paragraph_title=title.strip())


def completions_in(
    items: list[str], title: str = "", proposed: list[bool] | None = None, readings: dict | None = None
) -> list[CompletionEvent]:
    """Every completion or report in a paragraph's decided items, at most one per sentence.

    `proposed` flags, per item, a point only recommended to another organ; `readings`: see
    `completion_kind`.
    """
    events = []
    title_reference = None  # the title's reference, read once for all its sentences
    for index, item in enumerate(items):
        # Its sentences hold a completion only with one of the stems (see `completion_kind`).
        if not _holds_completion_stem(item.lower()):
            continue
        for sentence in swedish.sentences(item):
            kind = completion_kind(sentence, title, readings)
            if kind is None:
                continue
            if title_reference is None:
                title_reference = parse_reference(title)
            event = _event(kind, sentence, title, title_reference)
            event.proposed = bool(proposed and proposed[index])
            events.append(event)
    return events


# Linking -------------------------------------------------------------------------------

WORD = re.compile(r"[a-zåäöé]{4,}")


def _words(text):
    return set(WORD.findall((text or "").lower()))


def similarity(first: str, second: str) -> float:
    """Share of the shorter text's words found in the other (0–1); cheap and order-free."""
    a, b = _words(first), _words(second)
    if not a or not b:
        return 0.0
    return len(a & b) / min(len(a), len(b))


@dataclass
class Candidate:
    """What the linker needs to know of a stored assignment."""

    key: object
    decided_on: date | None
    paragraph: int | None
    case_number: str
    task: str
    paragraph_title: str = ""


def link_score(event: CompletionEvent, candidate: Candidate, case_number: str = "") -> float:
    """How well a stored assignment fits the event; 0 rules it out.

    A stated date and § must agree; then the diarienummer (the event's own or its §'s) and
    the words of the task decide between the assignments of one §.
    """
    reference = event.reference
    score = 0.0
    if reference.decided_on:
        if candidate.decided_on != reference.decided_on:
            return 0.0
        score += 2
    if reference.paragraph is not None:
        if candidate.paragraph != reference.paragraph:
            return 0.0
        score += 2
    wanted_case = reference.case_number or case_number
    if wanted_case and candidate.case_number and wanted_case == candidate.case_number:
        score += 2
    words = similarity(reference.task or event.paragraph_title, candidate.task + " " + candidate.paragraph_title)
    score += 2 * words
    if not reference.decided_on and not (wanted_case and wanted_case == candidate.case_number) and words < 0.5:
        return 0.0
    return score


def best_link(event: CompletionEvent, candidates: list[Candidate], case_number: str = "") -> Candidate | None:
    """The stored assignment the event ends or reports on, or None when nothing fits well."""
    scored = [(link_score(event, candidate, case_number), candidate) for candidate in candidates]
    scored = [(score, candidate) for score, candidate in scored if score >= 2]
    if not scored:
        return None
    return max(scored, key=lambda pair: pair[0])[1]
