"""Beslutsunderlag: parser rules (sentence in, structure out) and how the writer links an
answer to the motion or interpellation it answers."""

from datetime import date

import pytest
from django.contrib.auth.models import AnonymousUser
from django.urls import reverse

from governance.importer.importing import store, trial_write
from governance.importer.pipeline import Overrides, parse_text
from governance.importer.statement_links import overlap, subject_words
from governance.importer.statements import answered, find_title, parse_statement, proposal, statement_type
from governance.models import MotionPage, StatementPage
from governance.roles import SECRETARIES, ensure_role_groups
from governance.visibility import can_view_page, is_public
from tests import factories
from tests.importer.test_import_screen import only_batch, post_files, upload

ANSWER = """Eksjö kommun
Datum: 2026-05-11 Kommunstyrelsen
Handläggare: Eva Ek
Diarienr: {case}
Svar på motion om {subject} - Anna Berg (S) med flera
Ärendebeskrivning
Anna Berg (S) har lämnat en motion.
Förslag till beslut
Förslag till beslut i kommunfullmäktige
Motionen anses besvarad.
Beslutet ska skickas till
Kommunfullmäktige
Eva Ek
Utredare
"""

MOTION = """Eksjö kommun
Motion om {title}
Kommunfullmäktige 2025-09-24
Bakgrund
Det behövs.
Vi yrkar:
att kommunen utreder saken.
Anna Berg (S)
"""


# Parser rules -----------------------------------------------------------------------


def test_the_title_runs_over_broken_lines_until_the_first_section():
    lines = [
        "Datum: 2026-05-11 Kommunstyrelsen",
        "Diarienr: 2025.446 KS",
        "Motionssvar - Motion gällande att införa laddstationer för ",
        "Alingsås cyklister",
        "Ärendebeskrivning",
    ]
    assert find_title(lines) == ("Motionssvar - Motion gällande att införa laddstationer för Alingsås cyklister", None)


def test_a_line_starting_with_till_continues_the_title():
    lines = ["Svar på motion om ”Fler bostäder ", "till unga i centrum”", "Ärendebeskrivning"]
    assert find_title(lines)[0] == "Svar på motion om ”Fler bostäder till unga i centrum”"


def test_a_diarienummer_closing_the_title_is_the_case_and_not_the_title():
    assert find_title(["Intern kontrollplan 2025, BUN 2025/45", "", "Förslag till beslut"]) == (
        "Intern kontrollplan 2025",
        "BUN 2025/45",
    )


@pytest.mark.parametrize(
    ("title", "kind", "subject"),
    [
        ("Svar på motion om laddstationer", "motion", "laddstationer"),
        ("Motionssvar - Motion gällande att införa laddstationer", "motion", "att införa laddstationer"),
        ("Yttrande över motion om nattvandring", "motion", "nattvandring"),
        ("Svar på medborgarförslag om en hundrastgård", "citizen_proposal", "en hundrastgård"),
        ("Svar på interpellation om skolskjutsar", "interpellation", "skolskjutsar"),
        ("Motion från Anna Berg (S) om belysning i parken", "motion", "belysning i parken"),
        ("Svar på motion gällande fler cykelvägar – Irene Jonsson (S) med flera", "motion", "fler cykelvägar"),
    ],
)
def test_what_is_answered_is_read_from_the_title(title, kind, subject):
    assert answered(title) == {"kind": kind, "subject": subject}


def test_a_title_that_answers_nothing_gives_no_answered_matter():
    assert answered("Budgetskrivelse för investeringar 2027-2031") is None
    assert answered("Intern kontrollplan 2025") is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Budgetskrivelse för investeringar\n", "budget"),
        ("Svar på motion om laddstationer\n", "answer"),
        ("Yttrande över detaljplan för Nolhaga\n", "opinion"),
        ("Intern kontrollplan 2025\nFörslag till beslut\nNämnden beslutar\n", "proposal"),
        ("Tjänsteskrivelse\nUppföljning av ekonomin\nÄrendebeskrivning\n", "memo"),
    ],
)
def test_the_kind_of_underlag_is_what_it_calls_itself(text, expected):
    assert statement_type(text, find_title(text.split("\n"))[0]) == expected


def test_the_proposal_keeps_its_points_and_leaves_out_the_signature():
    text = """Förslag till beslut
Barn- och utbildningsnämnden beslutar
1. Anta ny intern kontrollplan för perioden 2025.
2. Uppdra åt förvaltningschefen att
rapportera utfallet.
Jerker Gustafsson Cecilia Knutsson
Kanslichef Kommunjurist
"""
    text_out, points = proposal(text)
    assert points == [
        "Anta ny intern kontrollplan för perioden 2025.",
        "Uppdra åt förvaltningschefen att rapportera utfallet.",
    ]
    assert "Gustafsson" not in text_out
    assert text_out.startswith("Barn- och utbildningsnämnden beslutar")


def test_the_proposal_ends_where_the_distribution_list_begins():
    _text, points = proposal("Förslag till beslut\nMotionen avslås.\nBeslutet ska skickas till\nKommunfullmäktige.\n")
    assert points == ["Motionen avslås."]


def test_head_fields_are_read_from_their_labels():
    record = parse_statement(ANSWER.format(case="2025.446 KS", subject="laddstationer"))
    assert record["municipality"] == "Eksjö"
    assert record["organization"] == "Kommunstyrelsen"
    assert record["date"] == date(2026, 5, 11)
    assert record["case_number"] == "2025.446 KS"
    assert record["handler"] == "Eva Ek"
    assert record["statement_type"] == "answer"
    assert record["answers"] == {"kind": "motion", "subject": "laddstationer"}


def test_the_answered_matters_diarienummer_beside_its_paragraph_is_kept_apart():
    text = "Dokumenttyp: Motionssvar KF § 228 2025.493 KS\nUpprättad: 2026-01-28\nDiarie nr 2026.015 AB\nSvar på motion om vindar\n"
    record = parse_statement(text)
    assert record["answers_case_number"] == "2025.493 KS"
    assert record["case_number"] == "2026.015 AB"
    assert record["date"] == date(2026, 1, 28)


def test_the_organ_is_the_one_that_decides_when_no_label_names_it():
    record = parse_statement(
        "Intern kontrollplan 2025\n\nFörslag till beslut\n\nSocialnämnden beslutar\n\n1. Anta planen.\n"
    )
    assert record["organization"] == "Socialnämnden"


def test_subject_words_meet_across_inflections_and_ignore_the_kind_words():
    assert subject_words("Svar på motion om laddstationer") == subject_words("Motion om laddstationerna")
    assert overlap(subject_words("laddstationer"), subject_words("Motion om laddstationer vid skolor")) == 1.0
    assert overlap(subject_words("fler parkbänkar"), subject_words("Motion om laddstationer vid skolor")) == 0.0


def test_verb_forms_and_plurals_meet_but_the_municipalitys_name_says_nothing():
    assert subject_words("att utreda och stärka insatserna") == subject_words("Utred och stärk insatserna")
    assert (
        overlap(subject_words("cykelvägar i Eksjö", "Eksjö"), subject_words("Motion om parker i Eksjö", "Eksjö")) == 0
    )


# Writer: linking the answer --------------------------------------------------------------


def _import(home_page, text, name="dokument.txt", overrides=None):
    parsed = parse_text(text, name, overrides)
    assert parsed.ok, parsed.errors
    result = store(parsed, home_page)
    assert result is not None, parsed.errors
    return parsed, result.page


def _motion(home_page, title, case_number=None):
    _parsed, motion = _import(home_page, MOTION.format(title=title), f"motion-{title[:20]}.txt")
    if case_number:
        from governance.models import Case

        motion.case, _ = Case.objects.get_or_create(municipality=motion.municipality, case_number=case_number)
        motion.save_revision().publish()
    return motion


@pytest.mark.django_db
def test_an_answer_imported_after_its_motion_links_to_it_by_diarienummer(home_page):
    motion = _motion(home_page, "belysning i Stadsparken", case_number="2025.446 KS")
    _motion(home_page, "laddstationer för cyklister")
    _parsed, statement = _import(home_page, ANSWER.format(case="2025.446 KS", subject="något helt annat"))
    statement.refresh_from_db()
    assert isinstance(statement, StatementPage)
    assert statement.answers_id == motion.pk


@pytest.mark.django_db
def test_an_answer_links_by_title_when_no_case_is_shared(home_page):
    _motion(home_page, "belysning i Stadsparken")
    motion = _motion(home_page, "laddstationer för cyklister vid stationen")
    parsed, statement = _import(home_page, ANSWER.format(case="2026.001 KS", subject="laddstationer för cyklister"))
    assert StatementPage.objects.get(pk=statement.pk).answers_id == motion.pk
    assert parsed.warnings == []


@pytest.mark.django_db
def test_an_ambiguous_title_links_nothing_and_the_dry_run_says_why(home_page):
    _motion(home_page, "laddstationer vid skolor")
    _motion(home_page, "laddstationer vid förskolor")
    parsed = parse_text(ANSWER.format(case="2026.001 KS", subject="laddstationer"), "svar.txt")
    trial_write(parsed, home_page)
    assert parsed.ok
    assert any("passar lika bra på flera" in warning for warning in parsed.warnings)
    assert not StatementPage.objects.exists()  # the dry run stored nothing

    _parsed, statement = _import(home_page, ANSWER.format(case="2026.001 KS", subject="laddstationer"))
    assert StatementPage.objects.get(pk=statement.pk).answers_id is None


@pytest.mark.django_db
def test_an_answer_to_an_unknown_motion_is_stored_unlinked_with_a_warning(home_page):
    parsed, statement = _import(home_page, ANSWER.format(case="2026.001 KS", subject="nattvandring"))
    assert statement.answers_id is None
    assert statement.answered_subject == "nattvandring"
    assert any("nattvandring" in warning for warning in parsed.warnings)


def test_an_underlag_without_a_municipality_is_refused_with_the_reason_in_swedish():
    text = ANSWER.format(case="2025.446 KS", subject="laddstationer").replace("Eksjö kommun\n", "")
    parsed = parse_text(text, "svar.txt")
    assert parsed.kind == "statement"
    assert parsed.errors == ["ingen kommun hittades i texten: ange --municipality."]
    fixed = parse_text(text, "svar.txt", Overrides(municipality="Eksjö"))
    assert fixed.ok


@pytest.mark.django_db
def test_the_motion_page_shows_its_answer_and_the_answer_links_back(home_page, client):
    motion = _motion(home_page, "laddstationer för cyklister")
    _parsed, statement = _import(home_page, ANSWER.format(case="2026.001 KS", subject="laddstationer för cyklister"))
    motion_html = client.get(motion.url).content.decode()
    assert "Svar och beredning" in motion_html
    assert f'href="{statement.url}"' in motion_html
    statement_html = client.get(statement.url).content.decode()
    assert f'href="{motion.url}"' in statement_html
    assert "Motionen anses besvarad." in statement_html


@pytest.mark.django_db
def test_the_public_never_sees_a_confidential_underlag(home_page, client, django_user_model):
    motion = _motion(home_page, "laddstationer för cyklister")
    _parsed, statement = _import(home_page, ANSWER.format(case="2026.001 KS", subject="laddstationer för cyklister"))
    statement = StatementPage.objects.get(pk=statement.pk)
    statement.is_confidential = True
    statement.secrecy_provision = "OSL 26 kap. 1 §"
    statement.save_revision().publish()

    assert not is_public(statement)
    assert not can_view_page(AnonymousUser(), statement)
    assert client.get(statement.url).status_code == 404
    assert statement.title not in client.get(motion.url).content.decode()
    admin = django_user_model.objects.create_superuser("admin", "a@example.se", "x")
    assert can_view_page(admin, statement)
    client.force_login(admin)
    assert statement.title in client.get(MotionPage.objects.get(pk=motion.pk).url).content.decode()


@pytest.mark.django_db
def test_the_case_page_lists_the_underlag_on_its_diarienummer(home_page, client):
    _parsed, statement = _import(home_page, ANSWER.format(case="2026.001 KS", subject="laddstationer"))
    response = client.get(f"/arende/{statement.case_id}/")
    assert response.status_code == 200
    assert statement.title in response.content.decode()


@pytest.mark.django_db
def test_a_secretary_can_open_the_underlag_in_the_admin(home_page, client, django_user_model):
    _parsed, statement = _import(home_page, ANSWER.format(case="2026.001 KS", subject="laddstationer"))
    client.force_login(django_user_model.objects.create_superuser("admin", "a@example.se", "x"))
    assert client.get(f"/admin/pages/{statement.pk}/edit/").status_code == 200
    parent = statement.get_parent()
    assert client.get(f"/admin/pages/add/governance/statementpage/{parent.pk}/").status_code == 200


@pytest.mark.django_db
def test_an_answer_imported_before_its_motion_is_linked_when_the_motion_arrives(home_page):
    _parsed, statement = _import(home_page, ANSWER.format(case="2026.001 KS", subject="laddstationer för cyklister"))
    assert statement.answers_id is None
    motion = _motion(home_page, "laddstationer för cyklister vid stationen")
    assert StatementPage.objects.get(pk=statement.pk).answers_id == motion.pk


@pytest.mark.django_db
def test_an_answer_to_an_interpellation_links_to_the_interpellation_not_a_motion(home_page):
    _motion(home_page, "förskolans lokaler")
    _parsed, interpellation = _import(
        home_page,
        "Eksjö kommun\nInterpellation om förskolans lokaler\nStälld till: Anna Berg (S), kommunalråd\n2023-04-02\n\n"
        "Hur många barn väntar på plats?\n\nPer Ek (M)\n",
        "interpellation.txt",
    )
    text = ANSWER.format(case="2026.001 KS", subject="x").replace(
        "Svar på motion om x - Anna Berg (S) med flera", "Svar på interpellation om förskolans lokaler"
    )
    _parsed, statement = _import(home_page, text)
    assert StatementPage.objects.get(pk=statement.pk).answers_id == interpellation.pk


@pytest.fixture
def secretary(client, home_page, django_user_model):
    user = django_user_model.objects.create_user(username="sekreterare", password="x")
    user.groups.add(ensure_role_groups(home_page)[SECRETARIES])
    factories.make_scope(user, factories.make_municipality("Eksjö"), whole_municipality=True)
    client.force_login(user)
    return user


@pytest.mark.django_db
def test_the_review_screen_shows_what_the_underlag_answers_and_its_proposal(client, secretary):
    post_files(client, upload("svar.txt", ANSWER.format(case="2026.001 KS", subject="laddstationer")))
    item = only_batch().items.get()
    assert item.importable and item.result["kind"] == "statement"
    page = client.get(reverse("import_item", args=[item.batch_id, item.pk])).content.decode()
    assert "Beslutsunderlag" in page
    assert "Besvarar" in page and "Motion: laddstationer" in page
    assert "Motionen anses besvarad." in page and "Eva Ek" in page


@pytest.mark.django_db
def test_an_imported_answer_is_found_in_search_as_beslutsunderlag_under_its_subject(home_page, client, search_service):
    from search import engine
    from search.rebuild import rebuild_index

    _motion(home_page, "laddstationer för cyklister")
    _parsed, statement = _import(home_page, ANSWER.format(case="2026.001 KS", subject="laddstationer för cyklister"))
    rebuild_index(client=engine.get_client())

    payload = client.get("/api/search/", {"q": "laddstationer", "kind": "statement"}).json()
    assert [hit["title"] for hit in payload["hits"]] == [statement.title]
    html = client.get("/sok/", {"q": "laddstationer"}).content.decode()
    assert "Beslutsunderlag" in html
