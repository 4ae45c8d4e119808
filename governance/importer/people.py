"""Signatures and named people with their party: "Kjell Axell (S)\\nGruppledare, Socialnämnden"."""

import re

SIGNATURE = re.compile(
    r"^(?P<name>[A-ZÅÄÖÉ][a-zåäöéü\-]+(?: [A-ZÅÄÖÉ][a-zåäöéü\-]+){1,3})(?: \((?P<party>[A-ZÅÄÖ]{1,4})\))?\s*$"
)
NAME_WITH_PARTY = re.compile(
    r"(?P<name>[A-ZÅÄÖÉ][a-zåäöéü\-]+(?: [A-ZÅÄÖÉ][a-zåäöéü\-]+){1,3}) \((?P<party>[A-ZÅÄÖ]{1,4})\)"
)


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
        found.append({"name": match.group("name"), "party": match.group("party") or "", "role": role})
    return found


def named_with_party(text):
    seen = {}
    for match in NAME_WITH_PARTY.finditer(text or ""):
        seen.setdefault(match.group("name"), match.group("party"))
    return [{"name": name, "party": party} for name, party in seen.items()]
