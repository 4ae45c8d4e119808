"""Assignment and completion recall/precision against the hand-checked gold file.

Usage: .venv/bin/python benchmarks/assignment_agreement.py [corpus folder]
(also called by benchmarks/import_bench.py). The gold file lists, for a set of files of
the development corpus, every assignment point and every completion/report event of
their decision sections, read by a person; a found item matches a gold item of the same
file and § whose text starts alike. Files are parsed as protokoll (`--kind minutes`),
so the figures measure the reading of decisions, not the document classifier.
"""

import json
import os
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "benchmarks" / "gold" / "assignments_gold.json"
WORD = re.compile(r"[a-zåäöé0-9]+")


def _words(text, count=6):
    return WORD.findall((text or "").lower())[:count]


def _alike(first, second):
    """Same opening words (first five), or most of the first six shared."""
    a, b = _words(first), _words(second)
    if not a or not b:
        return False
    if a[:5] == b[:5]:
        return True
    return len(set(a) & set(b)) >= max(3, int(0.7 * min(len(a), len(b))))


@dataclass
class Score:
    gold: int = 0
    found: int = 0
    matched: int = 0
    misses: list = field(default_factory=list)
    extras: list = field(default_factory=list)

    @property
    def recall(self):
        return self.matched / self.gold if self.gold else 1.0

    @property
    def precision(self):
        return self.matched / self.found if self.found else 1.0

    def line(self, label):
        return (
            f"{label}: recall {self.matched}/{self.gold} = {self.recall:.2f}, "
            f"precision {self.matched}/{self.found} = {self.precision:.2f}"
        )


def _match(gold_rows, found_rows, text_of_gold, text_of_found, score):
    """One-to-one matching within a file: same § (when both give one) and alike text."""
    unused = list(found_rows)
    pairs = []
    for row in gold_rows:
        hit = next(
            (
                candidate
                for candidate in unused
                if (row.get("paragraph") is None or candidate["paragraph"] == row["paragraph"])
                and _alike(text_of_gold(row), text_of_found(candidate))
            ),
            None,
        )
        if hit is None:
            score.misses.append(row)
            continue
        unused.remove(hit)
        pairs.append((row, hit))
    score.gold += len(gold_rows)
    score.found += len(found_rows)
    score.matched += len(pairs)
    score.extras.extend(unused)
    return pairs


def measure(corpus: Path, gold_path: Path = GOLD) -> dict:
    """Scores for assignments and completions over the gold file's documents."""
    from governance.importer.pipeline import Overrides, parse_text
    from governance.importer.reading import read_text

    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    scores = {"assignments": Score(), "decided assignments": Score(), "completions": Score()}
    proposed_agree = proposed_total = 0
    for relative in gold["files"]:
        path = corpus / relative
        if not path.exists():
            continue
        data = parse_text(read_text(path), relative, Overrides(kind="minutes", municipality="-")).data
        found_assignments, found_completions = [], []
        for row in data.get("paragraphs", []):
            for entry in row["assignments"]:
                found_assignments.append({"paragraph": row["number"], "file": relative, **entry})
            for event in row["fulfilments"]:
                found_completions.append({"paragraph": row["number"], "file": relative, **event})
        gold_assignments = [row for row in gold["assignments"] if row["file"] == relative]
        pairs = _match(
            gold_assignments, found_assignments, lambda r: r["task_start"], lambda f: f["task"], scores["assignments"]
        )
        proposed_total += len(pairs)
        proposed_agree += sum(1 for row, hit in pairs if bool(row["proposed"]) == bool(hit["proposed"]))
        _match(
            [row for row in gold_assignments if not row["proposed"]],
            [entry for entry in found_assignments if not entry["proposed"]],
            lambda r: r["task_start"],
            lambda f: f["task"],
            scores["decided assignments"],
        )
        _match(
            [row for row in gold["completions"] if row["file"] == relative],
            found_completions,
            lambda r: r["sentence_start"],
            lambda f: f["sentence"],
            scores["completions"],
        )
    return {
        "files": len(gold["files"]),
        "scores": scores,
        "proposed_flag": (proposed_agree, proposed_total),
    }


def report(corpus: Path, gold_path: Path = GOLD, verbose: bool = False) -> None:
    """Print the assignment section of the import benchmark."""
    if not gold_path.exists() or not corpus.exists():
        print(f"assignments: no gold file or corpus ({gold_path}, {corpus}); skipped")
        return
    result = measure(corpus, gold_path)
    print(f"assignment gold: {result['files']} documents")
    for label, score in result["scores"].items():
        print(score.line(label))
        if verbose:
            for row in score.misses:
                text = row.get("task_start") or row.get("sentence_start")
                print("   missed", row["file"], row.get("paragraph"), text)
            for row in score.extras:
                print("   extra ", row["file"], row["paragraph"], (row.get("task") or row.get("sentence", ""))[:80])
    agree, total = result["proposed_flag"]
    print(f"decided vs proposed-to-another-organ agreement: {agree}/{total}")


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "beslutsspar.settings.dev")
    import django

    django.setup()
    arguments = [argument for argument in sys.argv[1:] if not argument.startswith("-")]
    corpus_root = Path(arguments[0]) if arguments else ROOT.parent / "shared" / "corpus"
    report(corpus_root, verbose="-v" in sys.argv)
