"""A protokoll whose PDF extractor lost or mangled the § sign is still read as one, from the
shape of its heads ("KS 136", "$ 12", "Paragraf 12"), and nothing else is (sentence in,
structure out).

The texts without the sign are made from intact ones by rewriting their § heads the way
extractors do, so each must give the same paragraphs as the intact text.
"""

import json
from pathlib import Path

import pytest
from django.conf import settings

from governance.importer.corpus import find_corpus
from governance.importer.detect import classify
from governance.importer.headings import OPENER, find_openers, is_continuation_head
from governance.importer.kind_reasons import explain
from governance.importer.lost_sign import restore_lost_signs
from governance.importer.minutes import parse_minutes
from governance.importer.pipeline import parse_text

PROTOKOLL = """Storfors kommun
Kommunstyrelsen
Protokoll
Sammanträdesdatum 2024-03-06

Plats och tid        Kommunhuset, Storfors, kl. 13.00-15.40       Paragrafer   §§ 136-139
Beslutande           Anna Berg (S) ordförande
                     Per Ek (M)
                     Eva Lind (C)
Utses att justera    Per Ek
Justeringens plats   Kommunkansliet 2024-03-11

§ 136 Dnr KS 2024/45
Val av justerare
Beslut
Kommunstyrelsen utser Per Ek att justera protokollet.

§ 137 Dnr KS 2023/312
Detaljplan för Norra hamnen
Ärendebeskrivning
Samhällsbyggnadsförvaltningen har tagit fram ett förslag till detaljplan för Norra hamnen.
Planen har varit på granskning enligt 5 kap. 18 § plan- och bygglagen.
Beslutsunderlag
Tjänsteskrivelse 2024-02-12.
Beslut
1. Kommunstyrelsen godkänner granskningsutlåtandet.
2. Samhällsbyggnadsförvaltningen får i uppdrag att ta fram ett exploateringsavtal och
återrapportera till kommunstyrelsen senast den 30 september 2024.

Justerandes sign

§ 138 Dnr KS 2024/7
Motion om cykelvägar till skolan
Ärendebeskrivning
Per Ek (M) föreslår i en motion att kommunen bygger fler cykelvägar till skolorna.
Beslut
Kommunstyrelsen föreslår kommunfullmäktige att bifalla motionen.

§ 139 Dnr KS 2024/51
Redovisning av delegationsbeslut
Beslut
Redovisningen läggs till handlingarna.

Justerandes sign                Utdragsbestyrkande
"""

#: What extractors leave of "§ N" heads: the organ's abbreviation, another glyph, a word.
LOST_FORMS = {
    "the organ's abbreviation": "KS {}",
    "the council's abbreviation": "KF {}",
    "a board's abbreviation": "BUN {}",
    "a dollar sign": "$ {}",
    "a capital S": "S {}",
    "a private-use glyph": "\uf0a7 {}",
    "a stray letter": "\u0100 {}",
    "a question mark": "? {}",
    "the word Paragraf": "Paragraf {}",
}


def without_sign(text, form):
    """`text` as an extractor that lost the § sign gives it.

    Its § heads (and "§ 71 forts" page-break heads) become `form`; every other "§" becomes
    the same glyph, or disappears when the form keeps no glyph of its own.
    """
    lines = text.split("\n")
    heads = {opener.index for opener in find_openers(lines)}
    glyph = form.split()[0] if len(form.split()[0]) == 1 else ""
    rewritten = []
    for index, line in enumerate(lines):
        if index in heads or is_continuation_head(line):
            match = OPENER.match(line)
            indent = line[: len(line) - len(line.lstrip())]
            line = indent + form.format(match.group("number")) + match.group("rest")
        rewritten.append(line.replace("§", glyph))
    return "\n".join(rewritten)


def paragraph_heads(paragraphs):
    """(number, title, diarienummer) of each paragraph, whitespace collapsed."""
    return [(p["number"], " ".join(p["title"].split()), p["case_number"]) for p in paragraphs]


def decisions_without_sign(paragraphs, form):
    """Each paragraph's decisions, with "§" written as `without_sign` writes it outside heads."""
    glyph = form.split()[0] if len(form.split()[0]) == 1 else ""
    text = json.dumps([p["decisions"] for p in paragraphs], ensure_ascii=False).replace("§", glyph)
    return [[" ".join(item.split()) for item in items] for items in json.loads(text)]


# Texts whose heads lost their sign ------------------------------------------------


@pytest.mark.parametrize("form", LOST_FORMS.values(), ids=LOST_FORMS.keys())
def test_a_protokoll_whose_heads_lost_the_sign_gives_the_paragraphs_of_the_intact_text(form):
    intact = parse_text(PROTOKOLL, "ks.txt")
    lost = parse_text(without_sign(PROTOKOLL, form), "ks.txt")
    assert lost.ok, lost.errors
    assert lost.kind == "minutes"
    assert paragraph_heads(intact.data["paragraphs"]) == [
        (136, "Val av justerare", "KS 2024/45"),
        (137, "Detaljplan för Norra hamnen", "KS 2023/312"),
        (138, "Motion om cykelvägar till skolan", "KS 2024/7"),
        (139, "Redovisning av delegationsbeslut", "KS 2024/51"),
    ]
    assert paragraph_heads(lost.data["paragraphs"]) == paragraph_heads(intact.data["paragraphs"])
    assert decisions_without_sign(lost.data["paragraphs"], form) == decisions_without_sign(
        intact.data["paragraphs"], form
    )
    assert [p["assignments"] for p in lost.data["paragraphs"]] == [p["assignments"] for p in intact.data["paragraphs"]]
    assert lost.data["paragraphs"][1]["assignments"][0]["due_date"] == "2024-09-30"


def test_an_extract_of_two_following_paragraphs_is_read_when_both_look_like_paragraphs():
    two = PROTOKOLL.split("\n§ 138")[0] + "\nJusterandes sign\n"
    lost = parse_text(without_sign(two, "KS {}"), "ks.txt")
    assert paragraph_heads(lost.data["paragraphs"]) == [
        (136, "Val av justerare", "KS 2024/45"),
        (137, "Detaljplan för Norra hamnen", "KS 2023/312"),
    ]


def test_two_numbered_lines_without_diarienummer_or_decision_are_not_paragraphs():
    text = NO_HEADS.format(
        body="KS 1\nUtsläppen ska minska.\nMed hälften.\n\nKS 2\nEnergin ska minska.\nMed en tredjedel.\n"
    )
    assert restore_lost_signs(text.split("\n")) is None


def test_the_secretary_is_warned_that_the_heads_were_recognised_from_their_shape():
    lost = parse_text(without_sign(PROTOKOLL, "KS {}"), "ks.txt")
    assert lost.warnings[0].startswith("§-tecknet saknas i texten")
    assert "”KS 136”" in lost.warnings[0]
    assert "Kontrollera paragrafernas nummer, rubriker och diarienummer." in lost.warnings[0]
    assert not parse_text(PROTOKOLL, "ks.txt").warnings


def test_a_glyph_no_font_shows_is_named_by_its_code_in_the_warning():
    lost = parse_text(without_sign(PROTOKOLL, "\uf0a7 {}"), "ks.txt")
    assert "”U+F0A7 136”" in lost.warnings[0]


def test_the_kind_is_explained_by_the_heads_without_the_sign():
    classification = classify(without_sign(PROTOKOLL, "$ {}"))
    assert classification.kind == "minutes"
    explanation = explain(classification)
    assert "4 paragrafrubriker utan §-tecken (igenkända på formen, t.ex. ”$ 136”)" in explanation
    assert "men inga paragrafrubriker" not in explanation


@pytest.mark.parametrize(
    ("head", "restored"),
    [
        ("KS {} Dnr KS 2024/45", "KS § 136 Dnr KS 2024/45"),
        ("BUN AU {}   Skolskjuts", "BUN AU § 136   Skolskjuts"),
        ("$ {} Dnr 2023/45", "§ 136 Dnr 2023/45"),
        ("${} Dnr 2023/45", "§136 Dnr 2023/45"),
        ("KS $ {} Dnr 2023/45", "KS § 136 Dnr 2023/45"),
        ("Paragraf {} 2025.493 KS", "§ 136 2025.493 KS"),
        ("   S {}", "   § 136"),
    ],
)
def test_a_recognised_head_line_is_rewritten_as_the_head_the_parser_reads(head, restored):
    lines = []
    for number in (136, 137, 138):
        lines += [head.format(number), "Titel på ärendet", "Beslut", "Beslutet fattas.", ""]
    assert restore_lost_signs(lines).lines[0] == restored
    assert restore_lost_signs(lines).lines[1:5] == lines[1:5]


def test_a_page_break_head_of_the_same_shape_is_restored_so_it_stays_page_furniture():
    lost = without_sign(
        PROTOKOLL.replace("Justerandes sign\n\n§ 138", "Justerandes sign\n§ 137 forts\n\n§ 138"), "KS {}"
    )
    assert "KS 137 forts" in lost
    _head, paragraphs = parse_minutes(lost)
    assert "forts" not in paragraphs[1]["_text"]


def test_a_text_with_one_head_the_normal_search_finds_is_read_by_its_heads_only():
    text = PROTOKOLL.replace("§ 137", "KS 137").replace("§ 138", "KS 138").replace("§ 139", "KS 139")
    _head, paragraphs = parse_minutes(text)
    assert [p["number"] for p in paragraphs] == [136]
    assert restore_lost_signs(text.split("\n")) is not None  # (the fallback would have found them)


# Texts that must stay what they were ---------------------------------------------


POLICY = """Riktlinje för bisysslor
Typ av styrdokument: Riktlinje
Beslutande instans: Kommunstyrelsen
Antagen: 2023-05-04
Diarienummer: KS 2023/45

Bakgrund
Riktlinjen antogs av kommunstyrelsen den 4 maj 2023,
KS 136 Dnr KS 2023/45, och ersätter tidigare riktlinjer.
KS 137
Riktlinjen gäller alla anställda.
KS 138
Bisysslor ska anmälas till närmaste chef.
"""

MOTION = """Motion till kommunfullmäktige
Fler cykelvägar till skolan

Kommunstyrelsen beslutade i
KS 136 att utreda cykelvägar, men inget har hänt.
Se också SFS 2017:725 och Dnr KS 2023/45.

Jag föreslår att kommunfullmäktige beslutar
att kommunen bygger cykelvägar till alla skolor.

Per Ek (M)
"""


def test_a_policy_that_cites_a_paragraph_in_running_text_stays_a_policy():
    parsed = parse_text(POLICY, "riktlinje.txt")
    assert parsed.kind == "policy"
    assert "paragrafrubrik" not in parsed.data["kind_reasons"]


def test_a_policy_whose_decision_history_is_laid_out_like_heads_stays_a_policy():
    history = "".join(
        f"KS {number} Dnr KS 2023/{number}\nRiktlinjen behandlades.\nBeslut\nRiktlinjen antas.\n\n"
        for number in (136, 137, 138)
    )
    text = POLICY + "\nBeslutshistorik\n\n" + history
    assert restore_lost_signs(text.split("\n")) is not None  # the shape is there, the protokoll head is not
    parsed = parse_text(text, "riktlinje.txt")
    assert parsed.kind == "policy"
    assert "paragrafrubrik" not in parsed.data["kind_reasons"]


def test_a_motion_that_cites_a_paragraph_in_running_text_stays_a_motion():
    parsed = parse_text(MOTION, "motion.txt")
    assert parsed.kind == "motion"
    assert restore_lost_signs(MOTION.split("\n")) is None


#: A protokoll head over text whose numbered lines are no paragraph heads.
NO_HEADS = """Storfors kommun
Kommunstyrelsen
Protokoll
Sammanträdesdatum 2024-03-06

Beslutande Anna Berg (S) ordförande
Justerandes sign

{body}
"""


@pytest.mark.parametrize(
    "body",
    [
        # a lone "KS 136" in running text
        "Ärendet bereddes av arbetsutskottet och\nKS 136 Dnr KS 2023/45 behandlade det.\nBeslut\nInget beslut.\n",
        # page numbers
        "Sida 1\nInledning av mötet.\nMer text.\n\nSida 2\nFortsatt text här.\nMer text.\n\nSida 3\nSlut.\nMer.\n",
        # dates and years
        "KS 2023\nBudgeten för året.\nBeslut\nAntas.\n\nKS 2024\nBudgeten för året.\nBeslut\nAntas.\n\n"
        "KS 2025\nBudgeten.\nBeslut\nAntas.\n",
        # list numbering
        "1. Val av justerare\nBeslut\nPer Ek.\n2. Upprop\nBeslut\nGjort.\n3. Övrigt\nBeslut\nInget.\n",
        # amounts
        "SEK 100 000\nAnslag till föreningar.\nBeslut\nBeviljas.\n\nSEK 101 000\nAnslag.\nBeslut\nBeviljas.\n\n"
        "SEK 102 000\nAnslag.\nBeslut\nBeviljas.\n",
        # law references and diarienummer lines
        "SFS 2017:725\nKommunallagen gäller.\nBeslut\nNoteras.\n\nDnr KS 2023/45\nÄrendet.\nBeslut\nNoteras.\n\n"
        "KS 2023/46\nÄrendet.\nBeslut\nNoteras.\n",
        # numbered goals in capitals, without diarienummer or decision
        "MÅL 11\nEnergin ska minska.\nNyckeltal: kWh per m2\n\nMÅL 12\nElen ska minska.\nNyckeltal: GWh\n\n"
        "MÅL 13\nResorna ska minska.\nNyckeltal: ton CO2\n",
        # numbers far apart: references, not a run of heads
        "KS 12 Dnr KS 2023/1\nÄrendet.\nBeslut\nNoteras.\n\nKS 40 Dnr KS 2023/2\nÄrendet.\nBeslut\nNoteras.\n\n"
        "KS 77 Dnr KS 2023/3\nÄrendet.\nBeslut\nNoteras.\n",
        # a contents list: heads with nothing under them
        "KS 136   Val av justerare\nKS 137   Detaljplan för Norra hamnen\nKS 138   Motion om cykelvägar\n",
    ],
    ids=[
        "lone-reference",
        "page-numbers",
        "years",
        "list-numbering",
        "amounts",
        "sfs-and-dnr",
        "numbered-goals",
        "numbers-far-apart",
        "contents-list",
    ],
)
def test_numbered_lines_that_are_no_paragraph_heads_never_become_paragraphs(body):
    text = NO_HEADS.format(body=body)
    assert restore_lost_signs(text.split("\n")) is None
    _head, paragraphs = parse_minutes(text)
    assert paragraphs == []
    assert "men inga paragrafrubriker" in explain(classify(text))


def test_a_single_paragraph_extract_with_numbered_goals_in_it_gets_no_invented_paragraphs():
    text = NO_HEADS.format(
        body="KS 88 Dnr KS 2024/3\nKlimatplan\nBeslut\nKlimatplanen antas med följande mål.\n\n"
        "MÅL 1\nUtsläppen ska minska.\nMed hälften till 2030.\n\nMÅL 2\nEnergin ska minska.\nMed en tredjedel.\n\n"
        "MÅL 3\nResorna ska minska.\nMed en fjärdedel.\n"
    )
    assert restore_lost_signs(text.split("\n")) is None


# Real protokoll from the development corpus, their heads rewritten ----------------

CORPUS = find_corpus(settings.BASE_DIR) or Path(settings.BASE_DIR).parent / "shared" / "corpus"


def corpus_protokoll():
    """A few real protokoll of different layouts: Göteborg's "§ 1 Ärendenummer …" heads,
    and other municipalities' "§ 111" alone on its line with a contents list before it."""
    if not CORPUS.is_dir():
        return []
    files = sorted((CORPUS / "goteborg-ks").glob("ks-*.txt"))[:3]
    files += sorted((CORPUS / "municipalities").glob("*/protokoll-*.txt"))[:6]
    return files


@pytest.mark.skipif(not CORPUS.is_dir(), reason=f"development corpus not found at {CORPUS}")
@pytest.mark.parametrize("form", LOST_FORMS.values(), ids=LOST_FORMS.keys())
def test_real_protokoll_whose_heads_lost_the_sign_give_the_paragraphs_of_the_intact_text(form):
    files = corpus_protokoll()
    assert files
    for position, path in enumerate(files):
        if position % 3 != list(LOST_FORMS.values()).index(form) % 3:
            continue  # each form over a third of the files, every file under three forms
        text = path.read_text(encoding="utf-8")
        intact = parse_text(text, path.name)
        assert len(intact.data["paragraphs"]) >= 2, path
        lost = parse_text(without_sign(text, form), path.name)
        assert lost.kind == "minutes", (path, lost.errors)
        assert paragraph_heads(lost.data["paragraphs"]) == paragraph_heads(intact.data["paragraphs"]), path
        assert decisions_without_sign(lost.data["paragraphs"], form) == decisions_without_sign(
            intact.data["paragraphs"], form
        ), path
