"""Agreement between the minutes parser and a publisher's own parse of the same meetings.

Shared by the corpus tests and `benchmarks/import_bench.py`, so both measure the same
thing. The publisher's JSON has its own mistakes (titles cut at 200 characters, body
text appended to titles), which `titles_agree` forgives and `exact` does not.
"""

import json
import re
from dataclasses import dataclass, field
from pathlib import Path


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


def find_corpus(start) -> Path | None:
    """The development corpus `shared/corpus/` beside the repository or one of its parents."""
    for folder in [Path(start).resolve(), *Path(start).resolve().parents]:
        candidate = folder / "shared" / "corpus"
        if candidate.is_dir():
            return candidate
    return None


def _plain(text):
    text = " ".join((text or "").replace("–", "-").replace("—", "-").split()).casefold()
    text = re.sub(r"(?<=-) (?=\d)", "", text)
    return text.strip(" .,:;")


def _case(value):
    value = re.sub(r"^(?:dnr|diarienummer|ärendenummer)\.?:?\s*", "", (value or "").strip(), flags=re.I)
    return re.sub(r"\s+", "", value).casefold()


@dataclass
class GoldScore:
    """Per-field agreement of parsed documents with the hand-made gold file."""

    fields: dict = field(default_factory=dict)  # name -> [agree, total]
    paragraphs_gold: int = 0
    paragraphs_found: int = 0
    paragraphs_matched: int = 0
    disagreements: list = field(default_factory=list)

    def count(self, name, agree, label, mine, theirs):
        agree_total = self.fields.setdefault(name, [0, 0])
        agree_total[0] += bool(agree)
        agree_total[1] += 1
        if not agree:
            self.disagreements.append(f"{label}: {name} {mine!r} ≠ {theirs!r}")

    def add(self, gold, data):
        label = gold["path"]
        self.count("kind", data.get("kind") == gold["kind"], label, data.get("kind"), gold["kind"])
        if gold["kind"] not in KIND_NAMES:
            return
        mine = data.get("municipality") or ""
        if gold.get("municipality_in_text", True):
            agree = mine.casefold() == gold["municipality"].casefold()
            self.count("municipality", agree, label, mine, gold["municipality"])
        else:
            asked = any("--municipality" in error for error in data.get("errors", []))
            self.count("municipality_asked", asked or mine == gold["municipality"], label, mine, "(asks)")
        if gold.get("organ"):
            organ = data.get("organization") or ""
            self.count("organ", _plain(organ) == _plain(gold["organ"]), label, organ, gold["organ"])
        if gold.get("date"):
            found = data.get("date")
            found = found.isoformat() if hasattr(found, "isoformat") else found
            self.count("date", found == gold["date"], label, found, gold["date"])
        if "paragraphs" not in gold:
            return
        parsed = {row["number"]: row for row in data.get("paragraphs") or []}
        self.paragraphs_gold += len(gold["paragraphs"])
        self.paragraphs_found += len(parsed)
        for row in gold["paragraphs"]:
            mine_row = parsed.get(row["number"])
            if mine_row is None:
                self.disagreements.append(f"{label}: § {row['number']} not found")
                continue
            self.paragraphs_matched += 1
            where = f"{label} § {row['number']}"
            self.count(
                "title", _plain(mine_row["title"]) == _plain(row["title"]), where, mine_row["title"], row["title"]
            )
            self.count(
                "diarienummer",
                _case(mine_row.get("case_number")) == _case(row["diarienummer"]),
                where,
                mine_row.get("case_number"),
                row["diarienummer"],
            )
        for number in sorted(set(parsed) - {row["number"] for row in gold["paragraphs"]}):
            self.disagreements.append(f"{label}: § {number} found but not in the gold file")

    def rate(self, name):
        agree, total = self.fields.get(name, [0, 0])
        return agree / total if total else 0.0

    @property
    def paragraph_f1(self):
        precision = self.paragraphs_matched / self.paragraphs_found if self.paragraphs_found else 0.0
        recall = self.paragraphs_matched / self.paragraphs_gold if self.paragraphs_gold else 0.0
        return 2 * precision * recall / (precision + recall) if precision + recall else 0.0, precision, recall


KIND_NAMES = ("minutes", "motion", "interpellation", "policy", "news", "statement")
