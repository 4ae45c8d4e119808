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


def _month_name(month):
    return next(name for name, number in SWEDISH_MONTHS.items() if number == month)


def in_named_month(month, decided_on, year=None):
    """ "i maj": the end of the next such month on or after the decision; "i maj 2023":
    the end of May 2023, whatever year the decision was made (the written year wins)."""
    if year is None:
        year = decided_on.year if month >= decided_on.month else decided_on.year + 1
    due = end_of_month(year, month)
    written = f"i {_month_name(month)}" + (f" {year}" if year else "")
    return DueDate(due, f"{written} → sista dagen i månaden, {due}")


def before_month(month, decided_on, year=None):
    """ "före maj": the last day before May begins (30 April), so the work is in hand when
    the month starts; without a year, the next May on or after the decision."""
    if year is None:
        year = decided_on.year if month > decided_on.month else decided_on.year + 1
    due = date(year, month, 1) - timedelta(days=1)
    return DueDate(due, f"före {_month_name(month)} {year} → dagen innan månaden börjar, {due}")


def on_day(day, month, decided_on, year=None):
    """ "senast den 30 juni 2021": that day; without a year ("senast den 1 oktober"), its next
    occurrence after the decision: a decision does not set a deadline on the day it is made."""
    if year is None:
        year = decided_on.year if (month, day) > (decided_on.month, decided_on.day) else decided_on.year + 1
    try:
        due = date(year, month, day)
    except ValueError:
        return DueDate(None, f"den {day} {_month_name(month)} {year} finns inte; ange datum manuellt")
    return DueDate(due, f"den {day} {_month_name(month)} {year} → {due}")


def as_soon_as_possible(report_to=None, decided_on=None):
    """ "snarast": no date can be computed. The assignment is flagged so the organ takes it
    up at its next meeting, which is named when the calendar knows it."""
    if report_to is not None and decided_on is not None:
        meeting = report_to.next_meeting_after(decided_on)
        if meeting is not None:
            name = report_to.abbreviation or report_to.name
            return DueDate(
                None, f"snarast: inget datum; följs upp på nästa möte med {name} ({meeting.date})", follow_up=True
            )
    return DueDate(None, "snarast: inget datum; följs upp på organets nästa möte", follow_up=True)


def interpellation_answer_due(filed_on, council, lead_days=7, answer_at_next_meeting=True):
    """When an interpellation must be answered, by the arbetsordning's rule.

    It is handed in at least `lead_days` before the council meeting at which it is put
    (ställd): the first meeting on or after `filed_on + lead_days`. It "bör besvaras senast
    under det sammanträde som följer närmast efter det då interpellationen ställdes": the
    next meeting after that one (or, where the arbetsordning says so, the same meeting).
    """
    name = council.abbreviation or council.name
    put_at = council.next_meeting_after(filed_on + timedelta(days=lead_days - 1))
    if put_at is None:
        return DueDate(None, f"inget möte med {name} är inplanerat minst {lead_days} dagar efter {filed_on}")
    put = f"inlämnad {filed_on}, minst {lead_days} dagar före mötet → ställs på {name} {put_at.date}"
    if not answer_at_next_meeting:
        return DueDate(put_at.date, f"{put}; besvaras på samma möte → {put_at.date}")
    answer_at = council.next_meeting_after(put_at.date)
    if answer_at is None:
        return DueDate(None, f"{put}; inget följande möte är inplanerat")
    return DueDate(answer_at.date, f"{put}; besvaras senast på närmast följande möte → {answer_at.date}")


@dataclass(frozen=True)
class Period:
    """A named part of the year, from the first day of `first_month` to the last day of
    `last_month`; a period whose last month comes before its first (winter) ends the year
    after it begins. `months` is how the explanation names its span."""

    name: str
    first_month: int
    last_month: int
    months: str

    def end(self, start_year):
        return end_of_month(start_year + (self.last_month < self.first_month), self.last_month)

    def start(self, start_year):
        return date(start_year, self.first_month, 1)


# Seasons as the municipal year uses them: spring runs until the summer break (so "våren"
# ends 30 June, when the last meetings before the summer are held), summer is July–August,
# autumn September–November and winter December–February. Each is read as its last day.
SEASONS = {
    "våren": Period("våren", 3, 6, "mars–juni"),
    "sommaren": Period("sommaren", 7, 8, "juli–augusti"),
    "hösten": Period("hösten", 9, 11, "september–november"),
    "vintern": Period("vintern", 12, 2, "december–februari"),
    "vårterminen": Period("vårterminen", 1, 6, "januari–juni"),
    "höstterminen": Period("höstterminen", 7, 12, "juli–december"),
}

ORDINALS = {"första": 1, "1:a": 1, "andra": 2, "2:a": 2, "tredje": 3, "3:e": 3, "fjärde": 4, "4:e": 4}

# Parts of the year by how many of them there are in it: kvartal (4), tertial (3), halvår (2).
PARTS_OF_YEAR = {"kvartalet": 4, "tertialet": 3, "halvåret": 2}


def part_of_year(ordinal, parts):
    """The `ordinal`th of `parts` equal parts of the year, e.g. the second tertial: May–August."""
    length = 12 // parts
    first = (ordinal - 1) * length + 1
    last = first + length - 1
    noun = {4: "kvartalet", 3: "tertialet", 2: "halvåret"}[parts]
    name = f"{_ordinal_name(ordinal)} {noun}"
    return Period(name, first, last, f"{_month_name(first)}–{_month_name(last)}")


def _ordinal_name(number):
    return next(name for name, value in ORDINALS.items() if value == number)


def _period_start_year(period, decided_on, year):
    """The written year, or else the period that has not ended when the decision is made
    (the one in progress, or the next)."""
    if year is not None:
        return year
    start_year = decided_on.year - 1
    while period.end(start_year) < decided_on:
        start_year += 1
    return start_year


def during_period(period, decided_on, year=None, written=None):
    """ "under hösten 2025", "under första kvartalet 2026": the last day of the period, the
    latest day the words can mean, so nothing is reported late that the decision allowed."""
    start_year = _period_start_year(period, decided_on, year)
    due = period.end(start_year)
    span = f"{start_year}/{start_year + 1}" if period.last_month < period.first_month else f"{start_year}"
    written = written or f"under {period.name}"
    return DueDate(due, f"{written} → {period.months} {span}; sista dagen är {due}")


def before_period(period, decided_on, year=None, written=None):
    """ "till sommaren", "före hösten 2025": the day before the period begins; without a
    year, the next time it begins after the decision."""
    if year is None:
        year = decided_on.year if period.start(decided_on.year) > decided_on else decided_on.year + 1
    due = period.start(year) - timedelta(days=1)
    written = written or f"till {period.name}"
    return DueDate(due, f"{written} → dagen innan {period.name} ({period.months}) börjar, {due}")


def during_year(year, written):
    """ "under 2025", "under år 2025", "under nästa år": the last day of that year."""
    due = date(year, 12, 31)
    return DueDate(due, f"{written} → årets sista dag, {due}")


def half_year_turn(decided_on, year=None):
    """ "vid halvårsskiftet": 30 June, of the written year or else the next one after the decision."""
    if year is None:
        year = decided_on.year if date(decided_on.year, 6, 30) > decided_on else decided_on.year + 1
    due = date(year, 6, 30)
    return DueDate(due, f"vid halvårsskiftet → sista dagen i första halvåret, {due}")


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
        try:
            due = date(*map(int, explicit.groups()))
        except ValueError:
            return DueDate(None, f"datumet {explicit.group(0)} finns inte; ange datum manuellt")
        return DueDate(due, f"angivet datum → {due}")

    if re.search(r"\b(snarast|omgående|så snart som möjligt|skyndsamt)\b", text):
        return as_soon_as_possible(report_to, decided_on)

    months = "|".join(SWEDISH_MONTHS)
    day_month = re.search(rf"\b(?:den\s+)?(\d{{1,2}})\s+({months})(?:\s+(\d{{4}}))?\b", text)
    if day_month:
        year = int(day_month.group(3)) if day_month.group(3) else None
        return on_day(int(day_month.group(1)), SWEDISH_MONTHS[day_month.group(2)], decided_on, year)

    before = re.search(rf"\bföre\s+({months})(?:\s+(\d{{4}}))?\b", text)
    if before:
        year = int(before.group(2)) if before.group(2) else None
        return before_month(SWEDISH_MONTHS[before.group(1)], decided_on, year)

    if re.search(r"(kommande|nästa) (möte|sammanträde)", text):
        if report_to is None:
            return DueDate(None, "kommande möte: inget organ att återrapportera till är angivet")
        return next_meeting(report_to, decided_on)

    half_turn = re.search(r"halvårsskiftet(?:\s+(\d{4}))?", text)
    if half_turn:
        return half_year_turn(decided_on, int(half_turn.group(1)) if half_turn.group(1) else None)

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
        named = re.search(
            rf"\b(i|före|senast i|slutet av|utgången av) (slutet av |utgången av )?{name}(?:\s+(\d{{4}}))?\b", text
        )
        if named:
            return in_named_month(number, decided_on, int(named.group(3)) if named.group(3) else None)

    period = _period_rule(text, decided_on)
    if period is not None:
        return period

    return DueDate(None, f"tidsangivelsen ”{rule_text}” kunde inte tolkas; ange datum manuellt")


def _period_rule(text, decided_on):
    """Seasons, terms, parts of the year and whole years; None when the text names none."""
    year_pattern = r"(?:\s+(?:år\s+)?(\d{4})(?:\s*/\s*\d{2,4})?)?\b"
    lead = r"(?:(?:senast\s+)?(?:under|i)\s+)?"
    seasons = "|".join(SEASONS)
    before = re.search(rf"\b(?:till|före|innan)\s+({seasons}){year_pattern}", text)
    if before:
        year = int(before.group(2)) if before.group(2) else None
        return before_period(SEASONS[before.group(1)], decided_on, year, written=before.group(0))
    season = re.search(rf"\b(?:(?:senast\s+)?(?:under|i)\s+({seasons}){year_pattern}|({seasons})\s+(\d{{4}})\b)", text)
    if season:
        name = season.group(1) or season.group(3)
        written_year = season.group(2) or season.group(4)
        year = int(written_year) if written_year else None
        return during_period(SEASONS[name], decided_on, year, written=season.group(0))
    ordinals = "|".join(re.escape(name) for name in ORDINALS)
    parts = "|".join(PARTS_OF_YEAR)
    part = re.search(rf"{lead}\b({ordinals})\s+({parts}){year_pattern}", text) or re.search(
        rf"{lead}\b(kvartal)\s+([1-4]){year_pattern}", text
    )
    if part:
        if part.group(1) == "kvartal":
            period = part_of_year(int(part.group(2)), 4)
        else:
            period = part_of_year(ORDINALS[part.group(1)], PARTS_OF_YEAR[part.group(2)])
        year = int(part.group(3)) if part.group(3) else None
        return during_period(period, decided_on, year, written=part.group(0))
    whole_year = re.search(
        r"\b(?:senast\s+(?:under\s+)?|under\s+|(?:före|vid|till)\s+utgången\s+av\s+|i\s+slutet\s+av\s+)"
        r"(?:år\s+)?(\d{4})\b",
        text,
    )
    if whole_year:
        return during_year(int(whole_year.group(1)), whole_year.group(0))
    relative_year = re.search(r"\bunder\s+(året|innevarande år|nästa år|kommande år)\b", text)
    if relative_year:
        offset = 0 if relative_year.group(1) in ("året", "innevarande år") else 1
        return during_year(decided_on.year + offset, relative_year.group(0))
    return None
