"""Security headers for the public site and a per-client rate limit on search.

Both are middleware so every view gets them without knowing: the Content-Security-Policy
forbids everything the public templates do not use (no inline script, no third-party
origin), and search, the one public endpoint that costs real work per request, answers
429 once a client has sent too many requests in a window.

The rate limit counts in Django's cache, so it holds across worker processes only when
the cache is shared between them: production uses Redis (`REDIS_URL`) or the database
cache, never the per-process local-memory cache.
"""

import time

from django.conf import settings
from django.core.cache import caches
from django.http import HttpResponse, JsonResponse

#: The public site's policy. Wagtail's admin and Viewflow's inbox bring their own inline
#: scripts and are signed-in areas, so they are left out (see `CSP_EXEMPT_PATHS`).
DEFAULT_CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
    "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'"
)
DEFAULT_CSP_EXEMPT_PATHS = ("/admin/", "/django-admin/", "/arenden/")

RATE_LIMITED_MESSAGE = "För många sökningar på kort tid. Vänta en stund och försök igen."
INVALID_CHARACTERS_MESSAGE = "Adressen innehåller otillåtna tecken (t.ex. ett nolltecken)."


class RejectControlCharactersMiddleware:
    """Answers 400 to a query string carrying a NUL character.

    No text the site stores or searches can contain NUL (PostgreSQL refuses it in a string
    parameter, which would surface as a 500 from whichever filter received it), so such a
    request cannot mean anything and is refused before any view sees it.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if any("\x00" in key or "\x00" in value for key, values in request.GET.lists() for value in [*values, ""]):
            return HttpResponse(INVALID_CHARACTERS_MESSAGE, status=400, content_type="text/plain; charset=utf-8")
        return self.get_response(request)


class ContentSecurityPolicyMiddleware:
    """Adds `Content-Security-Policy` (and `Permissions-Policy`) to public responses that set none."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.policy = getattr(settings, "BESLUTSSPAR_CSP", DEFAULT_CSP)
        self.exempt = tuple(getattr(settings, "BESLUTSSPAR_CSP_EXEMPT_PATHS", DEFAULT_CSP_EXEMPT_PATHS))

    def __call__(self, request):
        response = self.get_response(request)
        if self.policy and not request.path.startswith(self.exempt):
            response.headers.setdefault("Content-Security-Policy", self.policy)
        response.headers.setdefault("Permissions-Policy", "camera=(), microphone=(), geolocation=()")
        return response


def client_ip(request) -> str:
    """The client's address: REMOTE_ADDR, or when `BESLUTSSPAR_TRUSTED_PROXIES` proxies
    stand in front, the address the outermost trusted proxy saw (X-Forwarded-For read from
    the right, so a client cannot choose its own address by sending the header)."""
    proxies = getattr(settings, "BESLUTSSPAR_TRUSTED_PROXIES", 0)
    if proxies:
        forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
        if len(forwarded) >= proxies:
            return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR", "") or "unknown"


class SearchRateLimitMiddleware:
    """At most `BESLUTSSPAR_SEARCH_RATE_LIMIT` search requests per client per window."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        paths = getattr(settings, "BESLUTSSPAR_RATE_LIMITED_PATHS", ("/sok/", "/api/search/"))
        limit = getattr(settings, "BESLUTSSPAR_SEARCH_RATE_LIMIT", 60)
        window = getattr(settings, "BESLUTSSPAR_SEARCH_RATE_WINDOW", 60)
        if limit and request.path in paths and self._count(request, window) > limit:
            return self._refusal(request, window)
        return self.get_response(request)

    def _count(self, request, window) -> int:
        """This client's requests in the current window, this one included."""
        cache = caches[getattr(settings, "BESLUTSSPAR_RATE_LIMIT_CACHE", "default")]
        key = f"ratelimit:search:{client_ip(request)}:{int(time.time() // window)}"
        cache.add(key, 0, window + 1)
        try:
            return cache.incr(key)
        except ValueError:  # expired between add and incr: the first request of a window
            cache.set(key, 1, window + 1)
            return 1

    def _refusal(self, request, window):
        retry_after = str(window - int(time.time()) % window)
        if request.path.startswith("/api/"):
            response = JsonResponse({"error": RATE_LIMITED_MESSAGE}, status=429)
        else:
            response = HttpResponse(RATE_LIMITED_MESSAGE, status=429, content_type="text/plain; charset=utf-8")
        response["Retry-After"] = retry_after
        return response
