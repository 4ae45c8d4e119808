"""Organs (fullmäktige, styrelse, nämnder, utskott) as documents write them, with abbreviations.

Protokoll name their organ in the letterhead, often broken over two lines ("Kommunstyrelsens
/ arbetsutskott") or run together with other head words ("JÖNKÖPINGS KOMMUN
SAMMANTRÄDESPROTOKOLL Barn- och utbildningsnämnden 2023-01-02"); paragraph heads and
references use the usual abbreviations ("KS § 1", "§ 58 KSAU").
"""

import re

#: Usual abbreviations in Swedish municipalities; a document's own "(XYZ)" wins.
ABBREVIATIONS = {
    "KF": "Kommunfullmäktige",
    "KS": "Kommunstyrelsen",
    "KSAU": "Kommunstyrelsens arbetsutskott",
    "KSPU": "Kommunstyrelsens personalutskott",
    "KU": "Kommunledningsutskottet",
    "BUN": "Barn- och ungdomsnämnden",
    "BUN AU": "Barn- och ungdomsnämndens arbetsutskott",
    "BUNAU": "Barn- och ungdomsnämndens arbetsutskott",
    "SN": "Socialnämnden",
    "SNAU": "Socialnämndens arbetsutskott",
    "SPN": "Samhällsplaneringsnämnden",
    "SBN": "Samhällsbyggnadsnämnden",
    "BMN": "Bygg- och miljönämnden",
    "MBN": "Miljö- och byggnadsnämnden",
    "TN": "Tekniska nämnden",
    "TEN": "Tekniska nämnden",
    "TENAU": "Tekniska nämndens arbetsutskott",
    "KFN": "Kultur- och fritidsnämnden",
    "KUN": "Kultur- och utbildningsnämnden",
    "KUNAU": "Kultur- och utbildningsnämndens arbetsutskott",
    "VON": "Vård- och omsorgsnämnden",
    "VONAU": "Vård- och omsorgsnämndens arbetsutskott",
    "ÄN": "Äldrenämnden",
    "ÖFN": "Överförmyndarnämnden",
    "ÖN": "Överförmyndarnämnden",
    "UN": "Utbildningsnämnden",
    "GVN": "Gymnasie- och vuxenutbildningsnämnden",
    "MN": "Miljönämnden",
    "BN": "Byggnadsnämnden",
    "VN": "Valnämnden",
}

_ORGAN_WORD = (
    r"(?:fullmäktiges?|styrelsen?s?|nämnd(?:en)?s?|utskott(?:et)?s?|beredning(?:en)?s?|presidi(?:um|et)s?"
    r"|direktion(?:en)?s?|revisionen|revisorerna)"
)
#: "Kommunstyrelsen", "Barn- och ungdomsnämnden", "Kommunstyrelsens arbetsutskott",
#: "Socialnämndens individutskott", "Nämnden för funktionsstöd".
ORGAN = re.compile(
    r"(?<![\wåäöÅÄÖ-])("
    r"(?:[A-ZÅÄÖ][a-zåäö]*-\s?(?:och|&)\s[a-zåäö]*" + _ORGAN_WORD + r")"
    r"|(?:[A-ZÅÄÖ][a-zåäö]*" + _ORGAN_WORD + r")"
    r"|(?:[A-ZÅÄÖ][a-zåäö]+[ae]\s(?:nämnd(?:en)?s?|utskott(?:et)?s?|beredning(?:en)?s?|styrelsen?s?))"
    r"|(?:Nämnden för [a-zåäö\- ]{3,40}?)(?=\s*(?:\n|$|\d|Protokoll|PROTOKOLL))"
    r")(?:\s+(?:arbetsutskott|[a-zåäö]+utskott|[a-zåäö]+a\s+utskott|presidium|AU|au)(?:et)?)?(?![\wåäö])",
)
ORGAN_UPPER = re.compile(
    r"(?<![\wÅÄÖ-])((?:[A-ZÅÄÖ]+-\s?(?:OCH|&)\s)?[A-ZÅÄÖ]*(?:FULLMÄKTIGE|STYRELSEN|NÄMNDEN|UTSKOTTET)"
    r"(?:S\s+(?:[A-ZÅÄÖ]+UTSKOTT|[A-ZÅÄÖ]+A\s+UTSKOTT))?)(?![\wÅÄÖ])"
)
NOT_AN_ORGAN = re.compile(r"^(?:Kommunstyrelsens ordförande|Nämnd|Nämnden|Styrelse|Styrelsen|Utskott)$", re.I)


def normalise_organ(name: str) -> str:
    """Whitespace collapsed, capitalised; a lone genitive ("Kommunstyrelsens") made nominative."""
    name = " ".join(name.replace("\n", " ").split()).strip(" ,:;")
    if name.isupper():
        name = name.capitalize()
    if " " not in name.replace("- och ", "-_och_") and name.endswith("ens"):
        name = name[:-1]
    elif name.endswith("s") and name.lower().endswith(("nämnds", "utskottets", "fullmäktiges")):
        name = name[:-1]
    return name[:1].upper() + name[1:]


def find_organ(lines: list[str]) -> str | None:
    """The first organ named in the document head (lines joined, so broken names rejoin)."""
    parts = []
    for line in (line.strip() for line in lines):
        if parts and re.fullmatch(r"[a-zåäö]{1,2}", line):
            parts[-1] += line  # "Överförmyndarnämnde / n": a word broken by a narrow column
        elif line:
            parts.append(line)
    joined = " ".join(parts)
    for pattern in (ORGAN, ORGAN_UPPER):
        for match in pattern.finditer(joined):
            candidate = normalise_organ(match.group(1) + joined[match.end(1) : match.end()])
            if NOT_AN_ORGAN.match(candidate) or len(candidate) < 6:
                continue
            return candidate
    return None


#: A committee named without its parent organ ("Arbetsutskottet", "Utskottet", "Presidiet").
BARE_COMMITTEE = {"arbetsutskottet": "arbetsutskott", "arbetsutskott": "arbetsutskott", "au": "arbetsutskott",
                  "utskottet": "utskott", "presidiet": "presidium"}  # fmt: skip
#: "Socialnämndens arbetsutskott", "Barn- och utbildningsnämndens presidium".
PARENT_OF = r"(?<![\wåäöÅÄÖ-])((?:[A-ZÅÄÖ][a-zåäö]*-\s?och\s)?[A-ZÅÄÖ]?[a-zåäö]*(?:nämndens|styrelsens)) {}"


def with_parent_organ(name: str | None, text: str) -> str | None:
    """ "Arbetsutskottet" → "Socialnämndens arbetsutskott" when the text names whose committee it is.

    Some title pages write only "Beslutsinstans: Arbetsutskottet"; the paragraphs then say
    "Socialnämndens arbetsutskott beslutar …". The parent named most often wins.
    """
    committee = BARE_COMMITTEE.get((name or "").strip().lower())
    if committee is None:
        return name
    pattern = re.compile(PARENT_OF.format(committee[:6]) + r"[a-zåäö]*\b")
    parents = [match.group(1) for match in pattern.finditer(text[:50000]) if match.group(1)[:1].isupper()]
    if not parents:
        return name
    return f"{max(set(parents), key=parents.count)} {committee}"


def expand_abbreviation(value: str) -> str:
    """ "KSAU" → "Kommunstyrelsens arbetsutskott"; anything else is returned as written."""
    key = " ".join((value or "").split()).upper()
    return ABBREVIATIONS.get(key, ABBREVIATIONS.get(key.replace(" ", ""), value))


def abbreviation_for(name: str, text: str = "") -> str:
    """The organ's abbreviation as the text writes it ("Kommunstyrelsen (KS)"), else the usual one."""
    if not name:
        return ""
    written = re.search(re.escape(name) + r"\s*\(([A-ZÅÄÖ]{2,8})\)", text or "")
    if written:
        return written.group(1)
    lowered = name.lower()
    for abbreviation, full in ABBREVIATIONS.items():
        if full.lower() == lowered and " " not in abbreviation:
            return abbreviation
    return ""
