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


@pytest.mark.parametrize(
    ("rule", "decided_on", "expected"),
    [
        ("Återrapportering ska ske i maj 2023", date(2022, 11, 2), date(2023, 5, 31)),
        ("Uppdraget ska redovisas i december 2022", date(2022, 1, 24), date(2022, 12, 31)),
        ("Redovisning ska ske senast i slutet av maj 2024", date(2022, 6, 1), date(2024, 5, 31)),
        ("Återrapport till kommunstyrelsen före maj", date(2022, 9, 14), date(2023, 4, 30)),
        ("Uppdraget ska redovisas före juni 2021", date(2021, 2, 1), date(2021, 5, 31)),
        ("Uppdraget ska återrapporteras senast den 30 juni 2021", date(2020, 12, 7), date(2021, 6, 30)),
        ("senast 15 mars", date(2021, 4, 1), date(2022, 3, 15)),
    ],
)
def test_written_years_days_and_before_a_month_give_the_expected_date(rule, decided_on, expected):
    due = due_date_for(rule, decided_on)
    assert due.date == expected
    assert str(expected) in due.explanation


def test_before_a_month_means_the_day_before_it_begins_and_says_so():
    due = due_date_for("före maj", date(2022, 2, 1))
    assert due.date == date(2022, 4, 30)
    assert due.explanation == "före maj 2022 → dagen innan månaden börjar, 2022-04-30"


def test_an_impossible_day_is_not_guessed():
    due = due_date_for("senast den 31 juni 2021", date(2021, 1, 1))
    assert due.date is None
    assert "finns inte" in due.explanation


def test_as_soon_as_possible_has_no_date_and_is_followed_up_at_the_next_meeting(db):
    ks = factories.make_organization(factories.make_municipality(), "Kommunstyrelsen", abbreviation="KS")
    factories.make_meeting(ks, date(2021, 3, 10))
    due = due_date_for("Kommundirektören ska snarast återkomma med en plan", date(2021, 2, 15), ks)
    assert due.date is None
    assert due.follow_up is True
    assert due.explanation == "snarast: inget datum; följs upp på nästa möte med KS (2021-03-10)"


def _council_with_meetings(*days):
    council = factories.make_organization(
        factories.make_municipality(), "Kommunfullmäktige", "council", abbreviation="KF"
    )
    for day in days:
        factories.make_meeting(council, day)
    return council


def test_an_interpellation_filed_three_days_before_a_meeting_is_put_at_the_one_after(db):
    from governance.deadlines import interpellation_answer_due

    council = _council_with_meetings(date(2020, 9, 28), date(2020, 10, 26), date(2020, 11, 23))
    due = interpellation_answer_due(date(2020, 9, 25), council, lead_days=7)
    assert due.date == date(2020, 11, 23)
    assert "ställs på KF 2020-10-26" in due.explanation
    assert due.explanation.endswith("besvaras senast på närmast följande möte → 2020-11-23")


def test_an_interpellation_filed_in_time_is_answered_at_the_following_meeting(db):
    from governance.deadlines import interpellation_answer_due

    council = _council_with_meetings(date(2020, 9, 28), date(2020, 10, 26))
    assert interpellation_answer_due(date(2020, 9, 18), council, lead_days=10).date == date(2020, 10, 26)


def test_an_arbetsordning_can_have_interpellations_answered_at_the_meeting_they_are_put(db):
    from governance.deadlines import interpellation_answer_due

    council = _council_with_meetings(date(2020, 9, 28), date(2020, 10, 26))
    due = interpellation_answer_due(date(2020, 9, 18), council, lead_days=7, answer_at_next_meeting=False)
    assert due.date == date(2020, 9, 28)


@pytest.mark.parametrize(
    ("rule", "decided_on", "expected"),
    [
        ("Återrapport ska ske senast 30 september 2025", date(2025, 2, 10), date(2025, 9, 30)),
        ("Uppdraget ska redovisas senast den 1 oktober", date(2025, 2, 10), date(2025, 10, 1)),
        ("Uppdraget ska redovisas senast den 1 oktober", date(2025, 10, 20), date(2026, 10, 1)),
        ("Uppdraget ska redovisas senast den 1 oktober", date(2025, 10, 1), date(2026, 10, 1)),
    ],
)
def test_a_full_date_in_words_without_a_year_is_the_next_such_day_after_the_decision(rule, decided_on, expected):
    due = due_date_for(rule, decided_on)
    assert due.date == expected
    assert str(expected) in due.explanation


@pytest.mark.parametrize(
    ("rule", "decided_on", "expected", "explained"),
    [
        ("Redovisning ska ske under hösten 2025", date(2025, 2, 10), date(2025, 11, 30), "september–november 2025"),
        ("Återrapportering under hösten", date(2025, 10, 15), date(2025, 11, 30), "september–november 2025"),
        ("Återrapportering under hösten", date(2025, 12, 15), date(2026, 11, 30), "september–november 2026"),
        ("Uppdraget återrapporteras våren 2026", date(2025, 9, 1), date(2026, 6, 30), "mars–juni 2026"),
        ("en första redovisning senast under våren", date(2025, 9, 1), date(2026, 6, 30), "mars–juni 2026"),
        ("under sommaren 2026", date(2025, 9, 1), date(2026, 8, 31), "juli–augusti 2026"),
        ("under vintern 2025/2026", date(2025, 3, 1), date(2026, 2, 28), "december–februari 2025/2026"),
        ("under vintern", date(2026, 1, 10), date(2026, 2, 28), "december–februari 2025/2026"),
        ("Utvärderingen redovisas under vårterminen 2026", date(2025, 9, 1), date(2026, 6, 30), "januari–juni 2026"),
        ("under höstterminen", date(2025, 9, 1), date(2025, 12, 31), "juli–december 2025"),
    ],
)
def test_a_season_or_a_term_is_its_last_day_and_says_which_months_it_counts(rule, decided_on, expected, explained):
    due = due_date_for(rule, decided_on)
    assert due.date == expected
    assert explained in due.explanation
    assert f"sista dagen är {expected}" in due.explanation


@pytest.mark.parametrize(
    ("rule", "decided_on", "expected"),
    [
        ("Återrapport under första kvartalet 2026", date(2025, 9, 1), date(2026, 3, 31)),
        ("Rapporten lämnas senast under andra kvartalet", date(2025, 9, 1), date(2026, 6, 30)),
        ("Rapporten lämnas under 3:e kvartalet", date(2025, 8, 1), date(2025, 9, 30)),
        ("senast kvartal 4 2026", date(2025, 9, 1), date(2026, 12, 31)),
        ("under andra tertialet 2026", date(2025, 9, 1), date(2026, 8, 31)),
        ("under första halvåret 2026", date(2025, 9, 1), date(2026, 6, 30)),
        ("under andra halvåret", date(2025, 9, 1), date(2025, 12, 31)),
    ],
)
def test_a_part_of_the_year_is_its_last_day(rule, decided_on, expected):
    due = due_date_for(rule, decided_on)
    assert due.date == expected
    assert f"sista dagen är {expected}" in due.explanation


@pytest.mark.parametrize(
    ("rule", "decided_on", "expected"),
    [
        ("Planen ska tas fram under 2025", date(2024, 9, 1), date(2025, 12, 31)),
        ("Uppdraget genomförs under år 2025", date(2024, 9, 1), date(2025, 12, 31)),
        ("Resultatet redovisas senast under 2026", date(2024, 9, 1), date(2026, 12, 31)),
        ("Resultatet redovisas senast 2026", date(2024, 9, 1), date(2026, 12, 31)),
        ("före utgången av 2026", date(2024, 9, 1), date(2026, 12, 31)),
        ("i slutet av år 2025", date(2025, 1, 20), date(2025, 12, 31)),
        ("under året", date(2025, 9, 1), date(2025, 12, 31)),
        ("under nästa år", date(2025, 9, 1), date(2026, 12, 31)),
    ],
)
def test_a_whole_year_is_its_last_day(rule, decided_on, expected):
    due = due_date_for(rule, decided_on)
    assert due.date == expected
    assert f"årets sista dag, {expected}" in due.explanation


@pytest.mark.parametrize(
    ("rule", "decided_on", "expected", "explained"),
    [
        ("Återrapport vid årsskiftet", date(2024, 9, 1), date(2024, 12, 31), "vid årsskiftet"),
        ("Återrapport vid halvårsskiftet", date(2024, 3, 1), date(2024, 6, 30), "första halvåret"),
        ("Återrapport vid halvårsskiftet", date(2024, 9, 1), date(2025, 6, 30), "första halvåret"),
        ("Återrapport vid halvårsskiftet 2026", date(2024, 3, 1), date(2026, 6, 30), "första halvåret"),
        ("Förslaget tas fram till sommaren", date(2024, 9, 1), date(2025, 6, 30), "dagen innan sommaren"),
        ("Förslaget tas fram före sommaren 2025", date(2024, 3, 1), date(2025, 6, 30), "dagen innan sommaren"),
        ("klart till hösten", date(2024, 3, 1), date(2024, 8, 31), "dagen innan hösten"),
    ],
)
def test_turns_of_the_year_and_before_a_season_give_the_day_before_it(rule, decided_on, expected, explained):
    due = due_date_for(rule, decided_on)
    assert due.date == expected
    assert explained in due.explanation
    assert str(expected) in due.explanation


def test_a_written_season_year_wins_over_the_decision_year():
    """Like "i december 2022", the year in the text is kept even when it lies before the decision."""
    assert due_date_for("under hösten 2025", date(2026, 2, 1)).date == date(2025, 11, 30)


@pytest.mark.parametrize("rule", ["efter sommaren", "under kvartalet", "i början av hösten"])
def test_a_period_without_an_end_that_can_be_named_is_not_guessed(rule):
    due = due_date_for(rule, date(2025, 3, 1))
    assert due.date is None
    assert "kunde inte tolkas" in due.explanation
