"""Compare PDF text extraction libraries on the corpus PDFs; prints the figures behind the choice.

Usage: .venv/bin/python benchmarks/pdf_bench.py [folder with PDFs]   (default: shared/corpus/)

For pypdfium2 (used by the importer), pypdf and pdfminer.six (optional: `pip install
.[bench]`): pages/s, words read, line-end dashes left ambiguous (is "kommun-/styrelsen" one
word or "Barn-/och" two?), and how often a head label keeps its value on the same line
("Plats och tid Rådhuset", which the protokoll head parser relies on).
"""

import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

LABEL = re.compile(r"^\s*(Plats och tid|Beslutande|Utses att justera|Typ av styrdokument|Beslutande instans)\b(.*)$")


def pypdfium2_pages(path):
    from governance.importer.reading import pdf_pages

    return pdf_pages(path)


def pypdf_pages(path):
    from pypdf import PdfReader

    return [page.extract_text() or "" for page in PdfReader(str(path)).pages]


def pdfminer_pages(path):
    from pdfminer.high_level import extract_text

    return extract_text(str(path)).split("\f")[:-1] or [""]


def measure(name, extract, pdfs):
    try:
        extract(pdfs[0])
    except ImportError:
        print(f"{name:<12} not installed; skipped")
        return
    start = time.perf_counter()
    texts = []
    pages = 0
    for path in pdfs:
        found = extract(path)
        pages += len(found)
        texts.append("\n".join(found))
    seconds = time.perf_counter() - start
    text = "\n".join(texts)
    dashes = len(re.findall(r"[a-zåäö]-[ \t]*\n", text))
    labels = [LABEL.match(line) for line in text.split("\n")]
    labels = [match for match in labels if match]
    same_line = sum(1 for match in labels if match.group(2).strip())
    print(
        f"{name:<12} {pages / seconds:6.1f} pages/s  {len(text.split()):7d} words  {dashes:4d} ambiguous dashes"
        f"  head labels with their value on the line: {same_line}/{len(labels)}"
    )


def main():
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else None
    if folder is None:
        from governance.importer.corpus import find_corpus

        folder = find_corpus(ROOT)
    pdfs = sorted(folder.rglob("*.pdf")) if folder else []
    if not pdfs:
        sys.exit("No PDFs found; pass a folder as the first argument.")
    print(f"{len(pdfs)} PDFs in {folder}")
    for name, extract in (("pypdfium2", pypdfium2_pages), ("pypdf", pypdf_pages), ("pdfminer.six", pdfminer_pages)):
        measure(name, extract, pdfs)


if __name__ == "__main__":
    main()
