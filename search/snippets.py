"""Snippets computed by the application from a hit's stored text, with the matching words marked.

The engine's highlighter only knows its own analyzers: a word that matched through the
application's base forms or compound parts ("arbetsmarknad" found in "arbetsmarknadsenheten")
got no highlight at all. Here a word is marked exactly when the matching fields would have
matched it (the same `base_form` and `contained_words`), so every hit that matched on text
shows where. It also spares the engine highlighting long paragraphs, which was measured to
cost more than the query itself there.

Output is HTML: the text is escaped first, then only `<mark>` is added.
"""

import html
import re
from dataclasses import dataclass

from governance.importer.swedish import sentences

from .analysis import base_form, contained_words, fold, split_compound
from .query import PART_GAPS, ParsedQuery

FRAGMENT_CHARS = 180
MAX_FRAGMENTS = 2
WORD = re.compile(r"[\wåäöÅÄÖéü]+")


@dataclass(frozen=True)
class Marker:
    """What to mark for one query: base forms, their folded spellings, and word sequences
    (quoted phrases and compounds written apart) that count only together."""

    bases: frozenset
    folded: frozenset
    sequences: tuple  # tuples of base forms
    candidate: re.Pattern  # a cheap pre-filter: the stems a matching word must contain
    sequence_needles: tuple = ()  # per sequence, what a sentence must contain for it to match

    @classmethod
    def for_query(cls, parsed: ParsedQuery) -> "Marker":
        bases = {base_form(term.lower()) for term in parsed.terms}
        sequences = [tuple(base_form(part) for part in split_compound(term)) for term in parsed.terms]
        sequences += [tuple(base_form(w.lower()) for w in WORD.findall(phrase)) for phrase in parsed.phrases]
        sequences = tuple(sequence for sequence in sequences if sequence)
        stems = set(bases) | {word for sequence in sequences for word in sequence}
        needles = {_needle(stem) for stem in stems if stem}
        needles |= {fold(needle) for needle in needles}
        pattern = "|".join(sorted((re.escape(n) for n in needles), key=len, reverse=True)) or r"(?!)"
        # The stems alone: a pattern that also spans the surrounding word letters was
        # retried at every position of every sentence (measured 8 ms per results page).
        candidate = re.compile(pattern, re.IGNORECASE)
        sequence_needles = tuple(frozenset(_needle(word) for word in sequence) for sequence in sequences)
        return cls(frozenset(bases), frozenset(fold(b) for b in bases), sequences, candidate, sequence_needles)

    def is_match(self, word: str) -> bool:
        """The word matches by itself, an inflection, or as a compound containing a query word."""
        lowered = word.lower()
        base = base_form(lowered)
        if base in self.bases or fold(base) in self.folded:
            return True
        return any(part in self.bases for part in contained_words(lowered))

    def marked_spans(self, text: str) -> list:
        """(start, end) of every word to mark, in order."""
        if not self.candidate.search(text):
            return []
        spans = {span for span in _words_around(self.candidate, text) if self.is_match(text[span[0] : span[1]])}
        lowered = text.lower()
        # Reading every word's base form is what made snippets of long paragraphs slow; a
        # sentence lacking one of a sequence's words cannot hold that sequence.
        if any(all(needle in lowered for needle in needles) for needles in self.sequence_needles):
            spans |= self._sequence_spans(text)
        return sorted(spans)

    def _sequence_spans(self, text):
        """Words of a phrase or of a compound written apart, when they stand near each other."""
        words = [(m.start(), m.end(), base_form(m.group().lower())) for m in WORD.finditer(text)]
        positions = {}
        for index, (_start, _end, base) in enumerate(words):
            positions.setdefault(base, []).append(index)
        spans = set()
        for sequence in self.sequences:
            reach = len(sequence) - 1 + PART_GAPS
            for first in positions.get(sequence[0], []):
                chain = [first]
                for word in sequence[1:]:
                    near = [i for i in positions.get(word, []) if abs(i - first) <= reach]
                    if not near:
                        break
                    chain.append(near[0])
                if len(chain) == len(sequence):
                    spans |= {words[i][:2] for i in chain}
        return spans


def _words_around(pattern, text):
    """(start, end) of each whole word that holds a match of `pattern`, once each."""
    spans = set()
    for match in pattern.finditer(text):
        start, end = match.start(), match.end()
        while start and text[start - 1].isalnum():
            start -= 1
        while end < len(text) and text[end].isalnum():
            end += 1
        spans.add((start, end))
    return spans


def _needle(stem):
    """A stem a few letters shorter than the base form is contained in every inflection
    and compound of it ("skol" in "förskolor", "arbe" in "arbetsmarknaden")."""
    return stem[: max(3, len(stem) - 2)]


def _window(sentence, spans):
    """At most FRAGMENT_CHARS of the sentence around its first mark, cut at word boundaries."""
    if len(sentence) <= FRAGMENT_CHARS:
        return 0, len(sentence)
    first = spans[0][0]
    start = max(0, first - FRAGMENT_CHARS // 3)
    if start:
        space = sentence.find(" ", start)
        start = space + 1 if 0 <= space < first else start
    end = min(len(sentence), start + FRAGMENT_CHARS)
    if end < len(sentence):
        space = sentence.rfind(" ", start, end)
        end = space if space > spans[0][1] else end
    return start, end


def _render(sentence, spans):
    start, end = _window(sentence, spans)
    out, at = [], start
    for span_start, span_end in spans:
        if span_start < start or span_end > end:
            continue
        out.append(html.escape(sentence[at:span_start]))
        out.append(f"<mark>{html.escape(sentence[span_start:span_end])}</mark>")
        at = span_end
    out.append(html.escape(sentence[at:end]))
    return ("… " if start else "") + "".join(out).strip() + (" …" if end < len(sentence) else "")


def snippet(marker: Marker, text: str) -> str:
    """Up to two distinct sentences with the most marked words, in text order; "" if none match."""
    scored, seen = [], set()
    for position, sentence in enumerate(sentences(text or "")):
        key = " ".join(sentence.lower().split())
        if key in seen:
            continue  # the same sentence twice in a document is shown once
        spans = marker.marked_spans(sentence)
        if spans:
            seen.add(key)
            scored.append((len(spans), position, sentence, spans))
    best = sorted(sorted(scored, key=lambda item: -item[0])[:MAX_FRAGMENTS], key=lambda item: item[1])
    return " … ".join(_render(sentence, spans) for _count, _position, sentence, spans in best)
