"""Reading what a user typed into a search box, and turning it into an engine query.

Quotes make phrases, a leading minus excludes a word or phrase, everything else is a
term that must match. Nothing a user types can produce a server error: unbalanced quotes
are read as plain words, and no engine query-string syntax is ever passed through.
"""

import re
from dataclasses import dataclass, field

from elasticsearch.dsl import Q

from .analysis import SWEDISH_STOP_WORDS, base_form, split_compound

TOKEN = re.compile(r'(-?)"([^"]+)"|(-?)([^\s"]+)')
WORD_CHARS = re.compile(r"[\wåäöÅÄÖéü]+(?:[-/:][\wåäöÅÄÖ]+)*")
CASE_NUMBER_LIKE = re.compile(r"[A-ZÅÄÖa-zåäö]*[\s-]*\d{2,4}[-/]\d+")
STOP = set(SWEDISH_STOP_WORDS)

STEMMED_FIELDS = ["title^2", "text"]
FOLDED_FIELDS = ["title.folded^0.6", "text.folded^0.3"]


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


#: Documents a reader lands on first; assignments are derived from them and rank below.
PRIMARY_KINDS = ["minutes", "motion", "interpellation", "policy", "news"]
PRIMARY_WEIGHT = 3.0


def _term_query(term):
    """A word matches by its base form, by the engine's stem (boosting titles), folded
    (ranked lower), or as all its compound parts (ranked lowest)."""
    options = [
        Q("match", terms={"query": base_form(term), "boost": 3}),
        Q("multi_match", query=term, fields=STEMMED_FIELDS),
        Q("multi_match", query=term, fields=FOLDED_FIELDS),
    ]
    parts = split_compound(term)
    if parts:
        options.append(Q("bool", must=[Q("match", terms=base_form(part)) for part in parts], boost=0.5))
    return Q("bool", should=options, minimum_should_match=1)


def build_query(parsed):
    """The engine query for a parsed user query; None means match everything."""
    if parsed.is_empty:
        if parsed.excluded:
            return Q("bool", must_not=[_exclusion(x) for x in parsed.excluded])
        return None
    must = [_term_query(term) for term in parsed.terms]
    must += [Q("multi_match", query=phrase, type="phrase", fields=["title^3", "text"]) for phrase in parsed.phrases]
    text_query = Q(
        "function_score",
        query=Q("bool", must=must, must_not=[_exclusion(x) for x in parsed.excluded]),
        functions=[{"filter": Q("terms", kind=PRIMARY_KINDS).to_dict(), "weight": PRIMARY_WEIGHT}],
        score_mode="multiply",
        boost_mode="multiply",
    )
    if CASE_NUMBER_LIKE.search(parsed.raw):
        # A diarienummer matches exactly, whatever the analyzers make of its pieces.
        exact = Q("term", case_number={"value": " ".join(parsed.raw.replace('"', "").split()), "boost": 20})
        return Q("bool", should=[exact, text_query], minimum_should_match=1)
    return text_query


def _exclusion(text):
    if " " not in text:
        return Q(
            "bool", should=[Q("match", terms=base_form(text)), Q("multi_match", query=text, fields=["title", "text"])]
        )
    return Q("multi_match", query=text, type="phrase", fields=["title", "text"])
