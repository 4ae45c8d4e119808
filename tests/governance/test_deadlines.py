"""Deadline rules turn the Swedish phrasing of a decision into a date and an explanation."""

from datetime import date

import pytest

from governance.deadlines import due_date_for, recurring
from tests import factories


def test_next_meeting_rule_uses_the_organs_calendar(db):
    ksau = factories.make_organization(
        factories.make_municipality(),
        "Kommunstyrelsens arbetsutskott",
        "subcommittee",
        abbreviation="KSAU",
    )
    factories.make_meeting(ksau, date(2020, 4, 15))
    factories.make_meeting(ksau, date(2020, 5, 13))
    due = due_date_for("på kommande möte", date(2020, 4, 15), ksau)
    assert due.date == date(2020, 5, 13)
    assert due.explanation == "kommande möte med KSAU → 2020-05-13"


def test_next_meeting_rule_says_so_when_no_meeting_is_scheduled(db):
    ks = factories.make_organization(factories.make_municipality(), "Kommunstyrelsen", abbreviation="KS")
    due = due_date_for("Återkoppling ska ske på nästa sammanträde", date(2020, 4, 15), ks)
    assert due.date is None
    assert "inget möte är inplanerat" in due.explanation


def test_cancelled_meetings_do_not_count_as_the_next_meeting(db):
    ks = factories.make_organization(factories.make_municipality(), "Kommunstyrelsen", abbreviation="KS")
    factories.make_meeting(ks, date(2020, 5, 5), status="cancelled")
    factories.make_meeting(ks, date(2020, 5, 19))
    assert due_date_for("kommande möte", date(2020, 4, 15), ks).date == date(2020, 5, 19)


@pytest.mark.parametrize(
    ("rule", "decided_on", "expected"),
    [
        ("i maj", date(2020, 3, 2), date(2020, 5, 31)),
        ("i maj", date(2020, 6, 1), date(2021, 5, 31)),
        ("senast i slutet av november", date(2020, 10, 15), date(2020, 11, 30)),
        ("senast 2022-12-31", date(2021, 1, 1), date(2022, 12, 31)),
        ("vid årsskiftet 2020/2021", date(2020, 10, 15), date(2020, 12, 31)),
        ("inom 90 dagar", date(2016, 7, 13), date(2016, 10, 11)),
        ("inom ett år", date(2021, 3, 18), date(2022, 3, 18)),
        ("inom två månader", date(2021, 1, 31), date(2021, 3, 31)),
    ],
)
def test_written_rules_give_the_expected_due_date(rule, decided_on, expected):
    assert due_date_for(rule, decided_on).date == expected


def test_an_unknown_phrasing_is_not_guessed():
    due = due_date_for("när tiden är mogen", date(2020, 1, 1))
    assert due.date is None
    assert "kunde inte tolkas" in due.explanation


def test_two_times_a_year_over_a_three_year_program_gives_six_report_backs():
    assert recurring(2, date(2022, 1, 1), date(2024, 12, 31)) == [
        date(2022, 6, 30),
        date(2022, 12, 31),
        date(2023, 6, 30),
        date(2023, 12, 31),
        date(2024, 6, 30),
        date(2024, 12, 31),
    ]


def test_a_frequency_that_does_not_divide_the_year_is_refused():
    with pytest.raises(ValueError, match="5 gånger per år"):
        recurring(5, date(2022, 1, 1), date(2022, 12, 31))


@pytest.mark.parametrize(
    ("day", "moved_to"),
    [
        (date(2026, 11, 23), date(2026, 11, 23)),  # a Monday stays
        (date(2026, 11, 21), date(2026, 11, 23)),  # Saturday → Monday
        (date(2026, 6, 19), date(2026, 6, 22)),  # midsommarafton → Monday after midsommardagen
        (date(2026, 12, 24), date(2026, 12, 28)),  # julafton, juldagen, annandagen, Sunday → Monday
        (date(2026, 12, 31), date(2027, 1, 4)),  # nyårsafton, nyårsdagen, weekend → Monday
        (date(2026, 4, 3), date(2026, 4, 7)),  # långfredagen → tisdag after annandag påsk
    ],
)
def test_a_legal_deadline_on_a_holiday_moves_to_the_next_working_day(day, moved_to):
    from governance.deadlines import legal_deadline

    assert legal_deadline(day) == moved_to
