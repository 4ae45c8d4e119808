"""Editors cannot build a wrong tree, and each document kind can be created in the admin."""

from datetime import date

from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from governance.models import (
    HomePage,
    InterpellationPage,
    MinutesPage,
    MinutesParagraphPage,
    MotionPage,
    MunicipalityPage,
    NewsPage,
    PolicyDocumentPage,
    StatementPage,
)
from tests import factories

DOCUMENT_KINDS = [MinutesPage, MotionPage, InterpellationPage, PolicyDocumentPage, NewsPage, StatementPage]


class PageTreeRulesTests(WagtailPageTestCase):
    def test_municipality_pages_live_only_under_the_home_page(self):
        self.assertAllowedParentPageTypes(MunicipalityPage, {HomePage})

    def test_documents_live_only_under_a_municipality(self):
        for kind in DOCUMENT_KINDS:
            with self.subTest(kind=kind.__name__):
                self.assertAllowedParentPageTypes(kind, {MunicipalityPage})

    def test_paragraphs_live_only_under_minutes(self):
        self.assertAllowedParentPageTypes(MinutesParagraphPage, {MinutesPage})
        self.assertAllowedSubpageTypes(MinutesPage, {MinutesParagraphPage})

    def test_a_municipality_page_accepts_every_document_kind_and_nothing_else(self):
        self.assertAllowedSubpageTypes(MunicipalityPage, set(DOCUMENT_KINDS))

    def test_documents_other_than_minutes_have_no_children(self):
        for kind in [MotionPage, InterpellationPage, PolicyDocumentPage, NewsPage, StatementPage]:
            with self.subTest(kind=kind.__name__):
                self.assertAllowedSubpageTypes(kind, set())

    def test_a_motion_cannot_be_created_under_the_home_page(self):
        self.assertCanNotCreateAt(HomePage, MotionPage)
        self.assertCanNotCreateAt(MinutesPage, MotionPage)


class AdminCreationTests(WagtailPageTestCase):
    """Creating each kind through the admin form, as a secretary would."""

    @classmethod
    def setUpTestData(cls):
        cls.home = factories.make_home_page()
        cls.municipality = factories.make_municipality("Eksjö")
        cls.page = factories.make_municipality_page(cls.home, cls.municipality)
        cls.council = factories.make_organization(cls.municipality, "Kommunfullmäktige", "council")
        cls.party = factories.make_party("S")
        cls.mover = factories.make_person(cls.municipality, "Kjell Axell", cls.party)
        cls.chair = factories.make_person(cls.municipality, "Mats Flodin")

    def setUp(self):
        self.login()

    def test_secretary_can_create_minutes_and_a_paragraph_with_decisions(self):
        self.assertCanCreate(
            self.page,
            MinutesPage,
            nested_form_data({"title": "KF 2021-03-18", "organization": self.council.pk, "date": "2021-03-18"}),
        )
        minutes = MinutesPage.objects.get(title="KF 2021-03-18")
        self.assertEqual(minutes.municipality, self.municipality)
        self.assertEqual(minutes.meeting.date, date(2021, 3, 18))

        self.assertCanCreate(
            minutes,
            MinutesParagraphPage,
            nested_form_data(
                {
                    "title": "Motion om arbetsmarknadsenhet",
                    "number": 23,
                    "decisions": inline_formset([{"text": "Motionen remitteras till kommunstyrelsen."}]),
                }
            ),
        )
        paragraph = MinutesParagraphPage.objects.get(number=23)
        self.assertEqual(paragraph.minutes.pk, minutes.pk)
        self.assertEqual(
            [d.text for d in paragraph.decisions.all()],
            ["Motionen remitteras till kommunstyrelsen."],
        )

    def test_secretary_can_create_a_motion_with_movers_and_att_satser(self):
        self.assertCanCreate(
            self.page,
            MotionPage,
            nested_form_data(
                {
                    "title": "Motion om en ny arbetsmarknadsenhet",
                    "organization": self.council.pk,
                    "date": "2021-03-18",
                    "movers": inline_formset(
                        [{"person": self.mover.pk, "party": self.party.pk, "role": "Gruppledare"}],
                        min=1,
                    ),
                    "att_satser": inline_formset([{"text": "att en ny arbetsmarknadsenhet inrättas"}], min=1),
                    "actions": inline_formset([]),
                }
            ),
        )
        motion = MotionPage.objects.get()
        self.assertEqual(motion.municipality, self.municipality)
        self.assertEqual(motion.att_satser.get().text, "att en ny arbetsmarknadsenhet inrättas")

    def test_secretary_can_create_an_interpellation_with_questions(self):
        self.assertCanCreate(
            self.page,
            InterpellationPage,
            nested_form_data(
                {
                    "title": "Interpellation om arbetsmarknadsenheten",
                    "organization": self.council.pk,
                    "date": "2020-09-03",
                    "asker": self.mover.pk,
                    "addressee": self.chair.pk,
                    "questions": inline_formset(
                        [{"number": 1, "question": "Varför har arbetet gått i stå?", "answer": ""}],
                        min=1,
                    ),
                }
            ),
        )
        self.assertEqual(InterpellationPage.objects.get().questions.count(), 1)

    def test_secretary_can_create_a_program_with_goals_and_reporting(self):
        self.assertCanCreate(
            self.page,
            PolicyDocumentPage,
            nested_form_data(
                {
                    "title": "Arbetsmarknadsprogram 2022–2024",
                    "document_type": "program",
                    "adopted_by": self.council.pk,
                    "valid_from": "2022-01-01",
                    "valid_until": "2024-12-31",
                    "goals": inline_formset(
                        [
                            {
                                "text": "Fler arbetstillfällen",
                                "indicator": "Antal",
                                "target": "öka med minst 50 per år",
                                "direction": "increase",
                                "target_value": "50",
                                "target_unit": "per år",
                            }
                        ]
                    ),
                    "reporting_requirements": inline_formset(
                        [
                            {
                                "report_to": self.council.pk,
                                "rule_text": "två gånger per år",
                                "times_per_year": 2,
                                "description": "",
                            }
                        ]
                    ),
                    "focus_areas": inline_formset([{"text": "Lokal behovsanalys"}]),
                    "body": streamfield([("section", {"heading": "Inledning", "text": "Text."})]),
                }
            ),
        )
        program = PolicyDocumentPage.objects.get()
        self.assertEqual(program.goals.get().target_value, 50)
        self.assertEqual(len(program.report_schedule()), 6)

    def test_secretary_can_create_a_news_item(self):
        self.assertCanCreate(
            self.page,
            NewsPage,
            nested_form_data(
                {
                    "title": "Ny arbetsmarknadsstrategi",
                    "date": "2016-07-13",
                    "lead": "En ny strategi antogs.",
                    "body": streamfield([("section", {"heading": "Ska koncentrera", "text": "Text."})]),
                }
            ),
        )

    def test_minutes_without_an_organ_are_refused_with_a_clear_message(self):
        add_url = f"/admin/pages/add/governance/minutespage/{self.page.pk}/"
        response = self.client.post(
            add_url,
            nested_form_data(
                {
                    "title": "Utan organ",
                    "slug": "utan-organ",
                    "date": "2021-03-18",
                    "action-publish": "1",
                }
            ),
        )
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "Ange vilket organ protokollet gäller.")
        self.assertFalse(MinutesPage.objects.filter(title="Utan organ").exists())

    def test_a_document_cannot_refer_to_another_municipalitys_organ(self):
        other = factories.make_municipality("Avesta")
        foreign = factories.make_organization(other, "Kommunstyrelsen")
        add_url = f"/admin/pages/add/governance/minutespage/{self.page.pk}/"
        response = self.client.post(
            add_url,
            nested_form_data(
                {
                    "title": "Fel kommun",
                    "slug": "fel-kommun",
                    "date": "2021-03-18",
                    "organization": foreign.pk,
                    "action-publish": "1",
                }
            ),
        )
        self.assertEqual(response.status_code, 200)
        self.assertFalse(MinutesPage.objects.filter(title="Fel kommun").exists())
        self.assertTrue(Page.objects.filter(pk=self.page.pk).exists())
