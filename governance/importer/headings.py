"""Paragraph heads of a protokoll in the forms municipalities write them.

"§ 12", "§12", "§ 12 Dnr 2023/45", "§ 72 2025.493 KS", "KS § 1   DNR:KU/2007.9",
"§ 4 0123/22 Title of the matter", "§ 25   Title", "§ 12 Title   Dnr 2023/45", the
diarienummer on a line of its own ("Dnr KS 2024/17", "Diarienummer: …", "Ärendenummer …",
"Bun/2022:1052   600"), and the title on the lines after the head up to the first section
heading. What is not a head: "§ 71 forts" (a page break inside § 71), tables of contents
and reference lists ("§ 34 Information … § 35 …" line after line), "§ 5 kommunallagen",
references to another organ's § ("KU § 317" inside a KS protokoll).
"""

import re
from dataclasses import dataclass, field
from itertools import accumulate
from operator import sub

from . import swedish
from .patterns import lines_holding

DNR_LABEL = (
    r"(?i:Diarienummer|Diarienr|Diarie\s?nr|Ärendenummer|Ärendenr|Ärende\s?nr|Dnr|Ärende-ID|Beteckning)\.?\s*:?\s*"
)
_NOT_A_DATE = r"(?!(?:19|20)\d{2}-\d{2}-\d{2}(?!\d))(?!(?:19|20)\d{2}\s?[-–]\s?(?:19|20)\d{2}(?!\d))"
#: A diarienummer's series: an abbreviation ("KS", "SLK", "Bun", "Ks", "KSau"), not a word
#: that opens a title ("Motion 2023:15 om cykelvägar", "Rapport 2023:12").
DNR_SERIES = r"(?:[A-ZÅÄÖ]{1,7}|[A-ZÅÄÖ][a-zåäö]{1,3}|[A-ZÅÄÖ]{2,4}[a-zåäö]{1,3})"
_DNR_NUMBER = (
    _NOT_A_DATE + r"(?:(?:19|20)\d{2}(?:[./:-]|\.\s)\d{1,6}"
    r"|\d{1,5}/\d{2}(?!\d)|\d{1,5}/(?:19|20)\d{2})(?::-?\d{1,4}|-\d{1,4})?"
)
#: The series before the number ("KS 2024/17") or after it ("2025.493 KS"), never both: in a
#: line in capitals, "SLK-2023-00369 EXTRA MÅNADSUPPFÖLJNING" ends its number before "EXTRA".
DNR_VALUE = (
    rf"(?:{DNR_SERIES}(?:[ /-]|\s?/\s?){_DNR_NUMBER}"
    rf"|{_DNR_NUMBER}(?:\s(?:[A-ZÅÄÖ]{{1,6}}|[A-ZÅÄÖ]{{2,5}}-\d{{3}})(?![\wåäö-]))?)"
)
DNR_ONLY = re.compile(rf"^\s*(?:{DNR_LABEL})?(?P<number>{DNR_VALUE})(?:\s{{2,}}\d{{3}}(?:[.:-]\d+)?)?\s*$")
LABELLED_DNR = re.compile(rf"^\s*{DNR_LABEL}(?P<number>{DNR_VALUE}|\S*\d\S*)\s*$", re.IGNORECASE)
LEADING_DNR = re.compile(rf"^(?:{DNR_LABEL})?(?P<number>{DNR_VALUE})(?=\s|$)")
TRAILING_DNR = re.compile(rf"(?:\s{DNR_LABEL}|\s{{2,}}|\s)(?P<number>{DNR_VALUE})\s*$")
TRAILING_LABELLED = re.compile(rf"\s{DNR_LABEL}(?P<number>\S*\d\S*(?:\s[A-ZÅÄÖ]{{1,6}})?)\s*$")

#: The organ's abbreviation before "§": "KS", "BUN AU", and in smaller municipalities "Ks", "Sn", "Bun au".
ORGAN_PREFIX = r"[A-ZÅÄÖ]{1,6}(?:\s?AU)?|[A-ZÅÄÖ][a-zåäö]{1,3}(?:\s?[Aa][Uu])?"
#: "§ 12 …", "KS § 1 …", "Ks § 1 …", "§12"; the organ prefix is kept to compare with the others.
OPENER = re.compile(
    rf"^\s*(?:(?P<prefix>{ORGAN_PREFIX})\s+)?§\s?(?P<number>\d{{1,4}})(?![\d.,:])(?!\s*[-–]\s*\d)"
    r"(?P<rest>.*)$"
)
#: "§ 63/20", "§ 7/2024": a paragraph number written with its year.
YEAR_SUFFIX = re.compile(r"^/(?:\d{2}|(?:19|20)\d{2})(?=\s|$)\s*")
#: "Sn § 50 Au § 84 Dnr …": the same matter's § in the organs that handled it before.
EARLIER_HANDLING = re.compile(rf"^(?:(?:{ORGAN_PREFIX})\s+§\s?\d{{1,4}}(?:/\d{{2,4}})?\s*)+")
CONTINUED = re.compile(r"^\s*(?:forts\.?|fortsättning)(?:\s|$)", re.IGNORECASE)
#: "Informationsärenden 4", "Meddelanden 2024/2 40": a contents entry's page number, not a diarienummer.
TITLE_ONLY_NUMBER = re.compile(r"[A-Za-zåäö)]\s\d{1,3}$")
LABELLED_AT_START = re.compile(rf"^{DNR_LABEL}(?P<number>\S*\d\S*(?:\s[A-ZÅÄÖ]{{1,6}}(?![\wåäö]))?)")
LABEL_AT_START = re.compile(DNR_LABEL, re.IGNORECASE)
SUB_PARAGRAPH_LETTER = re.compile(r"^[a-h]\s+(?=[A-ZÅÄÖ0-9])")
SPACED_DECIMAL = re.compile(r"(\d)\.\s(\d)")
CONTENTS_PAGE_NUMBER = re.compile(r"[A-Za-zåäö)]\s+\d{1,3}\s*$")
#: Every diarienummer pattern needs a digit: lines without one skip them.
DIGIT = re.compile(r"\d")
ABBREVIATED_END = re.compile(r"\b(?:kap|nr|st|resp|ca|jfr|m\.fl|bl\.a)\.$")
LIST_START = re.compile(r"^[A-Z]/\s|^[-•–*]\s")
TRAILING_DASH = re.compile(r"\s+([–-])\s*$")
SPACE_AFTER_DASH = re.compile(r"(?<=[–-])\s(?=\d)")
SENTENCE_END = (".", "!", "?", ":")
#: How far a § number can follow the one before it in a run of heads (see `_increasing`).
NEXT_NUMBER_STEP = range(1, 61)
TITLE_CONNECTORS = (",", "-", "–", " och", " för", " till", " av", " i", " om", " med", " samt", " på", " vid", " att")


#: Two headings the extractor ran into one line: "BARN- OCH UTBILDNINGSNÄMNDENS BEHANDLING
#: 2023-01-02 Barn- och utbildningsnämndens beslut"; the dated one in capitals closes, the
#: decision heading after it opens the decision.
DATED_HEADING_BEFORE = re.compile(r"^[A-ZÅÄÖ][A-ZÅÄÖ -]+ \d{4}-\d{2}-\d{2} (?=\S)")


def after_dated_heading(line: str) -> str | None:
    """What follows a dated heading in capitals that the extractor ran into `line`, or None;
    each reader of decision headings tests it with its own pattern."""
    before = DATED_HEADING_BEFORE.match(line)
    return line[before.end() :] if before else None


@dataclass
class Opener:
    index: int
    number: int
    prefix: str
    rest: str
    #: `split_head_line(rest)`, once read (see `head`).
    _head: tuple | None = field(default=None, repr=False, compare=False)

    @property
    def head(self) -> tuple[str, str | None]:
        """(title part, diarienummer) of the head line, read once however often it is asked for."""
        if self._head is None:
            self._head = split_head_line(self.rest)
        return self._head


def clean_case_number(value: str | None) -> str | None:
    """Whitespace collapsed; a publisher's meaningless ":-1" item suffix dropped."""
    if not value:
        return None
    value = " ".join(value.split()).strip(" ,;")
    if ". " in value:
        value = SPACED_DECIMAL.sub(r"\1.\2", value)
    return value.removesuffix(":-1") or None


SUB_PARAGRAPH_LETTERS = frozenset("abcdefgh")


def opener_at(line: str) -> Opener | None:
    match = OPENER.match(line)
    if not match:
        return None
    rest = match.group("rest").strip()
    if CONTINUED.match(rest):
        return None
    if rest[:1] in SUB_PARAGRAPH_LETTERS:
        rest = SUB_PARAGRAPH_LETTER.sub("", rest)  # "KS § 3 a DNR:…": a sub-paragraph letter
    if rest.startswith("/"):
        rest = YEAR_SUFFIX.sub("", rest)  # "§ 63/20 Title": the number carries the year
    if rest and not (rest[0].isupper() or rest[0].isdigit() or LABEL_AT_START.match(rest)):
        return None  # "§ 5 kommunallagen", "§ 12 i förordningen"
    return Opener(-1, int(match.group("number")), (match.group("prefix") or "").replace(" ", ""), rest)


def is_continuation_head(line: str) -> bool:
    """ "§ 71 forts   Dnr 2023/314": a page break inside § 71, page furniture."""
    match = OPENER.match(line)
    return bool(match and CONTINUED.match(match.group("rest").strip()))


class _Gaps:
    """Non-blank lines strictly between two lines: all lines are counted once, when first asked."""

    def __init__(self, lines):
        self.lines = lines
        self.nonblank = None  # how many non-blank lines precede each position (and the end)

    def __call__(self, start, end):
        if self.nonblank is None:
            self.nonblank = list(accumulate(map(bool, map(str.strip, self.lines)), initial=0))
        return self.nonblank[end] - self.nonblank[start + 1] if end > start else 0


@dataclass
class ReadHeads:
    """A document's § head lines already read, so the calls of `find_openers` for one
    document (before and after its page furniture is removed) read each line once."""

    openers: dict = field(default_factory=dict)  # line → (number, prefix, rest), or None
    heads: dict = field(default_factory=dict)  # rest → `split_head_line(rest)`


def find_openers(lines: list[str], known: ReadHeads | None = None, text: str = "") -> list[Opener]:
    """The lines that open a § paragraph, tables of contents and reference lists left out.

    `known` holds what earlier calls for the same document read; `text` is the lines
    joined, when the caller has it.
    """
    known = ReadHeads() if known is None else known
    candidates = []
    for index in lines_holding(lines, "§", text):
        line = lines[index]
        if "§" not in line[:12]:
            continue
        if line not in known.openers:
            read = opener_at(line)
            known.openers[line] = (read.number, read.prefix, read.rest) if read else None
        if known.openers[line] is None:
            continue
        opener = Opener(-1, *known.openers[line])
        previous = lines[index - 1].strip() if index else ""
        # A "§ 924" broken onto its own line inside running text is not a head: heads
        # follow a blank line, a finished sentence, a short (header) line or another head.
        if (
            previous
            and not previous.endswith(SENTENCE_END)
            and len(previous) >= 70
            and not OPENER.match(previous)
            and not re.search(r"\d\s*$", previous)
        ):
            continue
        opener.index = index
        candidates.append(opener)
    # The organ prefix ("KS § 1") must be the document's own, not a reference ("KU § 317").
    prefixes = [c.prefix for c in candidates if c.prefix]
    if prefixes:
        own = max(set(prefixes), key=prefixes.count)
        candidates = [c for c in candidates if c.prefix in ("", own)] if prefixes.count(own) >= 2 else candidates
    # A head with no title on its line ("§ 31 2026.002 TEN") is never a list entry.
    for candidate in candidates:
        candidate._head = known.heads.get(candidate.rest)
        if candidate._head is None:
            known.heads[candidate.rest] = candidate.head
    titled = [bool(c.head[0]) for c in candidates]
    gap = _Gaps(lines)
    listed = set()
    run = [0] if candidates else []
    for position in range(1, len(candidates) + 1):
        close = (
            position < len(candidates)
            and titled[position]
            and titled[position - 1]
            # A contents list ends where its first number comes again: there the paragraphs begin.
            and candidates[position].number != candidates[run[0]].number
            and gap(candidates[position - 1].index, candidates[position].index) <= 2
        )
        if close:
            run.append(position)
            continue
        if len(run) >= 3 or (len(run) == 2 and candidates[run[1]].number != candidates[run[0]].number + 1):
            listed.update(run)
        elif len(run) == 2 and gap(candidates[run[0]].index, candidates[run[1]].index) == 0:
            listed.update(run)
        run = [position]
    kept = [c for position, c in enumerate(candidates) if position not in listed]
    return _increasing(gap, kept, len(lines))


def _increasing(gap, candidates, line_count):
    """The best run of heads with increasing numbers.

    Each head weighs 1 plus a little for the text under it, so where a number occurs
    twice (a cover page's list and the paragraph itself) the one with a body wins, and a
    stray high number (a reference) cannot block the real sequence after it.
    """
    if not candidates:
        return []
    numbers = [c.number for c in candidates]
    if all(map(NEXT_NUMBER_STEP.__contains__, map(sub, numbers[1:], numbers[:-1]))):
        # Each number follows the one before within 60: every head can follow the one
        # before it, each weighs at least 0.5 (see below), so the best run ending at a head
        # always goes through the head just before it (by at least 0.5 over any other) and
        # the best of all runs is the whole sequence, as the search below would find.
        return list(candidates)
    ends = [c.index for c in candidates[1:]] + [line_count]
    weights = [1 + min(40, gap(c.index, end)) / 100 for c, end in zip(candidates, ends, strict=True)]
    # A contents entry ("§ 1 Informationsärenden 4": title and page number) loses to the
    # same number's head further on.
    later = {}
    for position in range(len(candidates) - 1, -1, -1):
        number = candidates[position].number
        if number in later and CONTENTS_PAGE_NUMBER.search(candidates[position].rest):
            weights[position] -= 0.5
        later[number] = position
    best = list(weights)
    previous = [-1] * len(candidates)
    for position, number in enumerate(numbers):
        weight = weights[position]
        best_here, previous_here = best[position], -1
        start = max(0, position - 400)
        earlier_heads = zip(numbers[start:position], best[start:position], strict=True)
        for before, (earlier, earlier_best) in enumerate(earlier_heads, start):
            if earlier < number <= earlier + 60 and earlier_best + weight > best_here:
                best_here, previous_here = earlier_best + weight, before
        best[position], previous[position] = best_here, previous_here
    position = max(range(len(candidates)), key=lambda p: best[p])
    chosen = []
    while position != -1:
        chosen.append(candidates[position])
        position = previous[position]
    return chosen[::-1]


@dataclass
class Heading:
    title: str
    case_number: str | None
    body_start: int


def _heading_soon(lines, index, heading_key):
    """True when a section heading follows within three short lines: they finish the title."""
    seen = 0
    for line in lines[index:]:
        stripped = line.strip()
        if not stripped:
            continue
        if heading_key(stripped):
            return True
        seen += 1
        if seen > 2 or len(stripped) > 90 or stripped.endswith("."):
            return False
    return False


def split_head_line(rest: str) -> tuple[str, str | None]:
    """(title part, diarienummer) of what follows "§ N" on the head line."""
    rest = EARLIER_HANDLING.sub("", rest.strip())
    case_number = None
    leading = LEADING_DNR.match(rest)
    if leading:
        case_number = leading.group("number")
        rest = rest[leading.end() :].strip(" ,–-")
    else:
        labelled = LABELLED_AT_START.match(rest)
        if labelled:
            case_number = labelled.group("number")
            rest = rest[labelled.end() :].strip()
    if case_number is None and not TITLE_ONLY_NUMBER.search(rest):
        trailing = TRAILING_LABELLED.search(rest) or TRAILING_DNR.search(" " + rest)
        if trailing:
            case_number = trailing.group("number")
            rest = (" " + rest)[: trailing.start()].strip() if trailing.re is TRAILING_DNR else rest[: trailing.start()]
    return rest.strip(), clean_case_number(case_number)


def read_heading(lines: list[str], heading_key, opener: Opener | None = None) -> Heading:
    """Title and diarienummer of the paragraph whose head is lines[0].

    The title is the head line's own text and the lines after it, up to a section heading
    ("Beslut", "Ärendebeskrivning" …), a blank line after some title text, or a line that
    starts the body: a title line that does not look wrapped (short, no connector at its
    end) is the last one. `opener` is lines[0] as `find_openers` read it, when it did.
    """
    opener = opener or opener_at(lines[0]) or Opener(0, 0, "", "")
    title_text, case_number = opener.head
    title_lines = [title_text] if title_text else []
    body_start = len(lines)
    for index in range(1, len(lines)):
        line = lines[index].strip()
        if heading_key(line):
            body_start = index
            break
        has_digit = DIGIT.search(line)
        only_number = has_digit and (LABELLED_DNR.match(line) or DNR_ONLY.match(line))
        if only_number and not case_number:
            case_number = clean_case_number(only_number.group("number"))
            continue
        if only_number:
            continue
        if not line:
            if title_lines:
                body_start = index + 1
                break
            continue
        if title_lines:
            last = title_lines[-1]
            joined = last.endswith(TITLE_CONNECTORS) or last.count("(") > last.count(")")
            wrapped = joined or (len(last) >= 40 and len(line) <= len(last) + 12)
            abbreviated = ABBREVIATED_END.search(last)
            if (
                (not wrapped and not _heading_soon(lines, index, heading_key))
                or len(title_lines) >= (6 if joined else 4)  # (a line ending "… punkt 17 och" goes on)
                or (last.endswith(SENTENCE_END) and not abbreviated)
                or (LIST_START.match(line) and not _heading_soon(lines, index, heading_key))
            ):
                body_start = index
                break
        if len(line) > 100 and line.endswith("."):
            body_start = index
            break
        own_line = has_digit and TRAILING_LABELLED.search(line)
        if own_line and not case_number:
            case_number = clean_case_number(own_line.group("number"))
            line = line[: own_line.start()].strip()
        title_lines.append(line)
    if case_number is None:
        for line in [line for line in lines[body_start : body_start + 6] if line.strip()][:2]:
            only_number = LABELLED_DNR.match(line) or DNR_ONLY.match(line)
            if only_number:
                case_number = clean_case_number(only_number.group("number"))
                break
    title = swedish.join_lines(title_lines)
    if "-" in title or "–" in title:  # both patterns need a dash
        title = SPACE_AFTER_DASH.sub("", TRAILING_DASH.sub("", title).strip())
    else:
        title = title.strip()
    return Heading(title, case_number, body_start)
