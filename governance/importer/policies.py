"""Parse a policy document: metadata table, goals with targets, reporting, focus areas."""

import re
from datetime import date

from . import swedish
from .municipalities import find_municipality
from .organs import expand_abbreviation, normalise_organ
from .patterns import caseless, finditer_from, lines_holding
from .sections import body_text, bullets, split_sections

METADATA_KEYS = {
    "dokumenttyp": "document_type_text",
    "typ av styrdokument": "document_type_text",
    "dokumentinfo": "document_type_text",
    "beslutande instans": "adopted_by",
    "beslutsinstans": "adopted_by",
    "fastställd": "adopted_on_text",
    "datum för beslut": "adopted_on_text",
    "datum för antagande": "adopted_on_text",
    "datum": "date_text",
    "diarienr": "case_number",
    "ersätter": "replaces",
    "revideras senast": "revise_by_text",
    "ansvarig för revidering": "document_owner",
    "dokumentägare": "document_owner",
    "gäller från": "valid_from_text",
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
#: The words a REPORTING match begins with (see `patterns.finditer_from`).
REPORTING_STARTS = ("rapportering", "återrapportering", "uppföljning", "redovisning")
TIMES = {"en": 1, "två": 2, "tre": 3, "fyra": 4, "sex": 6, "tolv": 12}


_LABELS = "|".join(sorted((re.escape(key) for key in METADATA_KEYS), key=len, reverse=True))
#: "Typ av styrdokument: Riktlinje   Gäller för: 2026" (several labels on a line) or "Dokumenttyp<TAB>Program".
LABEL = re.compile(rf"(?:^|(?<=\s\s)|(?<=\|)|(?<=\t))\s*({_LABELS})\s*(?::\s*|\t+|\s{{2,}}(?=\S))", re.IGNORECASE)
PLACEHOLDER = re.compile(r"^(?:X+|Å{3,4}-MM-DD|ÅÅÅÅ|\d{4}-|-)$", re.IGNORECASE)


def metadata(text):
    """The key/value table many policy documents put first, under any of the usual labels."""
    values = {}
    for line in text.split("\n", 80)[:80]:
        folded = caseless(line)
        if not any(key in folded for key in METADATA_KEYS):
            continue  # LABEL needs one of the keys
        matches = list(LABEL.finditer(line))
        for position, match in enumerate(matches):
            end = matches[position + 1].start() if position + 1 < len(matches) else len(line)
            value = line[match.end() : end].strip(" |\t")
            key = METADATA_KEYS[" ".join(caseless(match.group(1)).split())]
            if value and not PLACEHOLDER.match(value):
                values.setdefault(key, value)
    return values


def policy_title(lines, meta):
    """The title block: the first lines before the metadata, without web addresses and page numbers."""
    if meta.get("title"):
        return meta["title"]
    parts = []
    for line in lines[:12]:
        stripped = line.strip()
        if LABEL.search(line) or (parts and not stripped):
            break
        if not stripped or re.fullmatch(r"(?:www\.)?[\wåäö.-]+\.se|\d{1,3}(?: ?\(\d+\))?|Innehåll", stripped):
            continue
        if re.match(r"^(?:Dnr|Diarienummer)\b", stripped, re.IGNORECASE):
            continue
        parts.append(stripped)
        if len(parts) >= 4 or len(stripped) > 80:
            break
    return swedish.join_lines(parts)


def adopting_organ(meta, head):
    """Who adopted the document: a metadata label, else a "KS § 110/2013" reference in the head."""
    if meta.get("adopted_by"):
        return normalise_organ(expand_abbreviation(meta["adopted_by"]))
    for line in head:
        reference = re.search(r"\b([A-ZÅÄÖ]{2,5})\s?§\s?\d+", line)
        if reference and expand_abbreviation(reference.group(1)) != reference.group(1):
            return expand_abbreviation(reference.group(1))
    return None


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
    for match in finditer_from(REPORTING, text, REPORTING_STARTS):
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
    all_lines = text.split("\n")
    lines = list(filter(str.strip, all_lines))
    title = policy_title(all_lines, meta) or (lines[0].strip() if lines else "")
    with_tab = lines_holding(all_lines, "\t", text)
    table_end = with_tab[-1] if with_tab else 0  # the last line of a metadata table
    body = "\n".join(all_lines[table_end + 1 :]) if table_end else text
    sections = split_sections(body)
    headed = [(heading, body_text(text_)) for heading, text_ in sections if heading]  # each read once
    focus = [item for heading, text_ in sections if FOCUS_HEADINGS.search(heading) for item in bullets(text_)]
    valid_from, valid_until = validity(title, meta.get("validity_text", ""))
    adopted_on = (
        swedish.first_date(meta.get("adopted_on_text", ""))
        or swedish.first_date(meta.get("date_text", ""))
        or next((swedish.parse_iso(line) for line in lines[:6] if swedish.parse_iso(line)), None)
    )
    adopted_by = adopting_organ(meta, lines[:12])
    return {
        "kind": "policy",
        "title": title,
        "municipality": find_municipality(text),
        "organization": adopted_by,
        "adopted_by": adopted_by,
        "replaces": meta.get("replaces", ""),
        "document_type_text": meta.get("document_type_text", ""),
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
            {"heading": heading, "text": section_text}
            for heading, section_text in headed
            if section_text and heading.strip() != title.strip()
        ],
    }
