"""Parse a policy document: metadata table, goals with targets, reporting, focus areas."""

import re
from datetime import date

from . import swedish
from .sections import body_text, bullets, split_sections

METADATA_KEYS = {
    "dokumenttyp": "document_type_text",
    "dokumentnamn": "title",
    "antagen av": "adopted_by",
    "beslutad av": "adopted_by",
    "fastställd av": "adopted_by",
    "antagen": "adopted_on_text",
    "beslutsdatum": "adopted_on_text",
    "diarienummer": "case_number",
    "dnr": "case_number",
    "giltighetstid": "validity_text",
    "gäller till": "validity_text",
    "gäller för": "applies_to",
    "sammanfattning": "summary",
    "dokumentansvarig": "document_owner",
    "publiceras": "publication",
}
DOCUMENT_TYPES = [
    ("handlingsplan", "action_plan"),
    ("strategi", "strategy"),
    ("program", "program"),
    ("riktlinje", "guideline"),
    ("policy", "policy"),
    ("plan", "plan"),
]
GOAL_HEADINGS = re.compile(r"\bmål\b", re.IGNORECASE)
FOCUS_HEADINGS = re.compile(r"fokus|prioriterade områden|insatsområden|strategiska områden", re.IGNORECASE)
TARGET = re.compile(
    r"\bska\s+(?:båda\s+|samtliga\s+)?(?P<target>(?:öka|minska|uppgå|nå|halveras|sjunka|stiga)[^.;]*)",
    re.IGNORECASE,
)
NUMBER = re.compile(r"(\d+(?:[,.]\d+)?)\s*(?P<unit>procentenheter|procent|%|per år|personer|st)?")
REPORTING = re.compile(
    r"(?:rapportering|återrapportering|uppföljning|redovisning)\s+ska\s+ske\s+till\s+(?P<to>[\wåäö]+(?:\s+\([^)]*\))?)\s+(?P<rule>(?:en|två|tre|fyra|sex|tolv|\d+)\s+gånger\s+per\s+år|årligen|varje\s+år|varje\s+kvartal|halvårsvis)",
    re.IGNORECASE,
)
TIMES = {"en": 1, "två": 2, "tre": 3, "fyra": 4, "sex": 6, "tolv": 12}


def metadata(text):
    """The key/value table many municipalities put first (tab or colon separated)."""
    values = {}
    for line in text.split("\n")[:60]:
        match = re.match(r"^\s*([A-ZÅÄÖ][\wåäö ]{2,30}?)\s*:?\s*(?:\t+|:\s+)(?P<value>.*)$", line)
        if not match:
            continue
        key = match.group(1).strip().lower()
        if key in METADATA_KEYS and match.group("value").strip():
            values.setdefault(METADATA_KEYS[key], match.group("value").strip())
    return values


def document_type(*texts):
    for text in texts:
        lowered = (text or "").lower()
        for word, value in DOCUMENT_TYPES:
            if word in lowered:
                return value
    return "plan"


def goals(sections):
    found = []
    for heading, body in sections:
        if not GOAL_HEADINGS.search(heading):
            continue
        for item in bullets(body):
            indicator = " / ".join(re.findall(r"\*([^*]+)\*", item))
            plain = re.sub(r"\*", "", item)
            target_match = TARGET.search(plain)
            target = target_match.group("target").strip() if target_match else ""
            if not (indicator or target):
                continue
            value = NUMBER.search(target) if target else None
            text = re.split(r"\s+[–-]\s+", plain, maxsplit=1)[0].strip()
            found.append(
                {
                    "text": text,
                    "indicator": indicator,
                    "target": target,
                    "direction": "increase"
                    if target.lower().startswith(("öka", "stiga"))
                    else "decrease"
                    if target.lower().startswith(("minska", "sjunka", "halveras"))
                    else "",
                    "target_value": value.group(1).replace(",", ".") if value else None,
                    "target_unit": (value.group("unit") or "") if value else "",
                }
            )
    return found


def reporting(text, default_to="Kommunstyrelsen"):
    found = []
    for match in REPORTING.finditer(text):
        to = re.sub(r"\s*\(.*\)", "", match.group("to")).strip()
        rule = match.group("rule")
        times = rule.split()[0].lower()
        found.append(
            {
                "to": to[0].upper() + to[1:],
                "rule": rule,
                "times_per_year": TIMES.get(times)
                or (int(times) if times.isdigit() else (1 if "år" in rule else 4 if "kvartal" in rule else 2)),
            }
        )
    return found


def validity(title, validity_text):
    years = [int(y) for y in re.findall(r"\b(20\d{2})\b", f"{title} {validity_text}")]
    if not years:
        return None, None
    return date(min(years), 1, 1), date(max(years), 12, 31)


def parse_policy(text):
    meta = metadata(text)
    lines = [line for line in text.split("\n") if line.strip()]
    title = meta.get("title") or (lines[0].strip() if lines else "")
    table_end = 0
    for index, line in enumerate(text.split("\n")):
        if "\t" in line:
            table_end = index
    body = "\n".join(text.split("\n")[table_end + 1 :]) if table_end else text
    sections = split_sections(body)
    focus = [item for heading, text_ in sections if FOCUS_HEADINGS.search(heading) for item in bullets(text_)]
    valid_from, valid_until = validity(title, meta.get("validity_text", ""))
    adopted_on = swedish.first_date(meta.get("adopted_on_text", ""))
    return {
        "kind": "policy",
        "title": title,
        "municipality": swedish.find_municipality(text),
        "organization": meta.get("adopted_by"),
        "adopted_by": meta.get("adopted_by"),
        "date": adopted_on,
        "case_number": meta.get("case_number"),
        "document_type": document_type(meta.get("document_type_text"), title),
        "validity_text": meta.get("validity_text", ""),
        "valid_from": valid_from,
        "valid_until": valid_until,
        "applies_to": meta.get("applies_to", ""),
        "document_owner": meta.get("document_owner", ""),
        "publication": meta.get("publication", ""),
        "summary": meta.get("summary", ""),
        "goals": goals(sections),
        "reporting": reporting(body),
        "focus_areas": focus,
        "sections": [
            {"heading": heading, "text": body_text(text_)}
            for heading, text_ in sections
            if heading and body_text(text_) and heading.strip() != title.strip()
        ],
    }
