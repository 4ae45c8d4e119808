"""OParl 1.1: the open standard for council information, read-only, public data only.

Other systems (OParl clients, journalists' scrapers, national portals) read a council's
organs, people, meetings, agenda items and papers through one documented interface instead
of scraping pages. The mapping from this project's civic model:

| OParl           | Beslutsspår                                                              |
|-----------------|--------------------------------------------------------------------------|
| Body            | Municipality                                                             |
| Organization    | Organization (organ), with its posts                                     |
| Person          | Person, with Memberships embedded                                        |
| Meeting         | Meeting, its protokoll as `resultsProtocol`, its §s as agenda items      |
| AgendaItem      | one published § (MinutesParagraphPage), the decisions as resolution text |
| Paper           | a motion, an interpellation, a policy document, or a case (diarienummer)|
|                 | (a party moving with no one signing: `beslutsspar:originatorParty`)      |
| Consultation    | a § that dealt with a paper's case                                       |
| File            | the protokoll and documents, as their public web pages                   |
| LegislativeTerm | the mandate periods (mandatperiod) from 15 October of an election year   |

Only what the anonymous public may see is published (`opendata.public`). Every id is an
absolute URL; external lists are paginated as the specification says (`data`,
`pagination`, `links`) and accept `modified_since`, `modified_until` and `created_since`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from math import ceil
from zoneinfo import ZoneInfo

from django.db.models import F, Model, Prefetch, QuerySet
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from wagtail.models import Page

from governance.models import (
    Case,
    InterpellationPage,
    Meeting,
    Membership,
    MinutesPage,
    MinutesParagraphPage,
    MotionPage,
    Municipality,
    Organization,
    Person,
    PolicyDocumentPage,
)

from .public import public_paragraphs, visible_to_public

SCHEMA = "https://schema.oparl.org/1.1/"
STOCKHOLM = ZoneInfo("Europe/Stockholm")
PAGE_SIZE = 100
#: Kommunallagen 5 kap. 5 §: the mandate period runs from 15 October of the election year.
FIRST_ELECTION_YEAR = 1994
TERM_YEARS = 4


class OParlError(ValueError):
    """A request the API answers with 400; the message is Swedish and shown as is."""


@dataclass(frozen=True)
class Urls:
    """Builds the absolute ids every OParl object carries."""

    base: str

    def of(self, *parts: object) -> str:
        return f"{self.base}/oparl/v1/" + "/".join(str(part) for part in parts) + "/"

    def web(self, path: str) -> str:
        return f"{self.base}{path}"


def _stamp(moment: datetime | None) -> str | None:
    if moment is None:
        return None
    return timezone.localtime(moment, STOCKHOLM).isoformat(timespec="seconds")


def _at_noon(day: date) -> datetime:
    return datetime.combine(day, time(12), tzinfo=STOCKHOLM)


def _page_times(page) -> dict:
    created = page.first_published_at or page.latest_revision_created_at
    modified = page.last_published_at or created
    return {"created": _stamp(created), "modified": _stamp(modified)}


def _row_times(row) -> dict:
    return {"created": _stamp(row.created), "modified": _stamp(row.modified)}


def _clean(obj: dict) -> dict:
    """OParl leaves out what is unknown rather than sending null."""
    return {key: value for key, value in obj.items() if value not in (None, "", [])}


# --- Objects -----------------------------------------------------------------------------


def system(urls: Urls) -> dict:
    return _clean(
        {
            "id": urls.of("system"),
            "type": SCHEMA + "System",
            "oparlVersion": SCHEMA,
            "name": "Beslutsspår",
            "body": urls.of("body"),
            "website": urls.web("/"),
            "license": "https://creativecommons.org/publicdomain/zero/1.0/",
        }
    )


def legislative_terms(municipality: Municipality, urls: Urls) -> list[dict]:
    """Every mandate period from the first we hold documents for up to the current one."""
    first = MinutesPage.objects.filter(municipality=municipality, date__isnull=False).order_by("date").first()
    start_year = first.date.year if first else timezone.localdate().year
    this_year = timezone.localdate().year
    year = FIRST_ELECTION_YEAR
    terms = []
    while year <= this_year:
        start, end = date(year, 10, 15), date(year + TERM_YEARS, 10, 14)
        if end.year >= start_year:
            terms.append(
                {
                    "id": urls.of("body", municipality.pk, "term", year),
                    "type": SCHEMA + "LegislativeTerm",
                    "body": urls.of("body", municipality.pk),
                    "name": f"Mandatperioden {year}–{year + TERM_YEARS}",
                    "startDate": start.isoformat(),
                    "endDate": end.isoformat(),
                }
            )
        year += TERM_YEARS
    return terms


def body(municipality: Municipality, urls: Urls) -> dict:
    own = urls.of("body", municipality.pk)
    return _clean(
        {
            "id": own,
            "type": SCHEMA + "Body",
            "system": urls.of("system"),
            "name": municipality.official_name or municipality.name,
            "shortName": municipality.name,
            "rgs": municipality.code,
            "classification": "Kommun",
            "organization": own + "organization/",
            "person": own + "person/",
            "meeting": own + "meeting/",
            "paper": own + "paper/",
            "agendaItem": own + "agendaItem/",
            "membership": own + "membership/",
            "legislativeTerm": legislative_terms(municipality, urls),
            "legislativeTermList": own + "legislativeTerm/",
            **_row_times(municipality),
        }
    )


def organization(org: Organization, urls: Urls) -> dict:
    return _clean(
        {
            "id": urls.of("organization", org.pk),
            "type": SCHEMA + "Organization",
            "body": urls.of("body", org.municipality_id),
            "name": org.name,
            "shortName": org.abbreviation,
            "classification": org.get_classification_display(),
            "organizationType": "Gremium",
            "subOrganizationOf": urls.of("organization", org.parent_id) if org.parent_id else None,
            "post": [post.label for post in org.posts.all()],
            "membership": [urls.of("membership", m.pk) for m in org.memberships.all()],
            "meeting": urls.of("organization", org.pk, "meeting"),
            **_row_times(org),
        }
    )


def membership(item: Membership, urls: Urls) -> dict:
    role = item.post.label if item.post_id else item.get_role_display()
    return _clean(
        {
            "id": urls.of("membership", item.pk),
            "type": SCHEMA + "Membership",
            "person": urls.of("person", item.person_id),
            "organization": urls.of("organization", item.organization_id),
            "role": role,
            "votingRight": item.role in (Membership.Role.MEMBER, Membership.Role.CHAIR, Membership.Role.VICE_CHAIR),
            "startDate": item.start_date.isoformat() if item.start_date else None,
            "endDate": item.end_date.isoformat() if item.end_date else None,
            **_row_times(item),
        }
    )


def person(item: Person, urls: Urls) -> dict:
    return _clean(
        {
            "id": urls.of("person", item.pk),
            "type": SCHEMA + "Person",
            "body": urls.of("body", item.municipality_id) if item.municipality_id else None,
            "name": item.name,
            "membership": [membership(m, urls) for m in item.memberships.all()],
            "status": [item.party.name] if item.party_id else [],
            **_row_times(item),
        }
    )


def page_file(page, urls: Urls, name: str) -> dict:
    """A public document as an OParl File: its web page is where it can be read."""
    return _clean(
        {
            "id": urls.of("file", "page", page.pk),
            "type": SCHEMA + "File",
            "name": name,
            "mimeType": "text/html",
            "accessUrl": urls.web(page.url),
            "date": page.date.isoformat() if getattr(page, "date", None) else None,
            **_page_times(page),
        }
    )


def agenda_item(paragraph: MinutesParagraphPage, urls: Urls, meeting: Meeting | None = None) -> dict:
    decisions = [decision.text for decision in paragraph.decisions.all()]
    return _clean(
        {
            "id": urls.of("agendaItem", paragraph.pk),
            "type": SCHEMA + "AgendaItem",
            "meeting": urls.of("meeting", meeting.pk) if meeting else None,
            "number": f"§ {paragraph.number}",
            "order": paragraph.number,
            "name": paragraph.title,
            "public": True,
            "consultation": urls.of("consultation", paragraph.pk) if paragraph.case_id else None,
            "resolutionText": "\n".join(decisions),
            "web": urls.web(paragraph.url),
            **_page_times(paragraph),
        }
    )


def with_public_minutes(meetings: QuerySet[Meeting]) -> QuerySet[Meeting]:
    """Meetings with their public protokoll fetched in one query for a whole list page."""
    return meetings.prefetch_related(
        Prefetch("minutes", queryset=visible_to_public(MinutesPage.objects.order_by("pk")), to_attr="public_minutes")
    )


def _meeting_minutes(item: Meeting) -> list[MinutesPage]:
    if hasattr(item, "public_minutes"):
        return item.public_minutes
    return list(visible_to_public(MinutesPage.objects.filter(meeting=item)).order_by("pk"))


def meeting(item: Meeting, urls: Urls) -> dict:
    minutes = _meeting_minutes(item)
    paragraphs = (
        public_paragraphs().filter(minutes__in=minutes).prefetch_related("decisions").order_by("number")
        if minutes
        else []
    )
    start = datetime.combine(item.date, item.start_time, tzinfo=STOCKHOLM) if item.start_time else _at_noon(item.date)
    organ = item.organization.abbreviation or item.organization.name
    return _clean(
        {
            "id": urls.of("meeting", item.pk),
            "type": SCHEMA + "Meeting",
            "name": f"{organ} sammanträde {item.date:%Y-%m-%d}",
            "meetingState": item.get_status_display(),
            "cancelled": item.status == Meeting.Status.CANCELLED,
            "start": start.isoformat(),
            "location": _clean(
                {
                    "id": urls.of("location", "meeting", item.pk),
                    "type": SCHEMA + "Location",
                    "description": item.location,
                }
            )
            if item.location
            else None,
            "organization": [urls.of("organization", item.organization_id)],
            "resultsProtocol": page_file(minutes[0], urls, minutes[0].title) if minutes else None,
            "agendaItem": [agenda_item(paragraph, urls, item) for paragraph in paragraphs],
            **_row_times(item),
        }
    )


def consultation(paragraph: MinutesParagraphPage, urls: Urls) -> dict:
    minutes = paragraph.minutes
    return _clean(
        {
            "id": urls.of("consultation", paragraph.pk),
            "type": SCHEMA + "Consultation",
            "paper": urls.of("paper", "case", paragraph.case_id) if paragraph.case_id else None,
            "agendaItem": urls.of("agendaItem", paragraph.pk),
            "meeting": urls.of("meeting", minutes.meeting_id) if minutes and minutes.meeting_id else None,
            "organization": [urls.of("organization", minutes.organization_id)]
            if minutes and minutes.organization_id
            else [],
            "authoritative": True,
            "role": "Beslut",
            **_page_times(paragraph),
        }
    )


#: A vendor property (OParl lets a system add its own under a prefix): the parties that move
#: a motion with no one signing ("föreslår Vänsterpartiet:"), by name, since parties are no
#: OParl organizations here and `originatorPerson` holds people only.
ORIGINATOR_PARTY = "beslutsspar:originatorParty"

PAPER_TYPES: dict[type, str] = {
    MotionPage: "Motion",
    InterpellationPage: "Interpellation",
    PolicyDocumentPage: "Styrdokument",
}


def document_paper(page, urls: Urls) -> dict:
    specific = page.specific
    originators: list[int] = []
    originator_parties: list[str] = []
    if isinstance(specific, MotionPage):
        movers = list(specific.movers.all())
        originators = [mover.person_id for mover in movers if mover.person_id]
        originator_parties = [mover.display_name for mover in movers if not mover.person_id]
    elif isinstance(specific, InterpellationPage):
        originators = [specific.asker_id]
    return _clean(
        {
            "id": urls.of("paper", "page", specific.pk),
            "type": SCHEMA + "Paper",
            "body": urls.of("body", specific.municipality_id),
            "name": specific.title,
            "reference": specific.case.case_number if specific.case_id else None,
            "date": specific.date.isoformat() if specific.date else None,
            "paperType": PAPER_TYPES[type(specific)],
            "relatedPaper": [urls.of("paper", "case", specific.case_id)] if specific.case_id else [],
            "mainFile": page_file(specific, urls, specific.title),
            "originatorPerson": [urls.of("person", pk) for pk in originators],
            ORIGINATOR_PARTY: originator_parties,
            "underDirectionOf": [urls.of("organization", specific.organization_id)] if specific.organization_id else [],
            "web": urls.web(specific.url),
            **_page_times(specific),
        }
    )


def case_paper(case: Case, urls: Urls) -> dict:
    paragraphs = public_paragraphs().filter(case=case).select_related("minutes").order_by("minutes__date", "number")
    return _clean(
        {
            "id": urls.of("paper", "case", case.pk),
            "type": SCHEMA + "Paper",
            "body": urls.of("body", case.municipality_id),
            "name": case.title or case.case_number,
            "reference": case.case_number,
            "date": case.opened_on.isoformat() if case.opened_on else None,
            "paperType": "Ärende",
            "consultation": [consultation(paragraph, urls) for paragraph in paragraphs],
            **_row_times(case),
        }
    )


# --- Querysets of what is public ---------------------------------------------------------


def public_cases(municipality: Municipality | None = None) -> QuerySet[Case]:
    """Cases with at least one public document; a case only seen in secret stays unknown."""
    case_ids = set(public_paragraphs().exclude(case=None).values_list("case_id", flat=True))
    for model in PAPER_TYPES:
        case_ids |= set(visible_to_public(model.objects.exclude(case=None)).values_list("case_id", flat=True))
    cases = Case.objects.filter(pk__in=case_ids)
    return cases.filter(municipality=municipality) if municipality else cases


def public_document_papers(municipality: Municipality | None = None) -> list:
    documents = []
    for model in PAPER_TYPES:
        queryset = visible_to_public(model.objects.all())
        if municipality:
            queryset = queryset.filter(municipality=municipality)
        documents.extend(queryset.select_related("case"))
    return sorted(documents, key=lambda page: page.pk)


# --- External lists -----------------------------------------------------------------------


def _since(params, name: str) -> datetime | None:
    raw = params.get(name)
    if not raw:
        return None
    try:
        moment = parse_datetime(raw)
    except ValueError:
        moment = None
    if moment is None:
        raise OParlError(f"Ogiltigt datum i {name}: ange t.ex. 2025-01-31T00:00:00+01:00.")
    return moment if moment.tzinfo else moment.replace(tzinfo=STOCKHOLM)


def _page_number(params) -> int:
    raw = params.get("page", "1")
    if not (raw.isascii() and raw.isdigit()) or not 0 < int(raw) < 10**6:
        raise OParlError("Ogiltig sida: ange ett positivt heltal.")
    return int(raw)


def _time_bounds(params) -> tuple[datetime | None, datetime | None, datetime | None]:
    return _since(params, "created_since"), _since(params, "modified_since"), _since(params, "modified_until")


def filter_by_time(rows: Iterable, params, *, created: str = "created", modified: str = "modified") -> list:
    """Apply OParl's `created_since`, `modified_since` and `modified_until` to serialised objects."""
    created_since, modified_since, modified_until = _time_bounds(params)
    kept = []
    for row in rows:
        made = datetime.fromisoformat(row[created]) if row.get(created) else None
        changed = datetime.fromisoformat(row[modified]) if row.get(modified) else None
        if created_since and (made is None or made < created_since):
            continue
        if modified_since and (changed is None or changed < modified_since):
            continue
        if modified_until and (changed is None or changed > modified_until):
            continue
        kept.append(row)
    return kept


def _time_expressions(model: type[Model]) -> tuple | None:
    """The database expressions behind an object's `created` and `modified`, as serialised.

    Pages are stamped by publication (`_page_times`), register rows by their own
    timestamps (`_row_times`); None for models whose times are not known in SQL.
    """
    if issubclass(model, Page):
        created = Coalesce("first_published_at", "latest_revision_created_at")
        return created, Coalesce("last_published_at", "first_published_at", "latest_revision_created_at")
    names = {field.name for field in model._meta.get_fields()}
    if {"created", "modified"} <= names:
        return F("created"), F("modified")
    return None


def filter_queryset_by_time(items: QuerySet, params) -> QuerySet | None:
    """`filter_by_time` in SQL, so a page of a long list reads only its own rows.

    Serialised stamps are whole seconds, so `modified_until` admits the rest of its
    second, exactly as comparing the serialised stamp would.
    """
    expressions = _time_expressions(items.model)
    if expressions is None:
        return None
    created, modified = expressions
    created_since, modified_since, modified_until = _time_bounds(params)
    items = items.alias(oparl_created=created, oparl_modified=modified)
    if created_since:
        items = items.filter(oparl_created__gte=created_since.replace(microsecond=0))
    if modified_since:
        items = items.filter(oparl_modified__gte=modified_since.replace(microsecond=0))
    if modified_until:
        items = items.filter(oparl_modified__lt=modified_until.replace(microsecond=0) + timedelta(seconds=1))
    return items


def external_list(
    url: str, params, items: Iterable[Model], serialise: Callable[[Model], dict], page_size: int = PAGE_SIZE
) -> dict:
    """One page of an OParl external list with its pagination block and navigation links.

    A queryset is filtered, counted and sliced in the database; other lists (built from
    several models) are filtered after serialising.
    """
    current = _page_number(params)
    filtered = filter_queryset_by_time(items, params) if isinstance(items, QuerySet) else None
    if filtered is not None:
        total = filtered.count()
        offset = (current - 1) * page_size
        data = [serialise(item) for item in filtered[offset : offset + page_size]]
    else:
        rows = filter_by_time((serialise(item) for item in items), params)
        total = len(rows)
        data = rows[(current - 1) * page_size : current * page_size]
    pages = max(1, ceil(total / page_size))
    carry = "&".join(
        f"{key}={params[key]}" for key in ("created_since", "modified_since", "modified_until") if params.get(key)
    )

    def link(number: int) -> str:
        return f"{url}?page={number}" + (f"&{carry}" if carry else "")

    links = {"first": link(1), "last": link(pages), "self": link(current)}
    if current > 1:
        links["prev"] = link(min(current - 1, pages))
    if current < pages:
        links["next"] = link(current + 1)
    return {
        "data": data,
        "pagination": {
            "totalElements": total,
            "elementsPerPage": page_size,
            "currentPage": current,
            "totalPages": pages,
        },
        "links": links,
    }
