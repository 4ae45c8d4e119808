"""An interpellation put to a post without a name ("Interpellation till kommunstyrelsens
ordförande") is read, reviewed and stored with the post as its addressee."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from governance.importer.importing import store
from governance.importer.pipeline import Overrides, parse_text
from governance.models import InterpellationPage
from tests import factories
from tests.importer.test_import_screen import only_batch, post_files, secretary, site, upload  # noqa: F401 - fixtures

TO_THE_CHAIR = """Interpellation till kommunstyrelsens ordförande
Om förskolans lokaler

Flera förskolor har fått vänta på renoveringar i flera år.

1. Hur många barn väntar på plats?
2. När renoveras förskolan i Ekeby?

Mora 2023-11-20

Per Ek (V)
"""


@pytest.mark.parametrize(
    ("first_line", "post"),
    [
        ("Interpellation till kommunstyrelsens ordförande", "kommunstyrelsens ordförande"),
        ("INTERPELLATION TILL SOCIALNÄMNDENS ORDFÖRANDE", "socialnämndens ordförande"),
        ("Interpellation till ansvarigt kommunalråd", "ansvarigt kommunalråd"),
        ("Interpellation till oppositionsrådet", "oppositionsrådet"),
    ],
)
def test_the_post_alone_is_kept_as_the_addressee(first_line, post):
    text = TO_THE_CHAIR.replace("Interpellation till kommunstyrelsens ordförande", first_line)
    parsed = parse_text(text, "ip.txt", Overrides(municipality="Mora"))
    assert parsed.ok, parsed.errors
    assert (parsed.record.addressee["name"], parsed.record.addressee["role"]) == (None, post)


def test_the_review_warns_that_no_person_is_named_but_the_file_can_be_imported():
    parsed = parse_text(TO_THE_CHAIR, "ip.txt", Overrides(municipality="Mora"))
    assert parsed.errors == []
    assert parsed.warnings == [
        "interpellationen är ställd till en post (kommunstyrelsens ordförande), inte till en namngiven person; "
        "sidan visar posten och svaret registreras av fullmäktiges sekreterare."
    ]


def test_an_interpellation_to_no_one_is_still_refused():
    text = "Interpellation om förskolans lokaler\n\nHur många barn väntar?\n\nMora 2023-11-20\n\nPer Ek (V)\n"
    parsed = parse_text(text, "ip.txt", Overrides(municipality="Mora"))
    assert "ingen mottagare hittades ('Interpellation till …' eller 'Ställd till')." in parsed.errors


@pytest.mark.django_db
def test_it_is_stored_without_an_addressee_person_and_the_page_shows_the_post(home_page, client, django_user_model):
    factories.make_municipality("Mora")
    parsed = parse_text(TO_THE_CHAIR, "ip.txt", Overrides(municipality="Mora"))
    result = store(parsed, home_page)
    assert result is not None, parsed.errors
    page = InterpellationPage.objects.get(pk=result.page.pk)
    assert page.addressee is None and page.addressee_role == "kommunstyrelsens ordförande"
    assert page.asker.name == "Per Ek"
    assert [question.number for question in page.questions.all()] == [1, 2]
    html = client.get(page.url).content.decode()
    assert '<dt>Ställd till</dt><dd class="addressee">Kommunstyrelsens ordförande</dd>' in html

    client.force_login(django_user_model.objects.create_superuser("admin", "a@example.se", "x"))
    assert client.get(f"/admin/pages/{page.pk}/edit/").status_code == 200, "the admin edits it without a person"


@pytest.mark.django_db
def test_the_review_screen_shows_the_post_as_the_addressee(client, secretary):  # noqa: F811
    factories.make_scope(secretary, factories.make_municipality("Mora"), whole_municipality=True)
    post_files(client, upload("ip.txt", TO_THE_CHAIR), municipality="Mora")
    item = only_batch().items.get()
    assert item.importable
    page = client.get(reverse("import_item", args=[item.batch_id, item.pk])).content.decode()
    assert "Ställd till" in page and "<li>kommunstyrelsens ordförande</li>" in page


@pytest.mark.django_db
def test_an_interpellation_must_name_a_person_or_a_post(home_page):
    municipality = factories.make_municipality("Mora")
    asker = factories.make_person(municipality, "Per Ek")
    page = InterpellationPage(
        title="Om lokaler", slug="om-lokaler", date=date(2023, 11, 20), asker=asker, addressee=None, addressee_role=""
    )
    page.municipality = municipality
    with pytest.raises(ValidationError) as refused:
        page.clean()
    assert refused.value.message_dict["addressee"] == [
        "Ange vem interpellationen är ställd till: en person, en post eller båda."
    ]
    page.addressee_role = "kommunstyrelsens ordförande"
    page.clean()
    assert page.addressed_to == "Kommunstyrelsens ordförande"
