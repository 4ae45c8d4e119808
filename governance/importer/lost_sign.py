"""Paragraph heads whose "§" the PDF extractor lost or mangled, recognised from their shape.

Some PDFs draw "§" with a symbol font or an odd encoding, and their text layer then holds
"KS 136" or "KF 45" (the sign gone, the organ's abbreviation left), "$ 12", "S 12", a
private-use character ("\\uf0a7 12"), "Ā 12" or "? 12" (the sign turned into another
glyph), or the publisher wrote "Paragraf 12". Such a protokoll has no "§ N" head at all, so
without this it is refused as having no paragraphs.

It is a fallback for that one case, called only where no § head was found:
`minutes.parse_minutes` when `headings.find_openers` found none, and `detect.classify` when
it counted none in a text whose head already reads as a protokoll. A text that parses today
parses exactly as before, and pays nothing for it.

A head is never recognised from a word or a number alone, only from structure: a run of
three or more head lines (or two that follow each other and both read as a §) of ONE shape
(the same organ abbreviation, the same stray glyph, or "Paragraf", then a number), each on
its own line where a head stands (after a blank, short or finished line; its rest empty, a
diarienummer or a capitalised title), each with a title or body under it before the next,
their numbers increasing, mostly by one, and at least half of them over what reads as a §
(a diarienummer at the head, or a decision's heading or statement in the body). A lone
"KS 136" in running text, page numbers, dates, list numbering, amounts, "SFS 2017:725",
"Dnr KS 2023/45" or numbered goals ("MÅL 11") never make such a run. An extract of one
paragraph has no run, and stays refused.

The recognised lines are rewritten as the "§ N" heads the normal path reads ("KS 136" →
"KS § 136", "$ 12" → "§ 12", "Paragraf 12" → "§ 12", the rest of the line untouched), and the
normal path then parses the text, so these paragraphs get every field normal ones get.
"""

import re
import unicodedata
from dataclasses import dataclass
from functools import cached_property
from itertools import accumulate

from .decision_text import DECIDES, is_decision_heading, is_other_heading
from .headings import CONTINUED, DNR_ONLY, LABELLED_DNR, LEADING_DNR, opener_at

#: "Paragraf 12"; "KS $ 12", "$ 12", "$12", "S 12", "Ā 12"; "KS 136", "BUN AU 12". An organ's
#: abbreviation has two to four capitals, and "AU" for its arbetsutskott: "PUNKT 3" and
#: "BILAGA 2" are words, not organs.
HEAD_SHAPE = re.compile(
    r"^(?P<indent>\s*)(?:"
    r"(?:(?P<organ>[A-ZÅÄÖ]{2,4}(?: ?AU)?)\s+)?(?P<mark>[^\w\s]|[^\W\d_])(?P<space>\s?)"
    r"|(?P<prefix>Paragraf|PARAGRAF|[A-ZÅÄÖ]{2,4}(?: ?AU)?)\s+"
    r")(?P<number>\d{1,4})(?![\d.,:/])(?!\s*[-–]\s*\d)(?P<rest>.*)$"
)
#: A year ("KS 2024", "ÅR 2025") is never taken for a paragraph number here.
YEAR = re.compile(r"(?:19|20)\d\d")
#: Characters that start lines for reasons of their own: bullets, dashes, brackets, quotes,
#: sentence punctuation; and "§" itself, which this module never stands in for.
NOT_A_LOST_SIGN = frozenset("-–—•·*+=()<>[]{}\"'”’“‘«».,:;!/\\|%&_~^`´§")
#: A head line is short; a longer line is running text.
MAX_HEAD_LENGTH = 160
#: A line this long that does not end a sentence runs on into the next: no head follows it.
RUNNING_LINE = 70
SENTENCE_END = (".", "!", "?", ":")
#: Non-blank lines a head needs under it (a title and a body, or a body of two lines)
#: before the next head of its shape; a contents list has none.
BODY_LINES = 2
#: How many heads make a run, and the largest step between two numbers in it.
RUN_HEADS = 3
MAX_STEP = 10


@dataclass(frozen=True)
class _Candidate:
    index: int
    number: int
    shape: tuple[str, str]  # (organ, glyph or "Paragraf")
    written: str  # the head as the text writes it: "KS 136", "$ 12", "Paragraf 12"
    restored: str  # the line with its head as "§ N"
    continued: bool  # "KS 71 forts": a page break inside § 71, rewritten but never counted


@dataclass(frozen=True)
class RestoredHeads:
    """The lines of a text with its §-less paragraph heads rewritten as "§ N" heads."""

    lines: list[str]
    count: int  # heads in the run that proved the shape
    example: str  # the first of them as written ("KS 136"), for the secretary

    @cached_property
    def text(self) -> str:
        return "\n".join(self.lines)

    @property
    def shown_example(self) -> str:
        """The example with a glyph no font shows (private use, unassigned) named by its code."""
        shown = "".join(
            f"U+{ord(char):04X}" if unicodedata.category(char) in ("Co", "Cn", "Cs", "Cc") else char
            for char in self.example
        )
        return f"”{shown}”"

    @property
    def reason(self) -> str:
        """Why the text still reads as a protokoll (see `detect.classify`)."""
        heads = "paragrafrubrik" if self.count == 1 else "paragrafrubriker"
        return f"{self.count} {heads} utan §-tecken (igenkända på formen, t.ex. {self.shown_example})"

    @property
    def warning(self) -> str:
        """What the secretary should check on the review screen."""
        return (
            f"§-tecknet saknas i texten (troligen tappat när PDF-filen lästes); paragraferna har känts igen "
            f"på rubrikernas form, t.ex. {self.shown_example}. Kontrollera paragrafernas nummer, rubriker och "
            "diarienummer."
        )


def _lost_sign(mark: str, space: str) -> bool:
    """Whether `mark` can be what is left of a "§": a symbol or an upper-case letter set apart."""
    if mark in NOT_A_LOST_SIGN:
        return False
    if mark.isalpha():
        return mark.isupper() and bool(space)  # "S 12", "Ā 12"; not "E20" or "ca 12"
    return True


def _candidate(lines: list[str], index: int) -> _Candidate | None:
    """The head-shaped line at `index` with its shape, when it stands where a head stands."""
    line = lines[index]
    match = HEAD_SHAPE.match(line)
    if not match:
        return None
    mark, space, number = match.group("mark"), match.group("space"), match.group("number")
    if (mark and not _lost_sign(mark, space)) or YEAR.fullmatch(number):
        return None
    rest = match.group("rest").strip()
    if rest[:1].isdigit() and not LEADING_DNR.match(rest):
        return None  # "SEK 100 000", "KS 12 3": an amount or a table row, not a diarienummer
    previous = lines[index - 1].strip() if index else ""
    if previous and len(previous) >= RUNNING_LINE and not previous.endswith(SENTENCE_END):
        return None  # the line continues a sentence broken over lines
    prefix = match.group("prefix") or ""
    word = prefix if prefix.upper() == "PARAGRAF" else ""
    organ = match.group("organ") or ("" if word else prefix)
    indent, from_number = match.group("indent"), line[match.start("number") :]
    sign = f"§{space}" if mark else "§ "
    restored = f"{indent}{organ} {sign}{from_number}" if organ else f"{indent}{sign}{from_number}"
    continued = bool(CONTINUED.match(rest))
    if not continued and opener_at(restored) is None:
        return None  # "KS 5 kommunallagen": a reference running on in lower case
    written = " ".join(line[match.start("indent") + len(indent) : match.start("number")].split())
    written += number if mark and not space else " " + number
    shape = (organ.replace(" ", ""), mark or word)
    return _Candidate(index, int(number), shape, written, restored, continued)


def _run(heads: list[_Candidate]) -> list[_Candidate]:
    """The longest chain of heads whose numbers increase by at most MAX_STEP each.

    Heads are taken in text order; `ending` keeps, per number, the longest chain found so
    far that ends on it, so each head looks back at MAX_STEP numbers, not at every head.
    """
    ending: dict[int, tuple[int, int]] = {}  # number → (chain length, position of its last head)
    longest = [1] * len(heads)
    previous = [-1] * len(heads)
    for position, head in enumerate(heads):
        for number in range(head.number - MAX_STEP, head.number):
            length, before = ending.get(number, (0, -1))
            if length + 1 > longest[position]:
                longest[position], previous[position] = length + 1, before
        if longest[position] > ending.get(head.number, (0, -1))[0]:
            ending[head.number] = (longest[position], position)
    if not heads:
        return []
    position = max(range(len(heads)), key=longest.__getitem__)
    chain = []
    while position != -1:
        chain.append(heads[position])
        position = previous[position]
    return chain[::-1]


def _reads_as_paragraph(lines: list[str], head: _Candidate, end: int) -> bool:
    """A diarienummer on the head line or just under it, or a decision's heading or statement
    ("Beslut", "Beslutsunderlag", "Nämnden beslutar att …") in the body: what a § holds and
    a numbered goal, step or appendix does not."""
    opener = opener_at(head.restored)
    if opener and opener.head[1]:
        return True
    body = [line for line in lines[head.index + 1 : end] if line.strip()]
    if any(LABELLED_DNR.match(line) or DNR_ONLY.match(line) for line in body[:2]):
        return True
    return any(is_decision_heading(line) or is_other_heading(line) or DECIDES.match(line.strip()) for line in body)


def _proves_shape(run: list[_Candidate], paragraphs: int) -> bool:
    """Enough heads, their numbers mostly one after the other, at least half of them (`paragraphs`)
    over what reads as a § (see `_reads_as_paragraph`); a run of two must be one step and both."""
    steps = [later.number - earlier.number for earlier, later in zip(run, run[1:], strict=False)]
    if len(run) == 2:
        return steps == [1] and paragraphs == 2
    return len(run) >= RUN_HEADS and 2 * steps.count(1) >= len(steps) and 2 * paragraphs >= len(run)


def restore_lost_signs(lines: list[str]) -> RestoredHeads | None:
    """`lines` with the heads of the one proven shape rewritten as "§ N" heads, or None.

    Call it only for a text in which `headings.find_openers` found no head.
    """
    candidates = [
        candidate
        for index, line in enumerate(lines)
        if line and len(line) <= MAX_HEAD_LENGTH and (candidate := _candidate(lines, index))
    ]
    if len(candidates) < 2:
        return None
    nonblank = list(accumulate(map(bool, map(str.strip, lines)), initial=0))
    best: list[_Candidate] = []
    for shape in dict.fromkeys(candidate.shape for candidate in candidates):
        heads = [candidate for candidate in candidates if candidate.shape == shape and not candidate.continued]
        ends = dict(zip((head.index for head in heads), [head.index for head in heads[1:]] + [len(lines)], strict=True))
        with_body = [head for head in heads if nonblank[ends[head.index]] - nonblank[head.index + 1] >= BODY_LINES]
        run = _run(with_body)
        if len(run) < 2 or len(run) <= len(best):
            continue
        paragraphs = sum(_reads_as_paragraph(lines, head, ends[head.index]) for head in run)
        if _proves_shape(run, paragraphs):
            best = run
    if not best:
        return None
    shape = best[0].shape
    restored = list(lines)
    for candidate in candidates:
        if candidate.shape == shape:
            restored[candidate.index] = candidate.restored
    return RestoredHeads(restored, len(best), best[0].written)
