"""Readiness checks and the numbers for /metrics, read from the database at request time
(the same for every web worker). Counts only: no personal data leaves these functions."""

import shutil
import time
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.db import connection
from django.db.models import Count, Min
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from openwmo.accounts.models import Rol, User
from openwmo.accounts.selectors import Scope
from openwmo.berichten import selectors as berichten
from openwmo.berichten.models import Bericht
from openwmo.toegang import selectors as toegang


@dataclass
class Controle:
    naam: str
    goed: bool
    detail: str
    waarde: float | None = None


def controleer_database() -> Controle:
    try:
        start = time.monotonic()
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
        ms = (time.monotonic() - start) * 1000
        return Controle("database", True, f"bereikbaar in {ms:.1f} ms", round(ms, 1))
    except Exception as e:  # noqa: BLE001 - any failure means: not ready
        return Controle("database", False, f"niet bereikbaar ({type(e).__name__})")


def wachtrij() -> dict:
    """Tasks waiting (READY, due) and running, and the age of the oldest waiting one."""
    nu = timezone.now()
    klaar = DBTaskResult.objects.ready()
    oudste = klaar.aggregate(m=Min("enqueued_at"))["m"]
    return {
        "wachtend": klaar.count(),
        "bezig": DBTaskResult.objects.running().count(),
        "oudste_seconden": (nu - oudste).total_seconds() if oudste else 0.0,
    }


def controleer_wachtrij() -> Controle:
    try:
        w = wachtrij()
    except Exception as e:  # noqa: BLE001
        return Controle("taakwachtrij", False, f"niet te lezen ({type(e).__name__})")
    grens = settings.OPS_MAX_WACHTRIJ_SECONDEN
    goed = w["oudste_seconden"] <= grens
    detail = f"{w['wachtend']} wachtend, oudste {w['oudste_seconden']:.0f} s (grens {grens} s)"
    return Controle("taakwachtrij", goed, detail, round(w["oudste_seconden"], 1))


def _bestaande_map(pad: Path) -> Path:
    while not pad.exists() and pad != pad.parent:
        pad = pad.parent
    return pad


def controleer_schijf() -> Controle:
    """Free space where letters and exports are written (MEDIA_ROOT)."""
    pad = _bestaande_map(Path(settings.MEDIA_ROOT))
    try:
        vrij_mb = shutil.disk_usage(pad).free / 1024 / 1024
    except OSError as e:
        return Controle("schijf", False, f"niet te lezen ({type(e).__name__})")
    grens = settings.OPS_MIN_VRIJ_MB
    return Controle(
        "schijf", vrij_mb >= grens, f"{vrij_mb:.0f} MB vrij (minimaal {grens} MB)", vrij_mb
    )


def gereedheid() -> list[Controle]:
    db = controleer_database()
    if not db.goed:
        wachtrij_ = Controle("taakwachtrij", False, "database niet bereikbaar")
        return [db, wachtrij_, controleer_schijf()]
    return [db, controleer_wachtrij(), controleer_schijf()]


def iwmo_tellingen() -> list[tuple[str, str, int]]:
    """(richting, status, aantal) of all stored iWmo messages."""
    rijen = Bericht.objects.values("richting", "status").annotate(n=Count("id")).order_by()
    return [(r["richting"], r["status"], r["n"]) for r in rijen]


def _systeemgebruiker() -> User:
    """A municipality-wide reading scope for aggregate counts (never saved, never audited:
    only numbers leave this module)."""
    gebruiker = User(rol=Rol.WMO_CONSULENT, username="openwmo-metrics")
    gebruiker._openwmo_scope = Scope(
        user_id=None,
        rol=Rol.WMO_CONSULENT,
        organisatie_id=None,
        organisatie_soort=None,
        wijk_ids=frozenset(),
        persoon_id=None,
    )
    return gebruiker


_termijn_cache: dict = {"tot": 0.0, "waarde": None}
SOORTEN = (
    "toegang_onderzoek",
    "toegang_besluit",
    "iwmo_antwoord",
    "iwmo_startbericht",
    "iwmo_stopbericht",
    "iwmo_retourbericht",
)


def termijnoverschrijdingen() -> dict[str, int]:
    """Expired legal terms (toegang: 6-week investigation, 2-week decision) and late iWmo
    chain items (berichten), per kind. Cached for OPS_TERMIJN_CACHE_SECONDEN per worker,
    because the terms are computed per case."""
    nu = time.monotonic()
    if _termijn_cache["waarde"] is not None and nu < _termijn_cache["tot"]:
        return _termijn_cache["waarde"]
    systeem = _systeemgebruiker()
    telling = dict.fromkeys(SOORTEN, 0)
    for regel in toegang.te_laat(systeem):
        for soort in ("onderzoek", "besluit"):
            termijn = getattr(regel.termijnen, soort, None)
            if termijn is not None and getattr(termijn, "verlopen", False):
                telling[f"toegang_{soort}"] = telling.get(f"toegang_{soort}", 0) + 1
    for item in berichten.te_laat(systeem):
        soort = "iwmo_" + item["soort"].split(" ")[0].lower()
        telling[soort] = telling.get(soort, 0) + 1
    _termijn_cache.update(tot=nu + settings.OPS_TERMIJN_CACHE_SECONDEN, waarde=telling)
    return telling
