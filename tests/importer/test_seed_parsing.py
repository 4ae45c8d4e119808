"""Each real seed document parses into every field the review format promises."""

from pathlib import Path

import pytest
from django.conf import settings

from governance.importer.pipeline import Overrides, parse_file, to_json

SEEDS = Path(settings.BASE_DIR) / "fixtures" / "seeds"


def parse(name, **overrides):
    parsed = parse_file(SEEDS / name, Overrides(**overrides))
    return to_json(parsed)


def test_ksau_extract_gives_paragraph_decisions_assignment_and_report_back():
    document = parse("ksau-2020-04-15-p80-protokoll.txt", municipality="Exempelkommun")
    assert document["errors"] == []
    assert (document["kind"], document["organization"], document["date"]) == (
        "minutes",
        "Kommunstyrelsens arbetsutskott",
        "2020-04-15",
    )
    assert document["organization_abbreviation"] == "KSAU"
    [paragraph] = document["paragraphs"]
    assert paragraph["number"] == 80
    assert paragraph["title"] == "Arbetsmarknadspolitik och försörjningsstöd - information"
    assert len(paragraph["decisions"]) == 3
    assert paragraph["decisions"][0] == "Ett möte ska snarast möjligt kallas med näringslivsrådet."
    assert paragraph["presenter"] == "Michael Anderberg, arbetsmarknadsenheten (AME)"
    assert paragraph["proposal"].startswith("Förslag läggs om att det snarast möjligt")
    assert "Ungdomsarbetslösheten har nästan fördubblats" in paragraph["summary"]
    for furniture in ["5 (30)", "6 (30)", "Justerandes sign", "Utdragsbestyrkande", "Mötesdatum"]:
        assert furniture not in paragraph["summary"] + paragraph["proposal"]
    new = next(a for a in paragraph["assignments"] if a["kind"] == "new")
    assert new["assignees"] == ["Kommundirektören", "Näringslivschefen"]
    assert new["task"].startswith("Förstärka handlingsplanen med en helhetsbild")
    assert new["report_to"] == "kommunstyrelsens arbetsutskott"
    assert new["deadline_text"] == "på kommande möte"
    assert "Återkoppling ska ske på kommande möte" in new["source"]
    continued = next(a for a in paragraph["assignments"] if a["kind"] == "continued")
    assert continued["task"] == "Ta fram en handlingsplan för att möta den kommande lågkonjunkturen."


def test_ksau_extract_without_municipality_asks_for_one():
    document = parse("ksau-2020-04-15-p80-protokoll.txt")
    assert "ingen kommun hittades i texten: ange --municipality." in document["errors"]


def test_eksjo_motion_gives_movers_filing_and_att_sats():
    document = parse("eksjo-2021-motion-arbetsmarknadsenhet.txt")
    assert document["errors"] == []
    assert document["kind"] == "motion"
    assert document["title"] == "Motion om att inrätta en ny arbetsmarknadsenhet i kommunen"
    assert (document["municipality"], document["organization"], document["date"]) == (
        "Eksjö",
        "Kommunfullmäktige",
        "2021-03-18",
    )
    assert document["movers"] == [
        {"name": "Kjell Axell", "party": "S", "role": "Gruppledare, Socialnämnden"},
        {"name": "Sebastian Hörlin", "party": "S", "role": "Oppositionsråd"},
    ]
    assert document["att_satser"] == ["att en ny arbetsmarknadsenhet inrättas i kommunen i enlighet med motionen."]
    assert document["background"].startswith("Eksjö kommun kan förbättra sitt arbetssätt")
    assert document["proposal"].startswith("Vi vill att kommunens nuvarande arbetsmarknadsenhet omorganiseras")


def test_enkoping_interpellation_gives_questions_answers_and_promises():
    document = parse("enkoping-2020-interpellation-svar.txt")
    assert document["errors"] == []
    assert (document["kind"], document["municipality"], document["date"]) == (
        "interpellation",
        "Enköping",
        "2020-09-03",
    )
    assert document["asker"] == {
        "name": "Sven Jansson",
        "party": "S",
        "role": "Ledamot i kommunfullmäktige och socialnämnd",
    }
    assert document["addressee"]["name"] == "Mats Flodin" and document["addressee"]["party"] == "M"
    assert (
        document["questions"][0]
        == "Varför har arbetet med att ta fram en organisation- och genomförandeplan i denna fråga gått i stå?"
    )
    assert len(document["questions"]) == 3
    assert document["answer"]["by"] == "Mats Flodin"
    assert "187 unga fick feriearbete sommaren 2020" in document["question_rows"][0]["answer"]
    assert [(p["deadline_text"], p["due_date"]) for p in document["promises"]] == [
        ("senast i slutet av november", "2020-11-30"),
        ("vid årsskiftet 2020/2021", "2020-12-31"),
    ]
    [referenced] = document["referenced_assignments"]
    assert (
        referenced["decided_on"],
        referenced["report_to"],
        referenced["deadline_text"],
        referenced["due_date"],
    ) == (
        "2020-03-02",
        "Kommunstyrelsen",
        "i maj",
        "2020-05-31",
    )


def test_avesta_program_gives_metadata_goals_reporting_and_focus_areas():
    document = parse("avesta-arbetsmarknadsprogram-2022-2024.txt")
    assert document["errors"] == []
    assert (document["kind"], document["document_type"], document["municipality"]) == (
        "policy",
        "program",
        "Avesta",
    )
    assert document["case_number"] == "KK 2021-000274 628"
    assert document["adopted_by"] == "Kommunstyrelsen"
    assert (document["valid_from"], document["valid_until"], document["validity_text"]) == (
        "2022-01-01",
        "2024-12-31",
        "2024",
    )
    assert [(g["indicator"], g["target"]) for g in document["goals"]] == [
        ("antalet arbetstillfällen, dagbefolkning", "öka med minst 50 per år"),
        (
            "invånare som någon gång under året erhållit ekonomiskt bistånd / barn i befolkningen som ingår i familjer med ekonomiskt bistånd",
            "minska med 0,7 procentenheter",
        ),
    ]
    assert document["reporting"] == [{"to": "Kommunstyrelsen", "rule": "två gånger per år", "times_per_year": 2}]
    assert len(document["focus_areas"]) == 5
    assert document["focus_areas"][0].startswith("Ta fram en lokal behovsanalys")


def test_falkoping_news_is_deduplicated_and_keeps_its_target():
    document = parse("falkoping-2016-arbetsmarknadsstrategi-artikel.txt")
    assert document["errors"] == []
    assert (document["kind"], document["municipality"], document["date"]) == (
        "news",
        "Falköping",
        "2016-07-13",
    )
    assert document["title"] == "Tydlighet och fler jobb"
    headings = [section["heading"] for section in document["sections"]]
    assert headings.count("Ska koncentrera") == 1, "the duplicated article body is kept once"
    assert document["goals"][0]["target"] == "inom 90 dagar"


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("ksau-2020-04-15-p80-protokoll.txt", "minutes"),
        ("eksjo-2021-motion-arbetsmarknadsenhet.txt", "motion"),
        ("enkoping-2020-interpellation-svar.txt", "interpellation"),
        ("avesta-arbetsmarknadsprogram-2022-2024.txt", "policy"),
        ("falkoping-2016-arbetsmarknadsstrategi-artikel.txt", "news"),
    ],
)
def test_kind_is_detected_from_the_text(name, kind):
    assert parse(name, municipality="X")["kind"] == kind
