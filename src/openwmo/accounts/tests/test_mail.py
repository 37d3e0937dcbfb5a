"""Outgoing mail: settings from the environment, and the password link through a real SMTP
server (aiosmtpd, started as its own process on 127.0.0.1) that works exactly once."""

import json
import mailbox
import os
import re
import socket
import subprocess
import sys
import time

import pytest
from django.test import override_settings

from openwmo.accounts.models import Rol
from openwmo.testing import factories as f

pytestmark = pytest.mark.django_db

WACHTWOORD = "een-lang-nieuw-wachtwoord-2026"


def _instellingen(**env) -> dict:
    """The mail settings as a fresh process reads them from these environment variables."""
    omgeving = {k: v for k, v in os.environ.items() if not k.startswith("EMAIL_")}
    omgeving.pop("DEFAULT_FROM_EMAIL", None)
    omgeving.update(env, DJANGO_SETTINGS_MODULE="openwmo.conf.test")
    code = (
        "import json; from django.conf import settings as s; print(json.dumps({k: getattr(s, k)"
        " for k in ['EMAIL_BACKEND', 'EMAIL_HOST', 'EMAIL_PORT', 'EMAIL_HOST_USER',"
        " 'EMAIL_HOST_PASSWORD', 'EMAIL_USE_TLS', 'DEFAULT_FROM_EMAIL']}))"
    )
    uit = subprocess.run(
        [sys.executable, "-c", code], env=omgeving, capture_output=True, text=True, check=True
    )
    return json.loads(uit.stdout)


def test_mailinstellingen_uit_omgeving():
    productie = _instellingen(
        DEBUG="false",
        EMAIL_HOST="smtp.gemeente.example",
        EMAIL_PORT="2525",
        EMAIL_HOST_USER="openwmo",
        EMAIL_HOST_PASSWORD="geheim",
        EMAIL_USE_TLS="false",
        DEFAULT_FROM_EMAIL="Wmo Lindeveen <wmo@lindeveen.example>",
    )
    assert productie == {
        "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "EMAIL_HOST": "smtp.gemeente.example",
        "EMAIL_PORT": 2525,
        "EMAIL_HOST_USER": "openwmo",
        "EMAIL_HOST_PASSWORD": "geheim",
        "EMAIL_USE_TLS": False,
        "DEFAULT_FROM_EMAIL": "Wmo Lindeveen <wmo@lindeveen.example>",
    }
    standaard = _instellingen(DEBUG="false")
    assert standaard["EMAIL_BACKEND"].endswith("smtp.EmailBackend")
    assert standaard["EMAIL_USE_TLS"] is True and standaard["EMAIL_PORT"] == 587
    assert _instellingen(DEBUG="true")["EMAIL_BACKEND"].endswith("console.EmailBackend")


def _vrije_poort() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def smtp_server(tmp_path):
    """A real SMTP server process that stores what it receives in a Maildir."""
    poort = _vrije_poort()
    maildir = tmp_path / "maildir"
    proces = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "aiosmtpd",
            "-n",
            "-l",
            f"127.0.0.1:{poort}",
            "-c",
            "aiosmtpd.handlers.Mailbox",
            str(maildir),
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    try:
        for _ in range(100):
            try:
                socket.create_connection(("127.0.0.1", poort), timeout=0.2).close()
                break
            except OSError:
                if proces.poll() is not None:
                    pytest.fail(proces.stdout.read().decode())
                time.sleep(0.1)
        else:
            pytest.fail("SMTP-server start niet")
        yield poort, maildir
    finally:
        proces.terminate()
        proces.wait(timeout=10)


def _berichten(maildir, aantal: int) -> list:
    for _ in range(50):
        if maildir.exists() and len(mailbox.Maildir(maildir, create=False)) >= aantal:
            break
        time.sleep(0.1)
    return list(mailbox.Maildir(maildir, create=False))


def test_wachtwoordlink_via_echte_smtp_server_werkt_een_keer(
    client, users, smtp_server, django_capture_on_commit_callbacks
):
    poort, maildir = smtp_server
    beheerder = users[Rol.BEHEERDER]
    doel = users[Rol.WMO_CONSULENT]
    doel.email = "consulent@lindeveen.example"
    doel.save()
    client.force_login(beheerder)
    with (
        override_settings(
            EMAIL_BACKEND="django.core.mail.backends.smtp.EmailBackend",
            EMAIL_HOST="127.0.0.1",
            EMAIL_PORT=poort,
            EMAIL_USE_TLS=False,
            EMAIL_HOST_USER="",
            EMAIL_HOST_PASSWORD="",
            DEFAULT_FROM_EMAIL="Wmo Lindeveen <wmo@lindeveen.example>",
        ),
        django_capture_on_commit_callbacks(execute=True),
    ):
        client.post(
            "/beheer/accounts/user/",
            {"action": "wachtwoordlink_sturen", "_selected_action": [doel.pk]},
        )

    berichten = _berichten(maildir, 1)
    assert len(berichten) == 1
    bericht = berichten[0]
    assert bericht["To"] == "consulent@lindeveen.example"
    assert bericht["From"] == "Wmo Lindeveen <wmo@lindeveen.example>"
    tekst = bericht.get_payload(decode=True).decode(bericht.get_content_charset() or "utf-8")
    link = re.search(r"http://testserver(/wachtwoord-instellen/\S+/)", tekst)[1]

    anoniem = client.__class__()
    stap = anoniem.get(link, follow=True)
    assert stap.status_code == 200
    response = anoniem.post(
        stap.redirect_chain[-1][0],
        {"new_password1": WACHTWOORD, "new_password2": WACHTWOORD},
    )
    assert response.status_code == 302
    doel.refresh_from_db()
    assert doel.check_password(WACHTWOORD) and not doel.check_password(f.PASSWORD)
    # the second time the link no longer works and nothing changes
    tweede = anoniem.get(link, follow=True)
    assert "werkt niet (meer)" in tweede.content.decode()
    assert 'name="new_password1"' not in tweede.content.decode()
