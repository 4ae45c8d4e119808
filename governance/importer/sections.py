"""Split free-form documents (motions, programs, articles) into headed sections."""

import re

from . import swedish

BULLET = re.compile(r"^\s*(?:[-•–*]|\d{1,2}[.)])\s+")


def is_heading(lines, index):
    """A short line standing alone, starting with a capital and not ending a sentence."""
    line = lines[index].strip()
    if not line or len(line) > 70 or line.endswith((".", ",", ";", "?", "!")) or BULLET.match(line):
        return False
    if not (line[0].isupper() or line[0].isdigit()):
        return False
    if "\t" in line:
        return False
    before = index == 0 or not lines[index - 1].strip()
    after = index + 1 >= len(lines) or not lines[index + 1].strip()
    return before and after and len(line.split()) <= 9


def split_sections(text):
    """[(heading, body_text)] in document order; text before the first heading gets ""."""
    lines = text.split("\n")
    sections = [["", []]]
    for index, line in enumerate(lines):
        if is_heading(lines, index):
            sections.append([line.strip(), []])
        else:
            sections[-1][1].append(line)
    return [(heading, "\n".join(body).strip()) for heading, body in sections if heading or "".join(body).strip()]


def bullets(text):
    """Bullet items of a block, continuation lines joined into their item."""
    items = []
    for line in text.split("\n"):
        if BULLET.match(line):
            items.append([BULLET.sub("", line).strip()])
        elif line.strip() and items:
            items[-1].append(line.strip())
    return [swedish.join_lines(item) for item in items]


def body_text(text):
    """Running text with broken lines joined and paragraphs kept apart."""
    return "\n\n".join(swedish.paragraphs(text))
