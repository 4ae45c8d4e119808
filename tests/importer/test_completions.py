"""Ends of earlier assignments: a decided sentence in, a completion event out, and the link."""

from datetime import date

import pytest

from governance.importer.completions import Candidate, best_link, completion_in, parse_reference


def test_forklaras_fullgjort_completes_the_named_assignment():
    event = completion_in(
        "Kommunfullmäktiges uppdrag 2021-11-25 § 23 till kommunstyrelsen att utreda taxan förklaras fullgjort."
    )
    assert event.kind == "complete"
    assert (event.reference.organ, event.reference.decided_on, event.reference.paragraph) == (
        "Kommunfullmäktige",
        date(2021, 11, 25),
        23,
    )
    assert event.reference.task == "utreda taxan"


def test_an_abbreviated_organ_and_a_point_are_read():
    reference = parse_reference("Uppdraget enligt KS 2022-03-01 § 45 p. 3 anses slutfört.")
    assert (reference.organ, reference.decided_on, reference.paragraph, reference.point) == (
        "KS",
        date(2022, 3, 1),
        45,
        3,
    )


def test_anses_avslutat_with_a_written_date_completes():
    event = completion_in("Uppdraget från den 19 november 2025, § 70 anses därmed avslutat.")
    assert (event.kind, event.reference.decided_on, event.reference.paragraph) == ("complete", date(2025, 11, 19), 70)


def test_an_approved_report_in_a_paragraph_about_an_assignment_is_a_report():
    event = completion_in("Redovisningen godkänns.", title="Redovisning av uppdrag att utreda fritidsgårdar")
    assert event.kind == "report"
    assert event.reference.task == "utreda fritidsgårdar"
    assert completion_in("Återrapporteringen läggs till handlingarna.", title="Återrapportering LSS").kind == "report"


def test_routine_reports_and_refusals_are_no_completion():
    assert completion_in("Redovisningen godkänns.", title="Redovisning av delegationsbeslut") is None
    assert completion_in("Redovisningen godkänns.", title="Information om budgetläget") is None
    assert completion_in("Uppdraget förklaras inte fullgjort.") is None
    assert completion_in("Yrkandet att förklara kommunfullmäktiges uppdrag 2022-11-24 § 15 slutfört avslås.") is None


def test_the_link_needs_the_stated_date_and_paragraph_and_prefers_the_matching_task():
    event = completion_in("Kommunstyrelsens uppdrag 2024-01-10 § 28 att utreda parkeringen förklaras fullgjort.")
    candidates = [
        Candidate(
            key="other-day", decided_on=date(2024, 1, 11), paragraph=28, case_number="", task="Utreda parkeringen."
        ),
        Candidate(key="wrong-task", decided_on=date(2024, 1, 10), paragraph=28, case_number="", task="Bygga en skola."),
        Candidate(key="right", decided_on=date(2024, 1, 10), paragraph=28, case_number="", task="Utreda parkeringen."),
    ]
    assert best_link(event, candidates).key == "right"
    assert best_link(event, candidates[:1]) is None


def test_without_a_date_the_diarienummer_and_the_title_link_a_report():
    event = completion_in("Redovisningen godkänns.", title="Redovisning av uppdrag att utreda fritidsgårdar")
    candidates = [
        Candidate(
            key="a", decided_on=date(2023, 5, 1), paragraph=4, case_number="2023/12", task="Utreda fritidsgårdar."
        ),
        Candidate(key="b", decided_on=date(2023, 5, 1), paragraph=5, case_number="2023/99", task="Bygga en skola."),
    ]
    assert best_link(event, candidates, case_number="2023/12").key == "a"
    assert best_link(event, candidates[1:], case_number="2023/12") is None


LATER_MINUTES = """Testkommun kommun
Kommunstyrelsen
Protokoll
Sammanträdesdatum 2024-09-04

§ 80 Dnr KS 2024/17

Redovisning av uppdrag att ta fram en handlingsplan för feriearbete
Beslut

1. Redovisningen godkänns.
2. Kommunstyrelsens uppdrag 2024-03-06 § 12 till kommundirektören att ta fram en handlingsplan för feriearbete förklaras fullgjort.
"""


@pytest.mark.django_db
def test_a_later_protokoll_that_declares_the_assignment_fulfilled_marks_it_done(home_page, tmp_path):
    from governance.models import Assignment
    from tests.importer.test_import_command import MINUTES, run

    first, later = tmp_path / "ks-2024-03-06.txt", tmp_path / "ks-2024-09-04.txt"
    first.write_text(MINUTES, encoding="utf-8")
    later.write_text(LATER_MINUTES, encoding="utf-8")
    assert run(first)[2] is None
    assert run(later)[2] is None
    assignment = Assignment.objects.get()
    assert assignment.completed_on == date(2024, 9, 4)
    assert assignment.status == Assignment.Status.DONE
    assert [note.text[:15] for note in assignment.notes.all()] == ["Återrapporterat"]


def test_taking_note_of_the_report_on_an_assignment_is_a_report():
    event = completion_in("Nämnden tar del av återrapporteringen.", title="Återrapportering av uppdrag om hemtjänst")
    assert event.kind == "report"


def test_a_withdrawn_assignment_is_a_withdrawal_not_a_completion():
    event = completion_in("Kommunfullmäktiges uppdrag 2022-05-19 § 16 till kulturnämnden att bygga en scen återkallas.")
    assert (event.kind, event.reference.paragraph) == ("withdraw", 16)


def test_a_diarienummer_with_letters_and_hyphens_is_read():
    assert parse_reference("Uppdraget (dnr SLK-2024-01228) förklaras fullgjort.").case_number == "SLK-2024-01228"
    assert parse_reference("Uppdraget, Dnr KS 2021/123, anses slutfört.").case_number == "KS 2021/123"


def test_a_paragraph_titled_after_the_assignment_makes_an_approved_report_a_report():
    event = completion_in("Redovisningen godkänns.", title="Uppdrag: Översyn resursfördelningsmodell")
    assert event.kind == "report"
