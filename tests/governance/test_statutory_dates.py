"""The statutory dates of a protokoll, checked on real calendar dates across weekends and holidays."""

from datetime import date

import pytest

from governance.statutory import adjustment_deadline, appeal_period_end, notice_deadline, protocol_dates
from tests import factories


def test_justering_is_due_fourteen_days_after_the_meeting():
    due = adjustment_deadline(date(2024, 3, 28))
    assert due.due == date(2024, 4, 11)
    assert "5 kap. 69 §" in due.law
    assert "sammanträdet 2024-03-28 + 14 dagar" in due.explanation


def test_justering_falling_on_christmas_day_moves_past_boxing_day():
    due = adjustment_deadline(date(2023, 12, 11))
    assert due.due == date(2023, 12, 27)
    assert "flyttat till nästa vardag 2023-12-27" in due.explanation


def test_justering_falling_on_midsummer_eve_moves_to_the_monday_after():
    assert adjustment_deadline(date(2024, 6, 7)).due == date(2024, 6, 24)


def test_the_notice_is_due_the_second_day_after_justering():
    assert notice_deadline(date(2025, 3, 4)).due == date(2025, 3, 6)


def test_a_notice_due_on_a_saturday_may_be_posted_on_monday():
    assert notice_deadline(date(2025, 3, 6)).due == date(2025, 3, 10)


def test_a_notice_due_on_good_friday_moves_past_easter_monday():
    assert notice_deadline(date(2024, 3, 27)).due == date(2024, 4, 2)


def test_the_appeal_period_ends_three_weeks_after_the_notice_on_the_same_weekday():
    end = appeal_period_end(date(2025, 3, 5))
    assert end.due == date(2025, 3, 26)
    assert "13 kap. 5 §" in end.law


def test_an_appeal_period_ending_on_new_years_eve_runs_until_the_second_of_january():
    assert appeal_period_end(date(2024, 12, 10)).due == date(2025, 1, 2)


def test_late_justering_is_flagged_both_when_done_late_and_when_still_missing():
    done_late = adjustment_deadline(date(2025, 3, 3), adjusted_on=date(2025, 3, 20))
    assert done_late.is_late(today=date(2025, 4, 1))
    assert done_late.state(today=date(2025, 4, 1)) == "försenad: 2025-03-20"

    missing = adjustment_deadline(date(2025, 3, 3))
    assert not missing.is_late(today=date(2025, 3, 17))
    assert missing.is_late(today=date(2025, 3, 18))


def test_a_protokoll_shows_later_dates_only_once_their_start_is_known():
    meeting_only = protocol_dates(date(2025, 3, 3), adjusted_on=None, posted_on=None)
    assert meeting_only.notice is None and meeting_only.appeal is None

    full = protocol_dates(date(2025, 3, 3), adjusted_on=date(2025, 3, 10), posted_on=date(2025, 3, 11))
    assert [item.due for item in full.all()] == [date(2025, 3, 17), date(2025, 3, 12), date(2025, 4, 1)]
    assert full.late(today=date(2025, 5, 1)) == []


def test_a_notice_posted_too_late_is_flagged_but_the_appeal_period_still_runs_from_it():
    dates = protocol_dates(date(2025, 3, 3), adjusted_on=date(2025, 3, 10), posted_on=date(2025, 3, 14))
    assert [item.label for item in dates.late(today=date(2025, 3, 20))] == ["Anslag senast"]
    assert dates.appeal.due == date(2025, 4, 4)


@pytest.fixture
def board_page(home_page):
    municipality = factories.make_municipality("Eksjö")
    return {
        "page": factories.make_municipality_page(home_page, municipality),
        "board": factories.make_organization(municipality, "Kommunstyrelsen", "executive", abbreviation="KS"),
    }


def test_the_minutes_page_shows_each_statutory_date_with_its_reason(client, board_page):
    minutes = factories.make_minutes(
        board_page["page"],
        board_page["board"],
        date(2023, 12, 11),
        adjusted_on=date(2023, 12, 18),
        posted_on=date(2023, 12, 19),
    )
    html = client.get(minutes.url).content.decode()
    assert "Justering senast" in html and "2023-12-27" in html and "Kommunallagen 5 kap. 69 §" in html
    assert "Anslag senast" in html and "2023-12-20" in html
    assert "Överklagandetiden går ut" in html and "2024-01-09" in html
    assert "flag-late" not in html


def test_the_minutes_page_flags_a_justering_that_came_too_late(client, board_page):
    minutes = factories.make_minutes(
        board_page["page"], board_page["board"], date(2025, 3, 3), adjusted_on=date(2025, 3, 20)
    )
    html = client.get(minutes.url).content.decode()
    assert '<strong class="flag-late">försenad: 2025-03-20</strong>' in html
