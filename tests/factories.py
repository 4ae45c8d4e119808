"""Small builders for test setups; each test builds only what it needs."""

import itertools
from datetime import date

from wagtail.models import Page, Site

from governance.models import (
    AttSats,
    Case,
    DecisionItem,
    HomePage,
    InterpellationPage,
    InterpellationQuestion,
    Meeting,
    MinutesPage,
    MinutesParagraphPage,
    MotionMover,
    MotionPage,
    Municipality,
    MunicipalityPage,
    Organization,
    Party,
    Person,
    RoleScope,
)

_counter = itertools.count(1)


def make_municipality(name=None, **fields):
    name = name or f"Testkommun {next(_counter)}"
    slug = fields.pop("slug", None) or name.lower().replace(" ", "-").replace("ö", "o").replace("å", "a").replace(
        "ä", "a"
    )
    return Municipality.objects.create(name=name, official_name=f"{name} kommun", slug=slug, **fields)


def make_organization(municipality, name="Kommunstyrelsen", classification="executive", **fields):
    return Organization.objects.create(municipality=municipality, name=name, classification=classification, **fields)


def make_party(abbreviation="S", name="Socialdemokraterna"):
    party, _created = Party.objects.get_or_create(abbreviation=abbreviation, municipality=None, defaults={"name": name})
    return party


def make_person(municipality, name="Anna Andersson", party=None, **fields):
    return Person.objects.create(municipality=municipality, name=name, party=party, **fields)


def make_home_page():
    """A HomePage as the default site's root, as the demo loader sets it up."""
    root = Page.get_first_root_node()
    home = HomePage(title="Beslutsspår", slug=f"start-{next(_counter)}")
    root.add_child(instance=home)
    home.save_revision().publish()
    site = Site.objects.get(is_default_site=True)
    site.root_page = home
    site.save()
    return home


def make_municipality_page(home, municipality):
    page = MunicipalityPage(title=municipality.official_name, slug=municipality.slug, municipality=municipality)
    home.add_child(instance=page)
    page.save_revision().publish()
    return page


def publish(parent, page):
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def make_minutes(municipality_page, organization, day=date(2020, 4, 15), **fields):
    minutes = MinutesPage(
        title=f"{organization.name} {day}",
        slug=f"protokoll-{next(_counter)}",
        organization=organization,
        date=day,
        **fields,
    )
    return publish(municipality_page, minutes)


def make_paragraph(minutes, number, title="Ärende", decisions=(), **fields):
    paragraph = MinutesParagraphPage(title=title, slug=f"p{number}", number=number, **fields)
    paragraph.decisions = [DecisionItem(text=text) for text in decisions]
    return publish(minutes, paragraph)


def make_case(municipality, case_number="KS 2020/1", **fields):
    return Case.objects.create(municipality=municipality, case_number=case_number, **fields)


def make_meeting(organization, day, **fields):
    return Meeting.objects.create(organization=organization, date=day, **fields)


def make_motion(parent, organization, title="Motion", day=date(2021, 3, 18), movers=(), att_satser=(), **fields):
    """A published motion; `movers` are (person, role) pairs."""
    motion = MotionPage(title=title, slug=f"motion-{next(_counter)}", organization=organization, date=day, **fields)
    motion.movers = [MotionMover(person=person, role=role) for person, role in movers]
    motion.att_satser = [AttSats(text=text) for text in att_satser]
    return publish(parent, motion)


def make_interpellation(parent, organization, asker, addressee, questions, day=date(2020, 9, 3), **fields):
    """A published interpellation; `questions` are (question, answer) pairs."""
    page = InterpellationPage(
        title=fields.pop("title", "Interpellation om arbetsmarknadsenheten"),
        slug=f"interpellation-{next(_counter)}",
        organization=organization,
        date=day,
        asker=asker,
        addressee=addressee,
        **fields,
    )
    page.questions = [
        InterpellationQuestion(number=number, question=question, answer=answer)
        for number, (question, answer) in enumerate(questions, start=1)
    ]
    return publish(parent, page)


def make_scope(user, municipality, organizations=(), whole_municipality=False):
    """Where `user`'s role applies: `organizations` of `municipality`, or all of it."""
    scope = RoleScope.objects.create(user=user, municipality=municipality, whole_municipality=whole_municipality)
    scope.organizations.set(organizations)
    return scope
