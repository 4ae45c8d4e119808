"""Every document kind renders its structure on its public page."""

from datetime import date

import pytest

from governance.blocks import DocumentBodyBlock
from governance.models import (
    Assignment,
    NewsPage,
    PolicyDocumentPage,
    PolicyGoal,
    ReportingRequirement,
)
from tests import factories


@pytest.fixture
def place(home_page):
    municipality = factories.make_municipality("Eksjö")
    return {
        "municipality": municipality,
        "page": factories.make_municipality_page(home_page, municipality),
        "council": factories.make_organization(municipality, "Kommunfullmäktige", "council", abbreviation="KF"),
        "board": factories.make_organization(municipality, "Kommunstyrelsen", "executive", abbreviation="KS"),
    }


def body(*sections):
    return DocumentBodyBlock().to_python([{"type": "section", "value": {"heading": h, "text": t}} for h, t in sections])


def test_minutes_page_lists_its_paragraphs_with_their_decisions(client, place):
    minutes = factories.make_minutes(place["page"], place["board"], date(2020, 4, 15), is_extract=True)
    factories.make_paragraph(minutes, 81, "Budgetuppföljning", ["Informationen noteras."])
    factories.make_paragraph(
        minutes,
        80,
        "Arbetsmarknadspolitik",
        [
            "Ett möte ska kallas med näringslivsrådet.",
            "Kommundirektören får i uppdrag att förstärka handlingsplanen.",
        ],
        case=factories.make_case(place["municipality"], "KS 2020/80"),
    )
    response = client.get(minutes.url)
    content = response.content.decode()
    assert response.status_code == 200
    assert "Protokollsutdrag" in content
    assert content.index("§ 80") < content.index("§ 81"), "paragraphs are listed in § order"
    assert "Ett möte ska kallas med näringslivsrådet." in content
    assert "Kommundirektören får i uppdrag att förstärka handlingsplanen." in content
    assert "KS 2020/80" in content


def test_paragraph_page_shows_decisions_and_the_assignment_they_created(client, place):
    minutes = factories.make_minutes(place["page"], place["board"], date(2020, 4, 15))
    paragraph = factories.make_paragraph(
        minutes,
        80,
        "Arbetsmarknadspolitik",
        ["Kommundirektören får i uppdrag att förstärka handlingsplanen."],
        summary="Arbetslösheten ökar.",
        presenter_text="Michael Anderberg, arbetsmarknadsenheten (AME)",
    )
    assignment = Assignment.objects.create(
        municipality=place["municipality"],
        title="Förstärka handlingsplanen",
        task="Förstärka",
        decision=paragraph.decisions.get(),
        decided_on=date(2020, 4, 15),
        report_to=place["board"],
        due_date=date(2020, 5, 13),
        deadline_text="på kommande möte",
    )
    content = client.get(paragraph.url).content.decode()
    assert "§ 80" in content and "Arbetsmarknadspolitik" in content
    assert "Arbetslösheten ökar." in content
    assert "Michael Anderberg, arbetsmarknadsenheten (AME)" in content
    assert "2020-05-13" in content
    assert assignment.status == "overdue" and "Försenat" in content


def test_motion_page_shows_movers_att_satser_status_and_one_year_date(client, place):
    motion = factories.make_motion(
        place["page"],
        place["council"],
        title="Motion om att inrätta en ny arbetsmarknadsenhet",
        background="Eksjö kommun kan förbättra sitt arbetssätt.",
        movers=[
            (
                factories.make_person(place["municipality"], "Kjell Axell", factories.make_party("S")),
                "Gruppledare, Socialnämnden",
            )
        ],
        att_satser=["att en ny arbetsmarknadsenhet inrättas i kommunen"],
    )
    content = client.get(motion.url).content.decode()
    assert "Kjell Axell (S), Gruppledare, Socialnämnden" in content
    assert "att en ny arbetsmarknadsenhet inrättas i kommunen" in content
    assert "Inlämnad" in content
    assert "2022-03-18" in content, "the Kommunallagen one-year date is shown"


def test_interpellation_page_shows_questions_with_their_answers(client, place):
    asker = factories.make_person(place["municipality"], "Sven Jansson", factories.make_party("S"))
    chair = factories.make_person(place["municipality"], "Mats Flodin", factories.make_party("M", "Moderaterna"))
    page = factories.make_interpellation(
        place["page"],
        place["council"],
        asker,
        chair,
        [("Varför har arbetet gått i stå?", "Arbetet är högst levande."), ("Finns det någon tidsplan?", "")],
        answered_by=chair,
        answered_by_role="Ordförande utbildnings- & arbetsmarknadsnämnden",
    )
    content = client.get(page.url).content.decode()
    assert "Sven Jansson (S)" in content and "Mats Flodin (M)" in content
    assert content.index("Varför har arbetet gått i stå?") < content.index("Arbetet är högst levande.")
    assert "Finns det någon tidsplan?" in content
    assert "Besvarad" in content


def test_policy_page_shows_goals_targets_and_reporting_schedule(client, place):
    page = PolicyDocumentPage(
        title="Arbetsmarknadsprogram 2022 - 2024",
        slug="program",
        document_type="program",
        adopted_by=place["board"],
        case=factories.make_case(place["municipality"], "KK 2021-000274 628"),
        valid_from=date(2022, 1, 1),
        valid_until=date(2024, 12, 31),
        validity_text="2024",
        body=body(("Inledning", "Programmet ligger till grund för uppföljning.")),
    )
    page.goals = [
        PolicyGoal(
            text="Fler nya arbetstillfällen",
            indicator="Antalet arbetstillfällen, dagbefolkning",
            target="öka med minst 50 per år",
        )
    ]
    page.reporting_requirements = [
        ReportingRequirement(report_to=place["board"], rule_text="två gånger per år", times_per_year=2)
    ]
    factories.publish(place["page"], page)
    content = client.get(page.url).content.decode()
    assert "KK 2021-000274 628" in content
    assert "Antalet arbetstillfällen, dagbefolkning" in content and "öka med minst 50 per år" in content
    assert "två gånger per år" in content
    for due in ["2022-06-30", "2022-12-31", "2023-06-30", "2023-12-31", "2024-06-30", "2024-12-31"]:
        assert due in content
    assert "Programmet ligger till grund för uppföljning." in content


def test_news_page_shows_lead_and_sections(client, place):
    page = NewsPage(
        title="Tydlighet och fler jobb",
        slug="nyhet",
        date=date(2016, 7, 13),
        lead="En ny arbetsmarknadsstrategi antogs.",
        body=body(("Ska koncentrera", "En ny organisation ska upprättas.")),
    )
    factories.publish(place["page"], page)
    content = client.get(page.url).content.decode()
    assert "En ny arbetsmarknadsstrategi antogs." in content
    assert "Ska koncentrera" in content and "En ny organisation ska upprättas." in content


def test_confidential_paragraphs_are_not_listed_on_the_minutes_page(client, place):
    minutes = factories.make_minutes(place["page"], place["board"])
    factories.make_paragraph(minutes, 1, "Öppet ärende")
    factories.make_paragraph(minutes, 2, "Personalärende", is_confidential=True, secrecy_provision="OSL 39 kap. 3 §")
    content = client.get(minutes.url).content.decode()
    assert "Öppet ärende" in content
    assert "Personalärende" not in content


def test_municipality_page_groups_documents_and_shows_assignments(client, place):
    minutes = factories.make_minutes(place["page"], place["board"], date(2020, 4, 15))
    Assignment.objects.create(
        municipality=place["municipality"],
        title="Ta fram en plan",
        task="Plan",
        decided_on=date(2020, 4, 15),
        due_date=date(2020, 5, 31),
    )
    content = client.get(place["page"].url).content.decode()
    assert minutes.title in content
    assert "Ta fram en plan" in content and "Försenat" in content
