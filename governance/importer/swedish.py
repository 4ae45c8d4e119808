"""Swedish-language helpers shared by the parsers: dates, parties, names, sentences."""

import re
from datetime import date

MONTHS = {
    "januari": 1, "jan": 1, "februari": 2, "feb": 2, "mars": 3, "mar": 3, "april": 4, "apr": 4,
    "maj": 5, "juni": 6, "jun": 6, "juli": 7, "jul": 7, "augusti": 8, "aug": 8,
    "september": 9, "sep": 9, "sept": 9, "oktober": 10, "okt": 10, "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}  # fmt: skip
MONTH_PATTERN = "|".join(sorted(MONTHS, key=len, reverse=True))

ISO_DATE = re.compile(r"\b((?:19|20)\d{2})-(\d{2})-(\d{2})\b")
WRITTEN_DATE = re.compile(rf"\b(\d{{1,2}}) ({MONTH_PATTERN})\.? ((?:19|20)\d{{2}})\b", re.IGNORECASE)

#: National parties; a local party is recognised by the "(X)" pattern all the same.
PARTY_ABBREVIATIONS = {"S", "M", "SD", "C", "V", "KD", "L", "MP", "D", "FP", "NYD"}
#: The national parties by their name as written in full, lower case; the longer forms first
#: so "Miljöpartiet de gröna" is read whole. (A local party is recognised by "(X)" or by a
#: name ending in "partiet", see importer/party_movers.py.)
NATIONAL_PARTIES = {
    "socialdemokraterna": "S",
    "moderaterna": "M",
    "sverigedemokraterna": "SD",
    "centerpartiet": "C",
    "vänsterpartiet": "V",
    "kristdemokraterna": "KD",
    "liberalerna": "L",
    "miljöpartiet de gröna": "MP",
    "miljöpartiet": "MP",
    "folkpartiet liberalerna": "FP",
    "folkpartiet": "FP",
}
#: A national party's name, for a party the importer has to create from its abbreviation:
#: the fullest of its names above ("Miljöpartiet de gröna", "Folkpartiet liberalerna").
NATIONAL_PARTY_NAMES = {
    abbreviation: max((name for name, its in NATIONAL_PARTIES.items() if its == abbreviation), key=len).capitalize()
    for abbreviation in dict.fromkeys(NATIONAL_PARTIES.values())
}
PERSON_WITH_PARTY = re.compile(r"\b([A-ZÅÄÖÉ][a-zåäöéü\-]+(?: [A-ZÅÄÖÉ][a-zåäöéü\-]+){1,3}) \(([A-ZÅÄÖ]{1,4})\)")


def parse_iso(text):
    match = ISO_DATE.search(text or "")
    if not match:
        return None
    try:
        return date(*map(int, match.groups()))
    except ValueError:
        return None


def parse_written(text):
    match = WRITTEN_DATE.search(text or "")
    if not match:
        return None
    day, month, year = match.groups()
    try:
        return date(int(year), MONTHS[month.lower()], int(day))
    except ValueError:
        return None


def first_date(text):
    """The earliest-positioned ISO or written date in `text`, or None."""
    candidates = []
    for pattern, parse in ((ISO_DATE, parse_iso), (WRITTEN_DATE, parse_written)):
        match = pattern.search(text or "")
        if match:
            parsed = parse(match.group(0))
            if parsed:
                candidates.append((match.start(), parsed))
    return min(candidates)[1] if candidates else None


def join_lines(lines):
    """Join lines broken by PDF extraction into one running text."""
    if isinstance(lines, list) and len(lines) == 1:
        return lines[0].strip()  # (the most common case: nothing to join)
    parts = []
    for line in lines:
        line = line.strip()
        if not line:
            continue
        if parts and parts[-1].endswith("-") and line[:1].islower() and not parts[-1].endswith(" -"):
            parts[-1] = parts[-1][:-1] + line
        else:
            parts.append(line)
    return " ".join(parts)


#: The space after a sentence's end; the mark is captured (and given back to its sentence)
#: rather than looked behind for, so re can skip ahead to the next mark.
SENTENCE_END = re.compile(r"([.!?])\s+(?=[A-ZÅÄÖ0-9])")


def sentences(text):
    """Split running text into sentences; abbreviations like "bl a" are rare enough here."""
    parts = SENTENCE_END.split(text or "")
    ended = [parts[index] + parts[index + 1] for index in range(0, len(parts) - 1, 2)] + [parts[-1]]
    return [s.strip() for s in ended if s.strip()]


BLANK_LINE = re.compile(r"\n\s*\n")
BULLET_LINE = re.compile(r"^\s*(?:[-•–*]|\d{1,2}[.)])\s+")


def _join_block(block):
    """One paragraph; a bulleted list keeps one line per item."""
    lines = block.splitlines()
    if len(lines) == 1:
        return lines[0].strip()
    if not any(BULLET_LINE.match(line) for line in lines):
        return join_lines(lines)
    items = []
    for line in lines:
        if BULLET_LINE.match(line) or not items:
            items.append([line.strip()])
        elif line.strip():
            items[-1].append(line.strip())
    return "\n".join(join_lines(item) for item in items)


def paragraphs(text):
    """Blank-line separated blocks, broken lines joined, bullet items kept one per line."""
    if not text or not text.strip():
        return []
    return [_join_block(block) for block in BLANK_LINE.split(text) if block.strip()]
