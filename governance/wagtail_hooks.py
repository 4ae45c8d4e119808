"""Admin menus: the civic registers grouped together, assignments on their own."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .dashboard import add_assignment_panels
from .models import (
    Assignment,
    Case,
    Meeting,
    Membership,
    Municipality,
    Organization,
    Party,
    Person,
    Post,
)
from .visibility import refuse_hidden_page


class MunicipalityViewSet(SnippetViewSet):
    model = Municipality
    icon = "site"
    list_display = ["name", "official_name", "code"]
    search_fields = ["name"]


class OrganizationViewSet(SnippetViewSet):
    model = Organization
    icon = "group"
    list_display = ["name", "abbreviation", "classification", "municipality"]
    list_filter = ["municipality", "classification"]
    search_fields = ["name", "abbreviation"]


class PartyViewSet(SnippetViewSet):
    model = Party
    icon = "tag"
    list_display = ["name", "abbreviation", "municipality"]


class PersonViewSet(SnippetViewSet):
    model = Person
    icon = "user"
    list_display = ["name", "party", "municipality", "email"]
    list_filter = ["municipality", "party"]
    search_fields = ["name"]


class PostViewSet(SnippetViewSet):
    model = Post
    icon = "id-card"
    list_display = ["label", "organization", "kind"]
    list_filter = ["kind"]
    search_fields = ["label"]


class MembershipViewSet(SnippetViewSet):
    model = Membership
    icon = "link"
    list_display = ["person", "organization", "role", "post", "start_date", "end_date"]
    list_filter = ["role"]


class MeetingViewSet(SnippetViewSet):
    model = Meeting
    icon = "date"
    list_display = ["organization", "date", "start_time", "location", "status"]
    list_filter = ["status", "organization__municipality"]


class CaseViewSet(SnippetViewSet):
    model = Case
    icon = "folder-open-inverse"
    list_display = ["case_number", "title", "municipality", "opened_on"]
    list_filter = ["municipality"]
    search_fields = ["case_number", "title"]


class RegisterGroup(SnippetViewSetGroup):
    """The registers a secretary keeps: who sits where, when organs meet, which cases exist."""

    menu_label = _("Register")
    menu_icon = "list-ul"
    menu_order = 200
    items = (
        MunicipalityViewSet,
        OrganizationViewSet,
        MeetingViewSet,
        PersonViewSet,
        PartyViewSet,
        PostViewSet,
        MembershipViewSet,
        CaseViewSet,
    )


class AssignmentViewSet(SnippetViewSet):
    """The assignment register: what each decision asked for, and what is late."""

    model = Assignment
    icon = "tasks"
    menu_label = _("Uppdrag")
    menu_order = 150
    add_to_admin_menu = True
    list_display = [
        "title",
        "municipality",
        "report_to",
        "deadline_text",
        "due_date",
        "status_label",
    ]
    list_filter = ["municipality", "report_to"]
    search_fields = ["title", "task"]


register_snippet(RegisterGroup)
register_snippet(AssignmentViewSet)


hooks.register("construct_homepage_panels", add_assignment_panels)

# Confidential pages and pages under an unpublished parent answer 404 (governance.visibility).
hooks.register("before_serve_page", refuse_hidden_page)
