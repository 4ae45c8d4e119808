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


def strip_furniture(text, header_names=()):
    """Text without page numbers, signature boxes and repeated page headers.

    `header_names` are the organ and municipality names from the document head; a line
    holding just one of them is furniture when it stands next to a strong header line.
    """
    names = {name.strip().lower() for name in header_names if name and name.strip()}
    head_lines = {name for name in names if not re.search(r"§", name)}
    long_names = [name for name in names if len(name) > 3]
    lines = text.split("\n")
    drop = [False] * len(lines)
    strong = []
    # One pass over the short lines (furniture is never long): page numbers, signature
    # boxes, running footers like "Göteborgs Stad Kommunstyrelsen, protokoll", and the
    # strong header lines whose neighbourhood is checked below.
    for index, line in enumerate(lines):
        if len(line) > 80:
            continue
        if ALWAYS_FURNITURE.match(line) or is_continuation_head(line):
            drop[index] = True
        lowered = line.strip().lower()
        if (
            lowered.endswith(("protokoll", "protokollet"))
            and len(lowered.split()) <= 8
            and any(name in lowered for name in long_names)
        ):
            drop[index] = True
        if STRONG_HEADER.match(line):
            strong.append(index)

    def header_like(line):
        stripped = line.strip()
        return bool(HEADER_LINE.match(line)) or (stripped and stripped.lower() in names)

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
                    if header_like(lines[cursor]):
                        drop[cursor] = True
                cursor += direction
    # A run of two or more lines of the document's own head (letterhead, organ,
    # "Protokoll", the date) is the head repeated on a new page.
    index = 0
    while index < len(lines):
        if header_like(lines[index]) or (lines[index].strip() and lines[index].strip().lower() in head_lines):
            end = index
            members = []
            while end < len(lines) and (
                not lines[end].strip() or header_like(lines[end]) or lines[end].strip().lower() in head_lines
            ):
                if lines[end].strip():
                    members.append(end)
                end += 1
            if len(members) >= 2:
                for member in members:
                    drop[member] = True
            index = max(end, index + 1)
        else:
            index += 1
    kept = [line for line, dropped in zip(lines, drop, strict=True) if not dropped]
    cleaned = "\n".join(kept)
    return re.sub(r"\n{3,}", "\n\n", cleaned).strip() + "\n"
