"""Search against the real engine: Swedish matching, facets, ranges, escaping, visibility."""

from datetime import date

import pytest
from wagtail.models import PageViewRestriction

from governance.blocks import DocumentBodyBlock
from governance.models import Assignment, MotionPage, PolicyDocumentPage
from search.faceted_search import SearchRequest, run_search
from tests import factories


@pytest.fixture
def place(home_page):
    municipality = factories.make_municipality("Eksjö")
    page = factories.make_municipality_page(home_page, municipality)
    board = factories.make_organization(municipality, "Kommunstyrelsen", "executive", abbreviation="KS")
    council = factories.make_organization(municipality, "Kommunfullmäktige", "council", abbreviation="KF")
    return {"municipality": municipality, "page": page, "board": board, "council": council}


def search(q="", **kwargs):
    filters = {
        k: v for k, v in kwargs.items() if k in {"kind", "organization", "municipality", "year", "status", "party"}
    }
    rest = {k: v for k, v in kwargs.items() if k not in filters}
    return run_search(SearchRequest(q=q, filters=filters, **rest))


def titles(result):
    return [hit["title"] for hit in result["hits"]]


@pytest.fixture
def corpus(place, indexed):
    minutes = factories.make_minutes(place["page"], place["board"], date(2020, 4, 15))
    factories.make_paragraph(
        minutes,
        80,
        "Arbetsmarknadspolitik",
        ["Uppdraget med att ta fram en handlingsplan för att möta den kommande lågkonjunkturen ska fortsätta."],
        case=factories.make_case(place["municipality"], "KS 2020/80"),
    )
    factories.make_paragraph(minutes, 81, "Enheterna inom arbetsmarknaden", ["Informationen om enheterna antecknas."])
    later = factories.make_minutes(place["page"], place["board"], date(2023, 2, 1))
    factories.make_paragraph(
        later, 5, "Budget <script>alert('x')</script>", ["Budgeten för <script>alert('x')</script> fastställs."]
    )
    factories.make_motion(
        place["page"],
        place["council"],
        title="Motion om en ny arbetsmarknadsenhet",
        background="Kommunen kan förbättra sitt arbetssätt.",
        movers=[(factories.make_person(place["municipality"], "Kjell Axell", factories.make_party("S")), "")],
        att_satser=["att en ny arbetsmarknadsenhet inrättas"],
    )
    program = PolicyDocumentPage(
        title="Arbetsmarknadsprogram 2022 - 2024",
        slug="program",
        document_type="program",
        adopted_by=place["board"],
        case=factories.make_case(place["municipality"], "KK 2021-000274 628"),
        body=DocumentBodyBlock().to_python(
            [
                {
                    "type": "section",
                    "value": {"heading": "Mål", "text": "Arbete, praktik eller utbildning inom 90 dagar."},
                }
            ]
        ),
    )
    factories.publish(place["page"], program)
    Assignment.objects.create(
        municipality=place["municipality"],
        title="Förstärka handlingsplanen",
        task="Förstärka handlingsplanen.",
        decided_on=date(2020, 4, 15),
        due_date=date(2020, 5, 13),
        report_to=place["board"],
    )
    # Publishing a § also reads assignments from its decisions; these tests count the one above.
    Assignment.objects.filter(read_from_text=True).delete()
    indexed()
    return place


def test_inflected_forms_find_each_other(corpus):
    assert "§ 81 Enheterna inom arbetsmarknaden" in titles(search("enheten"))


def test_a_compound_finds_texts_about_its_parts(corpus):
    found = titles(search("arbetsmarknadsenhet"))
    assert "Motion om en ny arbetsmarknadsenhet" in found
    assert "§ 81 Enheterna inom arbetsmarknaden" in found, "arbetsmarknaden + enheterna"


def test_a_part_finds_the_compound(corpus):
    assert "Motion om en ny arbetsmarknadsenhet" in titles(search("enhet"))


def test_folded_spelling_finds_but_ranks_below_exact(corpus):
    assert titles(search("lagkonjunktur"))[0] == "§ 80 Arbetsmarknadspolitik"
    exact = search("lågkonjunktur")
    assert exact["total"] >= 1


def test_diarienummer_is_an_exact_match(corpus):
    result = search("KK 2021-000274 628")
    assert result["hits"][0]["title"].startswith("Arbetsmarknadsprogram 2022 - 2024")


def test_phrases_must_appear_in_order(corpus):
    assert titles(search('"90 dagar"')) == ["Arbetsmarknadsprogram 2022 - 2024 – Mål"]
    assert titles(search('"dagar 90"')) == []


def test_a_minus_excludes(corpus):
    with_word = titles(search("arbetsmarknadsenhet"))
    without = titles(search("arbetsmarknadsenhet -motion"))
    assert "Motion om en ny arbetsmarknadsenhet" in with_word and "Motion om en ny arbetsmarknadsenhet" not in without


def test_facets_count_and_filter(corpus):
    result = search("")
    kinds = {bucket["value"]: bucket["count"] for bucket in result["facets"]["kind"]}
    assert kinds["minutes"] == 3 and kinds["motion"] == 1 and kinds["assignment"] == 1
    only_motions = search("", kind="motion")
    assert only_motions["total"] == 1
    # the kind facet still counts the other kinds, so the reader can switch
    assert {b["value"] for b in only_motions["facets"]["kind"]} >= {"minutes", "motion"}
    assert {b["value"] for b in search("", party="S")["facets"]["party"]} == {"S"}
    assert [b["value"] for b in result["facets"]["status"]] == ["overdue"]


def test_date_range_and_sort_by_date(corpus):
    in_2023 = search("", date_from=date(2023, 1, 1), date_to=date(2023, 12, 31))
    assert titles(in_2023) == ["§ 5 Budget <script>alert('x')</script>"]
    newest = search("", sort="date")["hits"]
    dated = [hit["date"] for hit in newest if hit["date"]]
    assert dated == sorted(dated, reverse=True)


def test_highlights_are_escaped(corpus):
    [hit] = search("budget")["hits"]
    assert "<script>" not in hit["highlight"]
    assert "&lt;script&gt;" in hit["highlight"]
    assert "<mark>" in hit["highlight"]


def test_pagination(corpus):
    first = search("")
    assert first["total"] > 5
    assert len(first["hits"]) == min(10, first["total"])
    assert search("", page=50)["hits"] == []


def test_drafts_confidential_and_private_pages_are_never_found(place, indexed):
    minutes = factories.make_minutes(place["page"], place["board"], date(2024, 1, 10))
    factories.make_paragraph(minutes, 1, "Öppet zebraärende", ["Zebra antecknas."])
    factories.make_paragraph(
        minutes,
        2,
        "Hemligt zebraärende",
        ["Zebra i sekretess."],
        is_confidential=True,
        secrecy_provision="OSL 39 kap. 3 §",
    )
    draft = MotionPage(title="Utkast om zebror", slug="utkast", organization=place["council"], date=date(2024, 1, 1))
    place["page"].add_child(instance=draft)
    draft.save_revision()  # saved, never published
    draft.live = False
    draft.save()
    private = factories.make_minutes(place["page"], place["board"], date(2024, 2, 1))
    factories.make_paragraph(private, 1, "Internt zebraärende", ["Zebra internt."])
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    indexed()
    assert titles(search("zebra")) == ["§ 1 Öppet zebraärende"]
