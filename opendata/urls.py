from django.urls import path

from . import oparl_views as oparl
from . import pages, report_views, views
from .feeds import AssignmentFeed, DecisionFeed, DocumentFeed

app_name = "opendata"

urlpatterns = [
    path("kalender.ics", views.calendar_ics, name="calendar"),
    path("beslut.atom", DecisionFeed(), name="decision_feed"),
    path("uppdrag/<int:pk>/handelser.atom", AssignmentFeed(), name="assignment_feed"),
    path("dokument/<int:pk>/handelser.atom", DocumentFeed(), name="document_feed"),
    path("arende/<int:pk>/", pages.case_page, name="case"),
    path("organ/<int:pk>/", pages.organization_page, name="organization"),
    path("sammantrade/<int:pk>/", pages.meeting_page, name="meeting"),
    path("person/<int:pk>/", pages.person_page, name="person"),
    path("paragraf/<int:pk>/utdrag.pdf", report_views.paragraph_extract, name="paragraph_extract"),
    path("uppfoljning/", report_views.follow_up_page, name="follow_up"),
    path("uppfoljning/rapport.<str:extension>", report_views.follow_up_report, name="follow_up_report"),
    path("oparl/v1/system/", oparl.system, name="oparl_system"),
    path("oparl/v1/body/", oparl.body_list),
    path("oparl/v1/body/<int:pk>/", oparl.body),
    path("oparl/v1/body/<int:pk>/organization/", oparl.body_organizations),
    path("oparl/v1/body/<int:pk>/person/", oparl.body_people),
    path("oparl/v1/body/<int:pk>/membership/", oparl.body_memberships),
    path("oparl/v1/body/<int:pk>/meeting/", oparl.body_meetings),
    path("oparl/v1/body/<int:pk>/paper/", oparl.body_papers),
    path("oparl/v1/body/<int:pk>/agendaItem/", oparl.body_agenda_items),
    path("oparl/v1/body/<int:pk>/legislativeTerm/", oparl.body_terms),
    path("oparl/v1/body/<int:pk>/term/<int:year>/", oparl.legislative_term),
    path("oparl/v1/organization/<int:pk>/", oparl.organization),
    path("oparl/v1/organization/<int:pk>/meeting/", oparl.organization_meetings),
    path("oparl/v1/person/<int:pk>/", oparl.person),
    path("oparl/v1/membership/<int:pk>/", oparl.membership),
    path("oparl/v1/meeting/<int:pk>/", oparl.meeting),
    path("oparl/v1/location/meeting/<int:pk>/", oparl.location),
    path("oparl/v1/agendaItem/<int:pk>/", oparl.agenda_item),
    path("oparl/v1/consultation/<int:pk>/", oparl.consultation),
    path("oparl/v1/paper/case/<int:pk>/", oparl.case_paper),
    path("oparl/v1/paper/page/<int:pk>/", oparl.document_paper),
    path("oparl/v1/file/page/<int:pk>/", oparl.page_file),
]
