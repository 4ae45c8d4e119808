from django.conf import settings
from django.contrib import admin
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from governance import views as governance_views
from search import views as search_views
from workflows.urls import site as workflow_site

urlpatterns = [
    path("django-admin/", admin.site.urls),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("uppdrag/", governance_views.assignment_register, name="assignment_register"),
    path("uppdrag/<int:pk>/", governance_views.assignment_detail, name="assignment_detail"),
    path(
        "uppdrag/export.<str:extension>",
        governance_views.export_register,
        name="assignment_export",
    ),
    path("moten/", governance_views.meeting_list, name="meeting_list"),
    path("moten/<int:pk>/", governance_views.meeting_agenda, name="meeting_agenda"),
    path("sok/", search_views.search_page, name="search"),
    path("arenden/", workflow_site.urls),
    path("api/search/", search_views.api_search, name="api_search"),
    path("", include("opendata.urls")),
]

if settings.DEBUG:
    from django.conf.urls.static import static
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()
    # Images only: documents are served by /documents/ with their permission check.
    for folder in ("images", "original_images"):
        urlpatterns += static(f"{settings.MEDIA_URL}{folder}/", document_root=settings.MEDIA_ROOT / folder)

urlpatterns += [path("", include(wagtail_urls))]
