"""Request latency per route, shared between the web workers of one machine.

Each worker counts in memory and writes its totals to ``<OPS_METRICS_DIR>/<pid>.json``
at most every ``SCHRIJF_INTERVAL`` seconds (write + rename, so a reader never sees half a
file). ``/metrics`` adds up the files of all workers, so a scrape that lands on either
gunicorn worker gives the same totals (at most a few seconds old for the other worker).
Counters restart at zero when the directory is emptied; Prometheus handles such resets.
"""

import json
import os
import threading
import time
from pathlib import Path

from django.conf import settings

GRENZEN = (0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0)
SCHRIJF_INTERVAL = 2.0

_lock = threading.Lock()
_tellingen: dict[str, dict] = {}  # "route|method|statusklasse" -> {"b": [...], "som": s, "n": n}
_laatst_geschreven = 0.0


def _map() -> Path:
    return Path(settings.OPS_METRICS_DIR)


def registreer(route: str, method: str, status: int, duur: float) -> None:
    global _laatst_geschreven
    sleutel = f"{route}|{method}|{status // 100}xx"
    with _lock:
        t = _tellingen.setdefault(sleutel, {"b": [0] * len(GRENZEN), "som": 0.0, "n": 0})
        for i, grens in enumerate(GRENZEN):
            if duur <= grens:
                t["b"][i] += 1
        t["som"] += duur
        t["n"] += 1
        nu = time.monotonic()
        if nu - _laatst_geschreven >= SCHRIJF_INTERVAL:
            _laatst_geschreven = nu
            _schrijf()


def _schrijf() -> None:
    try:
        map_ = _map()
        map_.mkdir(parents=True, exist_ok=True)
        tijdelijk = map_ / f".{os.getpid()}.tmp"
        tijdelijk.write_text(json.dumps(_tellingen))
        tijdelijk.replace(map_ / f"{os.getpid()}.json")
    except OSError:  # a full or read-only disk must not break requests
        pass


def totalen() -> dict[str, dict]:
    """The sum over all workers' files, with this worker's live numbers."""
    som: dict[str, dict] = {}
    eigen = f"{os.getpid()}.json"
    bronnen = []
    if _map().is_dir():
        for pad in _map().glob("*.json"):
            if pad.name == eigen:
                continue
            try:
                bronnen.append(json.loads(pad.read_text()))
            except (OSError, ValueError):
                continue
    with _lock:
        bronnen.append(json.loads(json.dumps(_tellingen)))
    for bron in bronnen:
        for sleutel, t in bron.items():
            doel = som.setdefault(sleutel, {"b": [0] * len(GRENZEN), "som": 0.0, "n": 0})
            doel["b"] = [a + b for a, b in zip(doel["b"], t["b"], strict=True)]
            doel["som"] += t["som"]
            doel["n"] += t["n"]
    return som


def _label(waarde: str) -> str:
    return waarde.replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ")


def histogram_regels() -> list[str]:
    naam = "openwmo_http_request_duration_seconds"
    regels = [
        f"# HELP {naam} Duur van HTTP-verzoeken per route (alle webworkers van deze machine).",
        f"# TYPE {naam} histogram",
    ]
    for sleutel, t in sorted(totalen().items()):
        route, method, klasse = sleutel.split("|")
        labels = f'route="{_label(route)}",method="{method}",status="{klasse}"'
        for grens, aantal in zip(GRENZEN, t["b"], strict=True):
            regels.append(f'{naam}_bucket{{{labels},le="{grens}"}} {aantal}')
        regels.append(f'{naam}_bucket{{{labels},le="+Inf"}} {t["n"]}')
        regels.append(f"{naam}_sum{{{labels}}} {t['som']:.6f}")
        regels.append(f"{naam}_count{{{labels}}} {t['n']}")
    return regels


def wis() -> None:
    """For tests: forget this process's numbers."""
    with _lock:
        _tellingen.clear()
