"""What the review screen shows of one file: the pipeline's record, read for a secretary.

The record is `pipeline.to_json` of the dry run, stored on the `ImportItem`. This module
only selects and words it: the kind and why, the head fields, the §s with their decisions
and assignments, and what is missing, with the CLI's option names in a message replaced
by the field the secretary corrects on the screen.
"""

import re
from dataclasses import dataclass, field

from governance.importer.kind_reasons import kind_name
from governance.importer.kinds import REGISTRY

#: The CLI's options as the review screen's fields, for messages that name an option.
OPTION_FIELDS = {
    "--kind": "”Dokumenttyp”",
    "--municipality": "”Kommun”",
    "--organization": "”Organ”",
}
#: An option, with the kind it names ("--kind minutes") or the list of kinds to choose from.
OPTION = re.compile(
    "(" + "|".join(re.escape(option) for option in OPTION_FIELDS) + ")"
    r"(?: (" + "|".join(REGISTRY) + r")\b| \((?:\w+, )+\w+\))?"
)

HEAD_FIELDS = {
    "municipality": "kommun",
    "organization": "organ",
    "date": "datum",
    "title": "titel",
}


def _field(match: re.Match) -> str:
    kind = match.group(2)
    return OPTION_FIELDS[match.group(1)] + (f" {kind_name(kind)}" if kind else "")


def for_screen(message: str) -> str:
    """A pipeline message with "--municipality" written as the field to correct, and the kind
    codes of "--kind minutes" or "--kind (minutes, motion …)" as the field's Swedish choices."""
    return OPTION.sub(_field, message)


@dataclass
class Review:
    """One file's review: head fields, §s, assignments and what is missing."""

    kind: str | None
    kind_label: str
    kind_reasons: str
    title: str
    municipality: str
    organization: str
    date: str
    case_number: str
    paragraphs: list = field(default_factory=list)
    details: list = field(default_factory=list)  # (label, [lines]) of the kind's own fields
    assignments: list = field(default_factory=list)
    missing: list = field(default_factory=list)
    warnings: list = field(default_factory=list)
    errors: list = field(default_factory=list)

    @property
    def decision_count(self) -> int:
        return sum(len(paragraph.get("decisions", [])) for paragraph in self.paragraphs)


def _missing(result: dict) -> list[str]:
    missing = [f"Ingen {label} hittades." for name, label in HEAD_FIELDS.items() if not result.get(name)]
    for paragraph in result.get("paragraphs", []):
        gaps = []
        if not paragraph.get("title"):
            gaps.append("rubrik")
        if not paragraph.get("case_number"):
            gaps.append("diarienummer")
        if not paragraph.get("decisions"):
            gaps.append("beslut")
        if gaps:
            missing.append(f"§ {paragraph.get('number')} saknar {', '.join(gaps)}.")
    return missing


def _person(row: dict | None) -> str:
    """ "Name (P), role"; a party group that moves with no one signing ("Vänsterpartiet (V)");
    a post alone when no one is named ("kommunstyrelsens ordförande")."""
    if row and not row.get("name") and row.get("party_name"):
        row = dict(row, name=row["party_name"])
    if not row or not row.get("name"):
        return (row or {}).get("role") or "–"
    party = f" ({row['party']})" if row.get("party") else ""
    role = f", {row['role']}" if row.get("role") else ""
    return f"{row['name']}{party}{role}"


ANSWERED_LABELS = {"motion": "Motion", "citizen_proposal": "Medborgarförslag", "interpellation": "Interpellation"}


def _answered(answers: dict) -> str:
    return f"{ANSWERED_LABELS.get(answers.get('kind'), 'Ärende')}: {answers.get('subject', '')}"


def _details(result: dict) -> list[tuple[str, list[str]]]:
    """What a motion, interpellation, policy or beslutsunderlag adds to the head fields, for the secretary to check."""
    details = [
        ("Förslagsställare", [_person(mover) for mover in result.get("movers", [])] if "att_satser" in result else []),
        ("Att-satser", result.get("att_satser", [])),
        ("Interpellant", [_person(result["asker"])] if "asker" in result else []),
        ("Ställd till", [_person(result["addressee"])] if "addressee" in result else []),
        ("Frågor", [f"{row.get('number')}. {row.get('question')}" for row in result.get("question_rows", [])]),
        ("Antagen av", [result["adopted_by"]] if result.get("adopted_by") else []),
        ("Mål", [goal.get("text", "") for goal in result.get("goals", [])]),
        ("Handläggare", [result["handler"]] if result.get("handler") else []),
        ("Besvarar", [_answered(result["answers"])] if result.get("answers") else []),
        ("Förslag till beslut", result.get("proposal_points", [])),
    ]
    return [(label, lines) for label, lines in details if lines]


def _assignments(result: dict) -> list[dict]:
    """Every assignment the document gives, with the § it stands in (minutes) when there is one."""
    found = []
    for paragraph in result.get("paragraphs", []):
        found += [
            {**assignment, "paragraph": paragraph.get("number")} for assignment in paragraph.get("assignments", [])
        ]
    found += [{**promise, "paragraph": None} for promise in result.get("promises", [])]
    found += [{**referenced, "paragraph": None} for referenced in result.get("referenced_assignments", [])]
    return found


def review(result: dict, errors: list | None = None) -> Review:
    errors = result.get("errors", []) if errors is None else errors
    return Review(
        kind=result.get("kind"),
        kind_label=kind_name(result.get("kind")),
        kind_reasons=for_screen(result.get("kind_reasons", "")),
        title=result.get("title") or "",
        municipality=result.get("municipality") or "",
        organization=result.get("organization") or "",
        date=result.get("date") or "",
        case_number=result.get("case_number") or "",
        paragraphs=result.get("paragraphs", []),
        details=_details(result),
        assignments=_assignments(result),
        missing=_missing(result) if result.get("kind") in REGISTRY else [],
        warnings=[for_screen(warning) for warning in result.get("warnings", [])],
        errors=[for_screen(error) for error in errors],
    )
