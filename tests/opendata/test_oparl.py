"""OParl 1.1: crawl the whole API from the system object and validate every object reached
against the official schemas; nothing confidential or unpublished may be reachable."""

import json
from collections import deque
from datetime import date, time
from urllib.parse import urlsplit

import pytest
from django.utils.dateparse import parse_date, parse_datetime
from jsonschema import Draft7Validator, FormatChecker

from governance.models import Membership, MinutesParagraphPage, Post
from tests import factories

SCHEMA = "https://schema.oparl.org/1.1/"
BASE = "http://testserver"

formats = FormatChecker()


@formats.checks("url")
def _is_absolute_url(value) -> bool:
    parts = urlsplit(value)
    return parts.scheme in ("http", "https") and bool(parts.netloc)


@formats.checks("date")
def _is_date(value) -> bool:
    return parse_date(value) is not None


@formats.checks("date-time")
def _is_date_time(value) -> bool:
    parsed = parse_datetime(value)
    return parsed is not None and parsed.tzinfo is not None


@pytest.fixture
def council_data(home_page):
    municipality = factories.make_municipality("Eksjö")
    page = factories.make_municipality_page(home_page, municipality)
    council = factories.make_organization(municipality, "Kommunfullmäktige", "council", abbreviation="KF")
    board = factories.make_organization(municipality, "Kommunstyrelsen", "executive", abbreviation="KS", parent=council)
    chair_post = Post.objects.create(organization=board, label="Ordförande", kind="elected")
    party = factories.make_party()
    anna = factories.make_person(municipality, "Anna Andersson", party=party)
    bo = factories.make_person(municipality, "Bo Berg")
    Membership.objects.create(
        person=anna, organization=board, post=chair_post, role=Membership.Role.CHAIR, start_date=date(2022, 10, 15)
    )
    Membership.objects.create(person=bo, organization=council, role=Membership.Role.MEMBER)
    meeting = factories.make_meeting(board, date(2025, 3, 3), start_time=time(13, 0), location="Stadshuset, sal A")
    factories.make_meeting(board, date(2025, 4, 7))
    case = factories.make_case(municipality, "KS 2025/12", title="Plan för feriearbete")
    minutes = factories.make_minutes(page, board, date(2025, 3, 3), meeting=meeting)
    factories.make_paragraph(
        minutes, 12, "Feriearbete", ["Kommundirektören får i uppdrag att ta fram en plan."], case=case
    )
    factories.make_paragraph(
        minutes,
        13,
        "Personalärende HEMLIGT",
        ["Hemligt beslut."],
        is_confidential=True,
        secrecy_provision="OSL 39 kap. 3 §",
    )
    hidden = factories.make_minutes(page, board, date(2025, 4, 7))
    factories.make_paragraph(hidden, 1, "Opublicerat ärende DOLT", ["Dolt beslut."])
    hidden.unpublish()
    factories.make_motion(
        page, council, "Motion om cykelbanor", movers=[(anna, "")], att_satser=["att bygga cykelbanor"], case=case
    )
    factories.make_interpellation(page, council, bo, anna, [("Varför?", "Därför.")])
    return {"municipality": municipality, "board": board, "case": case}


def validate(obj, schemas, where):
    """Validate `obj` and every embedded OParl object inside it against its own schema."""
    errors = []
    if isinstance(obj, dict):
        kind = obj.get("type", "")
        if isinstance(kind, str) and kind.startswith(SCHEMA):
            name = kind.removeprefix(SCHEMA)
            assert name in schemas, f"{where}: unknown type {kind}"
            errors += [
                f"{where} {name}: {e.message}"
                for e in Draft7Validator(schemas[name], format_checker=formats).iter_errors(obj)
            ]
        for key, value in obj.items():
            errors += validate(value, schemas, f"{where}.{key}")
    elif isinstance(obj, list):
        for index, value in enumerate(obj):
            errors += validate(value, schemas, f"{where}[{index}]")
    return errors


def api_urls(obj):
    if isinstance(obj, dict):
        for value in obj.values():
            yield from api_urls(value)
    elif isinstance(obj, list):
        for value in obj:
            yield from api_urls(value)
    elif isinstance(obj, str) and obj.startswith(BASE + "/oparl/v1/"):
        yield obj


def crawl(client, schemas):
    """Breadth-first from the system object; returns {url: payload} for everything reached."""
    seen, queue, errors = {}, deque([BASE + "/oparl/v1/system/"]), []
    while queue:
        url = queue.popleft()
        if url in seen:
            continue
        response = client.get(url.removeprefix(BASE))
        assert response.status_code == 200, f"{url} answered {response.status_code}"
        payload = json.loads(response.content)
        seen[url] = payload
        if "data" in payload and "pagination" in payload:
            assert set(payload["links"]) >= {"first", "last"}
            assert payload["pagination"]["totalElements"] >= len(payload["data"])
        errors += validate(payload, schemas, url)
        for found in api_urls(payload):
            if found not in seen:
                queue.append(found)
    return seen, errors


def test_every_object_reachable_from_the_system_validates_against_the_oparl_schemas(
    client, council_data, oparl_schemas
):
    seen, errors = crawl(client, oparl_schemas)
    assert errors == []
    types = {payload.get("type", "").removeprefix(SCHEMA) for payload in seen.values()}
    embedded = json.dumps(list(seen.values()))
    for kind in oparl_schemas:  # every type the specification defines a schema for
        assert kind in types or f'"{SCHEMA}{kind}"' in embedded, f"{kind} never reached"
    assert len(seen) > 20


def test_nothing_confidential_or_unpublished_is_reachable(client, council_data, oparl_schemas):
    seen, _ = crawl(client, oparl_schemas)
    everything = json.dumps(list(seen.values()), ensure_ascii=False)
    assert "Feriearbete" in everything
    assert "HEMLIGT" not in everything and "Hemligt beslut" not in everything
    assert "DOLT" not in everything and "Dolt beslut" not in everything


def test_a_meeting_carries_its_paragraphs_as_agenda_items_with_their_decisions(client, council_data):
    meeting = council_data["board"].meetings.get(date=date(2025, 3, 3))
    payload = client.get(f"/oparl/v1/meeting/{meeting.pk}/").json()
    assert payload["name"] == "KS sammanträde 2025-03-03"
    assert payload["start"] == "2025-03-03T13:00:00+01:00"
    assert payload["location"]["description"] == "Stadshuset, sal A"
    [item] = payload["agendaItem"]
    assert item["number"] == "§ 12" and item["name"] == "Feriearbete"
    assert "får i uppdrag att ta fram en plan" in item["resolutionText"]


def test_a_case_is_a_paper_with_the_paragraphs_that_dealt_with_it_as_consultations(client, council_data):
    payload = client.get(f"/oparl/v1/paper/case/{council_data['case'].pk}/").json()
    assert payload["reference"] == "KS 2025/12" and payload["paperType"] == "Ärende"
    [consultation] = payload["consultation"]
    assert consultation["agendaItem"].startswith(BASE + "/oparl/v1/agendaItem/")


def test_lists_are_paginated_and_filter_by_modification_time(client, council_data):
    body = council_data["municipality"].pk
    everything = client.get(f"/oparl/v1/body/{body}/paper/").json()
    assert everything["pagination"]["totalElements"] == 3  # motion, interpellation, case
    later = client.get(f"/oparl/v1/body/{body}/paper/", {"modified_since": "2999-01-01T00:00:00+01:00"}).json()
    assert later["data"] == [] and later["pagination"]["totalElements"] == 0
    assert "modified_since=2999-01-01T00:00:00+01:00" in later["links"]["first"]


def test_bad_list_parameters_are_answered_400_in_swedish(client, council_data):
    body = council_data["municipality"].pk
    bad_date = client.get(f"/oparl/v1/body/{body}/meeting/", {"modified_since": "igår"})
    assert bad_date.status_code == 400 and "Ogiltigt datum" in bad_date.json()["error"]
    bad_page = client.get(f"/oparl/v1/body/{body}/meeting/", {"page": "²"})
    assert bad_page.status_code == 400 and "Ogiltig sida" in bad_page.json()["error"]


def test_a_confidential_paragraph_is_not_found_by_its_id(client, council_data):
    secret = MinutesParagraphPage.objects.get(is_confidential=True, secrecy_provision="OSL 39 kap. 3 §")
    assert client.get(f"/oparl/v1/agendaItem/{secret.pk}/").status_code == 404


def test_a_long_list_is_paged_in_the_database_and_time_filters_match_the_stamps_it_shows(
    client, council_data, django_assert_max_num_queries
):
    board = council_data["board"]
    for day in range(1, 131):
        factories.make_meeting(board, date(2024, 1, 1) + (date(2024, 1, 2) - date(2024, 1, 1)) * day)
    body = council_data["municipality"].pk
    url = f"/oparl/v1/body/{body}/meeting/"
    first = client.get(url).json()
    assert first["pagination"]["totalElements"] == 132 and first["pagination"]["totalPages"] == 2
    with django_assert_max_num_queries(16):  # constant: the 32 rows of the page, not all 132
        second = client.get(url, {"page": "2"}).json()
    assert len(second["data"]) == 32 and "prev" in second["links"] and "next" not in second["links"]
    ids = [meeting["id"] for meeting in first["data"] + second["data"]]
    assert len(set(ids)) == 132

    newest = max(meeting["modified"] for meeting in first["data"] + second["data"])
    until = client.get(url, {"modified_until": newest}).json()
    assert until["pagination"]["totalElements"] == 132  # the stamp's own second is included
    since = client.get(url, {"modified_since": newest}).json()
    assert since["pagination"]["totalElements"] >= 1
    assert all(meeting["modified"] >= newest for meeting in since["data"])
