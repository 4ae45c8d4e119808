"""The diarienummer a filed document (a motion) carries for itself, not those it cites.

The registrar stamps it on the document: on a line of its own ("Dnr KS 2023/45",
"Diarienummer: KS 2023/45", "Ärendenummer 2023.123"), in the title block ("Motion om
cykelvägar, KS 2023.123", "Inkom 2023-05-02  Dnr KS 2023/45") or as a short stamp line
anywhere ("KS 2023.123"). A number inside a running sentence ("… beslutade 2019 (dnr KS
2019/45) att …") is another matter the text refers to, and is left alone.
"""

import re

from .headings import DNR_LABEL, DNR_VALUE, LABELLED_DNR, clean_case_number

#: "dnr KS 2023/45" inside a line; the label in any case, the number as written.
LABELLED = re.compile(rf"(?<![\wåäö])(?i:{DNR_LABEL})(?P<number>{DNR_VALUE})(?![\wåäö/])")
#: "KS 2023.123", "BUN/2022:1052", "KSAU 2023/45": an organ's series, a year and a running number.
#: National series that look the same (SFS 2010:800, SOU 2023:12) are laws and inquiries, not cases.
SERIES_NUMBER = re.compile(
    r"(?<![\wåäö/.])(?P<number>(?!(?:SFS|SOU|EU|EG)\b)[A-ZÅÄÖ]{2,6}(?:\s?AU)?[ /-]?(?:19|20)\d{2}[./:]\d{1,6})"
    r"(?![\wåäö]|[./:]\d)"
)
#: The nonblank lines that make the title block.
HEAD_LINES = 8
#: A stamp or metadata line is short and is not a sentence.
STAMP_WORDS = 8
SENTENCE_END = re.compile(r"[a-zåäö]{2,}[.!?]\s*$")


def _in_line(line: str) -> re.Match | None:
    return LABELLED.search(line) or SERIES_NUMBER.search(line)


def _is_stamp(line: str) -> bool:
    return len(line.split()) <= STAMP_WORDS and not SENTENCE_END.search(line)


def find_own_case_number(lines: list[str]) -> str | None:
    """The document's diarienummer: a labelled line of its own, else one in the title block,
    else a short stamp line; None when the text only cites other matters' numbers."""
    nonblank = [line.strip() for line in lines if line.strip()]
    for line in nonblank:
        match = LABELLED_DNR.match(line)
        if match:
            return clean_case_number(match.group("number"))
    for line in nonblank[:HEAD_LINES]:
        match = _in_line(line)
        if match:
            return clean_case_number(match.group("number"))
    for line in nonblank[HEAD_LINES:]:
        match = _in_line(line) if _is_stamp(line) else None
        if match:
            return clean_case_number(match.group("number"))
    return None


def without_case_number(title: str, case_number: str | None) -> str:
    """The title without the diarienummer that closes it ("Motion om cykelvägar, KS 2023.123")."""
    if not case_number:
        return title
    number = r"\s*".join(re.escape(part) for part in case_number.split())
    closing = re.compile(rf"[\s,;–-]*[(\[]?(?i:{DNR_LABEL})?{number}[)\]]?\s*$")
    stripped = closing.sub("", title).strip()
    return stripped or title
