"""Page furniture between the paragraphs of a protokoll, as PDF extraction leaves it.

Each page of a printed protokoll ends in a signature box ("Justerandes sign",
"Utdragsbestyrkande", often right-aligned) and a page number, and the next page opens
with the organ, "Sammanträdesprotokoll" and the date. None of it may become a decision
item, and a sentence the page break cut in two must read as one sentence again.
"""

from governance.importer.furniture import strip_furniture
from governance.importer.pipeline import parse_text

HEAD = """Alvesta kommun
Barn- och utbildningsnämnden
Sammanträdesprotokoll
Sammanträdesdatum 2025-06-10
"""
PAGE_BREAK = (
    "\n\nJusterandes sign\n\n" + " " * 70 + "Utdragsbestyrkande\n\n" + " " * 90 + "30\n\n"
    "Sammanträdesprotokoll Barn- och utbildningsnämnden\n\n2025-06-10\n\n"
)


def paragraphs(body):
    document = parse_text(HEAD + body, "protokoll.txt")
    assert not document.errors, document.errors
    return {paragraph["number"]: paragraph for paragraph in document.data["paragraphs"]}


def test_a_right_aligned_signature_box_and_page_number_are_no_decision_items():
    found = paragraphs(
        "§ 88 Dnr Bun/2025:12\nUpphörande av skolplikt\n\nBarn- och utbildningsnämndens beslut\n\n"
        "– Skolplikten upphör.\n\nParagrafen förklaras omedelbart justerad."
        + PAGE_BREAK
        + "Beslutet expedieras till: Rektor\n\n"
        "§ 89 Dnr Bun/2025:13\nDelegationsförteckning\n\nBeslut\n\nFörteckningen antas.\n"
    )
    assert found[88]["decisions"] == [
        "Skolplikten upphör.",
        "Paragrafen förklaras omedelbart justerad.",
        "Beslutet expedieras till: Rektor",
    ]
    assert found[89]["decisions"] == ["Förteckningen antas."]


def test_a_decision_cut_by_a_page_break_is_one_item_and_its_assignment_is_read():
    found = paragraphs(
        "§ 12 Dnr Bun/2025:40\nKompetensförsörjning\n\nBeslut\n\n"
        "Förvaltningen får i uppdrag att ta fram en plan för kompetensförsörjning och"
        + PAGE_BREAK
        + "återrapportera till nämnden senast 2025-12-31.\n"
    )
    decision = "Förvaltningen får i uppdrag att ta fram en plan för kompetensförsörjning och återrapportera"
    assert len(found[12]["decisions"]) == 1
    assert found[12]["decisions"][0].startswith(decision)
    [assignment] = found[12]["assignments"]
    assert assignment["assignees"] == ["Förvaltningen"]
    assert "återrapportera till nämnden senast 2025-12-31" in assignment["task"] + " " + assignment["deadline_text"]


def test_a_finished_sentence_before_a_page_break_stays_its_own_paragraph():
    text = "Nämnden antar planen." + PAGE_BREAK + "och det noteras särskilt.\n"
    cleaned = strip_furniture(text, ["Barn- och utbildningsnämnden"])
    assert "Nämnden antar planen.\n\noch det noteras särskilt." in cleaned


def test_a_sentence_going_on_in_capitals_after_a_page_break_is_not_joined():
    text = "Beslutsunderlag" + PAGE_BREAK + "Tjänsteskrivelse 2025-05-02.\n"
    cleaned = strip_furniture(text, ["Barn- och utbildningsnämnden"])
    assert "Beslutsunderlag\n\nTjänsteskrivelse 2025-05-02." in cleaned


def test_lone_numbers_away_from_any_signature_box_are_kept():
    table = "Antal elever per skola\n\n120\n\n135\n\n98\n\nSumman är 353.\n"
    assert strip_furniture(table, ["Barn- och utbildningsnämnden"]) == table


def test_furniture_is_removed_and_nothing_else_of_the_page():
    text = "Första sidans sista mening." + PAGE_BREAK + "Andra sidans första mening.\n"
    cleaned = strip_furniture(text, ["Barn- och utbildningsnämnden"])
    assert cleaned == "Första sidans sista mening.\n\nAndra sidans första mening.\n"


def test_a_title_ending_in_the_organs_protokoll_is_no_running_footer():
    text = (
        "§ 178 Dnr KS 2023/782\n\nÖvrig fråga - Rättelse av kommunstyrelsens protokoll\n"
        "den 13 december 2023, § 923\nBeslut\n\nRättelsen godkänns.\n\n"
        "Alvesta kommun Kommunstyrelsen, protokoll\n\n§ 179 Dnr KS 2023/790\n"
    )
    cleaned = strip_furniture(text, ["Kommunstyrelsen", "Alvesta kommun"])
    assert "Övrig fråga - Rättelse av kommunstyrelsens protokoll\n" in cleaned
    assert "Alvesta kommun Kommunstyrelsen, protokoll" not in cleaned


def test_a_footer_line_repeated_on_every_page_is_removed_whatever_it_holds():
    page = "Text på sidan.\n\nAlvesta, april 2025: kommunstyrelsens protokoll\n\n"
    cleaned = strip_furniture(page * 3, ["Kommunstyrelsen"])
    assert "protokoll" not in cleaned
    assert cleaned.count("Text på sidan.") == 3


def test_a_page_header_in_capitals_made_of_the_heads_names_goes_with_its_page_number():
    page_header = "\n\nJÖNKÖPINGS KOMMUN Barn- och utbildningsnämnden\n\nSAMMANTRÄDESPROTOKOLL 2023-01-02\n\n33\n\n"
    text = "Nämnden antar planen." + page_header + "Nämnden noterar informationen.\n"
    cleaned = strip_furniture(text, ["Barn- och utbildningsnämnden"])
    assert cleaned == "Nämnden antar planen.\n\nNämnden noterar informationen.\n"


def test_a_sentence_ending_in_the_organs_name_beside_a_signature_box_is_kept():
    text = (
        "Arbetsutskottet har beslutat att hänskjuta ärendet för beslut i vård- och\nomsorgsnämnden.\n\n"
        + " " * 70
        + "Utdragsbestyrkande\n"
        + " " * 90
        + "13\n"
    )
    cleaned = strip_furniture(text, ["Vård- och", "omsorgsnämnden"])
    assert cleaned == "Arbetsutskottet har beslutat att hänskjuta ärendet för beslut i vård- och\nomsorgsnämnden.\n"
