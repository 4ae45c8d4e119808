"""Parse a news item about a decision or policy (a web article, often duplicated in export)."""

import re

from . import swedish
from .assignments import extract_commitments, find_deadline
from .municipalities import find_municipality
from .sections import split_sections

TIMESTAMP = re.compile(rf"(\d{{1,2}}) ({swedish.MONTH_PATTERN})\.? (\d{{4}})(?: \d{{1,2}}[:.]\d{{2}})?", re.IGNORECASE)
DATELINE = re.compile(r"^(?P<place>[A-ZÅÄÖ]{3,}(?:[- ][A-ZÅÄÖ]+)?):\s*(?P<headline>.*)$", re.MULTILINE)


def _deduplicate(paragraphs):
    """Exports of web articles often repeat the body; keep each paragraph once, in order."""
    seen = set()
    kept = []
    for paragraph in paragraphs:
        key = paragraph.strip()
        if key in seen:
            continue
        seen.add(key)
        kept.append(paragraph)
    return kept


def parse_news(text):
    lines = [line.strip() for line in text.split("\n")]
    published = None
    for line in lines[:10]:
        match = TIMESTAMP.search(line)
        if match:
            published = swedish.parse_written(match.group(0))
            break
    content_lines = [line for line in lines if line and not TIMESTAMP.fullmatch(line.strip())]
    title = next((line for line in content_lines if not TIMESTAMP.search(line)), "")
    dateline = DATELINE.search(text)
    municipality = None
    if dateline:
        municipality = dateline.group("place").capitalize()
    municipality = find_municipality(text) or municipality
    body_start = text.find(title) + len(title) if title else 0
    body = text[body_start:]
    if dateline:
        body = body.replace(dateline.group(0), "")
    paragraphs = _deduplicate(swedish.paragraphs(body))
    deduplicated = "\n\n".join(paragraphs)
    lead = paragraphs[0] if paragraphs else ""
    sections = [
        {
            "heading": heading or (dateline.group("headline") if dateline else title),
            "text": "\n\n".join(swedish.paragraphs(section_text)),
        }
        for heading, section_text in split_sections("\n\n".join(paragraphs[1:]))
    ]
    goals = [
        {"text": sentence, "indicator": "", "target": find_deadline(sentence)}
        for sentence in swedish.sentences(deduplicated)
        if re.match(r"^(?:Målet|Målsättningen|Ambitionen) är att", sentence)
    ]
    organ = "Kommunfullmäktige" if re.search(r"kommunfullmäktige", deduplicated, re.I) else None
    return {
        "kind": "news",
        "title": (dateline.group("headline").strip() if dateline and not title else title),
        "subtitle": dateline.group("headline").strip() if dateline else "",
        "municipality": municipality,
        "organization": organ,
        "date": published,
        "lead": lead,
        "sections": [section for section in sections if section["text"]],
        "goals": goals,
        "commitments": extract_commitments(deduplicated, published),
    }
