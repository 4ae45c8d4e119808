"""Importer speed and agreement over the development corpus; prints its figures.

Usage: .venv/bin/python benchmarks/import_bench.py [corpus folder]

Speed is parsing only (text files already read, no PDF extraction, no database): the
part of an import that scales with the number of documents. Agreement compares each
paragraph's number, title, diarienummer and decision class with the publisher's JSON.
"""

import json
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "beslutsspar.settings.dev")

import django  # noqa: E402

django.setup()

from governance.importer.pipeline import parse_text  # noqa: E402
from governance.importer.reading import read_text  # noqa: E402


def normalise(text):
    return " ".join((text or "").replace("–", "-").split()).lower()


def main():
    corpus = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / "shared" / "corpus" / "goteborg-ks"
    files = sorted(corpus.glob("*.txt"))
    if not files:
        sys.exit(f"No corpus at {corpus}; pass the folder as the first argument.")
    texts = [(path, read_text(path)) for path in files]

    runs = []
    for _ in range(5):
        start = time.perf_counter()
        parsed = [parse_text(text, path.name) for path, text in texts]
        runs.append(time.perf_counter() - start)
    seconds = statistics.median(runs)
    paragraphs = sum(len(p.data["paragraphs"]) for p in parsed)
    decisions = sum(len(row["decisions"]) for p in parsed for row in p.data["paragraphs"])
    assignments = sum(len(row["assignments"]) for p in parsed for row in p.data["paragraphs"])

    counts = {"paragraphs": 0, "number": 0, "title_exact": 0, "title": 0, "case": 0, "class": 0, "classified": 0}
    for (path, _text), document in zip(texts, parsed, strict=True):
        reference = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
        mine = {row["number"]: row for row in document.data["paragraphs"]}
        for row in reference:
            counts["paragraphs"] += 1
            paragraph = mine.get(int(row["paragrafNr"]))
            if paragraph is None:
                continue
            counts["number"] += 1
            title, theirs = normalise(paragraph["title"]), normalise(row["rubrik"])
            counts["title_exact"] += title == theirs
            counts["title"] += (
                title == theirs
                or (len(theirs) >= 190 and title.startswith(theirs[:150]))
                or (len(theirs) > len(title) + 40 and theirs.startswith(title))
            )
            counts["case"] += (paragraph["case_number"] or "") == (row["ärendeNr"] or "")
            if row["beslut"]:
                counts["classified"] += 1
                counts["class"] += paragraph["decision_class"] == row["beslut"]

    total = counts["paragraphs"]
    print(f"corpus: {len(files)} meetings, {paragraphs} paragraphs, {decisions} decision items, ", end="")
    print(f"{assignments} assignments")
    print(f"parse time (median of 5): {seconds * 1000:.0f} ms")
    print(f"documents/s: {len(files) / seconds:.0f}")
    print(f"paragraphs/s: {paragraphs / seconds:.0f}")
    print(f"paragraph number agreement: {counts['number']}/{total} = {counts['number'] / total:.1%}")
    print(f"title agreement (exact): {counts['title_exact']}/{total} = {counts['title_exact'] / total:.1%}")
    print(f"title agreement (publisher's truncated/over-long titles forgiven): {counts['title'] / total:.1%}")
    print(f"diarienummer agreement: {counts['case']}/{total} = {counts['case'] / total:.1%}")
    print(
        f"decision class agreement: {counts['class']}/{counts['classified']} = "
        f"{counts['class'] / counts['classified']:.1%}"
    )


if __name__ == "__main__":
    main()
