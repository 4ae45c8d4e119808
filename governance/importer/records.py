"""The typed contract between the parsers and the writer: one record per document kind.

Each parser's result is turned into its record, so a missing or misspelt field fails at
parse time (in the dry run too) rather than when the writer reaches it. Nested rows
(paragraphs, movers, questions, goals) stay plain dicts in the review-JSON shape.
"""

from dataclasses import dataclass, field
from datetime import date
from typing import NotRequired, TypedDict


class Mover(TypedDict):
    """One mover of a motion, as the review JSON shows it.

    A person: `name` as signed, `party` the abbreviation signed with ("S"), `role` the line
    under the name. A party group that proposes with no one signing ("föreslår
    Vänsterpartiet:", "För Vänsterpartiet", "(V)-gruppen") has an empty `name`, the party's
    abbreviation when it is known (empty for a local party named only in full), its name as
    written without the genitive in `party_name` ("Vänsterpartiet") and the group as written
    in `role` when it says more than the name ("Socialdemokraternas fullmäktigegrupp").
    """

    name: str
    party: str
    role: str
    party_name: NotRequired[str]


@dataclass
class DocumentRecord:
    kind: str
    title: str
    municipality: str | None
    organization: str | None
    date: date | None
    case_number: str | None = None
    organization_abbreviation: str = ""


@dataclass
class MinutesRecord(DocumentRecord):
    is_extract: bool = False
    paragraphs: list = field(default_factory=list)


@dataclass
class MotionRecord(DocumentRecord):
    movers: list[Mover] = field(default_factory=list)
    background: str = ""
    proposal: str = ""
    att_satser: list = field(default_factory=list)
    place_and_date_text: str = ""


@dataclass
class InterpellationRecord(DocumentRecord):
    asker: dict = field(default_factory=dict)
    addressee: dict = field(default_factory=dict)
    movers: list = field(default_factory=list)
    introduction: str = ""
    questions: list = field(default_factory=list)
    question_rows: list = field(default_factory=list)
    answer: dict | None = None
    promises: list = field(default_factory=list)
    referenced_assignments: list = field(default_factory=list)
    people: list = field(default_factory=list)


@dataclass
class PolicyRecord(DocumentRecord):
    adopted_by: str | None = None
    document_type: str = "plan"
    document_type_text: str = ""
    validity_text: str = ""
    valid_from: date | None = None
    valid_until: date | None = None
    applies_to: str = ""
    document_owner: str = ""
    replaces: str = ""
    publication: str = ""
    summary: str = ""
    goals: list = field(default_factory=list)
    reporting: list = field(default_factory=list)
    focus_areas: list = field(default_factory=list)
    sections: list = field(default_factory=list)


@dataclass
class NewsRecord(DocumentRecord):
    subtitle: str = ""
    lead: str = ""
    sections: list = field(default_factory=list)
    goals: list = field(default_factory=list)
    commitments: list = field(default_factory=list)


@dataclass
class StatementRecord(DocumentRecord):
    statement_type: str = "memo"
    handler: str = ""
    proposal: str = ""
    proposal_points: list = field(default_factory=list)
    answers: dict | None = None
    answers_case_number: str | None = None
