"""Assignment phrasings, one rule per test: a decided sentence in, the structure out."""

from governance.importer.assignments import assignment_clause, find_in_paragraph, split_assignees
from governance.importer.decision_text import decision_items


def assignments(text, title=""):
    found, _events = find_in_paragraph(text, title)
    return found


def test_subject_gets_the_assignment_with_far_i_uppdrag():
    who, task, proposed = assignment_clause("Stadsledningskontoret får i uppdrag att ta fram en plan.")
    assert (who, task, proposed) == ("Stadsledningskontoret", "ta fram en plan.", False)


def test_passive_ges_i_uppdrag_and_uppdras_name_the_assignee_first():
    assert assignment_clause("Tekniska nämnden ges i uppdrag att utreda frågan.")[0] == "Tekniska nämnden"
    assert assignment_clause("Utbildningsförvaltningen uppdras organisera verksamheten.")[:2] == (
        "Utbildningsförvaltningen",
        "organisera verksamheten.",
    )


def test_uppdrar_at_and_ge_i_uppdrag_name_the_assignee_after_the_verb():
    assert assignment_clause("Kommunstyrelsen uppdrar åt kommundirektören att ta fram en plan.")[0] == (
        "kommundirektören"
    )
    assert assignment_clause("Nämnden beslutar att ge förvaltningen i uppdrag att utreda taxan.")[:2] == (
        "förvaltningen",
        "utreda taxan.",
    )


def test_inverted_word_order_after_an_adverbial_still_finds_the_assignee():
    clause = assignment_clause("Då parkeringsplatser försvinner får förvaltningen i uppdrag att undersöka alternativ.")
    assert clause[:2] == ("förvaltningen", "undersöka alternativ.")


def test_an_actor_told_to_come_back_is_given_work():
    clause = assignment_clause("Socialförvaltningen ska återkomma till nämnden med en plan senast i maj.")
    assert clause[0] == "Socialförvaltningen"
    assert assignment_clause("Uppdraget ska redovisas i maj.") is None


def test_a_past_assignment_in_the_background_is_not_a_new_one():
    assert assignment_clause("Nämnden beslutade 2022-10-24 att ge förvaltningen i uppdrag att utreda saken.") is None


def test_assignees_split_on_och_and_commas_but_organ_names_stay_whole():
    assert split_assignees("Kommundirektören och näringslivschefen") == ["Kommundirektören", "Näringslivschefen"]
    assert split_assignees("Idrotts- och föreningsnämnden") == ["Idrotts- och föreningsnämnden"]
    assert split_assignees("Kommunstyrelsen och nämnden för demokrati och medborgarservice") == [
        "Kommunstyrelsen",
        "Nämnden för demokrati och medborgarservice",
    ]
    assert split_assignees("utbildningsnämnden samt äldre samt vård- och omsorgsnämnden") == [
        "Utbildningsnämnden",
        "Äldre samt vård- och omsorgsnämnden",
    ]
    assert split_assignees("Socialnämnden Centrum, socialnämnden Hisingen") == [
        "Socialnämnden Centrum",
        "Socialnämnden Hisingen",
    ]


def test_a_numbered_list_under_one_assignee_gives_one_assignment_per_point():
    text = """§ 12 Ärendenummer KS 2024/1
Trygghet i centrum
Beslut
Stadsledningskontoret får i uppdrag att:
1. Kartlägga otrygga platser.
2. Föreslå åtgärder senast 2024-12-31.
Handlingar
Tjänsteutlåtande
"""
    found = assignments(text)
    assert [(a["assignees"], a["task"]) for a in found] == [
        (["Stadsledningskontoret"], "Kartlägga otrygga platser."),
        (["Stadsledningskontoret"], "Föreslå åtgärder senast 2024-12-31."),
    ]
    assert found[1]["deadline_text"] == "senast 2024-12-31"


def test_deadline_and_report_to_are_read_from_the_decision():
    text = (
        "Beslut\nFörvaltningen får i uppdrag att utreda taxan. Uppdraget ska återrapporteras till nämnden i maj 2025.\n"
    )
    [found] = assignments(text)
    assert found["report_to"] == "nämnden"
    assert found["deadline_text"] == "i maj 2025"
    assert "återrapporteras" in found["source"]


def test_text_outside_the_decision_gives_no_assignment():
    text = """§ 4 Dnr 2025/10
Motion om fritidsgårdar
Ärendebeskrivning
Motionären föreslår att kultur- och fritidsnämnden får i uppdrag att öppna en fritidsgård.
Yrkanden
Anna Svensson (S) yrkar att förvaltningen får i uppdrag att utreda frågan.
Beslut
Motionen avslås.
Reservation
Socialdemokraterna reserverar sig till förmån för att förvaltningen får i uppdrag att utreda frågan.
"""
    assert assignments(text) == []


def test_a_recommendation_to_the_council_is_marked_proposed():
    text = """Beslut
Enligt stadsledningskontorets förslag:
Stadsledningskontoret får i uppdrag att inarbeta kostnaden i budgeten. Kommunstyrelsen tillstyrker
förslaget och föreslår att kommunfullmäktige beslutar:
1. Stadsmiljönämnden ges i uppdrag att teckna avtal med Västtrafik.
"""
    found = assignments(text)
    assert [(a["assignees"][0], a["proposed"]) for a in found] == [
        ("Stadsledningskontoret", False),
        ("Stadsmiljönämnden", True),
    ]


def test_a_proposal_heading_inside_the_decision_turns_what_follows_into_a_proposal():
    items = decision_items(
        "Beslut\nFörslag till beslut i kommunfullmäktige\n1. Tekniska nämnden får i uppdrag att bygga.\n"
    )
    assert [item.proposed for item in items] == [True, True]


def test_att_satser_under_beslutar_are_decisions_without_a_heading():
    text = "Kommunstyrelsen beslutar\natt ge kommundirektören i uppdrag att ta fram riktlinjer,\natt anta planen.\n"
    [found] = assignments(text)
    assert found["assignees"] == ["Kommundirektören"]
    assert found["task"].startswith("Ta fram riktlinjer")


def test_a_quoted_assignment_inside_a_report_is_not_a_new_one():
    text = (
        "Beslut\nKommunstyrelsen godkänner redovisningen av uppdraget från budget 2023 att alla nämnder "
        "får i uppdrag att minska timanställningar.\n"
    )
    found, events = find_in_paragraph(text)
    assert found == []
    assert [event.kind for event in events] == ["report"]


def test_uppdraget_ska_fortsatta_continues_an_assignment():
    [found] = assignments("Beslut\nUppdraget att ta fram en handlingsplan ska fortsätta.\n")
    assert (found["kind"], found["task"]) == ("continued", "Ta fram en handlingsplan.")


def test_a_decision_on_the_heading_line_is_read():
    [found] = assignments("§ 5\nParkering\nBeslut: Förvaltningen får i uppdrag att utreda avgifterna.\n")
    assert (found["assignees"], found["task"]) == (["Förvaltningen"], "Utreda avgifterna.")


def test_a_referral_back_with_a_list_of_tasks_gives_each_task_to_the_named_organ():
    text = """Beslut
Enligt återremissyrkande från S, V och MP:
Ärendet återremitteras till exploateringsnämnden med följande uppdrag:
•
•

Utreda frågan om otillåtet statsstöd.
Ta fram en samhällsekonomisk analys av projektets nytta, med
kostnader och intäkter.
"""
    found = assignments(text)
    assert [(a["assignees"], a["task"][:26], a["proposed"]) for a in found] == [
        (["Exploateringsnämnden"], "Utreda frågan om otillåtet", False),
        (["Exploateringsnämnden"], "Ta fram en samhällsekonomi", False),
    ]


def test_a_list_under_a_shared_assignee_ends_at_a_point_that_is_no_task():
    text = """Beslut
Förvaltningen får i uppdrag att:
1. Utreda taxan.
2. Planen antas.
"""
    assert [a["task"] for a in assignments(text)] == ["Utreda taxan."]


def test_the_boards_proposal_to_the_council_under_its_own_heading_is_proposed():
    text = (
        "Beslut\nKommunstyrelsens förslag till kommunfullmäktige:\nTekniska nämnden får i uppdrag att bygga om bron.\n"
    )
    [found] = assignments(text)
    assert found["proposed"] is True


def test_a_report_rule_in_its_own_att_sats_belongs_to_the_assignment_before_it():
    text = (
        "Socialnämnden beslutar\natt ge socialchefen i uppdrag att ta fram en plan för hemtjänsten,\n"
        "att återrapportering ska ske till socialnämnden i september 2024.\n"
    )
    [found] = assignments(text)
    assert (found["assignees"], found["report_to"], found["deadline_text"]) == (
        ["Socialchefen"],
        "socialnämnden",
        "i september 2024",
    )


def test_seasons_quarters_and_reporting_cycles_are_kept_as_deadline_text():
    cases = {
        "Förvaltningen får i uppdrag att utreda taxan under hösten 2025.": "under hösten 2025",
        "Förvaltningen får i uppdrag att utreda taxan senast under första kvartalet 2026.": (
            "senast under första kvartalet 2026"
        ),
        "Förvaltningen får i uppdrag att redovisa kostnaderna i samband med delårsrapporten.": (
            "i samband med delårsrapporten"
        ),
        "Bolaget får i uppdrag att kalla till stämma senast 30 september 2025.": "senast 30 september 2025",
        "Förvaltningen får i uppdrag att utreda taxan under vintern 2025/2026.": "under vintern 2025/2026",
        "Förvaltningen får i uppdrag att följa upp taxan under andra halvåret 2026.": "under andra halvåret 2026",
        "Förvaltningen får i uppdrag att återrapportera vid halvårsskiftet.": "vid halvårsskiftet",
        "Förvaltningen får i uppdrag att ta fram en plan under år 2026.": "under år 2026",
        "Förvaltningen får i uppdrag att ta fram en plan före utgången av 2026.": "före utgången av 2026",
    }
    for sentence, deadline in cases.items():
        [found] = assignments("Beslut\n" + sentence + "\n")
        assert found["deadline_text"] == deadline, sentence


def test_permission_to_delegate_decisions_is_no_assignment():
    sentence = (
        "Kommunstyrelsen medger tills vidare att stadsdirektören i sin tur uppdrar åt annan anställd inom staden "
        "att besluta i stadsdirektörens ställe genom vidaredelegation."
    )
    assert assignment_clause(sentence) is None


def test_partners_are_not_assignees_and_a_collective_stays_one_group():
    assert split_assignees("Business Region Göteborg AB i samverkan med Göteborgsregionen och andra aktörer") == [
        "Business Region Göteborg AB"
    ]
    assert split_assignees("Samtliga nämnder och styrelser i Göteborgs Stad") == [
        "Samtliga nämnder och styrelser i Göteborgs Stad"
    ]


def test_a_working_committees_proposal_under_the_decision_heading_is_proposed():
    text = "Beslut\nArbetsutskottets förslag till beslut:\nFörvaltningen ges i uppdrag att utreda taxan.\n"
    [found] = assignments(text)
    assert (found["assignees"], found["proposed"]) == (["Förvaltningen"], True)


def test_a_referral_back_for_further_work_gives_that_work_to_the_named_office():
    clause = assignment_clause(
        "Ärendet återremitteras till förvaltningen för att utreda om tillsynen är självfinansierad."
    )
    assert clause[:2] == ("förvaltningen", "utreda om tillsynen är självfinansierad.")
    assert assignment_clause("Ärendet återremitteras till nämnden i syfte att utgöra underlag för budget.") is None


def test_a_trigger_word_broken_over_two_lines_still_gives_the_assignment():
    text = "Beslut\nKommunstyrelsen beslutar\nKommundirektören får i upp-\ndrag att ta fram en plan för feriearbete."
    assignments, _events = find_in_paragraph(text, "Feriearbete")
    assert [a["assignees"] for a in assignments] == [["Kommundirektören"]]
    assert assignments[0]["task"].startswith("Ta fram en plan")


def test_a_completion_tied_to_an_assignment_only_by_the_title_is_still_read():
    text = "Beslut\nKommunstyrelsen beslutar\nRedovisningen godkänns och läggs till handlingarna."
    _assignments, events = find_in_paragraph(text, "Redovisning av uppdrag om feriearbete")
    assert [event.kind for event in events] == ["report"]


def test_a_paragraph_without_any_assignment_words_gives_nothing():
    text = "Beslut\nKommunstyrelsen beslutar\nTaxan för bygglov fastställs enligt bilaga."
    assert find_in_paragraph(text, "Taxa för bygglov") == ([], [])


def test_a_lead_in_saying_uppdrog_at_gives_its_points_even_when_other_assignment_words_stand_outside():
    text = (
        "Ärendet\nStadsledningskontoret har lämnat en rapport om lokalerna.\n"
        "Beslut\nKommunstyrelsen uppdrog åt stadsledningskontoret att:\n"
        "1. Utreda behovet av skollokaler.\n2. Ta fram en plan för äldreboenden.\n"
        "Handlingar\nTjänsteutlåtande."
    )
    found = assignments(text, "Översyn av lokalförsörjningen")
    assert [(a["assignees"], a["task"]) for a in found] == [
        (["Stadsledningskontoret"], "Utreda behovet av skollokaler."),
        (["Stadsledningskontoret"], "Ta fram en plan för äldreboenden."),
    ]


def test_letters_case_blind_matching_reads_as_i_and_s_do_not_hide_a_phrasing_or_a_deadline():
    # "ſ" (long s) and "ı" (dotless i) are read as "s" and "i" by the phrasing patterns,
    # so the quick word tests before them must not drop such a sentence.
    clause = assignment_clause("Förvaltningen ska redovıſa resultatet senast i maj 2024.")
    assert clause is not None and clause[0] == "Förvaltningen"
    text = "Beslut\nKommunstyrelsen beslutar\nFörvaltningen ska redovisa resultatet ſenast i maj 2024."
    [found] = assignments(text, "Uppföljning")
    assert found["deadline_text"] == "ſenast i maj 2024"
