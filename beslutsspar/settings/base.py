"""Settings shared by every environment.

Environment-specific modules (`dev`, `test`, `production`) import from here and
override only what differs. Anything secret or host-specific is read from the
environment in `production`; nothing secret lives in code.
"""

import os
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent

INSTALLED_APPS = [
    "governance",
    "workflows",
    "search",
    "opendata",
    "viewflow",
    "viewflow.workflow",
    "wagtail.contrib.settings",
    "wagtail.contrib.redirects",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "beslutsspar.security.ContentSecurityPolicyMiddleware",
    "beslutsspar.security.RejectControlCharactersMiddleware",
    "beslutsspar.security.SearchRateLimitMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "governance.audit.AuditContextMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "beslutsspar.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

WSGI_APPLICATION = "beslutsspar.wsgi.application"

# SQLite is the embedded default; set DATABASE_URL (postgres://…) for PostgreSQL.
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "0")),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Several processes share the database (web, the search service, commands): WAL lets
    # readers run beside the writer, and IMMEDIATE transactions take the write lock up front
    # instead of failing when a read turns into a write while another process writes.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Swedish is the language of the domain and of the interface.
LANGUAGE_CODE = "sv"
LANGUAGES = [("sv", _("Svenska")), ("en", _("Engelska"))]
WAGTAIL_CONTENT_LANGUAGES = [("sv", _("Svenska"))]
WAGTAILADMIN_PERMITTED_LANGUAGES = [("sv", "Svenska"), ("en", "English")]
TIME_ZONE = "Europe/Stockholm"
USE_I18N = True
USE_TZ = True

STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
]
STATIC_ROOT = BASE_DIR / "static_collected"
STATIC_URL = "/static/"
MEDIA_ROOT = BASE_DIR / "media"
MEDIA_URL = "/media/"

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# Complex page models (minutes with many decisions) exceed Django's default.
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# The admin's import screen ("Importera dokument"): size of one file and files per upload.
# It refuses more files than its own limit with a Swedish message, so Django's limit (which
# answers 400) sits above it.
BESLUTSSPAR_IMPORT_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
BESLUTSSPAR_IMPORT_MAX_FILES = 200
DATA_UPLOAD_MAX_NUMBER_FILES = 1000

WAGTAIL_SITE_NAME = "Beslutsspår"
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAIL_I18N_ENABLED = False

# Wagtail's own admin search (page explorer, snippet choosers) uses the database.
# Public full-text search over the decision history is the `search` app on Elasticsearch.
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}

# Documents (report-back attachments among them): only office formats, at most 20 MB, always
# through Django (so the before_serve_document permission hook runs) and always as a download
# with nosniff and `default-src 'none'`, never rendered inline. Never let a web server serve
# MEDIA_ROOT/documents/ directly.
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "rtf", "txt", "xlsx"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILDOCS_INLINE_CONTENT_TYPES = []
WAGTAILDOCS_BLOCK_EMBEDDED_CONTENT = True

LOGIN_URL = "wagtailadmin_login"

# Days before a due date at which an assignment counts as "due soon".
BESLUTSSPAR_DUE_SOON_DAYS = int(os.environ.get("BESLUTSSPAR_DUE_SOON_DAYS", "14"))
# Weeks without a progress note after which an open assignment counts as stalled.
BESLUTSSPAR_STALLED_WEEKS = int(os.environ.get("BESLUTSSPAR_STALLED_WEEKS", "6"))
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "beslutsspar@localhost")

# Search engine. Every process of the site (web workers, management commands, cron) reaches
# one engine at ELASTICSEARCH_URL: a cluster, or by default the site's own search service
# (`manage.py search_service`, started by `make run`) running the embedded osmem-server on
# SEARCH_SERVICE_ADDRESS. No process starts an engine of its own.
SEARCH_SERVICE_ADDRESS = os.environ.get("SEARCH_SERVICE_ADDRESS", "127.0.0.1:9200")
SEARCH_EMBEDDED_ENGINE = not os.environ.get("ELASTICSEARCH_URL")
ELASTICSEARCH_URL = os.environ.get("ELASTICSEARCH_URL") or f"http://{SEARCH_SERVICE_ADDRESS}"
ELASTICSEARCH_USERNAME = os.environ.get("ELASTICSEARCH_USERNAME", "")
ELASTICSEARCH_PASSWORD = os.environ.get("ELASTICSEARCH_PASSWORD", "")
ELASTICSEARCH_API_KEY = os.environ.get("ELASTICSEARCH_API_KEY", "")
SEARCH_INDEX_PREFIX = os.environ.get("SEARCH_INDEX_PREFIX", "beslutsspar-")
SEARCH_REQUEST_TIMEOUT = float(os.environ.get("SEARCH_REQUEST_TIMEOUT", "10"))
# The embedded engine's garbage collector (see search.service.engine_environment): collect
# when the heap has grown by this many percent of the live index, and never let it grow past
# the memory limit (a Go size such as "8GiB"; empty: half the machine's memory).
SEARCH_ENGINE_GC_PERCENT = int(os.environ.get("SEARCH_ENGINE_GC_PERCENT", "400"))
SEARCH_ENGINE_MEMORY_LIMIT = os.environ.get("SEARCH_ENGINE_MEMORY_LIMIT", "")

# Security headers: SecurityMiddleware sends nosniff, Referrer-Policy and (in production)
# HSTS; beslutsspar.security sends the public site's Content-Security-Policy.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

# Search is rate-limited per client IP (beslutsspar.security): requests per window (seconds).
# Counted in the default cache, which must be shared by all workers in production.
BESLUTSSPAR_SEARCH_RATE_LIMIT = int(os.environ.get("BESLUTSSPAR_SEARCH_RATE_LIMIT", "60"))
BESLUTSSPAR_SEARCH_RATE_WINDOW = int(os.environ.get("BESLUTSSPAR_SEARCH_RATE_WINDOW", "60"))
# How many reverse proxies stand in front of the site and append to X-Forwarded-For.
BESLUTSSPAR_TRUSTED_PROXIES = int(os.environ.get("BESLUTSSPAR_TRUSTED_PROXIES", "0"))
# Text indexed per search document, in characters; the full text stays in the database and
# on the page. Bounds query time (scoring, highlighting) and engine memory per document.
SEARCH_MAX_DOCUMENT_CHARS = int(os.environ.get("SEARCH_MAX_DOCUMENT_CHARS", "40000"))
# A rebuild renews its lease while it runs; a rebuild that died stops holding back the
# outbox after this long.
SEARCH_REBUILD_LEASE_SECONDS = int(os.environ.get("SEARCH_REBUILD_LEASE_SECONDS", "120"))
