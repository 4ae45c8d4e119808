"""Every engine feature the project relies on, checked against the configured engine.

Run with ELASTICSEARCH_URL set, these tell at once whether a cluster supports what the
project needs; without it they pin down the embedded engine.
"""

import uuid

import pytest

from search.documents import alias_name, index_definition

pytestmark = pytest.mark.django_db


@pytest.fixture
def scratch(search_client):
    from search.engine import get_client

    search_client = get_client()  # the current engine, even if a test restarted it
    name = f"{alias_name()}-conformance-{uuid.uuid4().hex[:8]}"
    index_definition(name).create(using=search_client)
    documents = [
        (
            "1",
            {
                "title": "Arbetsmarknaden",
                "text": "Enheterna och arbetsmarknaden <b>",
                "kind": "minutes",
                "year": 2020,
                "date": "2020-04-15",
                "case_number": "KK 2021-000274 628",
            },
        ),
        (
            "2",
            {
                "title": "Lågkonjunktur",
                "text": "Handlingsplan för lågkonjunkturen",
                "kind": "motion",
                "year": 2021,
                "date": "2021-03-18",
            },
        ),
        ("3", {"title": "Budget", "text": "Budget för året", "kind": "motion", "year": 2021, "date": "2021-05-01"}),
    ]
    for doc_id, body in documents:
        search_client.index(index=name, id=doc_id, document=body)
    search_client.indices.refresh(index=name)
    yield search_client, name
    search_client.indices.delete(index=name)


def ids(response):
    return sorted(hit["_id"] for hit in response["hits"]["hits"])


def test_whitespace_terms_field_is_matched_as_given(scratch):
    client, name = scratch
    client.index(index=name, id="4", document={"terms": "arbetsmarknad enhet"}, refresh=True)
    assert ids(client.search(index=name, query={"match": {"terms": "enhet"}})) == ["4"]
    assert ids(client.search(index=name, query={"match": {"terms": "enheten"}})) == []


def test_swedish_stemming_and_stop_words(scratch):
    client, name = scratch
    tokens = client.indices.analyze(index=name, analyzer="swedish_text", text="Arbetsmarknaden och enheterna")
    assert [t["token"] for t in tokens["tokens"]] == ["arbetsmarknad", "enhet"]
    assert ids(client.search(index=name, query={"match": {"text": "enheten"}})) == ["1"]


def test_exact_keyword_match_with_spaces(scratch):
    client, name = scratch
    assert ids(client.search(index=name, query={"term": {"case_number": "KK 2021-000274 628"}})) == ["1"]


def test_phrases(scratch):
    client, name = scratch
    assert ids(client.search(index=name, query={"match_phrase": {"text": "handlingsplan för lågkonjunkturen"}})) == [
        "2"
    ]
    assert ids(client.search(index=name, query={"match_phrase": {"text": "lågkonjunkturen för handlingsplan"}})) == []


def test_terms_aggregations_post_filter_and_range(scratch):
    client, name = scratch
    response = client.search(
        index=name,
        query={"range": {"date": {"gte": "2021-01-01"}}},
        post_filter={"term": {"kind": "motion"}},
        aggs={"year": {"terms": {"field": "year"}}},
    )
    assert ids(response) == ["2", "3"]
    assert {b["key"]: b["doc_count"] for b in response["aggregations"]["year"]["buckets"]} == {2021: 2}


def test_intervals_find_words_near_each_other_in_either_order(scratch):
    """How a compound's parts written apart are matched: "omsorg om äldre", not "äldre … omsorg"."""
    client, name = scratch
    documents = [
        ("6", "Omsorg för äldre"),
        ("7", "äldre och omsorg"),
        ("8", "Nämnden för äldre samt vård och omsorg"),
        ("9", "äldre personer har länge saknat omsorg"),
    ]
    for doc_id, text in documents:
        client.index(index=name, id=doc_id, document={"text": text})
    client.indices.refresh(index=name)
    query = {"intervals": {"text": {"match": {"query": "äldre omsorg", "max_gaps": 1, "ordered": False}}}}
    assert ids(client.search(index=name, query=query)) == ["6", "7"]


def test_a_stop_word_alone_finds_nothing(scratch):
    client, name = scratch
    assert ids(client.search(index=name, query={"match": {"text": "för"}})) == []


def test_aliases_swap_atomically_and_delete_by_query(scratch):
    client, name = scratch
    alias = f"{name}-alias"
    client.indices.update_aliases(actions=[{"add": {"index": name, "alias": alias}}])
    assert client.count(index=alias)["count"] == 3
    client.delete_by_query(index=alias, query={"term": {"kind": "motion"}}, refresh=True)
    assert client.count(index=alias)["count"] == 1
    client.indices.update_aliases(actions=[{"remove": {"index": name, "alias": alias}}])
    assert not client.indices.exists_alias(name=alias)
