"""Reading what a user typed into a search box, and turning it into an engine query.

Quotes make phrases, a leading minus excludes a word or phrase, everything else is a
term that must match. Nothing a user types can produce a server error: unbalanced quotes
are read as plain words, and no engine query-string syntax is ever passed through.
"""

import re
from dataclasses import dataclass, field

from elasticsearch.dsl import Q

from .analysis import SWEDISH_STOP_WORDS, base_form, fold, split_compound

TOKEN = re.compile(r'(-?)"([^"]+)"|(-?)([^\s"]+)')
WORD_CHARS = re.compile(r"[\wåäöÅÄÖéü]+(?:[-/:][\wåäöÅÄÖ]+)*")
CASE_NUMBER_LIKE = re.compile(r"[A-ZÅÄÖa-zåäö]*[\s-]*\d{2,4}[-/]\d+")
STOP = set(SWEDISH_STOP_WORDS)


@dataclass
class ParsedQuery:
    raw: str = ""
    terms: list = field(default_factory=list)
    phrases: list = field(default_factory=list)
    excluded: list = field(default_factory=list)

    @property
    def is_empty(self):
        return not (self.terms or self.phrases)


def parse_user_query(text):
    text = (text or "").strip()[:500]
    if text.count('"') % 2:
        text = text.replace('"', " ")
    parsed = ParsedQuery(raw=text)
    for match in TOKEN.finditer(text):
        negate_phrase, phrase, negate_word, word = match.groups()
        if phrase is not None:
            phrase = " ".join(WORD_CHARS.findall(phrase))
            if phrase:
                (parsed.excluded if negate_phrase else parsed.phrases).append(phrase)
            continue
        for cleaned in WORD_CHARS.findall(word):
            if cleaned.lower() in STOP:
                continue
            (parsed.excluded if negate_word else parsed.terms).append(cleaned)
    return parsed


#: How many words may stand between a compound's parts written as separate words, in
#: either order, for them to count as the compound: "äldre omsorg", "omsorg om äldre",
#: "enheterna inom arbetsmarknaden" (stop words count as words).
PART_GAPS = 1


#: Endings tried for each part, so the engine's stemmer meets the part as it meets the text
#: (Snowball stems "arbetsmarknad" to "arbetsmarkn" but "arbetsmarknaden" to "arbetsmarknad").
PART_FORMS = ("", "en", "et", "er", "ar", "na", "s")


def _near(parts, field):
    """All parts, in any order, at most PART_GAPS words apart, each in any of its forms."""
    forms = [
        {"any_of": {"intervals": [{"match": {"query": part + ending}} for ending in PART_FORMS]}} for part in parts
    ]
    return Q("intervals", **{field: {"all_of": {"ordered": False, "max_gaps": PART_GAPS, "intervals": forms}}})


def _term_query(term):
    """What one query word matches, best first.

    The word itself and its inflections rank first (the Snowball-stemmed `title`/`text`
    fields add to the score of exact word forms); then every compound that contains it
    (the application indexes a compound's base form and the words it contains into
    `terms`); folded spellings lower. A compound's own parts count only written next to
    each other (at most one word between them, in either order), and lowest of all: "upphandling" never
    matches a paragraph that merely has "upp" and "handling" somewhere.
    """
    base = base_form(term)
    by_terms = Q("match", terms={"query": base, "boost": 3})
    if not term.isdigit():
        # The exact-form bonus counts only for documents that match by `terms` (sources, not
        # derived documents such as assignments, which must stay ranked below their sources).
        exact_form = Q("multi_match", query=term, fields=["title^2", "text"], boost=1)
        by_terms = Q("bool", must=[by_terms], should=[exact_form])
    # A number (a year: "budget 2024") has no inflections and is part of no compound: every
    # document `terms` matches has it in its exact form, so the bonus would rank nothing
    # differently by kind of match, while scoring it walks a posting list as long as the
    # documents dated that year (the engine does not skip within a conjunction): measured
    # as 40 % of the engine time of "budget 2024" (36 -> 22 ms at 20,000 paragraphs).
    options = [
        by_terms,
        Q("match", title_terms={"query": base, "boost": 2}),
        Q("match", aux_terms={"query": base, "boost": 1}),
    ]
    if fold(base) == base and not base.isdigit():
        # Typed without å/ä/ö, the word may stand for one written with them. A word typed
        # with them folds to what its own matches already hold; a number never folds.
        options.append(Q("match", folded={"query": base, "boost": 0.3}))
    parts = split_compound(term)
    if parts:
        options.append(Q("bool", should=[_near(parts, field) for field in ("title", "text")], boost=0.2))
    return Q("bool", should=options, minimum_should_match=1)


def build_query(parsed):
    """The engine query for a parsed user query; None means match everything."""
    if parsed.is_empty:
        if parsed.excluded:
            return Q("bool", must_not=[_exclusion(x) for x in parsed.excluded])
        return None
    must = [_term_query(term) for term in parsed.terms]
    must += [Q("multi_match", query=phrase, type="phrase", fields=["title^3", "text"]) for phrase in parsed.phrases]
    text_query = Q("bool", must=must, must_not=[_exclusion(x) for x in parsed.excluded])
    if CASE_NUMBER_LIKE.search(parsed.raw):
        # A diarienummer matches exactly, whatever the analyzers make of its pieces.
        exact = Q("term", case_number={"value": " ".join(parsed.raw.replace('"', "").split()), "boost": 20})
        return Q("bool", should=[exact, text_query], minimum_should_match=1)
    return text_query


def _exclusion(text):
    if " " not in text:
        return Q("multi_match", query=base_form(text), fields=["terms", "title_terms", "aux_terms"])
    return Q("multi_match", query=text, type="phrase", fields=["title", "text"])
