"""The OParl 1.1 endpoints under `/oparl/v1/`: one object or one page of an external list per URL."""

from __future__ import annotations

import json

from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404
from wagtail.models import Page

from governance.models import Meeting, Membership, Municipality, Organization, Person

from . import oparl
from .public import public_paragraphs, visible_to_public

JSON = "application/json; charset=utf-8"


def _urls(request: HttpRequest) -> oparl.Urls:
    return oparl.Urls(request.build_absolute_uri("/").rstrip("/"))


def _answer(payload: dict) -> HttpResponse:
    response = HttpResponse(json.dumps(payload, ensure_ascii=False, indent=1), content_type=JSON)
    response["Access-Control-Allow-Origin"] = "*"
    return response


def _list(request: HttpRequest, items, serialise) -> HttpResponse:
    try:
        payload = oparl.external_list(request.build_absolute_uri(request.path), request.GET, items, serialise)
    except oparl.OParlError as error:
        return JsonResponse({"error": str(error)}, status=400, json_dumps_params={"ensure_ascii": False})
    return _answer(payload)


def system(request):
    return _answer(oparl.system(_urls(request)))


def body_list(request):
    urls = _urls(request)
    return _list(request, Municipality.objects.order_by("pk"), lambda item: oparl.body(item, urls))


def body(request, pk: int):
    return _answer(oparl.body(get_object_or_404(Municipality, pk=pk), _urls(request)))


def _body(pk: int) -> Municipality:
    return get_object_or_404(Municipality, pk=pk)


def body_organizations(request, pk: int):
    urls = _urls(request)
    items = Organization.objects.filter(municipality=_body(pk)).prefetch_related("posts", "memberships")
    return _list(request, items.order_by("pk"), lambda item: oparl.organization(item, urls))


def body_people(request, pk: int):
    urls = _urls(request)
    items = Person.objects.filter(municipality=_body(pk)).select_related("party")
    items = items.prefetch_related("memberships__post")
    return _list(request, items.order_by("pk"), lambda item: oparl.person(item, urls))


def body_memberships(request, pk: int):
    urls = _urls(request)
    items = Membership.objects.filter(organization__municipality=_body(pk)).select_related("post")
    return _list(request, items.order_by("pk"), lambda item: oparl.membership(item, urls))


def body_meetings(request, pk: int):
    urls = _urls(request)
    items = Meeting.objects.filter(organization__municipality=_body(pk)).select_related("organization")
    return _list(
        request, oparl.with_public_minutes(items).order_by("date", "pk"), lambda item: oparl.meeting(item, urls)
    )


def body_papers(request, pk: int):
    urls = _urls(request)
    municipality = _body(pk)
    cases = [oparl.case_paper(case, urls) for case in oparl.public_cases(municipality).order_by("pk")]
    documents = [oparl.document_paper(page, urls) for page in oparl.public_document_papers(municipality)]
    return _list(request, documents + cases, lambda item: item)


def body_agenda_items(request, pk: int):
    urls = _urls(request)
    items = public_paragraphs().filter(minutes__municipality=_body(pk)).select_related("minutes")
    items = items.prefetch_related("decisions").order_by("minutes__date", "number")
    return _list(request, items, lambda item: oparl.agenda_item(item, urls, item.minutes.meeting))


def body_terms(request, pk: int):
    return _list(request, oparl.legislative_terms(_body(pk), _urls(request)), lambda item: item)


def legislative_term(request, pk: int, year: int):
    for term in oparl.legislative_terms(_body(pk), _urls(request)):
        if term["startDate"].startswith(f"{year}-"):
            return _answer(term)
    raise Http404("Ingen sådan mandatperiod.")


def organization(request, pk: int):
    return _answer(oparl.organization(get_object_or_404(Organization, pk=pk), _urls(request)))


def organization_meetings(request, pk: int):
    urls = _urls(request)
    items = Meeting.objects.filter(organization=get_object_or_404(Organization, pk=pk)).select_related("organization")
    return _list(
        request, oparl.with_public_minutes(items).order_by("date", "pk"), lambda item: oparl.meeting(item, urls)
    )


def person(request, pk: int):
    return _answer(oparl.person(get_object_or_404(Person, pk=pk), _urls(request)))


def membership(request, pk: int):
    return _answer(oparl.membership(get_object_or_404(Membership, pk=pk), _urls(request)))


def meeting(request, pk: int):
    return _answer(oparl.meeting(get_object_or_404(Meeting, pk=pk), _urls(request)))


def location(request, pk: int):
    found = oparl.meeting(get_object_or_404(Meeting, pk=pk), _urls(request)).get("location")
    if not found:
        raise Http404("Sammanträdet har ingen plats.")
    return _answer(found)


def _public_paragraph(pk: int):
    return get_object_or_404(public_paragraphs().select_related("minutes"), pk=pk)


def agenda_item(request, pk: int):
    paragraph = _public_paragraph(pk)
    return _answer(oparl.agenda_item(paragraph, _urls(request), paragraph.minutes.meeting))


def consultation(request, pk: int):
    paragraph = _public_paragraph(pk)
    if not paragraph.case_id:
        raise Http404("Paragrafen hör inte till något ärende.")
    return _answer(oparl.consultation(paragraph, _urls(request)))


def case_paper(request, pk: int):
    return _answer(oparl.case_paper(get_object_or_404(oparl.public_cases(), pk=pk), _urls(request)))


def document_paper(request, pk: int):
    for page in oparl.public_document_papers():
        if page.pk == pk:
            return _answer(oparl.document_paper(page, _urls(request)))
    raise Http404("Inget sådant dokument.")


def page_file(request, pk: int):
    page = get_object_or_404(visible_to_public(Page.objects.all()), pk=pk).specific
    return _answer(oparl.page_file(page, _urls(request), page.title))
