"""Where in its source sentence an assignment is given, for the review screen's <mark>.

The phrases are the ones `assignments` reads ("får i uppdrag att", "uppdrar åt X att",
"Uppdraget med att … ska fortsätta", "ska redovisas till …", "ska återkomma"), so the
secretary sees exactly which words the importer took as the assignment.
"""

from .assignments import CONTINUATION, OBJECT_VERBS, REPORT_BACK, REPORT_DUTY, SUBJECT_VERBS

PATTERNS = (SUBJECT_VERBS, OBJECT_VERBS, CONTINUATION, REPORT_BACK, REPORT_DUTY)


def assignment_phrase(sentence: str) -> tuple[int, int] | None:
    """(start, end) of the words that give the assignment in `sentence`, or None."""
    for pattern in PATTERNS:
        match = pattern.search(sentence)
        if match is None:
            continue
        start, end = match.span()
        if pattern is REPORT_BACK:
            end = match.end("organ")  # the rest of the sentence is its deadline
        while start < end and sentence[start].isspace():
            start += 1
        return start, end
    return None
