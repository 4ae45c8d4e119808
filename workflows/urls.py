"""The officials' inbox: Viewflow's own web UI for the flows, under /arenden/."""

from django.utils.translation import gettext_lazy as _
from viewflow.urls import Site
from viewflow.workflow.flow import FlowAppViewset

from .flows import AssignmentFlow, InterpellationFlow, MotionFlow

site = Site(
    title=_("Beslutsspår – ärenden"),
    viewsets=[
        FlowAppViewset(AssignmentFlow, icon="assignment", title=_("Uppdrag")),
        FlowAppViewset(MotionFlow, icon="description", title=_("Motioner")),
        FlowAppViewset(InterpellationFlow, icon="forum", title=_("Interpellationer")),
    ],
)
