"""Importer speed and agreement over the development corpus; prints its figures.

Usage: .venv/bin/python benchmarks/import_bench.py [corpus folder]

Speed is parsing only (text files already read, no PDF extraction, no database): the
part of an import that scales with the number of documents. Agreement compares each
paragraph's number, title, diarienummer and decision class with the publisher's JSON.
"""

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

from benchmarks.assignment_agreement import report as assignment_report  # noqa: E402
from governance.importer.corpus import Agreement, reference_for  # noqa: E402
from governance.importer.pipeline import parse_text  # noqa: E402
from governance.importer.reading import read_text  # noqa: E402


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

    agreement = Agreement()
    for (path, _text), document in zip(texts, parsed, strict=True):
        agreement.add(document.data["paragraphs"], reference_for(path), path.name)

    total = agreement.paragraphs
    print(f"corpus: {len(files)} meetings, {paragraphs} paragraphs, {decisions} decision items, ", end="")
    print(f"{assignments} assignments")
    print(f"parse time (median of 5): {seconds * 1000:.0f} ms")
    print(f"documents/s: {len(files) / seconds:.0f}")
    print(f"paragraphs/s: {paragraphs / seconds:.0f}")
    print(f"paragraph number agreement: {agreement.number}/{total} = {agreement.rate('number'):.1%}")
    print(f"title agreement (exact): {agreement.title_exact}/{total} = {agreement.rate('title_exact'):.1%}")
    print(f"title agreement (publisher's truncated/over-long titles forgiven): {agreement.rate('title'):.1%}")
    print(f"diarienummer agreement: {agreement.case}/{total} = {agreement.rate('case'):.1%}")
    print(
        f"decision class agreement: {agreement.decision_class}/{agreement.classified} = "
        f"{agreement.rate('decision_class'):.1%}"
    )
    assignment_report(corpus.parent)


if __name__ == "__main__":
    main()
