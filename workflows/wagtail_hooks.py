"""The inbox in Wagtail's admin: a menu item to /arenden/ and a dashboard panel of one's tasks."""

from django.utils.translation import gettext_lazy as _
from viewflow.workflow.models import Task
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component

from .access import visible_tasks
from .flows import AssignmentFlow, InterpellationFlow, MotionFlow
from .urls import site

FLOWS = (AssignmentFlow, MotionFlow, InterpellationFlow)


class InboxMenuItem(MenuItem):
    """Shown to everyone who may read at least one flow's processes."""

    def is_shown(self, request):
        return any(flow.instance.has_view_permission(request.user) for flow in FLOWS)


class MyTasksPanel(Component):
    """The user's own open tasks, with the inbox one click away."""

    name = "my_tasks"
    template_name = "workflows/dashboard/my_tasks.html"
    order = 40

    def __init__(self, user):
        self.user = user

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        tasks = (
            visible_tasks(self.user, Task.objects.inbox(FLOWS, self.user)).select_related("process").order_by("created")
        )
        context.update({"tasks": list(tasks[:20]), "count": tasks.count(), "inbox_url": site.reverse("index")})
        return context


@hooks.register("register_admin_menu_item")
def register_inbox_menu_item():
    return InboxMenuItem(_("Ärenden (inkorg)"), site.reverse("index"), icon_name="tasks", order=150)


@hooks.register("construct_homepage_panels")
def add_my_tasks_panel(request, panels):
    if any(flow.instance.has_view_permission(request.user) for flow in FLOWS):
        panels.append(MyTasksPanel(request.user))
