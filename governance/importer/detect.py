"""Decide what kind of governance document a text is."""

import re

from .minutes import PARAGRAPH_START

OPENER_CANDIDATE = re.compile(r"^[ \t]*§[^\n]*", re.MULTILINE)

KINDS = ("minutes", "motion", "interpellation", "policy", "news")


def detect_kind(text):
    """One of KINDS, or None when the text looks like none of them."""
    head = text[:1500]
    if (
        "nterpellation" in text
        and re.search(
            r"^\s*(?:Interpellation|Interpellationssvar|Svar på interpellation)\b",
            text,
            re.MULTILINE | re.IGNORECASE,
        )
        and not re.search(r"^Motion\b", head, re.MULTILINE)
    ):
        return "interpellation"
    openers = sum(1 for line in OPENER_CANDIDATE.findall(text) if PARAGRAPH_START.match(line.strip()))
    if openers and re.search(
        r"Protokoll|Mötesdatum|Sammanträdesdatum|Justerandes|Paragraf", text[:3000], re.IGNORECASE
    ):
        return "minutes"
    if openers >= 2 and re.search(r"^Beslut\s*$", text, re.MULTILINE):
        return "minutes"
    if re.search(
        r"^\s*(?:Dokumenttyp|Antagen av|Giltighetstid|Fastställd av)\b",
        head,
        re.MULTILINE | re.IGNORECASE,
    ):
        return "policy"
    if re.search(r"^Motion\b", text, re.MULTILINE) or (
        re.search(r"\byrkar\b", text) and re.search(r"^\s*att\s+\S", text, re.MULTILINE)
    ):
        return "motion"
    if re.search(r"\d{1,2} \w{3,9}\.? \d{4} \d{1,2}[:.]\d{2}", head) or re.search(
        r"\s[–-] [^.]+, säger [A-ZÅÄÖ]", text
    ):
        return "news"
    if re.search(
        r"^\s*[\wåäö ]*(?:program|strategi|handlingsplan|policy|riktlinje)\b",
        head,
        re.MULTILINE | re.IGNORECASE,
    ):
        return "policy"
    return None
