"""Deadline rules: from a rule as written in a decision to a date and an explanation.

Each rule is a small function returning a `DueDate`: the date (or None when it cannot
be known yet, e.g. no next meeting is scheduled) and a sentence a secretary can check
("kommande möte med KSAU → 2020-05-13"). `due_date_for` picks the rule from the
Swedish phrasing; everything date-arithmetic goes through python-dateutil.
"""

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache

import holidays
from dateutil.relativedelta import relativedelta
from dateutil.rrule import MONTHLY, rrule

SWEDISH_MONTHS = {
    "januari": 1,
    "februari": 2,
    "mars": 3,
    "april": 4,
    "maj": 5,
    "juni": 6,
    "juli": 7,
    "augusti": 8,
    "september": 9,
    "oktober": 10,
    "november": 11,
    "december": 12,
}

SWEDISH_NUMBERS = {
    "en": 1,
    "ett": 1,
    "en gång": 1,
    "två": 2,
    "tre": 3,
    "fyra": 4,
    "fem": 5,
    "sex": 6,
    "tolv": 12,
}

UNITS = {
    "dag": "days",
    "dagar": "days",
    "vecka": "weeks",
    "veckor": "weeks",
    "månad": "months",
    "månader": "months",
    "år": "years",
}


@dataclass(frozen=True)
class DueDate:
    """A computed due date and how it was reached; `date` is None when it cannot be known.

    `follow_up` marks a deadline with no date that the organ should take up at its next
    meeting ("snarast").
    """

    date: date | None
    explanation: str
    follow_up: bool = False


@lru_cache(maxsize=64)
def _swedish_holidays(year):
    """Public holidays from the `holidays` calendar, plus the three eves Lag (1930:173)
    om beräkning av lagstadgad tid treats the same way: midsommarafton (the Friday before
    midsommardagen), julafton and nyårsafton."""
    days = set(holidays.Sweden(years=year, include_sundays=False))
    midsummer_day = next(day for day in days if day.month == 6 and 20 <= day.day <= 26)
    days |= {midsummer_day - timedelta(days=1), date(year, 12, 24), date(year, 12, 31)}
    return frozenset(days)


def is_working_day(day):
    return day.weekday() < 5 and day not in _swedish_holidays(day.year)


def legal_deadline(day):
    """A statutory deadline falling on a weekend, a public holiday or one of the eves the
    law names moves to the next working day (Lag 1930:173 om beräkning av lagstadgad tid)."""
    moved = day
    while not is_working_day(moved):
        moved += timedelta(days=1)
    return moved


def end_of_month(year, month):
    return date(year, month, 1) + relativedelta(day=31)


def next_meeting(organization, after):
    """The organization's first meeting after `after`; says so when none is scheduled."""
    name = organization.abbreviation or organization.name
    meeting = organization.next_meeting_after(after)
    if meeting is None:
        return DueDate(None, f"kommande möte med {name}: inget möte är inplanerat efter {after}")
    return DueDate(meeting.date, f"kommande möte med {name} → {meeting.date}")


def in_named_month(month, decided_on):
    """ "i maj": the end of the next such month on or after the decision."""
    year = decided_on.year if month >= decided_on.month else decided_on.year + 1
    due = end_of_month(year, month)
    month_name = next(name for name, number in SWEDISH_MONTHS.items() if number == month)
    return DueDate(due, f"i {month_name} → sista dagen i månaden, {due}")


def year_end(year):
    due = date(year, 12, 31)
    return DueDate(due, f"vid årsskiftet → {due}")


def within(amount, unit, decided_on):
    """ "inom 90 dagar", "inom ett år": counted from the decision date."""
    due = decided_on + relativedelta(**{UNITS[unit]: amount})
    return DueDate(due, f"inom {amount} {unit} från {decided_on} → {due}")


def recurring(times_per_year, start, until):
    """Report-back dates for "N gånger per år": the last day of each period of the year.

    Two times a year gives 30 June and 31 December; only periods ending within
    [start, until] count, so a program valid 2022–2024 reports six times.
    """
    if times_per_year < 1 or 12 % times_per_year:
        raise ValueError(f"{times_per_year} gånger per år går inte att dela jämnt på året.")
    months = 12 // times_per_year
    period_starts = rrule(
        MONTHLY,
        interval=months,
        dtstart=datetime(start.year, 1, 1),
        until=datetime(until.year, until.month, until.day),
    )
    period_ends = (day.date() + relativedelta(months=months, days=-1) for day in period_starts)
    return [due for due in period_ends if start <= due <= until]


def _parse_number(text):
    text = text.strip().lower()
    if text.isdigit():
        return int(text)
    return SWEDISH_NUMBERS.get(text)


def due_date_for(rule_text, decided_on, report_to=None):
    """Interpret a deadline as written in a Swedish decision.

    Returns a DueDate; unknown phrasings return a None date with an explanation that
    says the rule was not understood, so nothing is silently guessed.
    """
    text = " ".join((rule_text or "").lower().split())
    if not text:
        return DueDate(None, "ingen tidsangivelse i beslutet")

    explicit = re.search(r"\b(\d{4})-(\d{2})-(\d{2})\b", text)
    if explicit:
        due = date(*map(int, explicit.groups()))
        return DueDate(due, f"angivet datum → {due}")

    if re.search(r"(kommande|nästa) (möte|sammanträde)", text):
        if report_to is None:
            return DueDate(None, "kommande möte: inget organ att återrapportera till är angivet")
        return next_meeting(report_to, decided_on)

    turn = re.search(r"årsskiftet\s+(\d{4})\s*/\s*(\d{2,4})", text)
    if turn:
        return year_end(int(turn.group(1)))
    if "årsskiftet" in text or "årets slut" in text or "utgången av året" in text:
        return year_end(decided_on.year)

    span = re.search(r"inom\s+(\w+)\s+(dagar|dag|veckor|vecka|månader|månad|år)\b", text)
    if span:
        amount = _parse_number(span.group(1))
        if amount:
            return within(amount, span.group(2), decided_on)

    for name, number in SWEDISH_MONTHS.items():
        if re.search(rf"\b(i|före|senast i|slutet av|utgången av) (slutet av )?{name}\b", text):
            return in_named_month(number, decided_on)

    return DueDate(None, f"tidsangivelsen ”{rule_text}” kunde inte tolkas; ange datum manuellt")
