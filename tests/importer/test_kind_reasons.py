"""Why a file is read as its kind, worded for the secretary: Swedish kind names, how sure
the reading is and the reasons as a sentence (text in, explanation out)."""

from governance.importer.detect import classify
from governance.importer.kind_reasons import explain, listed
from governance.importer.pipeline import Overrides, parse_text
from tests.importer.test_parser_rules import COUNCIL_MINUTES

#: Head of a riktlinje and head of a tjänsteskrivelse in one text: both kinds have a claim.
POLICY_AND_STATEMENT = """Riktlinje för bisysslor
Beslutande instans: Kommunstyrelsen
Giltighetstid: Tillsvidare
Tjänsteskrivelse
Handläggare: Eva Ek
Diarienr: 2025.446 KS
"""

CODE_NAMES = ("minutes", "motion", "interpellation", "policy", "statement", "news")


def assert_no_code_names(text):
    assert not any(name in text for name in CODE_NAMES), text


def test_a_clear_protokoll_is_named_in_swedish_with_its_reasons_as_a_sentence():
    explanation = explain(classify(COUNCIL_MINUTES))
    assert explanation.startswith("Tydligt protokoll: huvudet säger protokoll, ")
    assert "2 paragrafrubriker (§)" in explanation and explanation.endswith(".")
    assert_no_code_names(explanation)


def test_one_of_something_is_counted_in_the_singular():
    text = COUNCIL_MINUTES.split("§ 41")[0]
    explanation = explain(classify(text))
    assert "1 paragrafrubrik (§)" in explanation and "1 paragrafrubriker" not in explanation


def test_a_close_second_kind_is_named_so_the_secretary_checks_the_kind():
    explanation = explain(classify(POLICY_AND_STATEMENT))
    assert explanation.startswith("Troligen beslutsunderlag: titeln är en tjänsteskrivelse")
    assert "Texten liknar nästan lika mycket styrdokument; kontrollera dokumenttypen." in explanation


def test_a_kind_given_by_hand_says_so_and_what_the_text_itself_looks_like():
    classification = classify(POLICY_AND_STATEMENT)
    other = explain(classification, "policy")
    assert other.startswith("Angiven i --kind som styrdokument; texten liknar mest beslutsunderlag (titeln är")
    same = explain(classification, "statement")
    assert same.startswith("Angiven i --kind som beslutsunderlag; texten pekar åt samma håll: titeln är")


def test_the_review_record_carries_the_readable_explanation_of_the_kind_actually_used():
    parsed = parse_text(POLICY_AND_STATEMENT, "riktlinje.txt", Overrides(kind="policy"))
    assert parsed.data["kind"] == "policy"
    assert parsed.data["kind_reasons"].startswith("Angiven i --kind som styrdokument")


def test_a_contradicting_kind_is_refused_naming_the_text_s_kind_in_swedish():
    parsed = parse_text(COUNCIL_MINUTES, "kf.txt", Overrides(kind="motion"))
    assert parsed.errors[0].startswith("--kind motion stämmer inte med texten, som tydligt är protokoll (huvudet")


def test_an_unknown_kind_is_refused_saying_what_the_text_looks_most_like():
    parsed = parse_text("Protokoll\nJusterandes sign\nVi ses i morgon.\n", "brev.txt")
    assert parsed.errors[0].startswith("okänd dokumenttyp: texten liknar mest protokoll (huvudet säger protokoll")
    assert "men inga paragrafrubriker), men inte tillräckligt; ange --kind (minutes," in parsed.errors[0]
    assert parsed.data["kind_reasons"].startswith("Texten liknar mest protokoll")


def test_a_text_like_no_kind_at_all_says_so():
    parsed = parse_text("Hej på dig.\nVi ses i morgon.\n", "brev.txt")
    assert parsed.errors[0].startswith("okänd dokumenttyp: texten liknar ingen dokumenttyp; ange")


def test_reasons_are_listed_with_och_and_a_reservation_is_kept_as_one():
    assert listed(["a"]) == "a"
    assert listed(["a", "b", "c"]) == "a, b och c"
    assert listed(["huvudet säger protokoll", "men inga paragrafrubriker"]) == (
        "huvudet säger protokoll men inga paragrafrubriker"
    )
