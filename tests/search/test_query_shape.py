"""What users type becomes a safe, well-formed engine query (no server needed)."""

from datetime import date

from django.http import QueryDict
from elasticsearch.dsl.response import Response

from search.faceted_search import EXACT_FACETS_UP_TO, DecisionSearch
from search.query import build_query, parse_user_query
from search.views import request_from


def test_quotes_make_phrases_and_minus_excludes():
    parsed = parse_user_query('handlingsplan "90 dagar" -bordläggs -"övriga frågor"')
    assert parsed.terms == ["handlingsplan"]
    assert parsed.phrases == ["90 dagar"]
    assert parsed.excluded == ["bordläggs", "övriga frågor"]


def test_unbalanced_quotes_and_engine_syntax_are_read_as_plain_words():
    parsed = parse_user_query('"lågkonjunktur AND (title:x OR *) [2020 TO 2021]')
    assert parsed.phrases == []
    assert "lågkonjunktur" in parsed.terms
    assert all(not any(ch in term for ch in '()[]*"') for term in parsed.terms)
    assert "query_string" not in str(build_query(parsed).to_dict()), "user text is never parsed as engine syntax"


def test_stop_words_are_not_required_terms():
    assert parse_user_query("barn och unga").terms == ["barn", "unga"]


def test_a_compound_term_matches_its_parts_only_near_each_other():
    should = build_query(parse_user_query("arbetsmarknadsenhet")).to_dict()["bool"]["must"][0]["bool"]["should"]
    [near] = [clause for clause in should if "intervals" in str(clause)]
    for field_query in near["bool"]["should"]:
        [(_field, interval)] = field_query["intervals"].items()
        assert interval["all_of"]["max_gaps"] == 1 and interval["all_of"]["ordered"] is False
        forms = [[m["match"]["query"] for m in part["any_of"]["intervals"]] for part in interval["all_of"]["intervals"]]
        assert [words[:2] for words in forms] == [["arbetsmarknad", "arbetsmarknaden"], ["enhet", "enheten"]]
    assert near["bool"]["boost"] == 0.2
    independent = [c for c in should if "'enhet'" in str(c) and "intervals" not in str(c)]
    assert independent == [], "parts are never independent words"


def test_function_words_are_never_split_off_a_query_word():
    text = str(build_query(parse_user_query("upphandling förskola")).to_dict())
    assert "intervals" not in text, "neither 'upp' + 'handling' nor 'för' + 'skola'"


def test_a_diarienummer_is_matched_exactly():
    query = build_query(parse_user_query("KK 2021-000274 628")).to_dict()
    should = query["bool"]["should"]
    assert {"term": {"case_number": {"value": "KK 2021-000274 628", "boost": 20}}} in should


def test_facet_filters_go_to_post_filter_and_the_date_range_to_the_query():
    search = DecisionSearch(
        parse_user_query("budget"), {"kind": "minutes"}, "date", date_from=date(2024, 1, 1), date_to=date(2024, 12, 31)
    )
    body = search._s.to_dict()
    assert body["post_filter"] == {"terms": {"kind": ["minutes"]}}
    assert {"range": {"date": {"gte": "2024-01-01", "lte": "2024-12-31"}}} in body["query"]["bool"]["filter"]
    assert body["sort"][0] == {"date": {"order": "desc"}}
    # the selected facet counts unfiltered by itself; every other facet honours the selection
    assert set(body["aggs"]) == {"kind"} | {f"_filter_{name}" for name in DecisionSearch.facets if name != "kind"}
    assert not {"terms", "title_terms", "folded"} & set(body["_source"]), "lean source: no matching fields sent back"


def test_only_declared_facets_and_sorts_are_accepted():
    request = request_from(QueryDict("q=x&kind=motion&secret=1&sort=drop_table&page=-4&year=abc&date_from=igår"))
    assert request.filters == {"kind": "motion"}
    assert request.sort == "relevance"
    assert request.page == 1
    assert request.date_from is None


def test_without_selected_facets_all_facets_are_counted_in_one_pass_over_the_most_relevant_matches():
    body = DecisionSearch(parse_user_query("budget"), {}, "relevance")._s.to_dict()
    assert body["aggs"] == {
        "sample": {
            "sampler": {"shard_size": EXACT_FACETS_UP_TO},
            "aggs": {"facets": {"terms": {"field": "facet_values", "size": 2000}}},
        }
    }
    assert body["track_total_hits"] is True, "the total stays exact whatever the facets count"


def _response(total, counted, buckets):
    return Response(
        DecisionSearch(parse_user_query("budget"), {}, "relevance")._s,
        {
            "hits": {"total": {"value": total, "relation": "eq"}, "hits": []},
            "aggregations": {"sample": {"doc_count": counted, "facets": {"buckets": buckets}}},
        },
    )


def test_facets_of_a_very_broad_query_are_scaled_up_to_estimates_and_marked_approximate():
    search = DecisionSearch(parse_user_query("budget"), {}, "relevance")
    response = _response(6000, 1500, [{"key": "kind=minutes", "doc_count": 300}, {"key": "year=2024", "doc_count": 5}])
    values = search.facet_values(response)
    assert values["kind"] == [{"value": "minutes", "count": 1200, "selected": False}]
    assert values["year"] == [{"value": 2024, "count": 20, "selected": False}]
    assert search.is_approximate(response)


def test_facets_of_a_query_within_the_sample_are_exact():
    search = DecisionSearch(parse_user_query("budget"), {}, "relevance")
    response = _response(40, 40, [{"key": "kind=motion", "doc_count": 7}])
    assert search.facet_values(response)["kind"] == [{"value": "motion", "count": 7, "selected": False}]
    assert not search.is_approximate(response)


def test_a_number_is_matched_by_its_terms_without_a_second_exact_form_pass():
    word, year = build_query(parse_user_query("budget 2024")).to_dict()["bool"]["must"]
    assert "multi_match" not in str(year), "a year has no inflections or compounds to rank below its exact form"
    assert "multi_match" in str(word), "a word's exact form still ranks above its compounds"
