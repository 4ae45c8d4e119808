"""Find assignments (uppdrag) in decision text, with who, what, to whom and by when.

Swedish decisions phrase assignments in a handful of ways ("X får i uppdrag att …",
"X ges i uppdrag att …", "X uppdras att …", "Kommunstyrelsen uppdrar åt X att …",
"Uppdraget med att … ska fortsätta", "… ska återrapporteras till Y …"). Each found
assignment keeps its source sentence so a secretary can check the reading.
"""

import re

from governance.deadlines import due_date_for

from . import swedish

ORGAN = (
    r"(?:[A-ZÅÄÖa-zåäö][\wåäö\-]*s\s)?"  # genitive owner: "kommunstyrelsens arbetsutskott"
    r"(?:kommunfullmäktige|kommunstyrelsen|[\wåäö\-]*nämnd(?:en)?|[\wåäö\-]*styrelse(?:n)?"
    r"|[\wåäö\-]*utskott(?:et)?|[\wåäö\-]*beredning(?:en)?|stadsledningskontoret"
    r"|kommunledningskontoret|[\wåäö\-]*förvaltning(?:en)?)"
)
ORGAN_RE = re.compile(ORGAN, re.IGNORECASE)

#: The verb phrases that give an assignment, with the assignee before them ("X får i
#: uppdrag att …") or after them ("uppdrar åt X att …").
SUBJECT_VERBS = re.compile(
    r"\s(?:får|ges|gavs|fick|erhåller)\s+(?:i\s+)?(?:ett\s+)?uppdrag(?:et)?\s+att\s+|\suppdras\s+att\s+",
    re.IGNORECASE,
)
OBJECT_VERB = re.compile(r"\buppdra(?:r|s)?\s+(?:åt|till)\s+(?P<who>[^.;:]{2,160}?)\s+att\s+", re.IGNORECASE)


def _assignment_clause(sentence):
    """(who, task) of the assignment a sentence gives, or None."""
    match = SUBJECT_VERBS.search(sentence)
    if match:
        who = re.split(r"[;:]", sentence[: match.start()])[-1][-160:]
        return who, sentence[match.end() :]
    match = OBJECT_VERB.search(sentence)
    if match:
        return match.group("who"), sentence[match.end() :]
    return None


CONTINUATION = re.compile(
    r"\bUppdraget\s+(?:med\s+)?att\s+(?P<task>.+?)\s+ska\s+(?:fortsätta|fortgå|slutföras)",
    re.IGNORECASE,
)
REPORT_BACK = re.compile(
    r"\b(?:ska|skulle|bör)\s+(?:åter)?(?:rapporteras|redovisas|redovisa)\s+(?:till|för|i)\s+(?P<organ>"
    + ORGAN
    + r")(?P<when>.*)",
    re.IGNORECASE,
)
REPORT_TO = re.compile(
    r"(?:återkoppl\w*|återrapport\w*|återredovis\w*|redovis\w*|återkomma|rapport\w*)"
    r"[^.]{0,60}?\b(?:till|för|med|i)\s+(?P<organ>" + ORGAN + r")",
    re.IGNORECASE,
)
NEXT_MEETING_WITH = re.compile(
    r"(?:kommande|nästa)\s+(?:möte|sammanträde)\s+(?:med|i)\s+(?P<organ>" + ORGAN + r")",
    re.IGNORECASE,
)
FULFILLED = re.compile(
    r"(?P<organ>[A-ZÅÄÖ][\wåäö]*(?:s)?)\s+uppdrag\s*,?\s*(?:givet\s+i\s+(?P<budget>budget\s+\d{4})\s*)?"
    r"(?:(?P<date>\d{4}-\d{2}-\d{2})\s*§\s*(?P<paragraph>\d+))?(?P<rest>.*?)"
    r"förklaras\s+(?P<negation>inte\s+|ej\s+)?fullgjort",
    re.IGNORECASE,
)

#: Cheap pre-check: sentences without these words cannot create or report an assignment.
TRIGGER_WORDS = ("uppdra", "rapporter", "redovis")


def _has_trigger(text):
    lowered = text.lower()
    return any(word in lowered for word in TRIGGER_WORDS)


MONTHS = swedish.MONTH_PATTERN
DEADLINE_PATTERNS = [
    r"(?:på|vid|till)\s+(?:kommande|nästa)\s+(?:möte|sammanträde)",
    r"senast\s+(?:den\s+)?\d{4}-\d{2}-\d{2}",
    rf"senast\s+(?:den\s+)?\d{{1,2}}\s+(?:{MONTHS})(?:\s+\d{{4}})?",
    rf"senast\s+(?:i\s+)?(?:slutet|utgången)\s+av\s+(?:{MONTHS})(?:\s+\d{{4}})?",
    rf"(?:senast\s+)?i\s+(?:{MONTHS})(?:\s+\d{{4}})?",
    r"vid\s+årsskiftet(?:\s+\d{4}\s*/\s*\d{2,4})?",
    r"inom\s+(?:\d+|en|ett|två|tre|fyra|fem|sex|tolv)\s+(?:dagar|dag|veckor|vecka|månader|månad|år)",
    r"(?:en|två|tre|fyra|sex|tolv|\d+)\s+gånger\s+per\s+år",
    r"senast\s+(?:under\s+)?\d{4}",
    r"under\s+\d{4}",
    r"årligen",
]
DEADLINE_RE = re.compile(r"\b(?:" + "|".join(DEADLINE_PATTERNS) + r")\b", re.IGNORECASE)

LEADING_NOISE = re.compile(
    r"^(?:\d{1,2}[.)]\s*|[a-h][.)]\s*|att\s+|dessutom\s+|vidare\s+|samtidigt\s+|även\s+|"
    r"[A-ZÅÄÖ][\wåäö]*\s+beslutar\s+(?:att\s+)?|förslag\s+ges\s+(?:även\s+)?(?:om\s+)?att\s+)+",
    re.IGNORECASE,
)


def split_assignees(phrase):
    """ "Kommundirektören och näringslivschefen" → ["kommundirektören", "näringslivschefen"]."""
    phrase = LEADING_NOISE.sub("", phrase.strip())
    phrase = re.sub(r"\s+(?:gemensamt|tillsammans)$", "", phrase)
    parts = re.split(r",\s*|\s+och\s+|\s+samt\s+", phrase)
    return [part.strip()[0].upper() + part.strip()[1:] for part in parts if part.strip() and len(part.split()) <= 8]


ORGANIZATION_SUFFIX = re.compile(
    r"(nämnd|nämnden|styrelse|styrelsen|kontoret|förvaltning|förvaltningen|utskott|utskottet|fullmäktige"
    r"|enhet|enheten|bolag|bolaget|\bab|avdelning|avdelningen)$"
)
POST_SUFFIX = re.compile(
    r"(chef|chefen|direktör|direktören|ordförande|ordföranden|sekreterare|sekreteraren|ansvarig|ansvarige"
    r"|råd|rådet|samordnare|samordnaren)$"
)


def assignee_kind(name):
    lowered = name.lower()
    if ORGANIZATION_SUFFIX.search(lowered):
        return "organization"
    if POST_SUFFIX.search(lowered):
        return "post"
    return "person"


def find_deadline(text):
    match = DEADLINE_RE.search(text or "")
    return match.group(0) if match else ""


def _trim_task(task):
    task = task.strip()
    # The report-back clause is not part of the task.
    task = re.split(
        r"\s*(?:Återkoppling|Uppdraget ska (?:åter)?(?:rapporteras|redovisas)|Återrapportering)\b",
        task,
    )[0]
    return task.rstrip(" .;") + "."


def _report_to(text):
    for pattern in (NEXT_MEETING_WITH, REPORT_TO):
        match = pattern.search(text)
        if match:
            return match.group("organ")
    return ""


def _dated(assignment, decided_on, resolve_organ):
    organ = resolve_organ(assignment["report_to"]) if (resolve_organ and assignment["report_to"]) else None
    needs_calendar = re.search(r"(kommande|nästa)\s+(möte|sammanträde)", assignment["deadline_text"])
    if needs_calendar and assignment["report_to"] and organ is None:
        assignment["due_date"] = None
        assignment["due_explanation"] = (
            f"kommande möte med {assignment['report_to']}: organets mötesplan finns inte i systemet"
        )
        return assignment
    if decided_on:
        due = due_date_for(assignment["deadline_text"], decided_on, organ)
        assignment["due_date"] = due.date.isoformat() if due.date else None
        assignment["due_explanation"] = due.explanation
    else:
        assignment["due_date"] = None
        assignment["due_explanation"] = "beslutsdatum saknas"
    return assignment


def extract_assignments(item, decided_on=None, resolve_organ=None):
    """Assignments created or continued by one decision item (a bullet under "Beslut").

    `resolve_organ(name)` may return an Organization so "kommande möte" can be dated from
    its calendar; without it the due date of such a rule stays unknown.
    """
    found = []
    if not _has_trigger(item):
        return found
    item_sentences = swedish.sentences(item)
    for position, sentence in enumerate(item_sentences):
        if not _has_trigger(sentence):
            continue
        following = " ".join(item_sentences[position + 1 : position + 3])
        clause = _assignment_clause(sentence)
        if clause:
            who, task_text = clause
            assignees = split_assignees(who)
        if clause and assignees and task_text.strip():
            task = _trim_task(task_text)
            context = sentence + " " + following
            found.append(
                {
                    "kind": "new",
                    "assignees": assignees,
                    "assignee_kinds": [assignee_kind(name) for name in assignees],
                    "task": task[0].upper() + task[1:],
                    "report_to": _report_to(context),
                    "deadline_text": find_deadline(sentence) or find_deadline(following),
                    "source": (sentence + (" " + following if following and _report_to(following) else "")).strip(),
                }
            )
        else:
            continuation = CONTINUATION.search(sentence)
            if continuation:
                task = continuation.group("task").strip()
                found.append(
                    {
                        "kind": "continued",
                        "assignees": [],
                        "assignee_kinds": [],
                        "task": task[0].upper() + task[1:] + ".",
                        "report_to": _report_to(sentence + " " + following),
                        "deadline_text": find_deadline(sentence),
                        "source": sentence,
                    }
                )
                continue
            report = REPORT_BACK.search(sentence)
            if report and not any(sentence in entry["source"] for entry in found):
                task = sentence[: report.start()].strip().rstrip(",")
                if re.fullmatch(r"(?:uppdraget|det|detta|arbetet)?", task, re.IGNORECASE) and position:
                    # "Uppdraget skulle återredovisas …": the task is the nearest sentence
                    # before it that says what should be done.
                    earlier = [s for s in item_sentences[:position] if re.search(r"\b(?:skulle|ska|skall)\b", s)]
                    task = (earlier[-1] if earlier else item_sentences[position - 1]).rstrip(".")
                found.append(
                    {
                        "kind": "report_back",
                        "assignees": [],
                        "assignee_kinds": [],
                        "task": (task[0].upper() + task[1:] + ".") if task else sentence,
                        "report_to": report.group("organ"),
                        "deadline_text": find_deadline(report.group("when")) or find_deadline(sentence),
                        "source": sentence,
                    }
                )
    return [_dated(entry, decided_on, resolve_organ) for entry in found]


def extract_fulfilments(item):
    """Decisions about earlier assignments: "… uppdrag 2021-11-25 § 23 … förklaras fullgjort"."""
    results = []
    if "fullgjort" not in item:
        return results
    for sentence in swedish.sentences(item):
        match = FULFILLED.search(sentence)
        if not match:
            continue
        results.append(
            {
                "organ": match.group("organ"),
                "assignment_date": match.group("date"),
                "assignment_paragraph": int(match.group("paragraph")) if match.group("paragraph") else None,
                "budget": match.group("budget") or "",
                "fulfilled": not match.group("negation"),
                "source": sentence,
            }
        )
    return results


def extract_commitments(text, decided_on=None, resolve_organ=None):
    """Promises with a deadline in running text, e.g. an interpellation answer's milestones.

    "Två viktiga milstenar är att planen ska vara beslutad senast i slutet av november
    och att förslag … ska vara klara vid årsskiftet 2020/2021" gives two commitments.
    """
    found = []
    for sentence in swedish.sentences(text):
        if not re.search(r"\bska\b|\bskall\b", sentence):
            continue
        clauses = re.split(r"\s+och\s+att\s+|;\s*", sentence)
        for clause in clauses:
            deadline = find_deadline(clause)
            if not deadline or not re.search(r"\bska\b|\bskall\b", clause):
                continue
            task = re.sub(r"^.*?\b(?:är|blir)\s+att\s+", "", clause).strip()
            task = task[0].upper() + task[1:]
            found.append(
                _dated(
                    {
                        "kind": "commitment",
                        "assignees": [],
                        "assignee_kinds": [],
                        "task": task.rstrip(".") + ".",
                        "report_to": _report_to(clause),
                        "deadline_text": deadline,
                        "source": sentence,
                    },
                    decided_on,
                    resolve_organ,
                )
            )
    return found
