"""Find assignments (uppdrag) in decided text, with who, what, to whom and by when.

Swedish decisions phrase assignments in a handful of ways, active and passive: "X får i
uppdrag att …", "X ges i uppdrag att …", "X uppdras att …", "Kommunstyrelsen uppdrar åt X
att …", "att ge X i uppdrag att …", "X ska återkomma med …", "Uppdraget med att … ska
fortsätta", and lists where a lead-in names the assignee once ("X får i uppdrag att: 1. …
2. …"). Only what the organ decided counts (decision_text finds it); points it merely
recommends to another organ are marked `proposed`. Each assignment keeps its source
sentence so a secretary can check the reading; ends of earlier assignments are read by
completions.py. The deadline stays as the decision words it (`deadline_text`); turning it
into a date is governance.deadlines' job.
"""

import re

from governance.deadlines import due_date_for

from . import swedish
from .completions import completion_kind, completions_in
from .decision_text import ITEM_MARKER, TASK_START, DecisionItem, decision_items
from .patterns import caseless, search_from

ORGAN = (
    r"(?:[A-ZÅÄÖa-zåäö][\wåäö\-]*s\s)?"  # genitive owner: "kommunstyrelsens arbetsutskott"
    r"(?:kommunfullmäktige|kommunstyrelsen|[\wåäö\-]*nämnd(?:en)?|[\wåäö\-]*styrelse(?:n)?"
    r"|[\wåäö\-]*utskott(?:et)?|[\wåäö\-]*beredning(?:en)?|stadsledningskontoret"
    r"|kommunledningskontoret|[\wåäö\-]*förvaltning(?:en)?)"
)
ORGAN_RE = re.compile(ORGAN, re.IGNORECASE)

#: Who gets the assignment, named before the verb: "Stadsledningskontoret får i uppdrag att …",
#: "Tekniska nämnden ges i uppdrag att …", "Kommundirektören uppdras att …".
SUBJECT_VERBS = re.compile(
    r"\s(?:får|ges|erhåller|tilldelas)(?:,[^,.]{1,60},)?\s+(?:härmed\s+|även\s+|också\s+|därutöver\s+|vidare\s+)?"
    r"(?:i\s+)?(?:ett\s+|nytt\s+|förnyat\s+|fortsatt\s+)*uppdrag(?:et)?(?:\s*(?:att\b|:)"
    r"|(?<=i uppdrag)(?=\s+(?!och\b|som\b|till\b|från\b|av\b|för\b|med\b|i\b)[a-zåäö]+a\s))"
    r"|\suppdras\s+(?:härmed\s+|även\s+|också\s+|därutöver\s+|vidare\s+)?(?:att\b|:|(?=[a-zåäö]+a\s))",
    re.IGNORECASE,
)
#: Who gets it, named after the verb: "uppdrar åt X att …", "att ge X i uppdrag att …",
#: "lämnar uppdrag till X att …", "Uppdrag ges till X att …".
OBJECT_VERBS = re.compile(
    r"\b(?:uppdra[rs]?|uppdrog)\s+(?:härmed\s+|även\s+|också\s+)?(?:åt|till)\s+(?P<who1>[^.;:]{2,160}?)\s+att\b"
    r"|\b(?:ge|ger|gav)\s+(?:härmed\s+|även\s+|också\s+)?(?P<who2>[^.;:]{2,160}?)\s+(?:i\s+)?(?:ett\s+|nytt\s+)?uppdrag(?:et)?"
    r"\s+att\b"
    r"|\b(?:lämna[r]?|ge[r]?)\s+(?:ett\s+)?uppdrag\s+(?:till|åt)\s+(?P<who3>[^.;:]{2,160}?)\s+att\b"
    r"|\buppdrag(?:et)?\s+ges\s+(?:till|åt)\s+(?P<who4>[^.;:]{2,160}?)\s+att\b"
    r"|\buppdra\s+(?P<who5>[^.;:]{2,80}?)\s+att\b"
    # A referral back with a task: "Ärendet återremitteras till förvaltningen för att utreda …"
    r"|\b(?:åter)?remitteras\s+till\s+(?P<who7>[^.;:,]{2,80}?)\s+(?:för\s+att|med\s+uppdrag(?:et)?\s+att)\b"
    # Verb before subject after an adverbial: "Med anledning av detta får X i uppdrag att …"
    r"|\b(?:får|ges)\s+(?P<who6>(?!i\s)[^.;:,]{2,60}?)\s+i\s+uppdrag\s+att\b",
    re.IGNORECASE,
)
#: "Socialförvaltningen ska återkomma till nämnden med …", "Förvaltningen ska redovisa … senast …",
#: "Förvaltningen ska återrapportera …": an actor told to come back is given work too.
REPORT_DUTY = re.compile(
    r"\s(?:(?:ska|skall)\s+(?:[^\s.,;:]+\s+){0,6}?)?"
    r"(?P<verb>återkomma|redovisa|återrapportera|rapportera|återredovisa|presentera|lämna\s+(?:en\s+)?(?:redovisning|rapport|förslag)"
    r"|(?:återrapporterar|återkommer)(?!\s+att\b))\b",
    re.IGNORECASE,
)
#: Words that make a noun phrase a plausible assignee rather than a thing ("Uppdraget ska
#: redovisas", "Rapporten ska presenteras").
ACTOR_WORD = re.compile(
    r"(nämnd|nämnden|styrelse|styrelsen|kontor|kontoret|förvaltning|förvaltningen|utskott|utskottet|fullmäktige"
    r"|direktör|direktören|chef|chefen|ordförande|ordföranden|\bab\b|bolag|bolaget|enhet|enheten|avdelning|avdelningen"
    r"|råd|rådet|sekreterare|sekreteraren|samordnare|samordnaren|grupp|gruppen|nämnder|styrelser|förvaltningar|[A-ZÅÄÖ][a-zåäö]+\s+\([A-ZÅÄÖ]{1,3}\))$",
    re.IGNORECASE,
)
NOT_AN_ASSIGNEE = re.compile(
    r"^(?:som|vilket|vilka|det|detta|den|de|dessa|man|uppdraget|uppdrag|arbetet|redovisningen|rapporten|ärendet)$",
    re.IGNORECASE,
)
#: Past tense and reported speech: a sentence about an earlier assignment, not a new one.
PAST_OR_REPORTED = re.compile(
    r"\b(?:fick|gavs|gav|har\s+fått|hade\s+fått|har\s+getts|beslutade|beslöt|uppdrog|tidigare)\b", re.IGNORECASE
)
DELEGATION = re.compile(r"\b(?:medger|medgav|överlåter|delegerar|vidaredelegera\w*)\b", re.IGNORECASE)
PROPOSING = re.compile(r"\b(?:föreslår|föreslås|yrkar|hemställer|tillstyrker)\b", re.IGNORECASE)


def _is_actor(phrase):
    """Whether a phrase names someone who can be given work (an organ, a post, a company, a person)."""
    words = _head_noun(phrase).split()
    if any(ACTOR_WORD.search(word) for word in words) or swedish.PERSON_WITH_PARTY.search(phrase):
        return True
    return sum(1 for word in words if word[:1].isupper()) >= 2 or phrase.endswith(" AB")


def _head_noun(phrase):
    """ "Nämnder med underskott" → "Nämnder": the words before a qualifying preposition."""
    return re.split(r"\s+(?:för|i|inom|med|som)\s+", phrase.strip())[0]


def _who_before(sentence, verb_start):
    """The assignee phrase ending where the verb starts, without lead-in words."""
    before = re.split(r"[;:]", sentence[:verb_start])[-1]
    # "Kommunstyrelsen beslutar att X får …", "… föreslår kommunfullmäktige att X får …"
    before = re.split(r"\batt\s+(?=[A-ZÅÄÖa-zåäö])", before)[-1]
    before = before.strip()[-160:]
    # "Ärendet återremitteras till X som ska återkomma …": the actor is X.
    relative = re.search(r"\btill\s+(?P<who>[^,]{2,80}?)\s+som$", before)
    return relative.group("who") if relative else before


#: Words (lower-cased) each of the three patterns needs: a sentence without them skips it.
SUBJECT_VERBS_WORD = "uppdra"
OBJECT_VERBS_WORDS = ("uppdr", "remitteras")
REPORT_DUTY_WORDS = ("återkomm", "redovisa", "rapporter", "presentera", "lämna")


def assignment_clause(sentence: str):
    """(assignee phrase, task text, proposed) of the assignment a sentence gives, or None.

    `proposed` is true when the sentence only recommends the assignment to another organ
    ("Kommunstyrelsen föreslår att kommunfullmäktige ger X i uppdrag att …").
    """
    padded = " " + sentence
    folded = caseless(padded)
    match = SUBJECT_VERBS.search(padded) if SUBJECT_VERBS_WORD in folded else None
    if match:
        who = _who_before(padded, match.start())
        prefix = padded[: match.start()]
        return who, padded[match.end() :].lstrip(" :"), bool(PROPOSING.search(prefix))
    match = OBJECT_VERBS.search(padded) if any(word in folded for word in OBJECT_VERBS_WORDS) else None
    if match:
        who = next(group for group in match.groups() if group)
        prefix = padded[: match.start()]
        if match.group("who6") and not ACTOR_WORD.search(who):
            return None
        if DELEGATION.search(prefix[-120:]) or re.match(r"(?:annan|andra|någon|en\s+annan)\b", who, re.IGNORECASE):
            return None  # delegation of decision-making ("medger att X uppdrar åt annan anställd att besluta")
        if PAST_OR_REPORTED.search(prefix[-80:]):
            return None
        return who, padded[match.end() :].lstrip(" :"), bool(PROPOSING.search(prefix))
    match = REPORT_DUTY.search(padded) if any(word in folded for word in REPORT_DUTY_WORDS) else None
    if match:
        who = _who_before(padded, match.start())
        if not ACTOR_WORD.search(_head_noun(who)):
            return None
        task = padded[match.start() :].strip()
        task = re.sub(r"^(?:ska|skall)\s+", "", task, flags=re.IGNORECASE)
        return who, task, bool(PROPOSING.search(padded[: match.start()]))
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


#: Cheap pre-check: sentences without these words cannot create or report an assignment.
TRIGGER_WORDS = ("uppdra", "rapporter", "redovis", "återkomm", "presentera", "lämna")


def _has_trigger(text):
    lowered = text.lower()
    return any(word in lowered for word in TRIGGER_WORDS)


MONTHS = swedish.MONTH_PATTERN
#: (Each pattern needs one of `DEADLINE_WORDS` below: keep them in step.)
DEADLINE_PATTERNS = [
    r"(?:på|vid|till)\s+(?:kommande|nästa)\s+(?:möte|sammanträde)",
    r"senast\s+(?:den\s+)?\d{4}-\d{2}-\d{2}",
    rf"senast\s+(?:den\s+)?\d{{1,2}}\s+(?:{MONTHS})(?:\s+\d{{4}})?",
    rf"senast\s+(?:i\s+)?(?:slutet|utgången)\s+av\s+(?:{MONTHS})(?:\s+\d{{4}})?",
    rf"(?:senast\s+)?i\s+(?:{MONTHS})(?:\s+\d{{4}})?",
    r"vid\s+årsskiftet(?:\s+\d{4}\s*/\s*\d{2,4})?",
    r"inom\s+(?:\d+|en|ett|två|tre|fyra|fem|sex|tolv)\s+(?:dagar|dag|veckor|vecka|månader|månad|år)",
    r"(?:en|två|tre|fyra|sex|tolv|\d+)\s+gånger\s+per\s+år",
    rf"senast\s+(?:den\s+)?\d{{1,2}}\s+(?:{MONTHS})\s+\d{{4}}",
    r"(?:senast\s+)?(?:under|till|före)\s+(?:vårterminen|höstterminen|våren|hösten|sommaren|vintern)"
    r"(?:\s+\d{4}(?:\s*/\s*\d{2,4})?)?",
    r"(?:senast\s+)?(?:under\s+)?(?:första|andra|tredje|fjärde|1:a|2:a|3:e|4:e)\s+(?:kvartalet|tertialet|halvåret)"
    r"(?:\s+\d{4})?",
    r"(?:vid|till|före)\s+halvårsskiftet(?:\s+\d{4})?",
    r"(?:före|vid|till)\s+utgången\s+av\s+(?:år\s+)?\d{4}",
    r"(?:senast\s+)?under\s+år\s+\d{4}",
    r"(?:senast\s+)?i\s+samband\s+med\s+(?:kommande\s+|nästa\s+)?(?:delårsrapport|delårsbokslut|årsredovisning"
    r"|bokslut|budget|verksamhetsberättelse|mål-\s+och\s+budget|tertialrapport|uppföljning)\w*(?:\s+\d{4})?",
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


PARTNERS = re.compile(
    r",?\s+(?:i\s+samverkan\s+med|i\s+samarbete\s+med|tillsammans\s+med|i\s+dialog\s+med|med\s+stöd\s+av)\b",
    re.IGNORECASE,
)
COLLECTIVE = re.compile(r"^(?:samtliga|alla|övriga|berörda|respektive)\b", re.IGNORECASE)


def split_assignees(phrase):
    """ "Kommundirektören och näringslivschefen" → ["kommundirektören", "näringslivschefen"]."""
    phrase = LEADING_NOISE.sub("", phrase.strip())
    phrase = re.sub(r"\s+(?:gemensamt|tillsammans)$", "", phrase)
    # Partners named after the assignee work with it but are not given the assignment.
    phrase = PARTNERS.split(phrase)[0].strip(" ,")
    if COLLECTIVE.match(phrase):
        return [phrase[0].upper() + phrase[1:]]  # "Samtliga nämnder och styrelser" is one group
    # "Idrotts- och föreningsnämnden" is one organ: no split after a hyphenated first part.
    parts = re.split(r",\s*|(?<!-)\s+och\s+|(?<!-)\s+samt\s+", phrase)
    names = []
    pending = ""
    for part in (part.strip() for part in parts):
        if not part:
            continue
        if not _is_actor(part):
            # "nämnden för demokrati och medborgarservice", "äldre samt vård- och omsorgsnämnden":
            # a part that names no actor belongs to its neighbour.
            if names and not pending and re.search(r"\s(?:för|inom)\s", names[-1]):
                names[-1] = f"{names[-1]} och {part}"
            else:
                pending = f"{pending} {part}".strip()
            continue
        names.append(f"{pending} samt {part}" if pending else part)
        pending = ""
    if pending:
        names.append(pending)
    return [name[0].upper() + name[1:] for name in names if len(name.split()) <= 8]


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


#: A word one of DEADLINE_PATTERNS needs (lower-cased; a month by its first three letters),
#: or "under" with a number (the year); a text with neither skips the pattern.
DEADLINE_WORDS = (
    "kommande", "nästa", "senast", "jan", "feb", "mar", "apr", "maj", "jun", "jul", "aug", "sep", "okt", "nov",
    "dec", "årsskiftet", "inom", "gånger", "vår", "höst", "sommaren", "vintern", "kvartalet", "tertialet",
    "halvåret", "utgången", "samband", "årligen",
)  # fmt: skip
DIGIT = re.compile(r"\d")


def find_deadline(text):
    folded = caseless(text or "")
    if not (any(word in folded for word in DEADLINE_WORDS) or ("under" in folded and DIGIT.search(folded))):
        return ""
    match = DEADLINE_RE.search(text or "")
    return match.group(0) if match else ""


def _trim_task(task):
    task = task.strip().lstrip(",: ").strip()
    # The report-back clause is not part of the task.
    task = re.split(
        r"\s*(?:Återkoppling|Uppdraget ska (?:åter)?(?:rapporteras|redovisas)|Återrapportering)\b",
        task,
    )[0]
    return task.rstrip(" .;") + "."


#: The words NEXT_MEETING_WITH and REPORT_TO begin with (see `patterns.search_from`).
NEXT_MEETING_STARTS = ("kommande", "nästa")
REPORT_TO_STARTS = ("återkoppl", "återrapport", "återredovis", "redovis", "återkomma", "rapport")


def _report_to(text):
    for pattern, starts in ((NEXT_MEETING_WITH, NEXT_MEETING_STARTS), (REPORT_TO, REPORT_TO_STARTS)):
        match = search_from(pattern, text, starts)
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


def redate(assignment, decided_on, resolve_organ=None):
    """Date an assignment again from a corrected decision date (see `pipeline.Overrides`)."""
    return _dated(assignment, decided_on, resolve_organ)


def extract_assignments(
    item, decided_on=None, resolve_organ=None, shared_assignees=None, proposed=False, readings=None
):
    """Assignments created or continued by one decision item (a bullet under "Beslut").

    `resolve_organ(name)` may return an Organization so "kommande möte" can be dated from
    its calendar; without it the due date of such a rule stays unknown. `shared_assignees`
    are the ones a lead-in names for every point of a list ("X får i uppdrag att: 1. … 2. …");
    `proposed` marks a point the organ only recommends to another organ; `readings` are the
    §'s sentences already read for completions (see `completions.completion_kind`).
    """
    found = []
    if not shared_assignees and not _has_trigger(item):
        return found
    item_sentences = swedish.sentences(item)
    for position, sentence in enumerate(item_sentences):
        if not _has_trigger(sentence) and not (shared_assignees and position == 0):
            continue
        following = " ".join(item_sentences[position + 1 : position + 3])
        if completion_kind(sentence, readings=readings):
            continue  # "Redovisningen av uppdraget att X får i uppdrag att … godkänns" quotes an old one
        clause = assignment_clause(sentence)
        if clause is None and shared_assignees and position == 0 and TASK_START.match(sentence):
            # A point under "X får i uppdrag att:" names only the task.
            clause = ("", sentence, proposed)
        assignees = []
        if clause:
            who, task_text, sentence_proposed = clause
            assignees = split_assignees(who) if who else list(shared_assignees or [])
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
                    "proposed": proposed or sentence_proposed,
                }
            )
        else:
            continuation = CONTINUATION.search(sentence)
            if continuation:
                task = continuation.group("task").strip()
                found.append(
                    {
                        "kind": "continued",
                        "proposed": proposed,
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
                        "proposed": proposed,
                        "assignees": [],
                        "assignee_kinds": [],
                        "task": (task[0].upper() + task[1:] + ".") if task else sentence,
                        "report_to": report.group("organ"),
                        "deadline_text": find_deadline(report.group("when")) or find_deadline(sentence),
                        "source": sentence,
                    }
                )
    return [_dated(entry, decided_on, resolve_organ) for entry in found]


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


BARE_REFERENCE = re.compile(r"(?:uppdraget|uppdragen|det|detta|arbetet|redovisningen|återrapporteringen)?\.?", re.I)


def _merge_report_backs(found):
    """ "Uppdraget ska återrapporteras till X i maj" after an assignment is that assignment's rule."""
    merged = []
    for entry in found:
        bare = entry["kind"] == "report_back" and BARE_REFERENCE.fullmatch(
            re.sub(r"\s+(?:ska|skall)\b.*$", "", entry["source"]).strip()
        )
        previous = merged[-1] if merged else None
        if bare and previous and previous["kind"] in ("new", "continued"):
            previous["report_to"] = previous["report_to"] or entry["report_to"]
            previous["deadline_text"] = previous["deadline_text"] or entry["deadline_text"]
            if entry["source"] not in previous["source"]:
                previous["source"] = f"{previous['source']} {entry['source']}"
            continue
        merged.append(entry)
    return merged


#: "Ärendet återremitteras till X med följande uppdrag:", "X ges följande uppdrag:".
LIST_OF_TASKS = re.compile(
    r"(?:\b(?:åter)?remitteras\s+till|\böverlämnas\s+till)\s+(?P<who1>[^,:]{2,80}?)\s+(?:med|för)\s+"
    r"(?:följande\s+)?(?:uppdrag|uppdraget)(?:\s+att)?\s*:$"
    r"|^(?P<who2>[^,:]{2,80}?)\s+(?:får|ges|erhåller)\s+följande\s+uppdrag(?:\s+att)?\s*:$",
    re.IGNORECASE,
)


def _lead_in_assignees(lead_in):
    """The assignees a list's lead-in names for every point ("X får i uppdrag att:")."""
    folded = caseless(lead_in)
    # LIST_OF_TASKS needs "uppdrag" and one of its verbs.
    may_list = "uppdrag" in folded and any(word in folded for word in ("remitteras", "överlämnas", "följande"))
    listed = LIST_OF_TASKS.search(lead_in) if lead_in and may_list else None
    if listed:
        who = listed.group("who1") or listed.group("who2")
        return split_assignees(who), bool(PROPOSING.search(lead_in[: listed.start()]))
    clause = (assignment_clause(lead_in) or assignment_clause(lead_in.rstrip(": ") + " att:")) if lead_in else None
    if not clause:
        return [], False
    who, task, proposed = clause
    if task.strip(" :"):
        return [], False
    return split_assignees(who), proposed


#: A decided point that only sets how the preceding assignment reports back
#: ("att återrapportering ska ske till nämnden i september 2024").
REPORT_RULE = re.compile(
    r"^(?:att\s+)?(?:uppdraget|uppdragen|återrapportering(?:en)?|redovisning(?:en)?|återkoppling(?:en)?"
    r"|rapportering(?:en)?|återredovisning(?:en)?)\s+(?:ska|skall)\s+",
    re.IGNORECASE,
)


def _attach_report_rule(entry, text, decided_on, resolve_organ):
    """Fill the preceding assignment's report-to and deadline from a report-rule point."""
    entry["report_to"] = entry["report_to"] or _report_to(text)
    entry["deadline_text"] = entry["deadline_text"] or find_deadline(text)
    entry["source"] = f"{entry['source']} {text}".strip()
    _dated(entry, decided_on, resolve_organ)


#: Every assignment, lead-in list or completion needs one of these words in its § (see
#: `_has_trigger`, `LIST_OF_TASKS`, the referral in `OBJECT_VERBS`, and completions, which
#: count only when `completions.ABOUT_ASSIGNMENT` or `ASSIGNMENT_TITLE` ties them to an
#: assignment, in the sentence or the §'s title).
FINDING_WORDS = (*TRIGGER_WORDS, "remitter", "rapport")
#: The same test with no word that holds another ("rapport" stands in every "rapporter").
FINDING_STEMS = tuple(
    word for word in FINDING_WORDS if not any(other != word and other in word for other in FINDING_WORDS)
)
#: Every finding needs one of these in its decided points or the §'s title, read `caseless`:
#: an item's own trigger word, a lead-in naming who gets the points under it ("uppdrog åt X
#: att:", "X ska redovisa:" …), or the assignment a completion is about.
DECIDED_WORDS = ("uppdr", "redovis", "återkomm", "presentera", "lämna", "remitter", "rapport")
#: A word broken over two lines ("upp-\ndrag"), joined as `swedish.join_lines` joins it.
BROKEN_WORD = re.compile(r"-[ \t]*\n\s*(?=[a-zåäöé])")


def _may_hold_findings(text, title="", fallback_items=None, text_lowered=""):
    """Can any decided point of this § give or end an assignment? A cheap test first.

    Most §s hold neither, and reading their decision items costs more than the rest of
    the parse. The words tested are a superset of every pattern's own, checked on the text
    as written and with broken words joined, so the test never drops a finding.
    `text_lowered` is `text.lower()` when the caller has it.
    """
    written = "\n".join((title or "", text, *(fallback_items or ())))
    items_lowered = (item.lower() for item in fallback_items or ())
    lowered = "\n".join(((title or "").lower(), text_lowered or text.lower(), *items_lowered))  # = written.lower()
    if any(word in lowered for word in FINDING_STEMS):
        return True
    if not BROKEN_WORD.search(written):
        return False  # no broken word to join
    joined = BROKEN_WORD.sub("", written).lower()
    return any(word in joined for word in FINDING_STEMS)


def find_in_paragraph(text, title="", decided_on=None, resolve_organ=None, fallback_items=None):
    """(assignments, completion events) decided in one § of a protokoll.

    Only decided text counts (see decision_text); a paragraph without a recognisable
    decision section falls back to `fallback_items`, the items the minutes parser found.
    Each assignment carries `item_text`, the decided point it was read from.
    """
    text_lowered = text.lower()  # (read by both the test and the decision sections)
    if not _may_hold_findings(text, title, fallback_items, text_lowered):
        return [], []
    items = decision_items(text, text_lowered)
    if not items:
        items = [DecisionItem(text=item) for item in (fallback_items or [])]
    decided = caseless("\n".join((title or "", *(item.text for item in items))))
    if not any(word in decided for word in DECIDED_WORDS):
        return [], []  # the words stood outside the decided points
    found = []
    lead_ins = {}  # each lead-in read once for the points under it
    readings = {}  # each sentence read once for completions (see `completion_kind`)
    for item in items:
        body = ITEM_MARKER.sub("", item.text, count=1) if ITEM_MARKER.match(item.text) else item.text
        if item.lead_in not in lead_ins:
            lead_ins[item.lead_in] = _lead_in_assignees(item.lead_in)
        shared, lead_proposed = lead_ins[item.lead_in]
        entries = extract_assignments(body, decided_on, resolve_organ, shared, item.proposed or lead_proposed, readings)
        if not entries and found and REPORT_RULE.match(body):
            _attach_report_rule(found[-1], body, decided_on, resolve_organ)
        for entry in entries:
            entry["item_text"] = body
            found.append(entry)
    events = completions_in([item.text for item in items], title, [item.proposed for item in items], readings)
    return _merge_report_backs(found), events
