"""A party group can be a motion's mover with no person: stored, checked, shown, indexed,
published in OParl and entered by a secretary in the editor."""

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import ProtectedError
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from governance.models import MotionMover, MotionPage, Party
from search.indexing import documents_for_page
from tests import factories


@pytest.fixture
def place(home_page):
    municipality = factories.make_municipality("Alingsås")
    return {
        "page": factories.make_municipality_page(home_page, municipality),
        "board": factories.make_organization(municipality, "Kultur- och utbildningsnämnden", "committee"),
        "left": factories.make_party("V", "Vänsterpartiet"),
    }


@pytest.fixture
def initiative(place):
    motion = factories.make_motion(
        place["page"], place["board"], title="Nämndinitiativ om en yrkesmässa", att_satser=["att utreda en mässa"]
    )
    motion.movers = [MotionMover(party=place["left"], role="Vänsterpartiets grupp")]
    motion.save_revision().publish()
    return MotionPage.objects.get(pk=motion.pk)


def test_a_mover_with_neither_person_nor_party_is_refused_in_swedish(place):
    with pytest.raises(ValidationError, match="Ange en person eller ett parti som motionär."):
        MotionMover(role="Gruppledare").clean()
    MotionMover(party=place["left"]).clean()


def test_the_database_refuses_a_mover_with_neither_person_nor_party(initiative):
    with pytest.raises(IntegrityError), transaction.atomic():
        MotionMover.objects.create(motion=initiative, role="Gruppledare")


def test_a_party_that_is_a_motions_only_mover_cannot_be_deleted(initiative, place):
    with pytest.raises(ProtectedError):
        place["left"].delete()
    assert initiative.movers.get().party == place["left"]


def test_the_motion_page_shows_the_party_where_a_persons_name_would_stand(client, initiative):
    content = client.get(initiative.url).content.decode()
    assert "<li>Vänsterpartiet, Vänsterpartiets grupp</li>" in content


def test_the_search_document_names_the_party_as_the_mover(initiative):
    (document,) = documents_for_page(initiative, known_public=True)
    assert document["people"] == ["Vänsterpartiet"]
    assert document["parties"] == ["V"]


def test_the_oparl_paper_names_the_party_that_moves_and_no_person(client, initiative):
    payload = client.get(f"/oparl/v1/paper/page/{initiative.pk}/").json()
    assert payload["beslutsspar:originatorParty"] == ["Vänsterpartiet"]
    assert "originatorPerson" not in payload


class PartyMoverInTheEditorTests(WagtailPageTestCase):
    """A secretary enters an initiative whose mover is a party group."""

    @classmethod
    def setUpTestData(cls):
        cls.municipality = factories.make_municipality("Alingsås")
        cls.page = factories.make_municipality_page(factories.make_home_page(), cls.municipality)
        cls.board = factories.make_organization(cls.municipality, "Kultur- och utbildningsnämnden", "committee")
        cls.left = factories.make_party("V", "Vänsterpartiet")

    def setUp(self):
        self.login()

    def form(self, title, mover):
        return nested_form_data(
            {
                "title": title,
                "slug": title.lower().replace(" ", "-"),
                "organization": self.board.pk,
                "date": "2026-06-17",
                "movers": inline_formset([mover], min=1),
                "att_satser": inline_formset([{"text": "att utreda en mässa"}], min=1),
                "actions": inline_formset([]),
                "action-publish": "1",
            }
        )

    def test_a_secretary_can_enter_a_party_as_the_only_mover(self):
        self.assertCanCreate(
            self.page, MotionPage, self.form("Initiativ om en mässa", {"party": self.left.pk, "role": ""})
        )
        mover = MotionPage.objects.get(title="Initiativ om en mässa").movers.get()
        self.assertIsNone(mover.person)
        self.assertEqual(mover.display_name, "Vänsterpartiet")

    def test_a_mover_without_person_or_party_is_refused_with_a_swedish_message(self):
        response = self.client.post(
            f"/admin/pages/add/governance/motionpage/{self.page.pk}/",
            self.form("Initiativ utan motionär", {"role": "Gruppledare"}),
        )
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "Ange en person eller ett parti som motionär.")
        self.assertFalse(MotionPage.objects.filter(title="Initiativ utan motionär").exists())
        self.assertTrue(Party.objects.filter(pk=self.left.pk).exists())
