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

from governance.importer.corpus import Agreement, GoldScore, find_corpus, reference_for
from governance.importer.pipeline import parse_file, parse_text
from governance.importer.reading import read_text

ROOT = find_corpus(settings.BASE_DIR) or Path(settings.BASE_DIR).parent / "shared" / "corpus"
CORPUS = ROOT / "goteborg-ks"
GOLD = Path(settings.BASE_DIR) / "benchmarks" / "gold" / "corpus_gold.json"

pytestmark = pytest.mark.skipif(not CORPUS.is_dir(), reason=f"development corpus not found at {CORPUS}")


def corpus_pairs():
    for text_file in sorted(CORPUS.glob("ks-*.txt")):
        yield text_file, reference_for(text_file)


def test_every_meeting_imports_without_errors_and_with_its_head():
    for text_file, reference in corpus_pairs():
        parsed = parse_text(read_text(text_file), text_file.name)
        assert parsed.errors == [], text_file.name
        assert parsed.data["date"].isoformat() == reference[0]["datum"], text_file.name
        assert parsed.data["organization"] == reference[0]["organ"], text_file.name


def test_paragraph_numbers_titles_and_case_numbers_agree_with_the_publisher():
    agreement = Agreement()
    for text_file, reference in corpus_pairs():
        paragraphs = parse_text(read_text(text_file)).data["paragraphs"]
        assert {p["number"] for p in paragraphs} == {int(r["paragrafNr"]) for r in reference}, text_file.name
        agreement.add(paragraphs, reference, text_file.name)
    assert agreement.missing == []
    assert agreement.rate("title") >= 0.99
    assert agreement.rate("title_exact") >= 0.95
    assert agreement.rate("case") >= 0.99
    assert agreement.rate("decision_class") >= 0.93


def test_a_cut_meeting_is_reported_not_imported():
    text_file, _reference = next(corpus_pairs())
    text = read_text(text_file)
    cut = text[: text.index("Beslut", len(text) // 2) + len("Beslut")]
    parsed = parse_text(cut)
    assert any("avbrut" in error for error in parsed.errors)


def test_the_hand_checked_documents_of_nine_municipalities_are_read_as_a_person_reads_them():
    score = GoldScore()
    for entry in json.loads(GOLD.read_text(encoding="utf-8"))["documents"]:
        score.add(entry, parse_file(ROOT / entry["path"]).data)
    assert score.rate("kind") >= 0.97
    assert score.rate("municipality") >= 0.95 and score.rate("municipality_asked") == 1.0
    assert score.rate("date") >= 0.95 and score.rate("organ") >= 0.95
    assert score.paragraph_f1[0] >= 0.97
    assert score.rate("title") >= 0.95 and score.rate("diarienummer") >= 0.95
