"""Signatures and named people with their party: "Kjell Axell (S)\\nGruppledare, Socialnämnden"."""

import re

#: A party as written after a name: "(S)", "(KD)", and in older documents "(s)", "(kd)", "(fp)".
PARTY = r"[A-ZÅÄÖ]{1,4}|(?:s|m|c|v|l|kd|mp|fp|sd)(?![a-zåäö])"
NAME = r"[A-ZÅÄÖÉ][a-zåäöéü\-]+(?: [A-ZÅÄÖÉ][a-zåäöéü\-]+){1,3}"
SIGNATURE = re.compile(rf"^(?P<name>{NAME})(?: \((?P<party>{PARTY})\))?\s*$")
NAME_WITH_PARTY = re.compile(rf"(?P<name>{NAME}) \((?P<party>{PARTY})\)")


def party_of(match) -> str:
    """The party a SIGNATURE or NAME_WITH_PARTY match names, upper case ("(kd)" → "KD")."""
    return (match.group("party") or "").upper()


def signatures(lines, require_party=False):
    """People signing at the foot of a document, each with the role line under the name."""
    found = []
    for index, line in enumerate(lines):
        match = SIGNATURE.match(line.strip())
        if not match or (require_party and not match.group("party")):
            continue
        role = ""
        if index + 1 < len(lines):
            candidate = lines[index + 1].strip()
            if candidate and not SIGNATURE.match(candidate) and len(candidate) < 120:
                role = candidate
        found.append({"name": match.group("name"), "party": party_of(match), "role": role})
    return found


def named_with_party(text):
    seen = {}
    for match in NAME_WITH_PARTY.finditer(text or ""):
        seen.setdefault(match.group("name"), party_of(match))
    return [{"name": name, "party": party} for name, party in seen.items()]
