"""Parse an interpellation, and the answer to it when the file holds both.

Files often hold the answer first and the interpellation after it (as published on a
council's agenda), so each part is found by its own opening line.
"""

import re

from . import swedish
from .assignments import extract_assignments, extract_commitments
from .municipalities import find_municipality
from .own_case_number import find_own_case_number, without_case_number
from .people import NAME_WITH_PARTY, SIGNATURE, party_of

INTERPELLATION_START = re.compile(r"^Interpellation\s+(?:till|om|angående|gällande)\b.*$", re.MULTILINE | re.IGNORECASE)
ANSWER_START = re.compile(r"^(?:Interpellationssvar|Svar på interpellation)\b.*$", re.MULTILINE | re.IGNORECASE)
_NAME = r"[A-ZÅÄÖÉ][\wåäöé\-]+(?: [A-ZÅÄÖÉ][\wåäöé\-]+){1,3}"
#: "till Anna Berg (S)", "till kommunstyrelsens ordförande Anna Berg (S)", "Ställd till: kommunalrådet Anna Berg".
ADDRESSEE = re.compile(
    rf"\btill:?\s+(?:(?:[a-zåäö\-]+|[A-ZÅÄÖ][a-zåäö]+s|[A-ZÅÄÖ]{{2,5}})\s+){{0,4}}(?P<name>{_NAME})(?:,?\s*\((?P<party>[A-ZÅÄÖa-zåäö]{{1,4}})\))?"
)
#: "Till socialnämndens ordförande", "INTERPELLATION TILL KOMMUNSTYRELSENS ORDFÖRANDE": addressed to a post.
ADDRESSEE_POST = re.compile(
    r"\btill:?\s+(?P<post>(?:[\wåäöÅÄÖ-]+\s+){0,4}?(?:ordförande|ordföranden|(?:kommunal|opposition)s?råd(?:et)?))\b",
    re.IGNORECASE,
)
ADDRESSED_LINE = re.compile(r"^\s*(?:Ställd till|Till|Interpellation till|Mottagare)\s*:?\s+.+$", re.MULTILINE | re.I)
ASKED_BY = re.compile(rf"\b(?:av|från|Interpellant:?)\s+(?P<name>{_NAME})\s*\((?P<party>[A-ZÅÄÖa-zåäö]{{1,4}})\)")
NUMBERED_QUESTION = re.compile(r"^\s*(?P<number>\d{1,2})[.)]\s*\**(?P<question>[^\n]*?\?)\**\s*$", re.MULTILINE)
PLACE_DATE = re.compile(
    r"^(?P<place>[A-ZÅÄÖ][a-zåäö]+)(?:,?\s+den)?[, ]+(?P<date>\d{4}-\d{2}-\d{2}|\d{1,2} \w+ \d{4})\s*$",
    re.MULTILINE,
)
#: A line that is only a date, or a "Datum" label with it: how an answer's head or signature dates it.
DATE_LINE = re.compile(r"^(?:Datum:?\s*)?(?P<date>\d{4}-\d{2}-\d{2}|\d{1,2} \w+ \d{4})$", re.IGNORECASE)
#: How many lines at the head of an answer and around its signature may carry its date.
DATING_LINES = 4


def _clean(text):
    return re.sub(r"\*+", "", text).strip()


def _parts(text):
    """(answer_text, interpellation_text) from one file; either may be empty."""
    ask = INTERPELLATION_START.search(text)
    answer = ANSWER_START.search(text)
    if ask and answer:
        if answer.start() < ask.start():
            return text[answer.start() : ask.start()], text[ask.start() :]
        return text[answer.start() :], text[ask.start() : answer.start()]
    if answer:
        return text[answer.start() :], ""
    return "", text[ask.start() :] if ask else text


def _own_lines(text, answer_text, ask_text):
    """The lines that speak for the interpellation itself: the letterhead above both parts
    and the interpellation, not the answer (which may cite other matters' numbers)."""
    starts = [text.find(part) for part in (answer_text, ask_text) if part]
    letterhead = text[: min(starts)] if starts else ""
    return (letterhead + ask_text).split("\n")


def _date_of(text):
    return swedish.parse_iso(text) or swedish.parse_written(text)


def _answer_dating(answer_text):
    """(date, line) of the answer's own date: its place-and-date line ("Eksjö den 20 april
    2023"), or a line holding only a date (or "Datum: …") in its head or by its signature.
    A date inside an answer's sentences ("t.o.m. 15 oktober 2020") is what the answer tells
    about, never when it was given, so it is not read."""
    place_date = PLACE_DATE.search(answer_text)
    if place_date and _date_of(place_date.group("date")):
        return _date_of(place_date.group("date")), place_date.group(0).strip()
    lines = [line.strip() for line in answer_text.split("\n") if line.strip()]
    for line in lines[:DATING_LINES] + lines[-DATING_LINES:]:
        dated = DATE_LINE.match(line)
        if dated and _date_of(dated.group("date")):
            return _date_of(dated.group("date")), line
    return None, ""


def _questions_from_interpellation(body):
    numbered = [(int(m.group("number")), _clean(m.group("question"))) for m in NUMBERED_QUESTION.finditer(body)]
    if numbered:
        return [question for _number, question in numbered]
    lead = re.search(r"(?:följande frågor|frågor(?:na)?)\s*[;:]", body, re.IGNORECASE)
    scope = body[lead.end() :] if lead else body
    return [p for p in swedish.paragraphs(scope) if p.endswith("?")]


def _signature(lines):
    """The last "Name (P)" or bare "Name" line with its role line underneath."""
    for index in range(len(lines) - 1, -1, -1):
        match = SIGNATURE.match(lines[index].strip())
        if match:
            role = lines[index + 1].strip() if index + 1 < len(lines) else ""
            return match.group("name"), party_of(match), role
    return None, "", ""


def parse_interpellation(text, resolve_organ=None):
    answer_text, ask_text = _parts(text)
    ask_lines = ask_text.split("\n")
    first_line = ask_lines[0].strip() if ask_lines else ""
    addressee = ADDRESSEE.search(first_line)
    if addressee is None:
        for line in ADDRESSED_LINE.findall("\n".join(ask_lines[:10])):
            addressee = ADDRESSEE.search(
                line if re.search(r"\btill\b", line, re.I) else "till " + line.split(":", 1)[-1]
            )
            if addressee:
                break
    place_date = PLACE_DATE.search(ask_text)
    filed_on = None
    if place_date:
        filed_on = swedish.parse_iso(place_date.group("date")) or swedish.parse_written(place_date.group("date"))
    if filed_on is None:
        nonblank = [line for line in ask_lines if line.strip()]
        filed_on = swedish.first_date("\n".join(nonblank[:6])) or swedish.first_date("\n".join(nonblank[-6:]))
    tail = ask_text[place_date.end() :].split("\n") if place_date else ask_lines
    asker, asker_party, asker_role = _signature([line for line in tail if line.strip()][:4] or ask_lines)
    if not asker:
        # A signature at the very end, or "av Per Ek (M)" in the title block.
        asker, asker_party, asker_role = _signature([line for line in ask_lines if line.strip()][-4:])
    named = ASKED_BY.search("\n".join(ask_lines[:6]))
    if named and (not asker or asker == (addressee.group("name") if addressee else None)):
        asker, asker_party, asker_role = named.group("name"), named.group("party").upper(), ""
    intro_match = re.search(r"^Inledning\s*$", ask_text, re.MULTILINE)
    questions_lead = re.search(
        r"^[^\n]*(?:följande frågor|frågor(?:na)?)\s*[;:]\s*$",
        ask_text,
        re.MULTILINE | re.IGNORECASE,
    )
    intro_start = intro_match.end() if intro_match else len(first_line)
    intro_end = questions_lead.end() if questions_lead else (place_date.start() if place_date else len(ask_text))
    introduction = "\n\n".join(swedish.paragraphs(ask_text[intro_start:intro_end]))
    questions = _questions_from_interpellation(ask_text[intro_end:] if questions_lead else ask_text)

    answers, answered_by, answered_role = {}, None, ""
    answer_intro = ""
    answer_date, dating_line = _answer_dating(answer_text)
    if answer_text:
        # The dating line is neither part of the answers nor of the signature under them.
        answer_body = answer_text
        if dating_line:
            answer_body = re.sub(rf"^[ \t]*{re.escape(dating_line)}[ \t]*$", "", answer_text, flags=re.M)
        marks = list(NUMBERED_QUESTION.finditer(answer_body))
        answer_intro = swedish.paragraphs(answer_body[: marks[0].start()] if marks else answer_body)[:1]
        answer_intro = answer_intro[0] if answer_intro else ""
        answer_lines = [line for line in answer_body.split("\n") if line.strip()]
        answered_by, _party, answered_role = _signature(answer_lines[-3:])
        for position, mark in enumerate(marks):
            end = marks[position + 1].start() if position + 1 < len(marks) else len(answer_body)
            body = answer_body[mark.end() : end]
            if answered_by:
                body = body.split("\n" + answered_by)[0]
            answers[int(mark.group("number"))] = "\n\n".join(swedish.paragraphs(body))
        if not questions:
            questions = [_clean(mark.group("question")) for mark in marks]

    # Earlier decisions the interpellation refers to ("Kommunfullmäktige beslutade 2 mars
    # 2020 … Uppdraget skulle återredovisas till Kommunstyrelsen i maj") are assignments
    # whose status the interpellation asks about.
    referenced = []
    decided_on = swedish.first_date(introduction)
    for paragraph in swedish.paragraphs(introduction):
        for found in extract_assignments(paragraph, decided_on or filed_on, resolve_organ):
            found["decided_on"] = (decided_on or filed_on).isoformat() if (decided_on or filed_on) else None
            found["decided_by"] = "Kommunfullmäktige" if re.search(r"kommunfullmäktige", introduction, re.I) else ""
            referenced.append(found)

    promises = []
    if answers:
        promise_date = answer_date or filed_on
        for number, body in answers.items():
            for promise in extract_commitments(body, promise_date, resolve_organ):
                promise["question"] = number
                promises.append(promise)

    question_rows = [
        {"number": index + 1, "question": question, "answer": answers.get(index + 1, "")}
        for index, question in enumerate(questions)
    ]
    addressee_name = addressee.group("name") if addressee else None
    case_number = find_own_case_number(_own_lines(text, answer_text, ask_text))
    addressee_role = answered_role if addressee_name and answered_by == addressee_name else ""
    if not addressee_name:
        # Only the post is named ("Till socialnämndens ordförande"): kept as the addressee's post.
        post = ADDRESSEE_POST.search(" ".join(line.strip() for line in ask_lines[:8] if line.strip()))
        addressee_role = post.group("post").lower() if post else ""
    return {
        "kind": "interpellation",
        "title": without_case_number(first_line.rstrip("."), case_number),
        "municipality": find_municipality(text) or (place_date.group("place") if place_date else None),
        "organization": "Kommunfullmäktige",
        "date": filed_on,
        "case_number": case_number,
        "asker": {"name": asker, "party": asker_party, "role": asker_role},
        "addressee": {
            "name": addressee_name,
            "party": addressee.group("party").upper() if addressee and addressee.group("party") else "",
            "role": addressee_role,
        },
        "movers": [{"name": asker, "party": asker_party}] if asker else [],
        "introduction": introduction,
        "questions": [row["question"] for row in question_rows],
        "question_rows": question_rows,
        "answer": {
            "by": answered_by,
            "role": answered_role,
            "date": answer_date,
            "introduction": answer_intro,
            "text": "\n\n".join(f"{n}. {answers[n]}" for n in sorted(answers)),
        }
        if answers
        else None,
        "promises": promises,
        "referenced_assignments": referenced,
        "people": [
            p for p in [{"name": m.group("name"), "party": party_of(m)} for m in NAME_WITH_PARTY.finditer(text)]
        ],
    }
