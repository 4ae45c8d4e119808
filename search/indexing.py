"""What goes into the index: one search document per unit a reader wants to land on.

Only what the public may read is indexed: live pages without view restrictions on them
or their ancestors, and nothing marked confidential (a confidential protokoll hides all
its paragraphs). Assignments are indexed with their status as of the day they are sent;
`search.outbox.enqueue_aged_assignments` re-sends those whose status the passing days
changed. The text indexed per document is bounded (`SEARCH_MAX_DOCUMENT_CHARS`): the full
text stays in the database and on the page, and no single huge document can make queries
slow or swell the engine.
"""

from datetime import date

from django.conf import settings
from django.urls import reverse
from elasticsearch import helpers
from wagtail.models import Page

from governance import visibility
from governance.importer.people import NAME_WITH_PARTY
from governance.models import (
    Assignment,
    InterpellationPage,
    MinutesParagraphPage,
    MotionPage,
    NewsPage,
    PolicyDocumentPage,
    StatementPage,
)

from .analysis import fold, terms
from .documents import alias_name, index_definition, new_index_name
from .models import IndexChange

INDEXED_PAGE_MODELS = (
    MinutesParagraphPage,
    MotionPage,
    InterpellationPage,
    PolicyDocumentPage,
    NewsPage,
    StatementPage,
)


def _people_and_parties(text, extra_people=(), extra_parties=()):
    people = set(extra_people)
    parties = set(extra_parties)
    for match in NAME_WITH_PARTY.finditer(text):
        people.add(match.group("name"))
        parties.add(match.group("party"))
    return sorted(p for p in people if p), sorted(p for p in parties if p)


FACET_SOURCES = {
    "kind": "kind",
    "organization": "organization",
    "municipality": "municipality",
    "year": "year",
    "status": "status",
    "party": "parties",
}


def with_facet_values(document):
    """Add the combined "name=value" facet field the single-pass facet count reads."""
    values = []
    for facet, field in FACET_SOURCES.items():
        raw = document.get(field)
        for value in raw if isinstance(raw, list) else [raw]:
            if value not in (None, ""):
                values.append(f"{facet}={value}")
    document["facet_values"] = values
    return document


def matching_terms(title, text, derived=False):
    """The app-analysed matching fields; a derived document's words rank below a source's."""
    title_terms = terms(title)
    body_terms = terms(f"{title} {text}")
    # Only words that change without å/ä/ö need a folded copy: a smaller field to index.
    folded = {fold(word) for word in body_terms.split()} - set(body_terms.split())
    return {
        "terms": "" if derived else body_terms,
        "title_terms": title_terms,
        "aux_terms": body_terms if derived else "",
        "folded": " ".join(sorted(folded)),
    }


def is_public(page):
    """What the anonymous public may see: the one rule in governance.visibility."""
    return visibility.is_public(page)


def bounded(text: str) -> str:
    """The text cut to `SEARCH_MAX_DOCUMENT_CHARS`, at a word boundary when there is one near."""
    limit = settings.SEARCH_MAX_DOCUMENT_CHARS
    if len(text) <= limit:
        return text
    cut = max(text.rfind(" ", limit - 200, limit), text.rfind("\n", limit - 200, limit))
    return text[: cut if cut > 0 else limit]


def _base(page, **fields):
    text = bounded(fields.get("text", ""))
    title = fields.get("title", page.title)
    document_date = fields.get("date")
    people, parties = _people_and_parties(text, fields.pop("people", ()), fields.pop("parties", ()))
    return with_facet_values(
        {
            "_id": fields.pop("_id", f"page:{page.pk}"),
            "label": title,
            "title": title,
            "text": text,
            **matching_terms(title, text),
            "kind": fields["kind"],
            "organization": fields.get("organization") or None,
            "municipality": fields.get("municipality") or None,
            "date": document_date.isoformat() if document_date else None,
            "year": document_date.year if document_date else None,
            "case_number": fields.get("case_number") or None,
            "people": people,
            "parties": parties,
            "status": fields.get("status"),
            "url": fields.get("url") or page.get_url(None),
            "source_id": f"page:{page.pk}",
        }
    )


def _join(*chunks):
    return "\n\n".join(chunk for chunk in chunks if chunk)


def documents_for_page(page, known_public=False):
    """The search documents a page gives (none when it is not public).

    `known_public` skips the check for pages that came from `visibility.visible_pages`."""
    page = page.specific
    if not isinstance(page, INDEXED_PAGE_MODELS) or not (known_public or is_public(page)):
        return []
    if isinstance(page, MinutesParagraphPage):
        minutes = page.minutes
        organ = minutes.organization
        return [
            _base(
                page,
                title=f"§ {page.number} {page.title}",
                text=_join(
                    *[decision.text for decision in page.decisions.all()],
                    page.proposal,
                    page.summary,
                    page.presenter_text,
                    page.reservations,
                    page.votes,
                ),
                kind="minutes",
                organization=organ.name if organ else "",
                municipality=minutes.municipality.name,
                date=minutes.date,
                case_number=page.case.case_number if page.case_id else "",
                people=[page.presenter.name] if page.presenter_id else [],
            )
        ]
    common = {
        "organization": page.organization.name if page.organization_id else "",
        "municipality": page.municipality.name,
        "date": page.date,
        "case_number": page.case.case_number if page.case_id else "",
    }
    if isinstance(page, MotionPage):
        movers = list(page.movers.select_related("person", "party", "person__party"))
        return [
            _base(
                page,
                text=_join(page.background, page.proposal, *[a.text for a in page.att_satser.all()]),
                kind="motion",
                people=[m.display_name for m in movers],
                parties=[m.signed_party.abbreviation for m in movers if m.signed_party],
                **common,
            )
        ]
    if isinstance(page, InterpellationPage):
        people = [p for p in (page.asker, page.addressee, page.answered_by) if p]
        return [
            _base(
                page,
                text=_join(
                    page.introduction,
                    *[_join(q.question, q.answer) for q in page.questions.all()],
                    page.answer_introduction,
                ),
                kind="interpellation",
                people=[p.name for p in people],
                parties=[p.party.abbreviation for p in people if p.party_id],
                **common,
            )
        ]
    if isinstance(page, PolicyDocumentPage):
        common["organization"] = page.adopted_by.name if page.adopted_by_id else common["organization"]
        overview = _join(
            page.summary,
            *[_join(g.text, g.indicator, g.target) for g in page.goals.all()],
            *[f"{r.report_to.name}: {r.rule_text}. {r.description}" for r in page.reporting_requirements.all()],
            *[f.text for f in page.focus_areas.all()],
        )
        documents = [_base(page, text=overview, kind="policy", **common)]
        for position, block in enumerate(page.body):
            if block.block_type != "section":
                continue
            documents.append(
                _base(
                    page,
                    _id=f"page:{page.pk}:section:{position}",
                    title=f"{page.title} – {block.value['heading']}",
                    text=block.value["text"],
                    kind="policy",
                    url=f"{page.get_url(None)}#avsnitt-{position}",
                    **common,
                )
            )
        return documents
    if isinstance(page, StatementPage):
        # An answer is found under its own words and under the matter it answers.
        answered = page.answers.title if page.answers_id else page.answered_subject
        return [
            _base(
                page,
                text=_join(answered, page.proposal, page.source_text),
                kind="statement",
                **common,
            )
        ]
    if isinstance(page, NewsPage):
        sections = [_join(b.value.get("heading", ""), b.value.get("text", "")) for b in page.body]
        return [_base(page, text=_join(page.lead, *sections), kind="news", **common)]
    return []


def document_for_assignment(assignment, day: date | None = None, known_public=False):
    """The assignment with its status on `day` (today), unless its source is not public.

    `known_public` skips the check for assignments that came from `visibility.visible_assignments`."""
    if not (known_public or visibility.can_view_assignment(None, assignment)):
        return None
    url = reverse("assignment_detail", args=[assignment.pk])  # its own page, which links to the source
    text = bounded(_join(assignment.title, assignment.task, assignment.source_text, assignment.due_explanation))
    labels = assignment.assignee_labels
    return with_facet_values(
        {
            "_id": f"assignment:{assignment.pk}",
            "label": assignment.title,
            # Derived from a decision: searchable by its words, but its title is not boosted
            # like a document's, so the decision itself ranks first.
            "title": "",
            "text": text,
            **matching_terms("", text, derived=True),
            "kind": "assignment",
            "organization": assignment.report_to.name if assignment.report_to_id else None,
            "municipality": assignment.municipality.name,
            "date": assignment.decided_on.isoformat(),
            "year": assignment.decided_on.year,
            "case_number": None,
            "people": [p.name for p in assignment.assignee_people.all()] + labels,
            "parties": [],
            "status": assignment.status_on(day),
            "url": url,
            "source_id": f"assignment:{assignment.pk}",
        }
    )


def all_documents():
    # The public rule is applied once to the whole set, not page by page.
    pages = visibility.visible_pages(None, Page.objects.type(*INDEXED_PAGE_MODELS))
    for page in pages.specific().iterator(chunk_size=500):
        yield from documents_for_page(page, known_public=True)
    assignments = (
        visibility.visible_assignments(None)
        .select_related("municipality", "report_to", "decision__paragraph", "source_page")
        .prefetch_related("assignee_people", "assignee_posts", "assignee_organizations", "notes")
    )
    for assignment in assignments.iterator(chunk_size=500):
        document = document_for_assignment(assignment, known_public=True)
        if document:
            yield document


def _actions(index_name, documents):
    for document in documents:
        document = dict(document)
        yield {"_index": index_name, "_id": document.pop("_id"), "_source": document}


def estimated_documents():
    """Roughly how many documents a rebuild sends (policy sections make it an estimate)."""
    return Page.objects.live().type(*INDEXED_PAGE_MODELS).count() + Assignment.objects.count()


def _batches(iterable, size):
    batch = []
    for item in iterable:
        batch.append(item)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def index_exists(client) -> bool:
    return bool(client.indices.exists_alias(name=alias_name()))


def documents_for_source(source: str, object_id: int) -> list[dict]:
    """What one outbox source ("page" or "assignment" with its id) gives today; [] if gone."""
    if source == IndexChange.Source.PAGE:
        page = Page.objects.filter(pk=object_id).first()
        return documents_for_page(page) if page is not None else []
    assignment = Assignment.objects.filter(pk=object_id).first()
    document = document_for_assignment(assignment) if assignment is not None else None
    return [document] if document else []


def index_sources(client, sources) -> None:
    """Replace the documents of `sources` ((source, object_id) pairs) by what the database says now."""
    alias = alias_name()
    source_ids = [f"{source}:{object_id}" for source, object_id in sources]
    client.delete_by_query(index=alias, query={"terms": {"source_id": source_ids}}, refresh=False)
    documents = [document for source, object_id in sources for document in documents_for_source(source, object_id)]
    if documents:
        helpers.bulk(client, _actions(alias, documents), raise_on_error=True)
    client.indices.refresh(index=alias)


def build_index(client, progress=None, on_batch=None) -> tuple[str, int]:
    """Fill a new versioned index from the database; returns its name and document count."""
    name = new_index_name()
    index_definition(name).create(using=client)
    count = 0
    # Documents are read from the database in this thread (its connection, its
    # transaction) and sent by two bulk clients: measured ~2x one on the embedded engine.
    for batch in _batches(all_documents(), 2000):
        for ok, _item in helpers.parallel_bulk(
            client, list(_actions(name, batch)), chunk_size=500, thread_count=2, raise_on_error=True
        ):
            count += ok
            if progress:
                progress(count)
        if on_batch:
            on_batch()
    client.indices.refresh(index=name)
    return name, count


def swap_alias(client, name) -> None:
    """Point the alias at `name` atomically and drop the indices it pointed at before."""
    alias = alias_name()
    old = list(client.indices.get_alias(name=alias).keys()) if index_exists(client) else []
    actions = [{"remove": {"index": old_name, "alias": alias}} for old_name in old]
    actions.append({"add": {"index": name, "alias": alias}})
    client.indices.update_aliases(actions=actions)
    for old_name in old:
        client.indices.delete(index=old_name)
