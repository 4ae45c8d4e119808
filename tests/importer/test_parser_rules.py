"""Each importer rule, sentence in and structure out (as Read the Docs tests its parsers).

The layouts are the ones Swedish municipalities publish: the examples are written in
their forms, not copied from one municipality's files.
"""

import codecs

import pytest

from governance.importer import headings
from governance.importer.detect import classify
from governance.importer.furniture import strip_furniture
from governance.importer.minutes import _heading_key, parse_minutes
from governance.importer.motions import parse_motion
from governance.importer.municipalities import find_municipality, guess_municipality, lookup
from governance.importer.organs import expand_abbreviation, find_organ
from governance.importer.pipeline import Overrides, parse_text
from governance.importer.policies import parse_policy
from governance.importer.reading import ImportProblem, read_text

HEAD = """Storfors kommun
Kommunstyrelsen
Protokoll
Sammanträdesdatum 2024-03-06
Justerandes sign
"""


def minutes(body, head=HEAD):
    return parse_minutes(head + "\n" + body)


def heads(body, head=HEAD):
    _head, paragraphs = minutes(body, head)
    return [(p["number"], p["title"], p["case_number"]) for p in paragraphs]


# Kind -------------------------------------------------------------------------------


COUNCIL_MINUTES = """Lerums kommun
Kommunfullmäktige
Protokoll
Sammanträdesdatum 2023-05-25
Plats och tid Kommunhuset kl 18.00-21.00
Beslutande Enligt närvarolista

§ 40 Dnr KS 2023/12
Frågestund
Interpellation till kommunstyrelsens ordförande Anna Berg (S) om skolan besvaras.
Beslut
Frågestunden förklaras avslutad.

§ 41 Dnr KS 2023/13
Motion om cykelvägar
Interpellation
Beslut
Motionen remitteras till kommunstyrelsen.
Justerandes sign
"""


def test_council_minutes_that_debate_interpellations_and_motions_are_minutes():
    result = classify(COUNCIL_MINUTES)
    assert result.kind == "minutes"
    assert "protokoll" in result.explanation


def test_an_interpellation_is_known_by_its_title_block():
    text = """Interpellation till kommunstyrelsens ordförande Anna Berg (S)
Om förskolans lokaler

Hur många barn väntar på plats?

Lerum 2023-04-02
Per Ek (M)
"""
    assert classify(text).kind == "interpellation"


def test_an_initiative_without_the_word_motion_is_a_motion_by_its_signature_and_proposal():
    text = """Stärk stödet till föreningslivet
Föreningarna behöver lokaler.
Förslag till beslut i kommunfullmäktige:
1. Kommunstyrelsen får i uppdrag att utreda lokalbehovet.
Anna Berg (S), Per Ek (S)
"""
    assert classify(text).kind == "motion"


def test_a_policy_is_known_by_its_metadata_block():
    text = """Riktlinje för bisysslor
Typ av styrdokument: Riktlinje
Beslutande instans: Kommunstyrelsen
Giltighetstid: Tillsvidare
Dokumentansvarig: HR-chef
"""
    assert classify(text).kind == "policy"


def test_a_tjansteskrivelse_is_read_as_a_statement_and_without_a_municipality_refused_asking_for_one():
    text = """Datum: 2026-05-11 Kommunstyrelsen
Handläggare: Eva Ek
Diarienr: 2025.446 KS
Svar på motion om laddstationer
Förslag till beslut
Motionen anses besvarad.
"""
    parsed = parse_text(text, "svar.txt")
    assert parsed.data["kind"] == "statement"
    assert parsed.errors == ["ingen kommun hittades i texten: ange --municipality."]


def test_a_kind_given_by_hand_that_contradicts_a_clear_protokoll_is_refused():
    parsed = parse_text(COUNCIL_MINUTES, "kf.txt", Overrides(kind="interpellation"))
    assert not parsed.ok
    assert "--kind interpellation stämmer inte" in parsed.errors[0]


def test_a_text_that_is_no_known_kind_is_refused():
    parsed = parse_text("Hej på dig.\nVi ses i morgon.\n", "brev.txt")
    assert parsed.errors and parsed.errors[0].startswith("okänd dokumenttyp")


# Paragraph heads ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "title", "case_number"),
    [
        ("§ 12 Dnr 2023/45", "", "2023/45"),
        ("§ 72 2025.493 KS", "", "2025.493 KS"),
        ("§ 1 Ärendenummer SLK-2024-00062", "", "SLK-2024-00062"),
        ("KS § 1 DNR:KU/2007.9", "", "KU/2007.9"),
        ("§ 4 0123/22 Detaljplan för Norra hamnen", "Detaljplan för Norra hamnen", "0123/22"),
        ("§ 25   Information och föredragningar", "Information och föredragningar", None),
        ("§ 12 Val av revisorer   Dnr KS 2024/17", "Val av revisorer", "KS 2024/17"),
        ("§ 9 Nämndplan 2025-2029", "Nämndplan 2025-2029", None),
        ("§ 45 Motion 2023:15 om cykelvägar", "Motion 2023:15 om cykelvägar", None),
        ("§ 85 Rapport 2023:12 från klimatrådet", "Rapport 2023:12 från klimatrådet", None),
        ("§ 7 Ks 2023:15 Motion om cykelvägar", "Motion om cykelvägar", "Ks 2023:15"),
        ("§ 50 SLK-2023-00025:-1 Val av ledamot", "Val av ledamot", "SLK-2023-00025"),
        ("§ 38 ÄRENDENUMMER SLK-2023-00369 EXTRA MÅNADSUPPFÖLJNING", "EXTRA MÅNADSUPPFÖLJNING", "SLK-2023-00369"),
        ("§ 3 DNR: KS 2024/17 Budget", "Budget", "KS 2024/17"),
    ],
)
def test_the_head_line_gives_title_and_diarienummer_in_every_common_form(line, title, case_number):
    opener = headings.opener_at(line)
    assert opener is not None
    assert headings.split_head_line(opener.rest) == (title, case_number)


@pytest.mark.parametrize("line", ["§ 5 i kommunallagen", "§ 71 forts Dnr 2023/314", "enligt § 5"])
def test_references_and_continued_paragraphs_are_not_heads(line):
    assert headings.opener_at(line) is None


def test_a_labelled_diarienummer_line_after_a_title_opening_with_a_motions_number_is_the_diarienummer():
    body = "§ 45 Motion 2023:15 från Anna Andersson (S) om cykelvägar\nDnr KS 2023/123\nBeslut\nMotionen bifalls.\n"
    assert heads(body) == [(45, "Motion 2023:15 från Anna Andersson (S) om cykelvägar", "KS 2023/123")]


def test_a_diarienummer_on_its_own_line_after_the_title_is_found():
    assert heads("§ 2\n\nVal av ledamöter i arbetsutskottet\n\nBun/2022:1052   600\n\nBeslut\n\nAnna väljs.\n") == [
        (2, "Val av ledamöter i arbetsutskottet", "Bun/2022:1052")
    ]


def test_a_wrapped_title_is_joined_and_ends_where_the_heading_ends():
    body = (
        "§ 70 2026.225 KS\n"
        "Motion om stöd till föreningar som nattvandrar - Irene Jonsson (S), \n"
        "Sebastian Aronsson (S) och Peter Norlander (S)\n"
        "Ärendebeskrivning\n"
        "Motionen väcktes i juni.\n"
        "Beslut\n"
        "Motionen remitteras.\n"
    )
    assert heads(body)[0][1] == (
        "Motion om stöd till föreningar som nattvandrar - Irene Jonsson (S), Sebastian Aronsson (S) och Peter Norlander (S)"
    )


def test_a_wrapped_title_line_ending_in_an_organs_beslut_is_no_decision_heading():
    body = (
        "§ 42 Ärendenummer SLK-2025-00034\n\n"
        "Ordförandebeslut i brådskande ärende - Fullmakt att\n"
        "företräda staden i mål om laglighetsprövning enligt\n"
        "kommunallagen beträffande kommunfullmäktiges beslut\n"
        "2024-12-12 § 541, Utdelning ur Parkering AB\n"
        "Beslut\n\n"
        "Antecknas.\n"
    )
    _head, [paragraph] = minutes(body)
    assert paragraph["title"].endswith("kommunfullmäktiges beslut 2024-12-12 § 541, Utdelning ur Parkering AB")
    assert paragraph["decisions"] == ["Antecknas."]


def test_a_decided_point_whose_wrapped_line_ends_in_beslut_stays_one_point():
    body = (
        "§ 903 Ärendenummer SLK-2024-00880\n\n"
        "Redovisning av uppdrag om borgensåtaganden\n"
        "Beslut\n\n"
        "1. Redovisning av kommunfullmäktiges uppdrag till kommunstyrelsen, att verka för att\n"
        "avsluta borgensåtaganden för stiftelsernas pensionsutfästelser\n"
        "och Stiftelsen Otium enligt kommunfullmäktiges beslut\n"
        "1980-10-30 § 25, antecknas och förklaras fullgjort.\n"
    )
    [paragraph] = parse_text(HEAD + "\n" + body, "protokoll.txt").data["paragraphs"]
    assert len(paragraph["decisions"]) == 1
    [assignment_ended] = paragraph["fulfilments"]
    assert assignment_ended["reference"]["organ"].lower() == "kommunfullmäktige"
    assert assignment_ended["reference"]["task"].startswith("verka för att avsluta borgensåtaganden")


def test_a_long_title_whose_line_ends_in_och_keeps_its_last_line():
    body = (
        "§ 638 Ärendenummer SLK-2025-00790\n\n"
        "Ordförandebeslut i brådskande ärende Yttrande till\n"
        "förvaltningsrätten och beslut om fullmakt i mål om\n"
        "laglighetsprövning avseende kommunfullmäktiges beslut\n"
        "2025-06-18, § 372 om kompletterande budget, punkt 17 och\n"
        "18\n"
        "Beslut\n\n"
        "Antecknas.\n"
    )
    assert heads(body)[0][1].endswith("punkt 17 och 18")


def test_a_title_does_not_run_on_into_the_body_without_a_heading():
    body = (
        "KS § 9 DNR: KF/2006.437\n"
        "Inkallande av ersättare vid förhinder\n"
        "Ordföranden informerar om vad som gäller enligt kommunstyrelsens reglemente när en\n"
        "ledamot är förhindrad att delta i ett sammanträde.\n"
        "Kommunstyrelsens beslut\n"
        "Informationen antecknas.\n"
    )
    assert heads(body) == [(9, "Inkallande av ersättare vid förhinder", "KF/2006.437")]


def test_a_cover_page_list_of_paragraphs_is_not_paragraphs():
    body = (
        "Paragrafer §§41-43\n"
        "§ 41 Upprop 2024/1 4\n"
        "§ 42 Val av justerare 2024/5 5\n"
        "§ 43 Detaljplan för Hoby 2023/667 6\n"
        "\n"
        "§ 41 Dnr 2024/1\n"
        "Upprop\n"
        "Beslut\n"
        "Uppropet förrättas.\n"
        "§ 42 Dnr 2024/5\n"
        "Val av justerare\n"
        "Beslut\n"
        "Eva Ek väljs.\n"
        "§ 43 Dnr 2023/667\n"
        "Detaljplan för Hoby\n"
        "Beslut\n"
        "Planen antas.\n"
    )
    assert heads(body) == [
        (41, "Upprop", "2024/1"),
        (42, "Val av justerare", "2024/5"),
        (43, "Detaljplan för Hoby", "2023/667"),
    ]


def test_a_list_of_other_paragraphs_inside_a_paragraph_is_not_paragraphs():
    body = (
        "§ 31 2026.002 TEN\n"
        "Meddelanden 2026\n"
        "Ärendebeskrivning\n"
        "§ 67 2026.142 KS Revidering av riktlinjer\n"
        "§ 63 2025.354 KS Rutin mot hot och våld\n"
        "Beslut\n"
        "Meddelandena läggs till handlingarna.\n"
    )
    assert heads(body) == [(31, "Meddelanden 2026", "2026.002 TEN")]


def test_another_organs_paragraph_quoted_in_the_text_is_not_a_head():
    body = (
        "KS § 7 DNR:KU/2006.435\nArbetsgrupp för energibolag\nKommunstyrelsens beslut\nEn grupp tillsätts.\n"
        "KU § 317\n06-12-05 Utskottet föreslår en arbetsgrupp.\n"
        "KS § 8 DNR:KF/2006.437\nInkallande av ersättare\nKommunstyrelsens beslut\nInformationen antecknas.\n"
    )
    assert [number for number, _title, _case in heads(body)] == [7, 8]


def test_page_furniture_and_continued_heads_are_removed():
    text = (
        "§ 71 Dnr 2023/314\nGenomlysning av VA-bolaget\nBeslut\n• Uppdra åt chefen att ta fram en plan\n"
        "Storfors kommun\nSammanträdesprotokoll\n2024-04-25\n"
        "§ 71 forts Dnr 2023/314\nJusterandes sign Protokollsutdrag intygas:\n"
        "Signature reference: 6fccaa09-7c7e 4\n• Planen redovisas i juni.\n"
    )
    cleaned = strip_furniture(text, ["Storfors kommun", "Sammanträdesprotokoll", "2024-04-25"])
    for furniture in ("forts", "Justerandes", "Signature reference", "Sammanträdesprotokoll"):
        assert furniture not in cleaned
    assert "• Planen redovisas i juni." in cleaned


def test_an_implausibly_long_paragraph_is_cut_and_reported():
    items = "\n".join(f"• Person {n} väljs till ombud." for n in range(1, 200))
    head, paragraphs = minutes(f"§ 5 Dnr 2024/3\nVal av ombud\nBeslut\n{items}\n")
    assert len(paragraphs[0]["decisions"]) == 60
    assert "§ 5 har 199 beslutspunkter" in head["warnings"][0]


def test_a_protokoll_that_stops_before_its_declared_last_paragraph_is_cut():
    head = HEAD + "Paragrafer §§1-3\n"
    text = head + "§ 1 Dnr 2024/1\nUpprop\nBeslut\nUpprop förrättas.\n§ 2 Dnr 2024/2\nVal\nBeslut\nEva väljs.\n"
    parsed = parse_text(text, "avbruten.txt")
    assert any("anger paragraferna 1–3 men texten slutar vid § 2" in error for error in parsed.errors)


def test_section_headings_include_an_organs_decision_in_capitals():
    assert _heading_key("SAMHÄLLSPLANERINGSNÄMNDENS BESLUT") == "decision"
    assert _heading_key("Barn- och utbildningsnämndens beslut") == "decision"
    assert _heading_key("Enligt stadsledningskontorets förslag:") is None


# Municipality and organ -------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("HÖGSBY KOMMUN Protokoll 1(14)\nKommunstyrelsen", "Högsby"),
        ("Göteborgs Stad\nKommunstyrelsen", "Göteborg"),
        ("Kommunstyrelsen\nBesök oss på www.upplandsvasby.se", "Upplands Väsby"),
        ("Motion\nText.\nAlingsås den 25 februari 2026\nAnna Berg (S)", "Alingsås"),
        ("Utbildning Falkenberg\nResultatanalys", "Falkenberg"),
        ("Malung-Sälens kommun\nSocialnämnden", "Malung-Sälen"),
    ],
)
def test_the_municipality_is_found_from_letterhead_domain_or_signature(text, name):
    assert find_municipality(text) == name


def test_a_municipality_named_in_the_body_loses_to_the_letterhead():
    text = "Alingsås kommun\nKommunstyrelsen\n" + "Avtalssamverkan mellan Borås Stad och Alingsås kommun.\n" * 3
    guess = guess_municipality(text)
    assert guess.municipality.name == "Alingsås" and guess.reasons


def test_a_property_designation_is_not_a_municipality():
    assert find_municipality("Förstudie om ombyggnad av Munkedal 4\nFastigheten Munkedal 4 byggs om.") is None


def test_the_register_knows_all_290_municipalities_however_they_are_typed():
    assert lookup("goteborg").name == "Göteborg"
    assert lookup("Göteborgs stad").code == "1480"
    assert lookup("Håbo kommun").name == "Håbo"


@pytest.mark.parametrize(
    ("lines", "organ"),
    [
        (["Kommunstyrelsens ", "arbetsutskott", "Protokoll"], "Kommunstyrelsens arbetsutskott"),
        (
            ["JÖNKÖPINGS KOMMUN SAMMANTRÄDESPROTOKOLL 11 Barn- och utbildningsnämnden 2023-01-02"],
            "Barn- och utbildningsnämnden",
        ),
        (["Tekniska nämnden", "Protokoll"], "Tekniska nämnden"),
        (["Överförmyndarnämnde", "n", "Protokoll"], "Överförmyndarnämnden"),
    ],
)
def test_the_organ_is_read_from_the_letterhead_even_when_broken_over_lines(lines, organ):
    assert find_organ(lines) == organ


def test_usual_abbreviations_expand_to_the_organ():
    assert expand_abbreviation("KSAU") == "Kommunstyrelsens arbetsutskott"
    assert expand_abbreviation("SPN") == "Samhällsplaneringsnämnden"
    assert expand_abbreviation("Miljönämnden") == "Miljönämnden"


def test_organization_override_by_abbreviation_names_the_organ():
    parsed = parse_text(COUNCIL_MINUTES, "kf.txt", Overrides(organization="KF"))
    assert parsed.data["organization"] == "Kommunfullmäktige"


# Motions and policies ---------------------------------------------------------------


def test_an_initiative_in_a_committee_gets_its_organ_and_date_from_the_title_block():
    text = """Initiativ i kommunstyrelsen
11 maj 2026
av Jens Berlin (L)
Inrätta en kollektivtrafikdialog
Förslag till beslut i kommunstyrelsen
Dialog ska hållas årligen.
"""
    motion = parse_motion(text)
    assert (motion["organization"], motion["date"].isoformat()) == ("Kommunstyrelsen", "2026-05-11")


@pytest.mark.parametrize(
    "block",
    [
        "Typ av styrdokument: Riktlinje\nBeslutande instans: Kommunstyrelsen\nDatum för beslut: 2026-04-13\n"
        "Diarienummer: 2026.142 KS\nGiltighetstid: Tillsvidare\nDokumentansvarig: Kommunjurist",
        "Typ av styrdokument: Riktlinje   Gäller för: Alla\nBeslutande instans: Kommunstyrelsen   Giltighetstid: Tillsvidare\n"
        "Datum för beslut: 2026-04-13   Dokumentansvarig: Kommunjurist\nDiarienummer: 2026.142 KS",
        "Antagen av: KS\nDatum: 2026-04-13\nErsätter: Riktlinje 2019\nDiarienummer: 2026.142 KS\nGäller till: 2030",
    ],
)
def test_policy_metadata_is_read_under_all_usual_labels_and_layouts(block):
    policy = parse_policy("Riktlinje för visselblåsning\n" + block + "\n\nInledning\n\nText.\n")
    assert policy["title"] == "Riktlinje för visselblåsning"
    assert policy["adopted_by"] == "Kommunstyrelsen"
    assert policy["date"].isoformat() == "2026-04-13"
    assert policy["case_number"] == "2026.142 KS"


def test_policy_labels_in_old_letterforms_are_read_not_refused():
    """A case-blind label pattern takes "ſ" (long s) for "s": the label it found must be looked up the same way."""
    policy = parse_policy(
        "Riktlinje för viſſelblåsning\nFaſtſtälld av: Kommunſtyrelſen\nDiarienummer: 2026.142 KS\n\nText.\n"
    )
    assert policy["case_number"] == "2026.142 KS"
    assert policy["adopted_by"]


def test_template_placeholders_in_policy_metadata_are_ignored():
    policy = parse_policy("Handlingsplan\nBeslutande instans: XX\nDatum för beslut: ÅÅÅ-MM-DD\n\nText.\n")
    assert policy["adopted_by"] is None and policy["date"] is None


# Reading ----------------------------------------------------------------------------


def test_utf16_and_bom_text_is_read(tmp_path):
    text = "Storfors kommun\nKommunstyrelsen\nProtokoll åäö\n"
    (tmp_path / "le.txt").write_bytes(codecs.BOM_UTF16_LE + text.encode("utf-16-le"))
    (tmp_path / "be.txt").write_bytes(codecs.BOM_UTF16_BE + text.encode("utf-16-be"))
    (tmp_path / "bare.txt").write_bytes(text.encode("utf-16-le"))
    (tmp_path / "bom.txt").write_bytes(codecs.BOM_UTF8 + text.encode("utf-8"))
    for name in ("le.txt", "be.txt", "bare.txt", "bom.txt"):
        assert read_text(tmp_path / name) == text


def test_text_over_the_size_limit_is_refused_with_a_reason():
    parsed = parse_text("Protokoll\n" + "x" * 3_000_001, "stor.txt")
    assert "texten är för lång" in parsed.errors[0] and "dela upp" in parsed.errors[0]


def test_a_file_that_is_not_text_is_refused(tmp_path):
    path = tmp_path / "bild.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    with pytest.raises(ImportProblem, match="inte text"):
        read_text(path)


# Interpellations --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "asker", "addressee"),
    [
        (
            "Interpellation till kommunstyrelsens ordförande Anna Berg (S)\n\nSkolan behöver lokaler.\n\n"
            "1. Hur många barn väntar?\n2. När byggs skolan?\n\nLerum 2023-04-02\nPer Ek (M)\n",
            ("Per Ek", "M"),
            ("Anna Berg", "S"),
        ),
        (
            "Interpellation om förskolans lokaler\nStälld till: Anna Berg (S), kommunalråd\n2023-04-02\n\n"
            "Hur många barn väntar på plats?\n\nPer Ek (M)\n",
            ("Per Ek", "M"),
            ("Anna Berg", "S"),
        ),
        (
            "Interpellation till socialnämndens ordförande Anna Berg (S) av Per Ek (M)\n2023-04-02\n\n"
            "Varför stängs boendet?\n",
            ("Per Ek", "M"),
            ("Anna Berg", "S"),
        ),
    ],
)
def test_asker_and_addressee_are_found_however_they_are_written(text, asker, addressee):
    parsed = parse_text(text, "interpellation.txt", Overrides(municipality="Lerum"))
    assert parsed.ok, parsed.errors
    assert (parsed.data["asker"]["name"], parsed.data["asker"]["party"]) == asker
    assert (parsed.data["addressee"]["name"], parsed.data["addressee"]["party"]) == addressee
    assert parsed.data["date"].isoformat() == "2023-04-02"
    assert all(question.endswith("?") for question in parsed.data["questions"])


@pytest.mark.parametrize(
    ("signature", "movers"),
    [
        ("Anna Berg (S), Per Ek (S)", [("Anna Berg", "S"), ("Per Ek", "S")]),
        (
            "För Socialdemokraterna\nAnna Berg Per Ek\nEva Lund Ola Ek",
            [("Anna Berg", "S"), ("Per Ek", "S"), ("Eva Lund", "S"), ("Ola Ek", "S")],
        ),
        ("Amanda Andersson\nMiljöpartiet de gröna", [("Amanda Andersson", "MP")]),
        (
            "Jan-Erik Wallin Kommunstyrelsens ordförande (M)\nLady Mulumba gruppledare (KD)",
            [("Jan-Erik Wallin", "M"), ("Lady Mulumba", "KD")],
        ),
    ],
)
def test_movers_are_read_from_every_common_signature_form(signature, movers):
    text = (
        "Motion om cykelvägar\n\nVi vill ha fler cykelvägar.\n\nVi yrkar därför\n\natt kommunen bygger cykelvägar.\n\n"
    )
    motion = parse_motion(text + signature + "\n")
    assert [(mover["name"], mover["party"]) for mover in motion["movers"]] == movers
    assert motion["att_satser"] == ["att kommunen bygger cykelvägar."]


def test_numbered_proposals_after_forslag_till_beslut_are_the_att_satser():
    text = (
        "Stärk stödet till föreningarna\nText.\nFörslag till beslut i kommunfullmäktige:\n"
        "1. Kommunen utreder lokalbehovet.\n2. Kommunstyrelsen får i uppdrag att söka medel.\nAnna Berg (S)\n"
    )
    assert parse_motion(text)["att_satser"] == [
        "Kommunen utreder lokalbehovet.",
        "Kommunstyrelsen får i uppdrag att söka medel.",
    ]


# Held-out layouts: title pages run together, numbers with their year, older party forms ---------

FLATTENED_TITLE_PAGE = (
    "Ljusdals kommun Socialnämnden (12) Plats och tid Kommunhuset, sal A, tisdagen den 14 mars 2023 kl 13.00 "
    "Beslutande Eva Lund (S), ordförande Olle Berg (M) Karin Ström (C) Övriga deltagande Lisa Ek, sekreterare "
    "Utses att justera Olle Berg (M) Justeringens plats och tid Kommunhuset den 20 mars 2023 Paragrafer 10-15 "
    "Underskrifter Sekreterare Lisa Ek Ordförande Eva Lund Justerande Olle Berg ANSLAG/BEVIS Protokollet är "
    "justerat. Organ Socialnämnden Förvaringsplats för protokollet Kommunhuset. Innehåll: 10 Handlingsplan "
    "för hemtjänsten 11 Strategi för boendet 12 Ekonomisk uppföljning"
)


def test_a_title_page_run_into_one_line_is_still_a_protokoll():
    result = classify(FLATTENED_TITLE_PAGE + "\n" + "Ärendet gäller en uppföljning." * 3)
    assert result.kind == "minutes"
    assert "hopslagen titelsida" in result.explanation


def test_a_protokoll_without_any_paragraph_head_still_shows_its_head_and_says_what_is_missing():
    parsed = parse_text(FLATTENED_TITLE_PAGE + "\n", "ljusdal-sn.txt")
    assert parsed.kind == "minutes"
    head = (parsed.data["municipality"], parsed.data["organization"], parsed.data["date"].isoformat())
    assert head == ("Ljusdal", "Socialnämnden", "2023-03-14")
    assert parsed.errors == ["inga paragrafer (§) hittades i protokollet."]


def test_a_plan_named_inside_a_long_running_line_does_not_make_a_policy():
    text = "Protokollsbilaga " + "med en lång rad om detaljer för handlingsplan och strategi " * 4 + "\nText.\n"
    assert "policy" not in classify(text).scores


def test_a_protokoll_title_followed_by_punctuation_counts_as_a_title():
    text = "PROTOKOLL. Sammanträdesdatum 2022-05-04 KOMMUNSTYRELSENS TEKNISKA UTSKOTT\n§ 40\nVal av justerare\n"
    assert "huvudet säger protokoll" in classify(text).explanation


def test_a_paragraph_number_written_with_its_year_opens_a_paragraph():
    opener = headings.opener_at("§ 64/21 Nytt bidragsreglemente för föreningar")
    assert (opener.number, opener.rest) == (64, "Nytt bidragsreglemente för föreningar")


def test_a_contents_list_ends_where_its_first_number_comes_again():
    body = (
        "Innehållsförteckning\n"
        "§ 20/22 Fastställande av dagordning\n"
        "§ 21/22 Bidrag till studieförbund\n"
        "§ 22/22 Övriga frågor\n"
        "Justerarsignaturer\n"
        "§ 20/22 Fastställande av dagordning\n"
        "Dagordningen fastställs.\n"
        "§ 21/22 Bidrag till studieförbund\n"
        "Bidraget beviljas.\n"
    )
    assert [(number, title) for number, title, _dnr in heads(body)] == [
        (20, "Fastställande av dagordning"),
        (21, "Bidrag till studieförbund"),
    ]


def test_a_council_named_in_the_genitive_in_the_attestation_is_the_organ():
    assert find_organ(["Tid och plats Stadshuset Kommunfullmäktiges protokoll är justerat"]) == "Kommunfullmäktige"


def test_an_older_lower_case_party_after_the_signature_names_the_asker():
    text = """Interpellation till socialnämndens ordförande Eva Lund (s) om väntetider

Med anledning av detta vill jag ställa följande frågor:

1. Hur lång är väntetiden i dag?

Ekeby 2001-03-12

Olle Berg (fp)
"""
    record = parse_text(text, "ip.txt", Overrides(municipality="Ekeby")).record
    assert (record.asker["name"], record.asker["party"]) == ("Olle Berg", "FP")
    assert (record.addressee["name"], record.date.isoformat()) == ("Eva Lund", "2001-03-12")


@pytest.mark.parametrize(
    ("lines", "organ"),
    [
        (["TORSBY KOMMUN", "KOMMUNSTYRELSENS TEKNISKA UTSKOTT", "Protokoll"], "Kommunstyrelsens tekniska utskott"),
        (["Kommunstyrelsens allmänna utskott", "Sammanträdesdatum 2021-02-03"], "Kommunstyrelsens allmänna utskott"),
    ],
)
def test_a_committee_named_with_an_adjective_is_the_organ(lines, organ):
    assert find_organ(lines) == organ


def test_a_title_page_naming_only_the_committee_takes_its_parent_from_the_paragraphs():
    head = "Protokoll\nBeslutsinstans: Arbetsutskottet\nSammanträdesdatum: 2022-09-06\nJusterarsignaturer\n"
    body = "§ 12/22 Val av justerare\nBarn- och utbildningsnämndens arbetsutskott utser Eva Lund.\n"
    _head, _paragraphs = minutes(body, head)
    assert _head["organization"] == "Barn- och utbildningsnämndens arbetsutskott"


def test_a_local_party_named_after_its_municipality_places_the_document():
    text = "Motion om fler busslinjer\n\nVi yrkar att linjen förlängs.\n\nPer Ek\nSalapartiet\n"
    assert find_municipality(text) == "Sala"


def test_an_interpellation_signed_under_place_den_date_and_a_party_line():
    text = """INTERPELLATION

Till Tekniska

nämndens ordförande

Om snöröjningen på gång- och cykelvägar

Kommunen bytte entreprenör den 1 mars 2018, och klagomålen har ökat sedan dess.

1. Hur följs det nya avtalet upp?

Mora den 3 februari 2019

För Centerpartiet

Olle Berg
"""
    record = parse_text(text, "ip.txt", Overrides(municipality="Mora")).record
    assert (record.asker["name"], record.date.isoformat()) == ("Olle Berg", "2019-02-03")


def test_a_mixed_case_organ_prefix_opens_paragraphs_and_earlier_handling_is_not_the_title():
    body = (
        "Bun § 7\n"
        "Val av justerare\n"
        "\n"
        "Anna Berg utses att justera.\n"
        "\n"
        "Bun § 8 Bun au § 31 Dnr 2019/44\n"
        "Skolskjuts för gymnasieelever\n"
        "\n"
        "Beslut\n"
        "Ärendet återremitteras, se § 12 nedan.\n"
    )
    assert heads(body) == [(7, "Val av justerare", None), (8, "Skolskjuts för gymnasieelever", "2019/44")]


def test_head_label_variants_count_as_a_protokoll_head():
    head = ["Region Gotland", "Sammanträdesdag 2016-10-24", "Tid och plats Rådhuset", "Utsedd att justera Anna Berg"]
    result = classify("\n".join([*head, "§ 1", "Val av justerare"]))
    assert result.kind == "minutes"
    assert "3 rader ur ett protokollshuvud" in result.explanation


def test_the_place_of_the_justering_in_a_protokoll_head_places_the_document():
    text = (
        "Barn- och utbildningsnämnden\nSAMMANTRÄDESPROTOKOLL\nSammanträdesdatum 2021-05-04\n"
        "Justeringens plats och tid Ljusdal 2021-05-11\n§ 1\nVal av justerare\n"
    )
    assert find_municipality(text) == "Ljusdal"


def test_an_interpellation_to_a_post_keeps_the_post_and_can_be_imported():
    text = """Interpellation

Till barn- och utbildningsnämndens ordförande

Hur många elever saknar behörig lärare?

Ekeby 2022-10-03

Per Ek (L)
"""
    parsed = parse_text(text, "ip.txt", Overrides(municipality="Mora"))
    assert parsed.record.addressee["role"] == "barn- och utbildningsnämndens ordförande"
    assert parsed.errors == [] and parsed.record.addressee["name"] is None


def test_a_title_abbreviation_before_the_addressee_is_not_part_of_the_name():
    text = "Interpellation: Ställd till KSO Anna Berg (M)\n\nVarför dröjer bygget?\n\nMora 2023-11-20\n\nPer Ek (V)\n"
    record = parse_text(text, "ip.txt", Overrides(municipality="Mora")).record
    assert (record.addressee["name"], record.addressee["party"]) == ("Anna Berg", "M")


def test_the_justering_date_on_a_run_together_title_page_is_not_the_meeting_date():
    head = (
        "Socialnämnden (14) Plats och tid Kommunhuset, sal B Beslutande Eva Lund (S), ordförande Olle Berg (M) "
        "Utses att justera Olle Berg (M) Justeringens plats och tid Kommunhuset den 3 april 2019 Underskrifter "
        "Paragrafer 20-24 ANSLAG/BEVIS Protokollet är justerat.\n"
    )
    _head, _paragraphs = minutes("§ 20\nVal av justerare\n", head)
    assert _head["date"] is None


def test_a_run_together_page_titled_protokoll_without_any_paragraph_sign_is_still_a_protokoll():
    text = (
        "Bidrag till föreningar\n1(2) KOMMUNSTYRELSEN PROTOKOLL Sammanträdesdatum: 2017-05-02 Bidrag till föreningar "
        "Dnr KS 2017/12 Beslut Kommunstyrelsen beslutar att bevilja bidraget. " + "Ärendet har beretts. " * 20 + "\n"
    )
    parsed = parse_text(text, "utdrag.txt", Overrides(municipality="Mora"))
    assert parsed.kind == "minutes"
    assert "inga paragrafer (§) hittades i protokollet." in parsed.errors


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        ("Kommunfullmäktiges uppdrag att bygga en scen avſkrivs.", "complete"),
        ("Uppdraget från 2023 förklaraſ fullgjort.", "complete"),
        ("Uppdraget İNOM VÅRDEN återkallaſ.", "withdraw"),
        ("Ärendet återremıtteras till nämnden.", None),
    ],
)
def test_quick_word_tests_read_long_s_and_dotless_i_as_the_case_blind_patterns_do(sentence, kind):
    # The patterns ignore case and so take "ſ" for "s" and "ı"/"İ" for "i"; the word tests
    # that decide whether a pattern runs at all must find the same words.
    from governance.importer.completions import COMPLETED, WITHDRAWN, completion_kind
    from governance.importer.patterns import search_from

    assert completion_kind(sentence) == kind
    for pattern in (COMPLETED, WITHDRAWN):
        found, expected = search_from(pattern, sentence, ("uppdrag", "förklara")), pattern.search(sentence)
        assert (found and found.span()) == (expected and expected.span())


@pytest.mark.parametrize(
    ("head", "title"),
    [
        (
            "Nämndinitiativ om att utreda en årlig\nyrkesmässa i Alingsås\nKultur- och utbildningsnämnden 2026-06-17\n",
            "Nämndinitiativ om att utreda en årlig yrkesmässa i Alingsås",
        ),
        ("Motion om stöd till\nUkrainas folk\n\nKommunfullmäktige\n", "Motion om stöd till Ukrainas folk"),
        ("Motion om cykelvägar\nKommunfullmäktige 2025-03-01\n", "Motion om cykelvägar"),
        ("Motion om cykelvägar.\nvi föreslår att kommunen bygger fler.\n", "Motion om cykelvägar."),
    ],
)
def test_a_motions_title_takes_the_lines_it_wraps_onto_and_stops_at_the_block_after_it(head, title):
    text = head + "\nBakgrund\nVägarna behövs.\n\nJag föreslår att\nkommunen bygger cykelvägar.\n\nAnna Berg (S)\n"
    assert parse_motion(text)["title"] == title


def test_a_dated_heading_in_capitals_run_into_the_decision_heading_opens_the_decision():
    body = (
        "§ 3\n\nVal av ersättare i arbetsutskottet\n\nBun/2022:1052   600\n\n"
        "Ordföranden föreslår att Anna Berg (S) utses till ersättare.\n\n"
        "BARN- OCH UTBILDNINGSNÄMNDENS BEHANDLING 2023-01-02 Barn- och utbildningsnämndens beslut  \n\n"
        "- Anna Berg (S) utses till ersättare i arbetsutskottet.\n"
    )
    _head, [paragraph] = minutes(body)
    assert paragraph["decisions"] == ["Anna Berg (S) utses till ersättare i arbetsutskottet."]
    assert "BEHANDLING" not in paragraph["summary"]


def test_a_long_sentence_ending_in_an_organs_beslut_is_no_heading():
    body = (
        "§ 4 Dnr KS 2023/12\n\nÖversyn av reglementet\n\n"
        "ENLIGT TIDIGARE BESLUT 2022-05-01 ska ärendet prövas mot kommunfullmäktiges beslut\n\n"
        "Beslut\n\nReglementet ses över.\n"
    )
    _head, [paragraph] = minutes(body)
    assert paragraph["decisions"] == ["Reglementet ses över."]
