"""Running the importer's large case-blind patterns only where they can match.

Python's `re` tries a pattern at every position of the text, and a pattern that ignores
case and opens with an alternation cannot skip ahead, so a long pattern over a long text
is slow even when it finds nothing. Where every match of a pattern must begin with one of
a few words, the search can start at the first of them, and a text without any of them
needs no search at all.
"""

import re
from itertools import islice


def caseless(text: str, lowered: str = "") -> str:
    """`text` lower-cased as a case-blind pattern reads it, to test for a pattern's words.

    A pattern that ignores case also takes "İ" and "ı" for "i" and "ſ" for "s", which
    `str.lower` keeps apart; here they become "i" and "s" (the dot "İ" lower-cases to is
    dropped), so a word the pattern would match is always found. Positions match the
    text's unless the text itself holds a combining dot above (U+0307). `lowered` is
    `text.lower()` when the caller has it.
    """
    return (lowered or text.lower()).replace("\u0307", "").replace("ı", "i").replace("ſ", "s")


def search_from(pattern: re.Pattern, text: str, starts: tuple[str, ...], folded: str = "") -> re.Match | None:
    """`pattern.search(text)`, begun where the first of `starts` stands in `text`.

    `starts` are lower-case words one of which begins every match of `pattern` (which
    ignores case); `folded` is `caseless(text)` when the caller has it. The search still
    sees the characters before its start (`\\b`, look-behind), so it finds exactly what a
    search of the whole text finds.
    """
    folded = folded or caseless(text)
    if len(folded) != len(text):
        # The text's own combining dots shift positions: test, but search it all.
        return pattern.search(text) if any(word in folded for word in starts) else None
    positions = [position for position in map(folded.find, starts) if position >= 0]
    return pattern.search(text, min(positions)) if positions else None


def finditer_from(pattern: re.Pattern, text: str, starts: tuple[str, ...]):
    """The matches of `pattern.finditer(text)`, tried only where one of `starts` stands.

    As for `search_from`, every match (never empty) begins with one of `starts`. The
    leftmost match at or after the end of the one before is then the first of those
    places where the pattern matches, so the same matches come out, in the same order.
    """
    folded = caseless(text)
    if len(folded) != len(text):
        yield from pattern.finditer(text) if any(word in folded for word in starts) else ()
        return
    places = sorted({place for word in starts for place in _places(folded, word)})
    after = 0
    for place in places:
        if place < after:
            continue
        match = pattern.match(text, place)
        if match:
            yield match
            after = match.end()


def _places(text, word):
    """Every position of `word` in `text`."""
    place = text.find(word)
    while place >= 0:
        yield place
        place = text.find(word, place + 1)


def lines_with(text: str, mark: str) -> list[str]:
    """The lines of `text` that hold `mark` (each once, in order), without splitting all of it."""
    found = []
    position = text.find(mark)
    while position >= 0:
        start = text.rfind("\n", 0, position) + 1
        end = text.find("\n", position)
        end = len(text) if end < 0 else end
        found.append(text[start:end])
        position = text.find(mark, end)
    return found


def first_nonblank_lines(text: str, count: int, from_end: bool = False) -> list[str]:
    """The first (or, `from_end`, the last) `count` non-blank lines of `text`, in text order.

    Only as much of the text is split as those lines need, as a rule a few times `count`.
    """
    reach = 4 * count
    parts = text.rsplit("\n", reach) if from_end else text.split("\n", reach)
    if len(parts) > reach:  # the text goes on beyond `reach` lines: leave the remainder out
        parts = parts[1:] if from_end else parts[:reach]
    found = list(islice(filter(str.strip, reversed(parts) if from_end else parts), count))
    if len(found) < count and len(parts) == reach:  # mostly blank lines: read the whole text
        lines = text.split("\n")
        found = list(islice(filter(str.strip, reversed(lines) if from_end else lines), count))
    return found[::-1] if from_end else found


def lines_holding(lines: list[str], mark: str, joined: str = "") -> list[int]:
    """Indices of the lines that hold `mark`, in order.

    The lines are searched joined (`joined`, when the caller has it), by `str.find`, so a
    long document's lines without the mark cost no Python step each (`mark` holds no line
    break).
    """
    joined = joined or "\n".join(lines)
    found = []
    index = start = 0  # `start` is where line `index` begins in `joined`
    while (position := joined.find(mark, start)) >= 0:
        index += joined.count("\n", start, position)
        found.append(index)
        start = joined.find("\n", position) + 1
        if start == 0:
            break
        index += 1
    return found
