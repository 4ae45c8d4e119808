"""Agreement between the minutes parser and a publisher's own parse of the same meetings.

Shared by the corpus tests and `benchmarks/import_bench.py`, so both measure the same
thing. The publisher's JSON has its own mistakes (titles cut at 200 characters, body
text appended to titles), which `titles_agree` forgives and `exact` does not.
"""

import json
from dataclasses import dataclass, field


def normalise(text):
    return " ".join((text or "").replace("–", "-").split()).lower()


def titles_agree(mine, theirs):
    mine, theirs = normalise(mine), normalise(theirs)
    return (
        mine == theirs
        or (len(theirs) >= 190 and mine.startswith(theirs[:150]))
        or (len(theirs) > len(mine) + 40 and theirs.startswith(mine))
    )


@dataclass
class Agreement:
    paragraphs: int = 0
    number: int = 0
    title_exact: int = 0
    title: int = 0
    case: int = 0
    classified: int = 0
    decision_class: int = 0
    missing: list = field(default_factory=list)

    def add(self, parsed_paragraphs, reference, label=""):
        mine = {paragraph["number"]: paragraph for paragraph in parsed_paragraphs}
        for row in reference:
            self.paragraphs += 1
            paragraph = mine.get(int(row["paragrafNr"]))
            if paragraph is None:
                self.missing.append(f"{label} § {row['paragrafNr']}")
                continue
            self.number += 1
            self.title_exact += normalise(paragraph["title"]) == normalise(row["rubrik"])
            self.title += titles_agree(paragraph["title"], row["rubrik"])
            self.case += (paragraph["case_number"] or "") == (row["ärendeNr"] or "")
            if row["beslut"]:
                self.classified += 1
                self.decision_class += paragraph["decision_class"] == row["beslut"]

    def rate(self, name):
        total = self.classified if name == "decision_class" else self.paragraphs
        return getattr(self, name) / total if total else 0.0


def reference_for(text_file):
    return json.loads(text_file.with_suffix(".json").read_text(encoding="utf-8"))
