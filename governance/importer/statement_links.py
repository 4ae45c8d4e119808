"""Find the motion or interpellation a beslutsunderlag answers, or say why none was chosen.

The diarienummer decides first: an answer is registered on the motion's own case. Without
a shared case, the subject in the answer's title is compared with the titles of the
municipality's motions (or interpellations): "Svar på motion om laddstationer" matches
"Motion om laddstationer vid skolor". Two equally good candidates link nothing, because a
wrong link shows a resident the answer to someone else's motion.
"""

import re
from dataclasses import dataclass

from governance.models import InterpellationPage, MotionPage, StatementPage, normalize_case_number

#: Words that say what kind of document it is, or join the words that say what it is about.
STOPWORDS = {
    "motion", "motionen", "motionssvar", "medborgarförslag", "medborgarförslaget", "interpellation",
    "interpellationen", "svar", "yttrande", "över", "om", "gällande", "angående", "avseende", "rörande", "kring",
    "att", "för", "i", "och", "av", "på", "till", "med", "en", "ett", "det", "den", "de", "som", "vid", "från",
    "inom", "kommun", "kommunen", "kommunens", "flera", "samt",
}  # fmt: skip
STEM = 6
#: Inflection endings, longest first: "laddstationerna", "insatserna", "utreda", "stärka" meet their stems.
ENDINGS = (
    "arnas",
    "ernas",
    "ornas",
    "arna",
    "erna",
    "orna",
    "ande",
    "ende",
    "ning",
    "ar",
    "er",
    "or",
    "en",
    "et",
    "na",
    "a",
    "s",
)
MINIMUM_OVERLAP = 0.75
#: Candidates this close to the best are as good as it: the match is ambiguous.
TIE_MARGIN = 0.1


@dataclass
class AnswerLink:
    """The answered page (None when nothing was linked) and, when none, why."""

    page: object = None
    how: str = ""  # "diarienummer" | "titel" | ""
    warning: str = ""


def stem(word: str) -> str:
    """A word without its inflection ending, cut short: "stärka" and "stärk" are one word here."""
    for ending in ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= 4:
            word = word[: -len(ending)]
            break
    return word[:STEM]


def subject_words(title: str, ignore: str = "") -> set[str]:
    """The content words of a title as stems; `ignore` (the municipality's name, which many
    titles repeat) says nothing about the subject."""
    ignored = STOPWORDS | set(re.findall(r"[a-zåäöéü0-9]+", ignore.lower()))
    words = re.findall(r"[a-zåäöéü0-9]+", title.lower())
    return {stem(word) for word in words if word not in ignored and stem(word) not in ignored and len(word) > 1}


def overlap(subject: set[str], title: set[str]) -> float:
    """Share of the shorter word set found in the other (a subject is often a title's shortening)."""
    if not subject or not title:
        return 0.0
    shared = len(subject & title)
    if shared < min(2, len(subject), len(title)):
        return 0.0
    return shared / min(len(subject), len(title))


def _candidates(municipality, answered_kind: str | None):
    if answered_kind == "interpellation":
        return [InterpellationPage.objects.filter(municipality=municipality)]
    if answered_kind in ("motion", "citizen_proposal"):
        return [MotionPage.objects.filter(municipality=municipality)]
    return [
        MotionPage.objects.filter(municipality=municipality),
        InterpellationPage.objects.filter(municipality=municipality),
    ]


def _by_case(municipality, case_numbers, answered_kind):
    for case_number in case_numbers:
        number = normalize_case_number(case_number)
        pages = [
            page
            for queryset in _candidates(municipality, answered_kind)
            for page in queryset.filter(case__case_number__iexact=number)
        ]
        if len(pages) == 1:
            return AnswerLink(pages[0], "diarienummer")
        if len(pages) > 1:
            titles = "; ".join(page.title for page in pages[:3])
            return AnswerLink(
                warning=f"flera ärenden har diarienummer {number} ({titles}): svaret kopplades inte, välj i admin."
            )
    return None


def waiting_answers(page):
    """The unlinked beslutsunderlag that the rule above would link to `page` (a motion or an
    interpellation imported after its answer)."""
    kinds = ["interpellation"] if isinstance(page, InterpellationPage) else ["motion", "citizen_proposal"]
    waiting = StatementPage.objects.filter(municipality=page.municipality, answers__isnull=True).filter(
        answered_kind__in=kinds
    )
    return [
        statement
        for statement in waiting.select_related("case")
        if find_answered(
            page.municipality,
            {"kind": statement.answered_kind, "subject": statement.answered_subject},
            [statement.case.case_number] if statement.case else [],
        ).page
        == page
    ]


def find_answered(municipality, answers: dict | None, case_numbers: list[str]) -> AnswerLink:
    """The page `answers` (the parsed title's kind and subject) and `case_numbers` point to."""
    answered_kind = (answers or {}).get("kind")
    by_case = _by_case(municipality, [number for number in case_numbers if number], answered_kind)
    if by_case is not None:
        return by_case
    if not answers:
        return AnswerLink()
    name = municipality.name
    subject = subject_words(answers.get("subject", ""), name)
    if not subject:
        return AnswerLink(warning="titeln säger inte vad som besvaras: svaret kopplades inte.")
    scored = sorted(
        (
            (overlap(subject, subject_words(page.title, name)), page)
            for queryset in _candidates(municipality, answered_kind)
            for page in queryset
        ),
        key=lambda pair: -pair[0],
    )
    scored = [(score, page) for score, page in scored if score >= MINIMUM_OVERLAP]
    if not scored:
        return AnswerLink(warning=f"ingen motion eller interpellation i kommunen motsvarar ”{answers['subject']}”.")
    best = scored[0][0]
    tied = [page for score, page in scored if best - score < TIE_MARGIN]
    if len(tied) > 1:
        titles = "; ".join(page.title for page in tied[:3])
        return AnswerLink(
            warning=f"”{answers['subject']}” passar lika bra på flera ({titles}): svaret kopplades inte, välj i admin."
        )
    return AnswerLink(scored[0][1], "titel")
