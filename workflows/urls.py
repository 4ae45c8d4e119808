"""The officials' inbox: Viewflow's own web UI for the flows, under /arenden/."""

from django.contrib.auth.decorators import login_required
from django.urls import URLResolver
from django.utils.translation import gettext_lazy as _
from viewflow.urls import Site

from .flows import AssignmentFlow, InterpellationFlow, MotionFlow
from .inbox import InboxFlowViewset


def _require_login(patterns) -> None:
    """Wrap every view under the inbox so a logged-out visitor is sent to the login page.

    Viewflow's views answer an anonymous visitor with 403 ("no rights"), which tells an
    official who has merely been logged out nothing about what to do.
    """
    for entry in patterns:
        if isinstance(entry, URLResolver):
            _require_login(entry.url_patterns)
        elif not getattr(entry.callback, "inbox_requires_login", False):
            entry.callback = login_required(entry.callback)
            entry.callback.inbox_requires_login = True


class InboxSite(Site):
    """Viewflow's site for the flows, behind the login page."""

    @property
    def urls(self):
        patterns, app_name, namespace = super().urls
        _require_login(patterns)
        return patterns, app_name, namespace


site = InboxSite(
    title=_("Beslutsspår – ärenden"),
    viewsets=[
        InboxFlowViewset(AssignmentFlow, icon="assignment", title=_("Uppdrag")),
        InboxFlowViewset(MotionFlow, icon="description", title=_("Motioner")),
        InboxFlowViewset(InterpellationFlow, icon="forum", title=_("Interpellationer")),
    ],
)
