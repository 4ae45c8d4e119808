"""The statutory dates of a protokoll: justering, the notice on the anslagstavla, the appeal period.

Kommunallagen (2017:725) sets three clocks running from a meeting, and every councillor,
journalist and resident who may want to appeal a decision depends on them:

- the protokoll is to be justerat no later than 14 days after the meeting (5 kap. 69 §);
- that it has been justerat is to be announced on the municipality's digital anslagstavla no
  later than the second day after the justering (8 kap. 12 §);
- an appeal (laglighetsprövning) must reach the förvaltningsrätt within three weeks from the
  day the notice was posted (13 kap. 5 §).

A statutory period that ends on a Saturday, Sunday, public holiday, midsommarafton,
julafton or nyårsafton ends on the next working day instead (Lag 1930:173); that rule lives
in `governance.deadlines.legal_deadline`. Each date carries a sentence explaining how it was
reached, so a secretary can check it and a reader can trust it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from .deadlines import legal_deadline

ADJUSTMENT_DAYS = 14
NOTICE_DAYS = 2
APPEAL_WEEKS = 3


@dataclass(frozen=True)
class StatutoryDate:
    """One statutory deadline, when it was met (if known) and why it falls where it does."""

    label: str
    due: date
    explanation: str
    law: str
    done_on: date | None = None
    is_window: bool = False

    def is_late(self, today: date) -> bool:
        """Late when done after the deadline, or not done and the deadline has passed.

        A window for others (the appeal period) is never late: it only runs out."""
        if self.is_window:
            return False
        if self.done_on is not None:
            return self.done_on > self.due
        return today > self.due

    def state(self, today: date) -> str:
        """A short Swedish status a page or a calendar can show beside the date."""
        if self.is_window:
            return "har gått ut" if today > self.due else "pågår"
        if self.done_on is not None:
            if self.done_on > self.due:
                return f"försenad: {self.done_on:%Y-%m-%d}"
            return f"klar {self.done_on:%Y-%m-%d}"
        return "försenad" if today > self.due else "ej klar"


def _moved(
    label: str, plain_due: date, how: str, law: str, done_on: date | None, is_window: bool = False
) -> StatutoryDate:
    due = legal_deadline(plain_due)
    explanation = f"{how} → {plain_due:%Y-%m-%d}"
    if due != plain_due:
        explanation += f", flyttat till nästa vardag {due:%Y-%m-%d} (lag 1930:173)"
    return StatutoryDate(label=label, due=due, explanation=explanation, law=law, done_on=done_on, is_window=is_window)


def adjustment_deadline(meeting_date: date, adjusted_on: date | None = None) -> StatutoryDate:
    """Justering no later than 14 days after the meeting (Kommunallagen 5 kap. 69 §)."""
    return _moved(
        "Justering senast",
        meeting_date + timedelta(days=ADJUSTMENT_DAYS),
        f"sammanträdet {meeting_date:%Y-%m-%d} + {ADJUSTMENT_DAYS} dagar",
        "Kommunallagen 5 kap. 69 §",
        adjusted_on,
    )


def notice_deadline(adjusted_on: date, posted_on: date | None = None) -> StatutoryDate:
    """The notice of justering on the anslagstavla no later than the second day after it (8 kap. 12 §)."""
    return _moved(
        "Anslag senast",
        adjusted_on + timedelta(days=NOTICE_DAYS),
        f"justeringen {adjusted_on:%Y-%m-%d} + {NOTICE_DAYS} dagar",
        "Kommunallagen 8 kap. 12 §",
        posted_on,
    )


def appeal_period_end(posted_on: date) -> StatutoryDate:
    """Three weeks from the day of the notice (13 kap. 5 §): the same weekday three weeks later."""
    return _moved(
        "Överklagandetiden går ut",
        posted_on + timedelta(weeks=APPEAL_WEEKS),
        f"anslaget {posted_on:%Y-%m-%d} + tre veckor",
        "Kommunallagen 13 kap. 5 §",
        None,
        is_window=True,
    )


@dataclass(frozen=True)
class ProtocolDates:
    """Every statutory date a protokoll has so far; later ones appear once their start is known."""

    adjustment: StatutoryDate
    notice: StatutoryDate | None
    appeal: StatutoryDate | None

    def all(self) -> list[StatutoryDate]:
        return [item for item in (self.adjustment, self.notice, self.appeal) if item is not None]

    def late(self, today: date) -> list[StatutoryDate]:
        """The deadlines that were missed, or have passed without the step being recorded."""
        return [item for item in self.all() if item.is_late(today)]

    def rows(self, today: date) -> list[StatutoryRow]:
        """What a page or a printout shows: each date with its state on `today`."""
        return [StatutoryRow(item, item.state(today), item.is_late(today)) for item in self.all()]


@dataclass(frozen=True)
class StatutoryRow:
    date: StatutoryDate
    state: str
    late: bool


def protocol_dates(meeting_date: date, adjusted_on: date | None, posted_on: date | None) -> ProtocolDates:
    """The statutory dates of one protokoll from the meeting, justering and notice dates known."""
    adjustment = adjustment_deadline(meeting_date, adjusted_on)
    notice = notice_deadline(adjusted_on, posted_on) if adjusted_on else None
    appeal = appeal_period_end(posted_on) if posted_on else None
    return ProtocolDates(adjustment=adjustment, notice=notice, appeal=appeal)
