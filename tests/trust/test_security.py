"""Security headers, the search rate limit, refused control characters and deploy checks."""

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.core.cache import CacheHandler
from django.core.management import call_command

from beslutsspar.security import RATE_LIMITED_MESSAGE

pytestmark = pytest.mark.django_db

PROJECT_ROOT = Path(__file__).resolve().parents[2]


def test_public_pages_carry_a_content_security_policy_without_inline_script(client, home_page):
    response = client.get(home_page.url)
    assert response.status_code == 200
    policy = response["Content-Security-Policy"]
    assert "default-src 'self'" in policy
    assert "'unsafe-inline'" not in policy
    assert "frame-ancestors 'none'" in policy
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["X-Frame-Options"] == "DENY"
    assert response["Referrer-Policy"] == "same-origin"


def test_the_admin_keeps_its_own_policy(client, home_page):
    response = client.get("/admin/login/")
    assert "Content-Security-Policy" not in response


def test_search_answers_429_in_swedish_once_a_client_is_over_the_limit(client, settings):
    settings.BESLUTSSPAR_SEARCH_RATE_LIMIT = 3
    settings.BESLUTSSPAR_RATE_LIMITED_PATHS = ("/sok/", "/api/search/")
    statuses = [client.get("/api/search/", {"q": "budget"}, REMOTE_ADDR="10.0.0.1").status_code for _ in range(3)]
    assert 429 not in statuses
    refused = client.get("/api/search/", {"q": "budget"}, REMOTE_ADDR="10.0.0.1")
    assert refused.status_code == 429
    assert refused.json() == {"error": RATE_LIMITED_MESSAGE}
    assert 0 < int(refused["Retry-After"]) <= settings.BESLUTSSPAR_SEARCH_RATE_WINDOW
    page = client.get("/sok/", {"q": "budget"}, REMOTE_ADDR="10.0.0.1")
    assert page.status_code == 429 and "För många sökningar" in page.content.decode()
    other = client.get("/api/search/", {"q": "budget"}, REMOTE_ADDR="10.0.0.2")
    assert other.status_code != 429, "the limit is per client"


def test_behind_a_trusted_proxy_the_client_address_comes_from_x_forwarded_for(client, settings):
    settings.BESLUTSSPAR_SEARCH_RATE_LIMIT = 1
    settings.BESLUTSSPAR_TRUSTED_PROXIES = 1
    proxy = "192.0.2.10"
    first = client.get("/api/search/", REMOTE_ADDR=proxy, HTTP_X_FORWARDED_FOR="203.0.113.5")
    assert first.status_code != 429
    assert client.get("/api/search/", REMOTE_ADDR=proxy, HTTP_X_FORWARDED_FOR="203.0.113.5").status_code == 429
    # A client cannot escape by sending its own X-Forwarded-For: the proxy appends the real one.
    spoofed = client.get("/api/search/", REMOTE_ADDR=proxy, HTTP_X_FORWARDED_FOR="1.2.3.4, 203.0.113.5")
    assert spoofed.status_code == 429
    assert client.get("/api/search/", REMOTE_ADDR=proxy, HTTP_X_FORWARDED_FOR="203.0.113.6").status_code != 429


def test_the_rate_limit_counts_in_a_cache_every_worker_process_shares(client, settings):
    call_command("createcachetable", "trust_rate_limit_cache", verbosity=0)
    shared = {"BACKEND": "django.core.cache.backends.db.DatabaseCache", "LOCATION": "trust_rate_limit_cache"}
    settings.CACHES = {"default": shared}
    settings.BESLUTSSPAR_SEARCH_RATE_LIMIT = 2
    client.get("/api/search/", REMOTE_ADDR="10.9.9.9")
    # A second worker process has its own cache connections; it reads the same count.
    other_worker = CacheHandler({"default": shared})["default"]
    window = int(time.time() // settings.BESLUTSSPAR_SEARCH_RATE_WINDOW)
    keys = [f"ratelimit:search:10.9.9.9:{w}" for w in (window, window - 1)]  # the window may just have turned
    assert list(other_worker.get_many(keys).values()) == [1]
    client.get("/api/search/", REMOTE_ADDR="10.9.9.9")
    assert client.get("/api/search/", REMOTE_ADDR="10.9.9.9").status_code == 429


@pytest.mark.parametrize("url", ["/uppdrag/", "/uppdrag/export.csv", "/sok/", "/api/search/", "/"])
def test_a_nul_character_in_any_parameter_is_answered_400_in_swedish(client, home_page, url):
    response = client.get(url, {"kommun": "\x00", "q": "a\x00b"})
    assert response.status_code == 400
    assert "otillåtna tecken" in response.content.decode()


def run_in_production(*args, **environment):
    """A command under the production settings, configured as the README's Production section says."""
    env = dict(
        os.environ,
        DJANGO_SETTINGS_MODULE="beslutsspar.settings.production",
        DJANGO_SECRET_KEY="a-long-random-production-secret-" + "x9Zq" * 12,
        DJANGO_ALLOWED_HOSTS="beslut.example.se",
        **environment,
    )
    result = subprocess.run(
        [sys.executable, *args], cwd=PROJECT_ROOT, env=env, capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


def test_check_deploy_is_clean_under_production_settings():
    assert "no issues" in run_in_production("manage.py", "check", "--deploy", "--fail-level", "WARNING")


#: Behind the proxy: what Django makes of a request the proxy passes on, with and without
#: the proxy's X-Forwarded-Proto, through the production settings' security middleware.
PROXIED_REQUESTS = """
from django.http import HttpResponse
from django.middleware.security import SecurityMiddleware
from django.test import RequestFactory

from beslutsspar.wsgi import application  # what gunicorn loads

middleware = SecurityMiddleware(lambda request: HttpResponse("ok"))
factory = RequestFactory(HTTP_HOST="beslut.example.se")
secure = middleware(factory.get("/sok/", HTTP_X_FORWARDED_PROTO="https"))
plain = middleware(factory.get("/sok/"))
print(secure.status_code, secure.get("Strict-Transport-Security"))
print(plain.status_code, plain.get("Location"))
"""


def test_behind_a_tls_proxy_production_trusts_x_forwarded_proto_and_redirects_plain_http():
    secure, plain = run_in_production("-c", PROXIED_REQUESTS).strip().splitlines()
    assert secure == "200 max-age=31536000; includeSubDomains"
    assert plain == "301 https://beslut.example.se/sok/"


def test_without_a_proxy_a_forged_x_forwarded_proto_does_not_make_a_request_secure():
    secure, _plain = run_in_production("-c", PROXIED_REQUESTS, DJANGO_BEHIND_PROXY="0").strip().splitlines()
    assert secure.startswith("301 ")


def test_gunicorn_the_readmes_production_server_is_installed():
    assert "gunicorn" in run_in_production("-m", "gunicorn", "--version")
