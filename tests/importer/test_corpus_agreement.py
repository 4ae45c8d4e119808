"""The minutes parser agrees with the publisher's own parse of 49 real meetings.

The corpus lives outside the repository (`shared/corpus/`); the test skips when it is
absent. The publisher's JSON has its own mistakes (titles with body text appended, cut
at 200 characters), so a title counts as agreeing when it is the JSON's title or its
start; exact agreement is reported separately by `benchmarks/import_bench.py`.
"""

import json
from pathlib import Path

import pytest
from django.conf import settings

from governance.importer.pipeline import parse_text
from governance.importer.reading import read_text

CORPUS = Path(settings.BASE_DIR).parent / "shared" / "corpus" / "goteborg-ks"

pytestmark = pytest.mark.skipif(not CORPUS.is_dir(), reason=f"development corpus not found at {CORPUS}")


def normalise(text):
    return " ".join((text or "").replace("–", "-").split()).lower()


def titles_agree(mine, theirs):
    mine, theirs = normalise(mine), normalise(theirs)
    return (
        mine == theirs
        or (len(theirs) >= 190 and mine.startswith(theirs[:150]))
        or (len(theirs) > len(mine) + 40 and theirs.startswith(mine))
    )


def corpus_pairs():
    for text_file in sorted(CORPUS.glob("ks-*.txt")):
        yield text_file, json.loads(text_file.with_suffix(".json").read_text(encoding="utf-8"))


def test_every_meeting_imports_without_errors_and_with_its_head():
    for text_file, reference in corpus_pairs():
        parsed = parse_text(read_text(text_file), text_file.name)
        assert parsed.errors == [], text_file.name
        assert parsed.data["date"].isoformat() == reference[0]["datum"], text_file.name
        assert parsed.data["organization"] == reference[0]["organ"], text_file.name


def test_paragraph_numbers_titles_and_case_numbers_agree_with_the_publisher():
    totals = {"paragraphs": 0, "found": 0, "title": 0, "case": 0, "class": 0, "classified": 0}
    for text_file, reference in corpus_pairs():
        mine = {p["number"]: p for p in parse_text(read_text(text_file)).data["paragraphs"]}
        assert set(mine) == {int(r["paragrafNr"]) for r in reference}, text_file.name
        for row in reference:
            totals["paragraphs"] += 1
            paragraph = mine.get(int(row["paragrafNr"]))
            if paragraph is None:
                continue
            totals["found"] += 1
            totals["title"] += titles_agree(paragraph["title"], row["rubrik"])
            totals["case"] += (paragraph["case_number"] or "") == (row["ärendeNr"] or "")
            if row["beslut"]:
                totals["classified"] += 1
                totals["class"] += paragraph["decision_class"] == row["beslut"]
    assert totals["found"] == totals["paragraphs"]
    assert totals["title"] / totals["paragraphs"] >= 0.99
    assert totals["case"] / totals["paragraphs"] >= 0.99
    assert totals["class"] / totals["classified"] >= 0.93


def test_a_cut_meeting_is_reported_not_imported():
    text_file, _reference = next(corpus_pairs())
    text = read_text(text_file)
    cut = text[: text.index("Beslut", len(text) // 2) + len("Beslut")]
    parsed = parse_text(cut)
    assert any("avbrut" in error for error in parsed.errors)
