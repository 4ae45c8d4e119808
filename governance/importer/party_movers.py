"""A party group as the mover of a motion or initiative that no person signs.

Nämndinitiativ and initiativärenden are often put forward by a party group and signed by no
one: "Mot bakgrund av detta föreslår Vänsterpartiet:", "Vänsterpartiet yrkar att …", a
signature line "För Vänsterpartiet" with no name under it, "Moderaterna i Alingsås",
"(V)-gruppen", "Socialdemokraternas fullmäktigegrupp". Open Civic Data and Popolo call this
a sponsorship by an organization; here it is a mover without a name (see `records.Mover`).

A party is the mover only where it stands as the one who proposes: as the subject of
"föreslår"/"yrkar"/"hemställer" followed by what is proposed ("att …", ":", the organ, the
line's end), or as the signature line itself. A party named in running text ("Vänsterpartiet
har tidigare …", "Moderaterna föreslår i sin budget …") is not a mover. "Sverigedemokraterna
genom Anna Berg" names the person who moves for the party: she is the mover.
"""

import re

from .records import Mover
from .swedish import NATIONAL_PARTIES, NATIONAL_PARTY_NAMES

_NATIONAL = "|".join(name[0].upper() + name[1:] for name in NATIONAL_PARTIES)
#: A party by name: a national party, or a local one whose name ends in "partiet"
#: ("Alingsåspartiet", "Sjukvårdspartiet"); a genitive "s" is allowed and taken off later.
_PARTY_NAME = rf"(?:{_NATIONAL}|[A-ZÅÄÖ][a-zåäö]+partiet)s?"
#: "(V)-gruppen", "V-gruppen": a group by its party's abbreviation.
_ABBREVIATED_GROUP = r"\(?[A-ZÅÄÖ]{1,4}\)?-gruppen"
#: "Socialdemokraternas fullmäktigegrupp", "Vänsterpartiets ledamöter i nämnden", "Moderaterna i Alingsås".
_GROUP = r"(?:\s+(?:[a-zåäö-]*grupp(?:en)?|ledamöter|företrädare))?"
_WHERE = r"(?:\s+i\s+(?:[A-ZÅÄÖ][a-zåäö]+|[a-zåäö-]+(?:\s+och\s+[a-zåäö]+)?(?:nämnden|fullmäktige|styrelsen)))?"
_PERSON = r"[A-ZÅÄÖÉ][a-zåäöéü]+(?:-[A-ZÅÄÖÉ][a-zåäöéü]+)?(?: [A-ZÅÄÖÉ][a-zåäöéü]+(?:-[A-ZÅÄÖÉ][a-zåäöéü]+)?){1,2}"
_ONE_PARTY = rf"(?:{_PARTY_NAME}{_GROUP}{_WHERE}|{_ABBREVIATED_GROUP})"
#: One party or several ("Vänsterpartiet och Miljöpartiet"), optionally moving through a person.
_PARTIES = rf"(?P<parties>{_ONE_PARTY}(?:(?:,\s*|\s+och\s+){_ONE_PARTY})*)(?:\s+genom\s+(?P<person>{_PERSON}))?"
_VERB = r"(?:föreslår|yrkar|hemställer)"
_ADVERB = r"(?:\s+(?:därför|härmed|således|också|vidare|följande))?"
#: What follows the verb when the party proposes rather than is reported on.
_PROPOSAL_FOLLOWS = r"(?=\s*(?::|$|att\b|(?:kommun)?fullmäktige\b|kommunstyrelsen\b|[a-zåäö-]*nämnden\b))"

#: "Vänsterpartiet föreslår att", "Vi i Vänsterpartiet yrkar därför:" at a sentence's start.
PARTY_PROPOSES = re.compile(
    rf"(?:^|[.!?]\s+|\n)\s*(?:Vi\s+i\s+)?{_PARTIES}\s+{_VERB}{_ADVERB}{_PROPOSAL_FOLLOWS}", re.MULTILINE
)
#: "Mot bakgrund av detta föreslår Vänsterpartiet:", "Därför yrkar vi i Vänsterpartiet att".
PROPOSES_PARTY = re.compile(rf"\b{_VERB}\s+(?:vi\s+i\s+)?{_PARTIES}{_ADVERB}{_PROPOSAL_FOLLOWS}", re.MULTILINE)
#: A signature line that is the party group itself: "För Vänsterpartiet", "(V)-gruppen".
SIGNING_PARTY = re.compile(rf"^\s*(?:[Ff]ör\s+)?{_PARTIES}\s*[.,]?\s*$")

_ONE_PARTY_PATTERN = re.compile(_ONE_PARTY)
_ABBREVIATION = re.compile(r"^\(?(?P<abbreviation>[A-ZÅÄÖ]{1,4})\)?-gruppen$")
_NAME_IN = re.compile(rf"^(?P<name>{_PARTY_NAME})")


def _party(designation: str) -> tuple[str, str]:
    """(abbreviation, name) of one party as written; a local party by name has no abbreviation."""
    abbreviated = _ABBREVIATION.match(designation)
    if abbreviated:
        abbreviation = abbreviated.group("abbreviation")
        return abbreviation, NATIONAL_PARTY_NAMES.get(abbreviation, "")
    name = _NAME_IN.match(designation).group("name")
    if name.lower() not in NATIONAL_PARTIES and name.endswith("s"):
        name = name[:-1]  # the genitive: "Vänsterpartiets grupp", "Socialdemokraternas fullmäktigegrupp"
    return NATIONAL_PARTIES.get(name.lower(), ""), name


def _movers(match: re.Match) -> list[Mover]:
    person = match.group("person")
    movers: list[Mover] = []
    for designation in _ONE_PARTY_PATTERN.findall(match.group("parties")):
        abbreviation, name = _party(designation)
        if person:
            movers.append({"name": person, "party": abbreviation, "role": ""})
            continue
        role = designation if designation != name else ""
        movers.append({"name": "", "party": abbreviation, "party_name": name, "role": role})
    return movers


def party_movers(text: str) -> list[Mover]:
    """The party group(s) that sign or propose, from the signature lines or else the last
    proposing sentence; empty when a party is only mentioned."""
    tail = [line.strip() for line in text.split("\n") if line.strip()][-6:]
    for line in reversed(tail):
        match = SIGNING_PARTY.match(line)
        if match:
            return _movers(match)
    proposing = [match for pattern in (PARTY_PROPOSES, PROPOSES_PARTY) for match in pattern.finditer(text)]
    if not proposing:
        return []
    return _movers(max(proposing, key=lambda match: match.start("parties")))
