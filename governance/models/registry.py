"""Which page models are governance documents; used by listings across the tree."""

from .interpellations import InterpellationPage
from .minutes import MinutesPage
from .motions import MotionPage
from .policies import NewsPage, PolicyDocumentPage
from .statements import StatementPage

DOCUMENT_PAGE_MODELS = (MinutesPage, MotionPage, InterpellationPage, PolicyDocumentPage, NewsPage, StatementPage)
