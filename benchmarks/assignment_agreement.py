"""Assignment and completion recall/precision against the hand-checked gold file.

Usage: .venv/bin/python benchmarks/assignment_agreement.py [corpus folder]
(also called by benchmarks/import_bench.py). The gold file lists, for a set of files of
the development corpus, every assignment point and every completion/report event of
their decision sections, read by a person; a found item matches a gold item of the same
file and § whose text starts alike. Files are parsed as protokoll (`--kind minutes`),
so the figures measure the reading of decisions, not the document classifier; the
"§ not compared" lines separate it from the minutes parser's paragraph splitting.
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


def _likeness(first, second):
    """0 when unlike; otherwise higher the more of the opening words agree (same first five: best)."""
    a, b = _words(first), _words(second)
    if not a or not b:
        return 0
    if a[:5] == b[:5]:
        return 10
    shared = len(set(a) & set(b))
    return shared if shared >= max(3, int(0.7 * min(len(a), len(b)))) else 0


def _names(names):
    return sorted(" ".join(name.lower().split()) for name in names)


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


def _match(gold_rows, found_rows, text_of_gold, text_of_found, score, same_paragraph=True):
    """One-to-one matching within a file: alike text and, when asked, the same §."""
    unused = list(found_rows)
    pairs = []
    for row in gold_rows:
        scored = [
            (_likeness(text_of_gold(row), text_of_found(candidate)), candidate)
            for candidate in unused
            if not same_paragraph or row.get("paragraph") is None or candidate["paragraph"] == row["paragraph"]
        ]
        scored = [pair for pair in scored if pair[0]]
        hit = max(scored, key=lambda pair: pair[0])[1] if scored else None
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


def measure(corpus: Path, gold_path: Path = GOLD, only: list | None = None) -> dict:
    """Scores for assignments and completions over the gold file's documents (or `only` those)."""
    from governance.importer.pipeline import Overrides, parse_text
    from governance.importer.reading import read_text

    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    scores = {
        "assignments": Score(),
        "decided assignments": Score(),
        "completions": Score(),
        "assignments, § not compared": Score(),
        "completions, § not compared": Score(),
    }
    proposed_agree = proposed_total = assignee_agree = 0
    files = [relative for relative in gold["files"] if only is None or relative in only]
    for relative in files:
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
        assignee_agree += sum(
            1 for row, hit in pairs if _names(row["assignee"].split(", ")) == _names(hit["assignees"])
        )
        _match(
            [row for row in gold_assignments if not row["proposed"]],
            [entry for entry in found_assignments if not entry["proposed"]],
            lambda r: r["task_start"],
            lambda f: f["task"],
            scores["decided assignments"],
        )
        gold_completions = [row for row in gold["completions"] if row["file"] == relative]
        for label, same in (("", True), (", § not compared", False)):
            _match(
                gold_completions,
                found_completions,
                lambda r: r["sentence_start"],
                lambda f: f["sentence"],
                scores["completions" + label],
                same,
            )
        _match(
            gold_assignments,
            found_assignments,
            lambda r: r["task_start"],
            lambda f: f["task"],
            scores["assignments, § not compared"],
            same_paragraph=False,
        )
    return {
        "files": len(files),
        "scores": scores,
        "proposed_flag": (proposed_agree, proposed_total),
        "assignees": (assignee_agree, proposed_total),
    }


def report(corpus: Path, gold_path: Path = GOLD, verbose: bool = False) -> None:
    """Print the assignment section of the import benchmark."""
    if not gold_path.exists() or not corpus.exists():
        print(f"assignments: no gold file or corpus ({gold_path}, {corpus}); skipped")
        return
    held_out = json.loads(gold_path.read_text(encoding="utf-8")).get("held_out_files") or []
    _print(measure(corpus, gold_path), "all gold documents", verbose)
    if held_out:
        _print(measure(corpus, gold_path, only=held_out), "held out (read before the extractor ran on them)", verbose)


def _print(result, title, verbose):
    print(f"assignment gold, {title}: {result['files']} documents")
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
    agree, total = result["assignees"]
    print(f"assignees agreement (same names, any case): {agree}/{total}")


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "beslutsspar.settings.dev")
    import django

    django.setup()
    arguments = [argument for argument in sys.argv[1:] if not argument.startswith("-")]
    corpus_root = Path(arguments[0]) if arguments else ROOT.parent / "shared" / "corpus"
    report(corpus_root, verbose="-v" in sys.argv)
