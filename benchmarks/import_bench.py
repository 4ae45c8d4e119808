"""Importer accuracy against the hand-made gold file, coverage of the corpus, and speed.

Usage: .venv/bin/python benchmarks/import_bench.py [corpus folder] [--verbose]

The corpus is `shared/corpus/` beside the repository (or a parent of it); the gold file
is `benchmarks/gold/corpus_gold.json` (paths relative to the corpus root). It prints:
- per-field agreement with the gold file (kind, municipality, organ, date, paragraph
  F1, titles and diarienummer of the matched paragraphs);
- every file of the corpus imported or refused, refusals grouped by reason;
- the Göteborg publisher's own parse, compared paragraph by paragraph;
- documents/s for texts (parsing only, files already read) and pages/s for PDFs
  (reading the PDF and parsing it).
"""

import json
import os
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "beslutsspar.settings.dev")

import django  # noqa: E402

django.setup()

from benchmarks.assignment_agreement import report as assignment_report  # noqa: E402
from governance.importer.corpus import Agreement, GoldScore, find_corpus, reference_for  # noqa: E402
from governance.importer.pipeline import collect_files, parse_file, parse_text  # noqa: E402
from governance.importer.reading import pdf_pages, read_text  # noqa: E402

GOLD = ROOT / "benchmarks" / "gold" / "corpus_gold.json"


def main():
    arguments = [argument for argument in sys.argv[1:] if not argument.startswith("--")]
    verbose = "--verbose" in sys.argv
    corpus = Path(arguments[0]) if arguments else find_corpus(ROOT)
    if corpus is None or not corpus.is_dir():
        sys.exit("No corpus found (shared/corpus/ beside the repository); pass the folder as the first argument.")
    files = collect_files([corpus])
    parsed = {}
    started = time.perf_counter()
    for path in files:
        parsed[path.relative_to(corpus).as_posix()] = parse_file(path)
    wall = time.perf_counter() - started

    gold = json.loads(GOLD.read_text(encoding="utf-8"))["documents"]
    score = GoldScore()
    for entry in gold:
        document = parsed.get(entry["path"])
        score.add(entry, document.data if document else {})
    kinds = Counter(entry["kind"] for entry in gold)
    print(f"gold: {len(gold)} documents ({', '.join(f'{k} {n}' for k, n in sorted(kinds.items()))}), ", end="")
    print(f"{len({entry['municipality'] for entry in gold})} municipalities, {score.paragraphs_gold} paragraphs")
    for name in ("kind", "municipality", "organ", "date"):
        agree, total = score.fields.get(name, [0, 0])
        print(f"  {name:<13} {agree}/{total} = {score.rate(name):.3f}")
    agree, total = score.fields.get("municipality_asked", [0, 0])
    print(f"  (municipality not in the text: {agree}/{total} refused asking for --municipality)")
    f1, precision, recall = score.paragraph_f1
    print(f"  paragraphs    F1 {f1:.3f} (precision {precision:.3f}, recall {recall:.3f})")
    for name in ("title", "diarienummer"):
        agree, total = score.fields.get(name, [0, 0])
        print(f"  {name:<13} {agree}/{total} = {score.rate(name):.3f}")
    if verbose:
        for line in score.disagreements:
            print("   ", line)

    refused = Counter()
    examples = {}
    for name, document in parsed.items():
        if document.ok:
            continue
        reason = document.errors[0].split(": ", 1)[-1] if document.errors[0].startswith(Path(name).name) else None
        reason = (reason or document.errors[0])[:110]
        refused[reason] += 1
        examples.setdefault(reason, name)
    imported = sum(1 for document in parsed.values() if document.ok)
    print(f"corpus: {len(parsed)} files, {imported} would import, {len(parsed) - imported} refused with a reason:")
    for reason, count in refused.most_common():
        print(f"  {count:3d} × {reason}   (e.g. {examples[reason]})")
    print(f"whole corpus read and parsed once in {wall:.1f} s")

    agreement = Agreement()
    goteborg = sorted((corpus / "goteborg-ks").glob("*.txt"))
    for path in goteborg:
        agreement.add(parsed[path.relative_to(corpus).as_posix()].data.get("paragraphs", []), reference_for(path))
    total = agreement.paragraphs
    print(
        f"göteborg publisher's parse: numbers {agreement.rate('number'):.3f}, titles {agreement.rate('title'):.3f}"
        f" (exact {agreement.rate('title_exact'):.3f}), diarienummer {agreement.rate('case'):.3f} of {total}"
    )

    assignment_report(corpus, verbose=verbose)

    texts = [(path, read_text(path)) for path in files if path.suffix.lower() == ".txt"]
    runs = []
    for _ in range(3):
        start = time.perf_counter()
        for path, text in texts:
            parse_text(text, path.name)
        runs.append(time.perf_counter() - start)
    print(
        f"text documents/s (parsing, median of 3): {len(texts) / statistics.median(runs):.0f} over {len(texts)} texts"
    )
    pdfs = [path for path in files if path.suffix.lower() == ".pdf"]
    start = time.perf_counter()
    pages = sum(len(pdf_pages(path)) for path in pdfs)
    read_seconds = time.perf_counter() - start
    start = time.perf_counter()
    for path in pdfs:
        parse_file(path)
    seconds = time.perf_counter() - start
    print(
        f"PDF pages/s: {pages / seconds:.0f} read and parsed ({pages / read_seconds:.0f} text extraction only), "
        f"{len(pdfs)} PDFs, {pages} pages"
    )


if __name__ == "__main__":
    main()
