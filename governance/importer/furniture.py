"""Remove page furniture that PDF extraction leaves inside the running text.

Minutes repeat their header on every page ("Kommunstyrelsen / Protokoll nr 1 /
Sammanträdesdatum: 2024-01-10"), number pages ("5 (30)") and carry signature boxes
("Justerandes sign", "Utdragsbestyrkande"). None of that is content, and left in place it
splits sentences and decision items in two.
"""

import re

from .headings import is_continuation_head

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
    r"|Sammanträdesprotokoll"
    r"|\([A-ZÅÄÖ]{2,8}\)"
    r")\s*$"
)

STRONG_HEADER = re.compile(r"^\s*(?:(?:Sammanträdesdatum|Mötesdatum)\s*:?.*|Protokoll nr \d+|\d{1,3} ?\(\d{1,3}\))\s*$")


#: The characters that can open a line each pattern matches (after leading whitespace,
#: besides digits): most lines are running text and are passed over without a pattern.
ALWAYS_FURNITURE_INITIALS = frozenset("SsJOUP|")
HEADER_LINE_INITIALS = frozenset("SMDP(")
STRONG_HEADER_INITIALS = frozenset("SMP")


def strip_furniture(text, header_names=()):
    """Text without page numbers, signature boxes and repeated page headers.

    `header_names` are the organ and municipality names from the document head; a line
    holding just one of them is furniture when it stands next to a strong header line.
    Each line is read once: what it is (header-like, furniture, a strong header) is
    decided in one pass, and the neighbourhoods of the strong headers are checked after.
    """
    names = {name.strip().lower() for name in header_names if name and name.strip()}
    long_names = [name for name in names if len(name) > 3]
    lines = text.split("\n")
    drop = [False] * len(lines)
    header = [False] * len(lines)
    strong = []
    # A run of two or more header-like lines with only blank lines between them (letterhead,
    # organ, "Protokoll", the date) is the document's head repeated on a new page.
    run = []
    for index, line in enumerate(lines):
        stripped = line.strip()
        if not stripped:
            continue
        first = stripped[0]
        digit = first.isdecimal()
        lowered = stripped.lower()
        if lowered in names or ((digit or first in HEADER_LINE_INITIALS) and HEADER_LINE.match(line)):
            header[index] = True
            run.append(index)
        elif run:
            if len(run) >= 2:
                for member in run:
                    drop[member] = True
            run = []
        # Furniture is never long: page numbers, signature boxes, running footers like
        # "Göteborgs Stad Kommunstyrelsen, protokoll", and the strong header lines whose
        # neighbourhood is checked below.
        if len(line) > 80:
            continue
        if ((digit or first in ALWAYS_FURNITURE_INITIALS) and ALWAYS_FURNITURE.match(line)) or (
            "§" in line and is_continuation_head(line)
        ):
            drop[index] = True
        if (
            lowered.endswith(("protokoll", "protokollet"))
            and len(lowered.split()) <= 8
            and any(name in lowered for name in long_names)
        ):
            drop[index] = True
        if (digit or first in STRONG_HEADER_INITIALS) and STRONG_HEADER.match(line):
            strong.append(index)
    if len(run) >= 2:
        for member in run:
            drop[member] = True
    # A strong header line (a page header's date, "Protokoll nr", a page number) pulls
    # the header-like lines within three non-blank lines of it into the furniture.
    for index in strong:
        drop[index] = True
        for direction in (-1, 1):
            seen = 0
            cursor = index + direction
            while 0 <= cursor < len(lines) and seen < 3:
                if lines[cursor].strip():
                    seen += 1
                    if header[cursor]:
                        drop[cursor] = True
                cursor += direction
    kept = [line for line, dropped in zip(lines, drop, strict=True) if not dropped]
    cleaned = "\n".join(kept)
    return re.sub(r"\n{3,}", "\n\n", cleaned).strip() + "\n"
