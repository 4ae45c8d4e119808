"""Recognise which of Sweden's 290 municipalities a document comes from.

The register (`governance/data/kommuner.tsv`, SCB's kommunkod, name and län) lets any
municipality be recognised, not only those seen before. Evidence is weighed, because
documents name other municipalities too ("avtalssamverkan mellan Borås Stad och
Alingsås kommun"): the letterhead and the lines around it count most, then "X kommun" /
"Xs kommun" / "Xs stad" in the head, the municipality's web and e-mail domain, the place
in a signature's place-and-date line, and last every mention in the body.
"""

import csv
import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from pathlib import Path

REGISTER_FILE = Path(__file__).resolve().parent.parent / "data" / "kommuner.tsv"


@dataclass(frozen=True)
class KnownMunicipality:
    code: str
    name: str
    county: str

    @property
    def genitive(self) -> str:
        """ "Göteborgs", "Borås" (a name ending in s, x or z takes no extra s)."""
        return self.name if self.name[-1] in "sxz" else self.name + "s"

    @property
    def domain_label(self) -> str:
        """The municipality's usual web domain label: "Upplands Väsby" → "upplandsvasby"."""
        return ascii_fold(self.name).replace(" ", "").replace("-", "")


def ascii_fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


@cache
def register() -> tuple[KnownMunicipality, ...]:
    with REGISTER_FILE.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    return tuple(KnownMunicipality(row["kommunkod"], row["kommun"], row["län"]) for row in rows)


@cache
def _forms() -> dict:
    """Every written form (name, genitive, upper case) → municipality."""
    forms = {}
    for municipality in register():
        for form in (municipality.name, municipality.genitive):
            forms[form] = municipality
            forms[form.upper()] = municipality
    return forms


@cache
def _domains() -> dict:
    return {municipality.domain_label: municipality for municipality in register()}


_NAME = r"[A-ZÅÄÖ][a-zåäöéü]+(?:[- ][A-ZÅÄÖ][a-zåäöéü]+)?|[A-ZÅÄÖ]{2,}(?:[- ][A-ZÅÄÖ]{2,})?"
#: `_NAME` not run on from a word before it. The capital comes first and the look-behind
#: after it (over the character before and the capital), so `re` can skip ahead to the next
#: capital instead of trying the pattern at every position of a long text.
_NAME_ALONE = r"[A-ZÅÄÖ](?<![\wåäöÅÄÖ-].)(?:[a-zåäöéü]+(?:[- ][A-ZÅÄÖ][a-zåäöéü]+)?|[A-ZÅÄÖ]+(?:[- ][A-ZÅÄÖ]{2,})?)"
#: "Alingsås kommun", "Göteborgs Stad", "HÖGSBY KOMMUN", "Enköpings kommunfullmäktige"
WITH_WORD = re.compile(rf"({_NAME_ALONE})\s+(?:kommun|stad|Stad|Kommun|KOMMUN|STAD)(?:s|en|ens)?\b")
WITH_ORGAN = re.compile(rf"(?<![\wåäöÅÄÖ-])({_NAME})\s+(?=kommunfullmäktige|kommunstyrelse)")
PLACE_DATE = re.compile(
    rf"^\s*({_NAME})(?:,|\s+den)?\s+(?:\d{{1,2}}\s+[a-zåäö]+\s+(?:19|20)\d{{2}}|(?:19|20)\d{{2}}-\d{{2}}-\d{{2}})"
)
#: A bare name; one followed by a number is a property designation ("Munkedal 4", "Sörhaga 2:4").
#: (The look-behind stands after the capital, as in `_NAME_ALONE`.)
BARE_NAME = re.compile(r"([A-ZÅÄÖ](?<![\wåäöÅÄÖ-].)[a-zåäö]+(?:[- ][A-ZÅÄÖ][a-zåäö]+)?)(?![\wåäö-])(?!\s\d)")
#: The place a protokoll's head gives for the meeting or its justering: "Justeringens plats och tid
#: Krokom 2020-06-16", "Plats och tid: Ljusdal, 4 maj 2021" (a building name is simply not in the register).
MEETING_PLACE = re.compile(
    r"(?:Justeringens plats och (?:tid|datum)|Plats och tid för justering|Plats och tid|Tid och plats)"
    rf"\s*:?\s*({_NAME})\b"
)
#: A local party named after its municipality: "Strängnäspartiet", "Sjöbopartiet", "Kiruna-partiet".
LOCAL_PARTY = re.compile(r"(?<![\wåäöÅÄÖ-])([A-ZÅÄÖ][a-zåäö]+)-?partiet\b")
DOMAIN = re.compile(r"(?:www\.|@|\b)([a-zåäö0-9-]+)\.se\b", re.IGNORECASE)
DOMAIN_ENDINGS = (".se", ".sE", ".Se", ".SE", ".ſe", ".ſE")
#: Municipality names that are also common words or surnames: never counted bare.
COMMON_WORDS = {"Ale", "Berg", "Boden", "Bjuv", "Hjo", "Kil", "Lund", "Mark", "Mora", "Nora", "Orsa", "Sala", "Vara"}


def _bare_names(text, forms):
    """Registered names standing alone in `text` ("Utbildning Falkenberg", "i Alingsås")."""
    for match in BARE_NAME.finditer(text):
        words = match.group(1)
        if words in forms:
            found = [words]
        else:
            found = [word for word in words.split(" ") if word in forms]
        for form in found:
            if form not in COMMON_WORDS:
                yield form


def _lookup_form(form):
    forms = _forms()
    found = forms.get(form)
    if found is None and " " in form:
        found = forms.get(form.split(" ", 1)[1])  # "Avtal Alingsås kommun": the last word
    return found


@dataclass
class MunicipalityGuess:
    municipality: KnownMunicipality | None
    score: float
    reasons: list


#: The most that bare mentions of a name add to its score (see `guess_municipality`).
MENTIONS_AT_MOST = 3.0


def guess_municipality(text: str, head_lines: int = 25, winner_only: bool = False) -> MunicipalityGuess:
    """The best-supported municipality with the evidence for it.

    With `winner_only`, the bare mentions (weighed last, each name's worth at most
    `MENTIONS_AT_MOST`) are not counted when they cannot change the winner; the score and
    reasons are then those gathered before them.
    """
    scores: dict[KnownMunicipality, float] = {}
    reasons: dict[KnownMunicipality, list] = {}

    def add(municipality, weight, reason):
        if municipality is None:
            return
        scores[municipality] = scores.get(municipality, 0) + weight
        reasons.setdefault(municipality, []).append(reason)

    lines = list(filter(str.strip, text.split("\n")))
    head = lines[:head_lines]
    tail = lines[-40:] if len(lines) > head_lines else []
    forms = _forms()
    # Each per-line pattern below runs only on the lines holding its own word.
    for position, line in enumerate(head):
        lowered = line.lower()
        for pattern in (WITH_WORD, WITH_ORGAN) if "kommun" in lowered or "stad" in lowered else ():
            for match in pattern.finditer(line):
                add(_lookup_form(match.group(1)), 6 if position < 8 else 4, f"huvudet: {match.group(0).strip()!r}")
        if position < 8 and line.strip() in forms:
            add(forms[line.strip()], 4, f"brevhuvud: {line.strip()!r}")
        elif position < 3 and len(line) < 60:
            for form in _bare_names(line, forms):
                add(forms[form], 3, f"brevhuvud: {line.strip()!r}")
    for line in head + tail:
        found = PLACE_DATE.match(line) if "20" in line or "19" in line else None  # (its year)
        if found:
            add(_lookup_form(found.group(1)), 3, f"ort och datum: {line.strip()[:40]!r}")
    for line in head:
        for match in MEETING_PLACE.finditer(line) if "lats" in line else ():
            add(forms.get(match.group(1)), 3, f"mötesplats: {match.group(0)!r}")
    for line in head + tail:
        for match in LOCAL_PARTY.finditer(line) if "partiet" in line else ():
            add(forms.get(match.group(1)), 3, f"lokalt parti: {match.group(0)!r}")
    domains = _domains()
    searched = text[:20000] + "\n" + text[-5000:]
    # Every domain ends in ".se" (in any case, "ſ" being an "s" to the pattern); most documents name none.
    for match in DOMAIN.finditer(searched) if any(ending in searched for ending in DOMAIN_ENDINGS) else ():
        label = ascii_fold(match.group(1))
        if label in domains:
            add(domains[label], 3, f"domän: {match.group(0)!r}")
    body = "\n".join(lines[head_lines:])[:300000]
    for match in WITH_WORD.finditer(body):
        add(_lookup_form(match.group(1)), 0.5, "'X kommun' i texten")
    if winner_only and scores:
        leading = sorted(scores.values(), reverse=True)
        runner_up = leading[1] if len(leading) > 1 else 0.0
        if leading[0] > MENTIONS_AT_MOST and leading[0] - runner_up > MENTIONS_AT_MOST:
            best = max(scores, key=lambda municipality: scores[municipality])
            return MunicipalityGuess(best, scores[best], reasons[best][:6])
    mentions: dict[KnownMunicipality, int] = {}
    for form in _bare_names(text[:100000], forms):
        mentions[forms[form]] = mentions.get(forms[form], 0) + 1
    repeated = [municipality for municipality, count in mentions.items() if count >= 2]
    for municipality, count in mentions.items():
        # Bare mentions support other evidence; alone they count only if no other name repeats.
        if count >= 2 and (scores or len(repeated) == 1):
            add(municipality, min(MENTIONS_AT_MOST, 0.3 * count), f"namnet nämns {count} gånger")
    if not scores:
        return MunicipalityGuess(None, 0.0, [])
    best = max(scores, key=lambda municipality: scores[municipality])
    unique = []
    for reason in reasons[best]:
        if reason not in unique:
            unique.append(reason)
    return MunicipalityGuess(best, scores[best], unique[:6])


UNREGISTERED = re.compile(r"^\s*([A-ZÅÄÖ][a-zåäö]+(?:[- ][A-ZÅÄÖ][a-zåäö]+)?) (?:kommun|stad|Stad)\s*$", re.MULTILINE)


def find_municipality(text: str) -> str | None:
    """The name of the municipality the text comes from, or None.

    A letterhead "X kommun" naming no registered municipality (a new or renamed one, a
    test) is taken as written; the pipeline warns about it.
    """
    if not text:
        return None
    guess = guess_municipality(text, winner_only=True)
    if guess.municipality:
        return guess.municipality.name
    letterhead = UNREGISTERED.search("\n".join(text.split("\n")[:10]))
    if letterhead:
        name = letterhead.group(1)
        return name[:-1] if name.endswith("s") and not name.endswith(("ås", "äs", "ös", "rs")) else name
    return None


def lookup(name: str) -> KnownMunicipality | None:
    """A register entry for a name as a user types it ("goteborg", "Göteborgs stad")."""
    cleaned = re.sub(r"\s+(?:kommun|stad)$", "", (name or "").strip(), flags=re.IGNORECASE)
    return _folded_forms().get(ascii_fold(cleaned))


@cache
def _folded_forms() -> dict:
    """Name and genitive of every municipality, folded to ASCII lower case, → municipality."""
    folded = {}
    for municipality in reversed(register()):
        # Reversed, so where two share a folded form the first in the register wins, as before.
        for form in (municipality.genitive, municipality.name):
            folded[ascii_fold(form)] = municipality
    return folded
