"""A scan of the running application over HTTP: security headers on every kind of page."""

import urllib.error
import urllib.request

import pytest

from openwmo.testing import factories as f

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

# Static files: the test server serves them outside the middleware; in production WhiteNoise
# sits inside SecurityMiddleware (checked in portaal/tests/test_pages.py).
PAGES = [
    "/inloggen/",
    "/",
    "/api/v1/mij/",
    "/api/v1/schema/",
    "/bestaat-niet/",
]


def fetch(url):
    try:
        return urllib.request.urlopen(url, timeout=10)  # noqa: S310 (loopback test server)
    except urllib.error.HTTPError as exc:
        return exc


def test_security_headers_on_every_page(live_server):
    for path in PAGES:
        response = fetch(live_server.url + path)
        assert response.status < 500, path
        headers = response.headers
        assert headers["X-Content-Type-Options"] == "nosniff", path
        assert headers["Referrer-Policy"] == "same-origin", path
        assert headers["Cross-Origin-Opener-Policy"] == "same-origin", path
        if headers.get_content_type() == "text/html":
            csp = headers["Content-Security-Policy"]
            assert "default-src 'self'" in csp and "script-src 'self'" in csp, path
            assert "unsafe-inline" not in csp.split("script-src")[1].split(";")[0], path
            assert headers["X-Frame-Options"] == "DENY", path


def test_session_and_csrf_cookies_are_protected(live_server):
    f.medewerker("sociaal_werker", username="scan")
    login = fetch(live_server.url + "/inloggen/")
    cookies = login.headers.get_all("Set-Cookie") or []
    csrf = next(c for c in cookies if c.startswith("csrftoken="))
    assert "SameSite=Lax" in csrf
