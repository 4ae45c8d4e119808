"""Remove page furniture that PDF extraction leaves inside the running text.

Minutes repeat their header on every page ("Kommunstyrelsen / Protokoll nr 1 /
Sammanträdesdatum: 2024-01-10"), number pages ("5 (30)") and carry signature boxes
("Justerandes sign", "Utdragsbestyrkande"). None of that is content, and left in place it
splits sentences and decision items in two.
"""

import re
from bisect import bisect_right
from collections import Counter
from itertools import accumulate, compress
from operator import itemgetter

from .headings import is_continuation_head
from .patterns import lines_holding

ALWAYS_FURNITURE = re.compile(
    r"^\s*(?:"
    r"\d{1,3} ?\(\d{1,3}\)"  # 5 (30)
    r"|[Ss]ida \d{1,3}(?: ?\(\d{1,3}\)| av \d{1,3})?"  # Sida 5 av 30
    r"|\d{1,3} av \d{1,3}"
    r"|(?:Sida|SID) \d{1,3}\s?\(\d{1,3}\)"
    r"|(?:(?:Justerandes?|Justerares?|Ordförandes|Sekreterarens?|Sekreterare)\s+sign(?:atur)?\.?"
    r"|Justerare|Utdragsbestyrkande|Protokollsutdrag intygas:?|Signature reference:\s*[\w-]+(?:\s+\d{1,3})?"
    r"|Protokoll nr \d+|\|?\s*Justerandes sign(?:atur)?\s*\|*)"
    r"(?:\s+(?:Justerandes?\s+sign(?:atur)?|Utdragsbestyrkande|Protokollsutdrag intygas:?|Sign\.?))*"
    r")\s*$"
)

#: Lines that belong to a running page header when they come in a cluster.
HEADER_LINE = re.compile(
    r"^\s*(?:"
    r"(?:Sammanträdesdatum|Mötesdatum|Datum|Sammanträdesdag)\s*:?\s*(?:\d{4}-\d{2}-\d{2})?"
    r"|\d{4}-\d{2}-\d{2}"
    r"|Protokoll(?:sutdrag)?(?: nr \d+)?"
    r"|Sammanträdesprotokoll(?: [A-ZÅÄÖ][\w ,-]{2,60}| \d{4}-\d{2}-\d{2})?"  # "… Barn- och utbildningsnämnden"
    r"|\([A-ZÅÄÖ]{2,8}\)"
    r")\s*$"
)
#: A page number standing alone ("30"): furniture only beside a signature box or a page
#: header, since a lone number is also a table's cell.
PAGE_NUMBER_ALONE = re.compile(r"^\s*\d{1,3}\s*$")

STRONG_HEADER = re.compile(r"^\s*(?:(?:Sammanträdesdatum|Mötesdatum)\s*:?.*|Protokoll nr \d+|\d{1,3} ?\(\d{1,3}\))\s*$")


#: A line that can match one of the patterns above: one opening (after leading
#: whitespace) with a word one of them can open with. Most lines are running text.
FURNITURE_CANDIDATE = re.compile(
    r"\s*(?:\d|[Ss]ida|SID|Sammanträdes|Mötesdatum|Datum|Protokoll|Justera|Ordförandes|Sekreterare"
    r"|Utdragsbestyrkande|Signature|[|(])"
)
FOOTER_ENDINGS = ("protokoll", "protokollet")
#: The characters whose lower case is the last letter of a footer ending.
FOOTER_LAST = frozenset("lLtT")
BLANK_LINES = re.compile(r"\n\n\n+")


def strip_furniture(text, header_names=()):
    """Text without page numbers, signature boxes and repeated page headers.

    `header_names` are the organ and municipality names from the document head; a line
    holding just one of them is furniture when it stands next to a strong header line.
    The lines are not walked one by one: the few that can be furniture are picked out
    (by a pattern, a length or a last letter mapped over all lines), and only those are
    read further.
    """
    names = {name.strip().lower() for name in header_names if name and name.strip()}
    long_names = [name for name in names if len(name) > 3]
    lines = text.split("\n")
    positions = range(len(lines))
    stripped = list(map(str.strip, lines))
    # Header-like lines: one of the head's names, or a page header's date, "Protokoll" …
    # A name's line has the name's length (lower case keeps lengths, but for "İ").
    if "\u0130" in text:
        named = compress(positions, map(names.__contains__, map(str.lower, stripped)))
    else:
        lengths = {len(name) for name in names}
        named = compress(positions, map(lengths.__contains__, map(len, stripped)))
    header = {index for index in named if stripped[index].lower() in names}
    header.update(_composed_header_lines(text, lines, stripped, long_names))
    drop = set()
    strong = []
    page_numbers = set()
    # Furniture is never long: page numbers, signature boxes, and the strong header lines
    # whose neighbourhood is checked below. (Its length is its text's: a right-aligned
    # "Utdragsbestyrkande" stands after 70 spaces.)
    for index in compress(positions, map(FURNITURE_CANDIDATE.match, lines)):
        line = lines[index]
        if HEADER_LINE.match(line):
            header.add(index)
        if len(stripped[index]) > 80:
            continue
        if ALWAYS_FURNITURE.match(line):
            drop.add(index)
            strong.append(index)  # a signature box ends a page: the page's header lines stand next to it
        elif STRONG_HEADER.match(line):
            strong.append(index)
        elif PAGE_NUMBER_ALONE.match(line):
            page_numbers.add(index)
    for index in lines_holding(lines, "§", text):  # "§ 71 forts": a page break inside § 71
        if len(stripped[index]) <= 80 and is_continuation_head(lines[index]):
            drop.add(index)
    # Running footers like "Göteborgs Stad Kommunstyrelsen, protokoll".
    # (Lower case is letter by letter, so a line's ending is read from its last 11 letters.)
    footers = [
        index
        for index in compress(positions, map(FOOTER_LAST.__contains__, map(itemgetter(slice(-1, None)), stripped)))
        if len(stripped[index]) <= 80 and stripped[index][-11:].lower().endswith(FOOTER_ENDINGS)
    ]
    occurrences = Counter(stripped[index] for index in footers)  # (a line equal to a footer line is one too)
    for index in footers:
        footer = stripped[index].lower()
        if len(footer.split()) <= 8 and _is_running_footer(footer, long_names, occurrences[stripped[index]]):
            drop.add(index)
    # A strong line (a page header's date, "Protokoll nr", a page number, a signature box)
    # pulls the header-like lines and lone page numbers within three non-blank lines of it
    # into the furniture.
    beside_strong = header | page_numbers
    for index in strong:
        drop.add(index)
        for direction in (-1, 1):
            seen = 0
            cursor = index + direction
            while 0 <= cursor < len(lines) and seen < 3:
                if stripped[cursor]:
                    seen += 1
                    if cursor in beside_strong:
                        drop.add(cursor)
                cursor += direction
    # A run of two or more header-like lines with only blank lines between them (letterhead,
    # organ, "Protokoll", the date) is the document's head repeated on a new page.
    nonblank = list(accumulate(map(bool, stripped), initial=0))  # non-blank lines before each line
    run = []
    for index in sorted(header):
        if run and nonblank[index] != nonblank[run[-1] + 1]:
            if len(run) >= 2:
                drop.update(run)
            run = []
        run.append(index)
    if len(run) >= 2:
        drop.update(run)
    # The page number printed beside a page header that has just gone goes with it.
    dropped_headers = header & drop
    for index in page_numbers - drop:
        if any(abs(nonblank[index] - nonblank[other]) <= 2 for other in dropped_headers):
            drop.add(index)
    drop.update(_breaks_inside_sentences(stripped, drop))
    kept = []
    start = 0
    for index in sorted(drop):
        kept.extend(lines[start:index])
        start = index + 1
    kept.extend(lines[start:])
    return BLANK_LINES.sub("\n\n", "\n".join(kept)).strip() + "\n"


#: The words a page header is made of besides the head's names: "JÖNKÖPINGS KOMMUN",
#: "SAMMANTRÄDESPROTOKOLL", the date, the page number.
HEADER_WORDS = (
    r"[\wåäöÅÄÖ-]+ (?:kommun|stad)|(?:sammanträdes)?protokoll(?:sutdrag)?|\d{4}-\d{2}-\d{2}"
    r"|\d{1,3}(?: ?\(\d{1,3}\))?|sida"
)


def _composed_header_lines(text, lines, stripped, long_names):
    """Lines made of nothing but two or more of the head's names and page-header words, one
    of them "KOMMUN", "STAD" or "PROTOKOLL" in capitals as page headers print them ("JÖNKÖPINGS
    KOMMUN Barn- och utbildningsnämnden", "SAMMANTRÄDESPROTOKOLL 2023-01-02"): header-like,
    like a name on its own. A sentence's last words ("… beslut i vård- och" |
    "omsorgsnämnden.") end in a stop."""
    names = "|".join(re.escape(name) for name in sorted(long_names, key=len, reverse=True))
    word = rf"(?:{names}|{HEADER_WORDS})" if names else rf"(?:{HEADER_WORDS})"
    pattern = re.compile(
        rf"[^\S\n]*{word}(?:(?![\wåäöÅÄÖ])[^\S\n]*[,:|–-]?[^\S\n]*{word})+(?![\wåäöÅÄÖ])[^\S\n]*$",
        re.IGNORECASE,
    )
    return [
        index
        for index in _lines_with_header_words(text, lines)
        if stripped[index] and len(stripped[index]) <= 80 and pattern.match(lines[index])
    ]


#: The words in capitals one of which a composed page header holds ("JÖNKÖPINGS KOMMUN",
#: "SAMMANTRÄDESPROTOKOLL"); in running text they are written in lower case.
HEADER_MARKERS = ("PROTOKOLL", " KOMMUN", " STAD")


def _lines_with_header_words(text, lines):
    """Indices of the lines holding one of `HEADER_MARKERS`, found by searching the text for
    each (rare) word instead of reading every line."""
    starts = list(accumulate((len(line) + 1 for line in lines), initial=0))
    found = set()
    for word in HEADER_MARKERS:
        position = text.find(word)
        while position >= 0:
            line = bisect_right(starts, position) - 1
            found.add(line)
            position = text.find(word, starts[line + 1])  # (on from the next line)
    return sorted(found)


#: What a running footer holds besides the head's names: "Göteborgs Stad Kommunstyrelsen, protokoll".
_FOOTER_WORD = r"(?:(?:sammanträdes)?protokoll(?:et)?|nr|\d+)"
FOOTER_WORDS = re.compile(rf"^[\s,.:;|–-]*{_FOOTER_WORD}?(?:[\s,.:;|–-]+{_FOOTER_WORD})*[\s,.:;|–-]*$")


def _is_running_footer(footer, long_names, occurrences):
    """Whether a short line ending in "protokoll" is the page footer: it repeats on other
    pages, or it is nothing but the head's names and the word, so that a title such as
    "Rättelse av kommunstyrelsens protokoll" (a name inside other words) stays."""
    present = [name for name in long_names if name in footer]
    if not present:
        return False
    if occurrences > 1:
        return True
    for name in sorted(present, key=len, reverse=True):
        footer = footer.replace(name, " ")
    return bool(FOOTER_WORDS.match(footer))


#: How a line that finishes its sentence, list item or heading lead-in ends.
SENTENCE_CLOSERS = (".", "!", "?", ":", ";")


def _breaks_inside_sentences(stripped, drop):
    """The blank lines left where a page break cut a sentence in two.

    Around furniture removed mid-sentence ("… ska återkomma med en" | page footer and
    header | "redovisning till kommunstyrelsen."), the blank lines would split the sentence
    into two paragraphs, and a decision or an assignment into two halves that neither
    reads as one. They go when the text before the break does not finish a sentence and
    the text after it goes on in lower case.
    """
    blanks = []
    for index in sorted(drop):
        before = index - 1
        while before >= 0 and (before in drop or not stripped[before]):
            before -= 1
        after = index + 1
        while after < len(stripped) and (after in drop or not stripped[after]):
            after += 1
        if before < 0 or after == len(stripped):
            continue
        if stripped[before].endswith(SENTENCE_CLOSERS) or not stripped[after][:1].islower():
            continue
        blanks.extend(position for position in range(before + 1, after) if not stripped[position])
    return blanks
