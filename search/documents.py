"""The search index: its analyzers, its mapping, and its versioned name behind an alias.

Analyzers are defined once here. `swedish_text` stems with the engine's Swedish Snowball
stemmer (available in Elasticsearch and OpenSearch alike) after an explicit stop word
list (engines differ on `_swedish_`); `folded` also folds å/ä/ö so "lagkonjunktur" still
finds "lågkonjunktur", on a sub-field that is boosted below the exact one. Compound
parts are produced by the application (see `analysis.py`) into the `parts` field.
"""

from datetime import datetime

from django.conf import settings
from elasticsearch.dsl import Date, Document, Index, Integer, Keyword, MetaField, Text, analyzer, token_filter

from .analysis import SWEDISH_STOP_WORDS

swedish_stop = token_filter("swedish_stop", type="stop", stopwords=SWEDISH_STOP_WORDS)
swedish_stemmer = token_filter("swedish_stemmer", type="stemmer", language="swedish")

swedish_text = analyzer("swedish_text", tokenizer="standard", filter=["lowercase", swedish_stop, swedish_stemmer])


terms_analyzer = analyzer("app_terms", tokenizer="whitespace", filter=["lowercase"])


def _text(**kwargs):
    return Text(analyzer=swedish_text, **kwargs)


class DecisionDocument(Document):
    """One unit a reader lands on: a § paragraph, a motion, an interpellation, a section
    of a policy document, a news item or an assignment."""

    label = Keyword(index=False)  # the title shown in results
    title = _text()  # searchable title, boosted; empty for derived documents (assignments)
    text = _text()
    # Matching fields, filled by the application (base forms and compound parts), so that
    # every engine only splits on whitespace: cheap to score and identical everywhere.
    # No positions are kept for them (phrases run on `text`), which indexes faster.
    terms = Text(analyzer=terms_analyzer, index_options="freqs")  # of a document's title and text
    title_terms = Text(analyzer=terms_analyzer, index_options="freqs")  # of its title, for a title boost
    aux_terms = Text(analyzer=terms_analyzer, index_options="freqs")  # of derived documents, ranked lower
    folded = Text(analyzer=terms_analyzer, index_options="freqs")  # words that change without å/ä/ö
    kind = Keyword()
    organization = Keyword()
    municipality = Keyword()
    date = Date()
    year = Integer()
    case_number = Keyword()  # exact match: "KK 2021-000274 628"
    people = Keyword()
    parties = Keyword()
    status = Keyword()
    url = Keyword(index=False)
    # Every facet value of the document as "name=value", so one terms aggregation counts
    # all facets in a single pass (measured 2-3x faster than one aggregation per facet).
    facet_values = Keyword()
    source_id = Keyword()  # "page:12", "assignment:3": what produced the document

    class Meta:
        # Lean source: the matching fields are only ever searched, never shown.
        source = MetaField(excludes=["terms", "title_terms", "aux_terms", "folded", "facet_values"])


def alias_name():
    return f"{settings.SEARCH_INDEX_PREFIX}decisions"


def new_index_name():
    return f"{alias_name()}-{datetime.now():%Y%m%d%H%M%S%f}"


def index_definition(name):
    index = Index(name)
    index.settings(number_of_shards=1, number_of_replicas=0)
    index.document(DecisionDocument)
    return index
