"""Admin menus: the civic registers grouped together, assignments on their own; the
scope rules of `governance.permissions` applied to pages and assignments; the audit
trail's log actions; the assignment actions (Återrapportera, Slutför, Förläng, Återkalla,
Byt ansvarig, Bekräfta) that are the admin's only way to change an assignment's state;
and "Importera dokument" (`governance.import_admin`) for secretaries and administrators."""

from django.core.exceptions import PermissionDenied
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.widgets import ListingButton
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views import snippets as snippet_views
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from . import audit
from .admin_actions import ACTION_FORMS, AssignmentActionView
from .dashboard import add_assignment_panels
from .import_admin import admin_urls as import_admin_urls
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
    RoleScope,
)
from .permissions import Action, can_act_on_assignment, can_edit_page, can_import_documents
from .visibility import can_view_assignment, refuse_hidden_attachment, refuse_hidden_page, visible_assignments


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


class RoleScopeViewSet(SnippetViewSet):
    model = RoleScope
    icon = "key"
    menu_label = _("Behörighetsområden")
    list_display = ["user", "municipality", "whole_municipality"]
    list_filter = ["municipality"]


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
        RoleScopeViewSet,
    )


class AssignmentPermissionPolicy(ModelPermissionPolicy):
    """Django's model permissions, narrowed per assignment: nobody reaches one they may not
    see (`governance.visibility`, also for an edit URL typed by hand), and a secretary edits
    and deletes only the assignments of the organs in their scope (`can_act_on_assignment`)."""

    def user_has_permission_for_instance(self, user, action, instance):
        if not can_view_assignment(user, instance):
            return False
        if not super().user_has_permission_for_instance(user, action, instance):
            return False
        if action in ("change", "delete"):
            return can_act_on_assignment(user, instance, Action.EDIT)
        return True


register_permission_policy(Assignment, AssignmentPermissionPolicy(Assignment))


class VisibleAssignmentsOnly:
    """Edit and delete views find only the assignments the user may see, so an edit URL
    typed by hand answers 404 like the listing that never showed it (governance.visibility)."""

    def get_queryset(self):
        return visible_assignments(self.request.user, Assignment.objects.all())


class AssignmentEditView(VisibleAssignmentsOnly, snippet_views.EditView):
    pass


class AssignmentDeleteView(VisibleAssignmentsOnly, snippet_views.DeleteView):
    pass


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
    list_filter = ["municipality", "report_to", "read_from_text"]
    search_fields = ["title", "task"]

    edit_view_class = AssignmentEditView
    delete_view_class = AssignmentDeleteView

    def get_queryset(self, request):
        # Assignments from confidential or unpublished decisions are not listed (governance.visibility).
        return visible_assignments(request.user, Assignment.objects.all())


register_snippet(RegisterGroup)
register_snippet(AssignmentViewSet)

# Confidential pages and pages under an unpublished parent answer 404 (governance.visibility).
hooks.register("before_serve_page", refuse_hidden_page)
# Report-back attachments only to those who may see the assignment.
hooks.register("before_serve_document", refuse_hidden_attachment)

hooks.register("construct_homepage_panels", add_assignment_panels)


@hooks.register("register_log_actions")
def register_audit_log_actions(actions):
    audit.register_log_actions(actions)


@hooks.register("register_admin_urls")
def assignment_action_urls():
    return [
        path(
            "uppdrag/<int:pk>/<slug:action>/",
            AssignmentActionView.as_view(),
            name="assignment_action",
        )
    ]


class ImportMenuItem(MenuItem):
    """Shown only to those who may import (secretaries and administrators)."""

    def is_shown(self, request):
        return can_import_documents(request.user)


@hooks.register("register_admin_menu_item")
def import_menu_item():
    return ImportMenuItem(_("Importera dokument"), reverse("import_index"), icon_name="upload", order=160)


hooks.register("register_admin_urls", import_admin_urls)


@hooks.register("register_snippet_listing_buttons")
def assignment_action_buttons(snippet, user, next_url=None):
    if not isinstance(snippet, Assignment):
        return []
    return [
        ListingButton(
            form.title,
            reverse("assignment_action", args=[snippet.pk, action]),
            priority=100 + position,
        )
        for position, (action, form) in enumerate(ACTION_FORMS.items())
        if form.applies_to(snippet) and can_act_on_assignment(user, snippet, action)
    ]


def _refuse_outside_scope(request, page):
    if not can_edit_page(request.user, page):
        raise PermissionDenied(_("Sidan hör till ett organ du inte är sekreterare för."))


@hooks.register("before_edit_page")
def edit_only_pages_in_scope(request, page):
    _refuse_outside_scope(request, page)


@hooks.register("before_delete_page")
def delete_only_pages_in_scope(request, page):
    _refuse_outside_scope(request, page)


@hooks.register("before_move_page")
def move_only_pages_in_scope(request, page, destination=None):
    _refuse_outside_scope(request, page)


@hooks.register("before_create_page")
def create_only_under_pages_in_scope(request, parent_page, page_class):
    _refuse_outside_scope(request, parent_page)


@hooks.register("before_edit_snippet")
def edit_only_assignments_in_scope(request, instance):
    if isinstance(instance, Assignment) and not can_act_on_assignment(request.user, instance, Action.EDIT):
        raise PermissionDenied(_("Uppdraget hör till ett organ du inte är sekreterare för."))


@hooks.register("before_delete_snippet")
def delete_only_assignments_in_scope(request, instances):
    for instance in instances:
        if isinstance(instance, Assignment) and not can_act_on_assignment(request.user, instance, Action.EDIT):
            raise PermissionDenied(_("Uppdraget hör till ett organ du inte är sekreterare för."))
