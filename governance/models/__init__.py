"""Governance models, re-exported explicitly so `governance.models.X` keeps working."""

from .access import RoleScope
from .assignments import Assignment, AssignmentAttachment, AssignmentNote, AssignmentStateError, ReminderLog
from .civic import (
    Case,
    Meeting,
    Membership,
    Municipality,
    Organization,
    Party,
    Person,
    Post,
    normalize_case_number,
)
from .imports import ImportBatch, ImportItem
from .interpellations import InterpellationPage, InterpellationQuestion
from .minutes import DecisionItem, MinutesPage, MinutesParagraphPage
from .motions import AttSats, MotionAction, MotionMover, MotionPage
from .pages import GovernanceDocumentPage, HomePage, MunicipalityPage
from .policies import FocusArea, NewsPage, PolicyDocumentPage, PolicyGoal, ReportingRequirement
from .registry import DOCUMENT_PAGE_MODELS
from .statements import StatementPage, visible_statements
from .versioning import StaleEditError, VersionedModel

__all__ = [
    "DOCUMENT_PAGE_MODELS",
    "Assignment",
    "AssignmentAttachment",
    "AssignmentNote",
    "AssignmentStateError",
    "AttSats",
    "Case",
    "DecisionItem",
    "FocusArea",
    "GovernanceDocumentPage",
    "HomePage",
    "ImportBatch",
    "ImportItem",
    "InterpellationPage",
    "InterpellationQuestion",
    "Meeting",
    "Membership",
    "MinutesPage",
    "MinutesParagraphPage",
    "MotionAction",
    "MotionMover",
    "MotionPage",
    "Municipality",
    "MunicipalityPage",
    "NewsPage",
    "Organization",
    "Party",
    "Person",
    "PolicyDocumentPage",
    "PolicyGoal",
    "Post",
    "ReminderLog",
    "ReportingRequirement",
    "RoleScope",
    "StaleEditError",
    "StatementPage",
    "VersionedModel",
    "normalize_case_number",
    "visible_statements",
]
