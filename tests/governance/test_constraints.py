"""The model refuses data that would make the registers ambiguous."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from governance.models import Case, Membership, MinutesParagraphPage, Post
from tests import factories


@pytest.fixture
def minutes(home_page):
    municipality = factories.make_municipality("Exempelkommun")
    page = factories.make_municipality_page(home_page, municipality)
    ksau = factories.make_organization(municipality, "Kommunstyrelsens arbetsutskott", "subcommittee")
    return factories.make_minutes(page, ksau)


def test_paragraph_number_is_unique_within_its_minutes(minutes):
    factories.make_paragraph(minutes, 80)
    duplicate = MinutesParagraphPage(title="Annat ärende", slug="p80-igen", number=80)
    with pytest.raises(ValidationError) as error:
        minutes.add_child(instance=duplicate)
    assert "Protokollet har redan en § 80." in str(error.value)
    assert MinutesParagraphPage.objects.filter(minutes=minutes, number=80).count() == 1


def test_paragraph_number_uniqueness_is_enforced_by_the_database_too(minutes):
    first = factories.make_paragraph(minutes, 80)
    second = factories.make_paragraph(minutes, 81)
    with pytest.raises(IntegrityError), transaction.atomic():
        MinutesParagraphPage.objects.filter(pk=second.pk).update(number=first.number)


def test_the_same_paragraph_number_may_appear_in_other_minutes(minutes):
    factories.make_paragraph(minutes, 80)
    other = factories.make_minutes(minutes.get_parent().specific, minutes.organization, date(2020, 5, 13))
    factories.make_paragraph(other, 80)
    assert MinutesParagraphPage.objects.filter(number=80).count() == 2


def test_diarienummer_is_unique_within_a_municipality(db):
    municipality = factories.make_municipality("Avesta")
    factories.make_case(municipality, "KK 2021-000274 628")
    with pytest.raises(IntegrityError), transaction.atomic():
        factories.make_case(municipality, "KK 2021-000274 628")


def test_diarienummer_differing_only_in_spacing_is_the_same_case(db):
    municipality = factories.make_municipality("Avesta")
    factories.make_case(municipality, "KK 2021-000274 628")
    with pytest.raises(IntegrityError), transaction.atomic():
        factories.make_case(municipality, "  KK 2021-000274   628 ")


def test_the_same_diarienummer_may_exist_in_another_municipality(db):
    factories.make_case(factories.make_municipality("Avesta"), "KS 2020/12")
    factories.make_case(factories.make_municipality("Eksjö"), "KS 2020/12")
    assert Case.objects.filter(case_number="KS 2020/12").count() == 2


def test_an_empty_diarienummer_is_refused_with_a_message(db):
    case = Case(municipality=factories.make_municipality("Avesta"), case_number="   ")
    with pytest.raises(ValidationError) as error:
        case.full_clean()
    assert "Ange ett diarienummer." in str(error.value)


def test_an_organ_cannot_have_a_parent_in_another_municipality(db):
    ks = factories.make_organization(factories.make_municipality("Avesta"), "Kommunstyrelsen")
    ksau = factories.make_organization(
        factories.make_municipality("Eksjö"), "Arbetsutskottet", "subcommittee", parent=ks
    )
    with pytest.raises(ValidationError) as error:
        ksau.full_clean()
    assert "samma kommun" in str(error.value)


def test_a_municipality_code_has_four_digits(db):
    municipality = factories.make_municipality("Eksjö", code="686")
    with pytest.raises(ValidationError):
        municipality.full_clean()


def test_a_post_resolves_to_whoever_held_it_on_a_date(db):
    municipality = factories.make_municipality("Exempelkommun")
    office = factories.make_organization(municipality, "Kommunledningskontoret", "administration")
    post = Post.objects.create(organization=office, label="Kommundirektör", kind=Post.Kind.OFFICIAL)
    before = factories.make_person(municipality, "Förre Direktören")
    after = factories.make_person(municipality, "Nya Direktören")
    Membership.objects.create(
        person=before,
        organization=office,
        post=post,
        start_date=date(2015, 1, 1),
        end_date=date(2020, 6, 30),
    )
    Membership.objects.create(person=after, organization=office, post=post, start_date=date(2020, 7, 1))
    assert post.holder_on(date(2020, 4, 15)) == before
    assert post.holder_on(date(2021, 1, 1)) == after
    assert post.holder_on(date(2010, 1, 1)) is None


def test_a_membership_cannot_end_before_it_starts(db):
    municipality = factories.make_municipality("Eksjö")
    organ = factories.make_organization(municipality, "Socialnämnden", "committee")
    person = factories.make_person(municipality)
    with pytest.raises(IntegrityError), transaction.atomic():
        Membership.objects.create(
            person=person,
            organization=organ,
            start_date=date(2021, 1, 1),
            end_date=date(2020, 1, 1),
        )
