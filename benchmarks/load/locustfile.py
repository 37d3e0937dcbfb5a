"""Load test of OpenWmo (locust): workers, a provider's iWmo traffic and dashboards.

Loopback only, bounded in users and time (see run.sh); needs the data file written by
voorbereiden.py (OPENWMO_LAST_DATA). The instance runs like production behind its proxy:
every request carries X-Forwarded-Proto: https, as nginx would send it.
"""

import datetime
import ipaddress
import json
import os
import random
import re
from urllib.parse import urlparse

from locust import HttpUser, between, events, task

DATA = json.load(open(os.environ.get("OPENWMO_LAST_DATA", "/tmp/openwmo-last.json")))
WACHTWOORD = os.environ.get("OPENWMO_LAST_WACHTWOORD", "demo-openwmo-2026")
PROXY = {"X-Forwarded-Proto": "https"}
# Think time of a person between two pages, in seconds ("5-15"; the provider systems send
# every 0.5–1.5 s regardless).
DENK = [float(x) for x in os.environ.get("OPENWMO_LAST_DENKTIJD", "5-15").split("-")]
CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


@events.test_start.add_listener
def alleen_loopback(environment, **kwargs):
    host = urlparse(environment.host).hostname or ""
    if host != "localhost" and not ipaddress.ip_address(host).is_loopback:
        raise SystemExit(f"Alleen tegen 127.0.0.1/localhost, niet tegen {host}")


class Ingelogd(HttpUser):
    abstract = True
    gebruikersnaam = ""

    def on_start(self):
        self.client.headers.update(PROXY)
        pagina = self.client.get("/inloggen/", name="inloggen").text
        r = self.client.post(
            "/inloggen/",
            data={
                "username": self.gebruikersnaam,
                "password": WACHTWOORD,
                "csrfmiddlewaretoken": CSRF.search(pagina).group(1),
            },
            headers={"Referer": self.https("/inloggen/")},
            name="inloggen",
            allow_redirects=False,
        )
        if r.status_code != 302:
            raise RuntimeError(f"inloggen als {self.gebruikersnaam} mislukt: {r.status_code}")

    def https(self, pad: str) -> str:
        """As the browser sees it behind the TLS proxy (Django checks the Referer)."""
        return "https://" + urlparse(self.host).netloc + pad

    def csrf(self) -> str:
        return self.client.cookies.get("csrftoken", "")


class Medewerker(Ingelogd):
    """Wmo-consulent / sociaal werker: search, open a file, change a plan line."""

    weight = 7
    wait_time = between(*DENK)
    gebruikersnaam = "consulent"

    @task(4)
    def zoeken_op_naam(self):
        naam = random.choice(DATA["achternamen"])
        self.client.get("/inwoners/", params={"naam": naam}, name="zoeken (naam)")

    @task(2)
    def zoeken_op_postcode(self):
        pc = random.choice(DATA["postcodes"])
        self.client.get("/inwoners/", params={"postcode": pc}, name="zoeken (postcode)")

    @task(4)
    def dossier_openen(self):
        pk = random.choice(DATA["persoon_ids"])
        self.client.get(f"/inwoners/{pk}/", name="dossier openen")

    @task(1)
    def plan_bijwerken(self):
        if not DATA["basisregels"]:
            return
        pk = random.choice(DATA["basisregels"])
        uren = f"{random.randint(1, 12)},{random.choice('05')}"
        with self.client.post(
            f"/plannen/regels/{pk}/intensiteit/",
            data={
                "uren_per_week": uren,
                "ingangsdatum": datetime.date.today().isoformat(),
                "toelichting": "Inzet aangepast na overleg (belastingtest)",
                "csrfmiddlewaretoken": self.csrf(),
            },
            headers={"Referer": self.https(f"/plannen/regels/{pk}/intensiteit/")},
            name="plan bijwerken (intensiteit)",
            allow_redirects=False,
            catch_response=True,
        ) as r:
            # 302: changed; 200: the form answered (e.g. the same hours as now)
            if r.status_code in (200, 302):
                r.success()
            else:
                r.failure(f"status {r.status_code}")

    @task(1)
    def startpagina(self):
        self.client.get("/", name="startpagina")


class Aanbieder(HttpUser):
    """A provider's system sending iWmo messages through the exchange endpoint."""

    weight = 2
    wait_time = between(0.5, 1.5)

    def on_start(self):
        self.client.headers.update({**PROXY, "Authorization": f"Token {DATA['aanbieder_token']}"})

    @task
    def bericht(self):
        if not DATA["berichten"]:
            return
        raw = random.choice(DATA["berichten"])
        with self.client.post(
            "/api/v1/berichten/iwmo/",
            data=raw.encode("utf-8"),
            headers={"Content-Type": "application/xml"},
            name="iWmo-bericht (305/315)",
            catch_response=True,
        ) as r:
            if r.status_code == 200 and r.headers.get("X-Iwmo-Retourcodes"):
                r.success()  # a retour, accepted or refused with codes
            else:
                r.failure(f"status {r.status_code}")


class Beleid(Ingelogd):
    """Policy maker looking at the steering dashboards (only when /sturing/ exists)."""

    weight = 1
    wait_time = between(*DENK)
    gebruikersnaam = "beleid"
    paden = [p for p in os.environ.get("OPENWMO_LAST_DASHBOARDS", "").split(",") if p]

    @task
    def dashboard(self):
        if self.paden:
            pad = random.choice(self.paden)
            self.client.get(pad, name=f"dashboard {pad}")
        else:
            self.client.get("/", name="startpagina")
