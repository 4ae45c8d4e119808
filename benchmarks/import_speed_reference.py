"""Text parsing speed against the importer the issue measured, on this machine, in one run.

Usage: .venv/bin/python benchmarks/import_speed_reference.py [corpus folder] [--rounds N]
       [--reference COMMIT]

Documents/s depend on the machine as much as on the parser: the same code has measured
between 86 and 314 Göteborg protokoll/s on the machines this project has run on. The
importer's target ("parsing stays at or above 200 text documents/s") was set against the
parser of commit 7b441b3, which read the Göteborg corpus at 314 documents/s where the
target was written. This script takes that parser from the repository's history, runs it
and today's parser on the same texts in alternation (each round a fresh process of each,
so neither warms the other's caches), and prints both rates, their ratio, and today's rate
scaled to the machine the target was set on.

The reference parser knows only its own kinds and layouts; it is timed on the same texts
for speed alone, not for what it reads out of them.
"""

import argparse
import os
import statistics
import subprocess
import sys
import tarfile
import tempfile
from io import BytesIO
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
#: The commit whose parser the target was measured against, and what it measured there.
REFERENCE_COMMIT = "7b441b3"
REFERENCE_RATE_WHERE_SET = 314
TARGET = 200
#: What the reference needs of its repository: its importer and the deadline rules it imported.
REFERENCE_PATHS = ("governance/importer", "workflows/deadlines.py")

#: Run in a fresh interpreter: parse every text once to warm up, then time `passes` passes.
WORKER = r"""
import os, sys, time
from pathlib import Path
sys.path.insert(0, sys.argv[1])
if sys.argv[4] == "current":
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "beslutsspar.settings.dev")
    import django
    django.setup()
from governance.importer.pipeline import parse_text
from governance.importer.reading import read_text
texts = [(path.name, read_text(path)) for path in sorted(Path(sys.argv[2]).rglob("*.txt"))]
for name, text in texts:
    parse_text(text, name)
started = time.process_time()
for _ in range(int(sys.argv[3])):
    for name, text in texts:
        parse_text(text, name)
import governance.importer.pipeline as loaded
print(len(texts), (time.process_time() - started) / int(sys.argv[3]), loaded.__file__)
"""


def extract_reference(commit: str, into: Path) -> Path:
    """The reference commit's importer as a package tree under `into` (read from git, not checked out)."""
    archive = subprocess.run(
        ["git", "-C", str(ROOT), "archive", "--format=tar", commit, *REFERENCE_PATHS],
        check=True,
        capture_output=True,
    ).stdout
    with tarfile.open(fileobj=BytesIO(archive)) as tar:
        tar.extractall(into, filter="data")
    for package in ("governance", "workflows"):
        (into / package / "__init__.py").touch()
    return into


def seconds_per_pass(source: Path, corpus: Path, passes: int, which: str) -> tuple[int, float]:
    """(texts, CPU seconds per pass over them) for the parser under `source`, in its own process."""
    environment = {**os.environ, "PYTHONPATH": str(source), "PYTHONDONTWRITEBYTECODE": "1"}
    output = subprocess.run(
        [sys.executable, "-c", WORKER, str(source), str(corpus), str(passes), which],
        check=True,
        capture_output=True,
        text=True,
        cwd=source,
        env=environment,
    ).stdout.split()
    if not output[2].startswith(str(source)):
        raise RuntimeError(f"the {which} parser was loaded from {output[2]}, not from {source}")
    return int(output[0]), float(output[1])


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=ROOT.parent / "shared" / "corpus" / "goteborg-ks")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--passes", type=int, default=3)
    parser.add_argument("--reference", default=REFERENCE_COMMIT)
    arguments = parser.parse_args()
    arguments.corpus = arguments.corpus.resolve()  # (the workers run in their own folders)
    if not sorted(arguments.corpus.rglob("*.txt")):
        sys.exit(f"No .txt files in {arguments.corpus}; pass a corpus folder as the first argument.")
    with tempfile.TemporaryDirectory() as folder:
        reference = extract_reference(arguments.reference, Path(folder))
        rates = {"reference": [], "current": []}
        for _ in range(arguments.rounds):
            for which, source in (("reference", reference), ("current", ROOT)):
                texts, seconds = seconds_per_pass(source, arguments.corpus, arguments.passes, which)
                rates[which].append(texts / seconds)
    reference_rate = statistics.median(rates["reference"])
    current_rate = statistics.median(rates["current"])
    # Each round's two runs share the machine's load of that moment: their ratio is steadier than the rates.
    pairs = zip(rates["current"], rates["reference"], strict=True)
    ratios = sorted(current / reference for current, reference in pairs)
    ratio = statistics.median(ratios)
    print(f"{texts} texts of {arguments.corpus.name}, {arguments.rounds} rounds × {arguments.passes} passes, CPU time")
    print(f"  reference parser ({arguments.reference}): {reference_rate:.0f} documents/s (median)")
    print(f"  current parser:               {current_rate:.0f} documents/s (median)")
    print(f"  current / reference: {ratio:.2f} (median of the rounds' ratios; range {ratios[0]:.2f}–{ratios[-1]:.2f})")
    print(
        f"  where the reference read {REFERENCE_RATE_WHERE_SET} documents/s, the current parser reads "
        f"{ratio * REFERENCE_RATE_WHERE_SET:.0f} (target {TARGET})"
    )


if __name__ == "__main__":
    main()
