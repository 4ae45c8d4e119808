"""Why a file was read as the kind it was, worded for the secretary who checks it.

`detect.classify` keeps scores and reasons per kind under the kinds' code names
(`minutes`, `policy` …). The review screen and the dry run show this instead: the kind's
own Swedish name (the page model's, see `kinds.KindSpec.label`), how sure the reading is,
and the reasons as one sentence. Scores stay out of it; they mean nothing to a reader.
"""

from .detect import MINIMUM_SCORE, Classification
from .kinds import REGISTRY

#: A runner-up this close to the chosen kind makes the reading worth a second look.
CLOSE_MARGIN = 2.0


def kind_name(kind: str | None) -> str:
    """The Swedish name of a kind ("protokoll", "styrdokument"); an unknown code as it is."""
    spec = REGISTRY.get(kind or "")
    return spec.label if spec else (kind or "okänd")


def listed(parts: list[str]) -> str:
    """ "a, b och c"; a reason that begins with "men" is joined as a reservation, not a list item."""
    items = [part for part in parts if not part.startswith("men ")]
    reservations = [part for part in parts if part.startswith("men ")]
    text = ", ".join(items[:-1]) + " och " + items[-1] if len(items) > 1 else "".join(items)
    return " ".join([text, *reservations]).strip()


def _sentence(text: str) -> str:
    return text[:1].upper() + text[1:] + ("" if text.endswith(".") else ".")


def _runner_up(classification: Classification, kind: str) -> str | None:
    """The kind scoring next to `kind`, when it came close enough to matter."""
    others = {name: score for name, score in classification.scores.items() if name != kind}
    if not others:
        return None
    second = max(others, key=others.get)
    close = others[second] >= MINIMUM_SCORE and classification.scores.get(kind, 0) - others[second] < CLOSE_MARGIN
    return second if close else None


def _evidence(classification: Classification, kind: str) -> str:
    reasons = listed(classification.reasons.get(kind, []))
    return f"texten liknar mest {kind_name(kind)} ({reasons})" if reasons else f"texten liknar mest {kind_name(kind)}"


def _best_guess(classification: Classification) -> str | None:
    return max(classification.scores, key=classification.scores.get) if classification.scores else None


def unclear_reading(classification: Classification) -> str:
    """What the text of a file with no clear kind looks most like, and why, for the refusal."""
    guess = _best_guess(classification)
    return f"{_evidence(classification, guess)}, men inte tillräckligt" if guess else "texten liknar ingen dokumenttyp"


def explain(classification: Classification, chosen: str | None = None) -> str:
    """One or two sentences on why the file is read as `chosen` (given with --kind or on the
    screen) or, without it, as the kind the text itself points to."""
    detected = classification.kind
    if chosen:
        given = f"Angiven i --kind som {kind_name(chosen)}"
        if detected == chosen:
            return _sentence(f"{given}; texten pekar åt samma håll: {listed(classification.reasons[chosen])}")
        guess = detected or _best_guess(classification)
        if guess is None:
            return _sentence(f"{given}; texten liknar ingen dokumenttyp")
        return _sentence(f"{given}; {_evidence(classification, guess)}")
    if detected is None:
        return _sentence(unclear_reading(classification))
    reasons = listed(classification.reasons.get(detected, []))
    if classification.strongly(detected):
        return _sentence(f"Tydligt {kind_name(detected)}: {reasons}")
    runner_up = _runner_up(classification, detected)
    if runner_up:
        return _sentence(
            f"Troligen {kind_name(detected)}: {reasons}. Texten liknar nästan lika mycket "
            f"{kind_name(runner_up)}; kontrollera dokumenttypen"
        )
    return _sentence(f"{kind_name(detected).capitalize()}: {reasons}")
