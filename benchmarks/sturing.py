"""Benchmark: server time of every sturing dashboard on the city preset (PostgreSQL).

    DATABASE_URL=postgres://…/openwmo_stad python benchmarks/sturing.py
    DATABASE_URL=postgres://…/leeg python benchmarks/sturing.py --seed [--scale 0.1]

Logs in as the demo users (beleid for every level; sociaalwerker and zorgaanbieder for
what the operational level shows them) with Django's test client, no HTTP server, and
requests each view of the ``sturing`` URLconf N times after one warm-up (a view a user may
not open is skipped for that user; a view nobody can open counts as a miss). The views are
read from ``openwmo.sturing.urls``: views without arguments, the drill-down per indicator
code and the exports; the yearly council report PDF is timed separately. Prints a table
and a JSON summary; exits 1 when a target is missed (p95 < 500 ms per view, report < 30 s).
With ``--seed`` the (empty) database is migrated and filled with the preset first, and the
seeding time is reported.
"""

import argparse
import json
import os
import statistics
import sys
import time
from pathlib import Path

P95_TARGET_MS = 500
REPORT_TARGET_S = 30
USERS = ["beleid", "sociaalwerker", "zorgaanbieder"]


def setup() -> None:
    os.environ.setdefault("DEBUG", "false")  # production settings: no query log, no debug pages
    os.environ.setdefault("SECRET_KEY", "alleen-voor-de-benchmark-" + "x" * 40)
    os.environ.setdefault("LOG_LEVEL", "ERROR")  # no request log or 403 warnings in the table
    os.environ.setdefault("LOG_LEVEL_VERZOEKEN", "ERROR")
    # the demo users have no authenticator; the check itself is one session read
    os.environ.setdefault("TWEESTAPS_VERPLICHT", "false")
    os.environ.setdefault("OPENWMO_VAR_DIR", str(Path.cwd() / "var"))
    os.environ.setdefault("OPENWMO_DEMO", "true")  # --seed uses the demo add-on
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "openwmo.conf.settings")
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))
    import django

    django.setup()
    from django.test.utils import setup_test_environment

    setup_test_environment()  # lets the test client's host in and keeps sent mail in memory


def views() -> list[tuple[str, str, dict]]:
    """(label, url, options) for every GET view of the sturing app, read from its URLconf."""
    from django.urls import URLPattern, reverse

    from openwmo.sturing import urls
    from openwmo.sturing.bronnen import BRONNEN
    from openwmo.sturing.models import Indicator

    # a drill-down exists for the indicators whose source has cases (not the external ones)
    codes = list(
        Indicator.objects.filter(bron__in=list(BRONNEN))
        .order_by("code")
        .values_list("code", flat=True)
    )
    found = []
    for pattern in urls.urlpatterns:
        if not isinstance(pattern, URLPattern) or not pattern.name:
            continue
        name = f"{urls.app_name}:{pattern.name}"
        groups = set(pattern.pattern.regex.groupindex)
        if not groups:
            found.append((pattern.name, reverse(name), {}))
        elif groups == {"code"} and pattern.name != "indicator":
            for code in codes:  # the drill-down behind each number
                found.append((f"{pattern.name}/{code}", reverse(name, args=[code]), {}))
        elif groups == {"niveau", "formaat"}:
            for niveau in ["strategisch", "tactisch", "operationeel", "wijken"]:
                for formaat in ["csv", "xlsx"]:
                    url = reverse(name, kwargs={"niveau": niveau, "formaat": formaat})
                    found.append((f"{pattern.name}/{niveau}.{formaat}", url, {"export": True}))
        elif groups == {"code"}:
            found.append((f"{pattern.name}/{codes[0]}", reverse(name, args=[codes[0]]), {}))
    return found


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(fraction * len(ordered) + 0.5) - 1))
    return ordered[index]


def measure(client, url: str, repeat: int, budget: float) -> tuple[int, list[float]]:
    """Status and request times in ms; fewer requests (at least one) once ``budget`` s is spent
    (the warm-up counts)."""
    begin = time.perf_counter()
    response = client.get(url, secure=True)  # warm-up (and the access check)
    if response.status_code != 200:
        return response.status_code, []
    times: list[float] = []
    for _ in range(repeat):
        if times and time.perf_counter() - begin > budget:
            break
        start = time.perf_counter()
        response = client.get(url, secure=True)
        if response.streaming:
            b"".join(response.streaming_content)
        times.append((time.perf_counter() - start) * 1000)
        if response.status_code != 200:
            return response.status_code, times
    return 200, times


def seed_first(scale: float) -> float:
    from django.core.management import call_command

    from openwmo.demo.city import seed_city

    call_command("migrate", verbosity=0)
    start = time.perf_counter()
    seed_city(scale, stdout=sys.stdout)
    return time.perf_counter() - start


def counts() -> dict:
    from openwmo.berichten.models import Bericht
    from openwmo.inwoners.models import Persoon
    from openwmo.plannen.models import Plan
    from openwmo.toegang.models import Melding

    return {
        "inwoners": Persoon.objects.count(),
        "actieve_plannen": Plan.objects.filter(status="actief").count(),
        "meldingen": Melding.objects.count(),
        "iwmo_berichten": Bericht.objects.count(),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=20, help="timed requests per view")
    parser.add_argument("--seed", action="store_true", help="seed the city preset first")
    parser.add_argument("--scale", type=float, default=1.0, help="city scale with --seed")
    parser.add_argument(
        "--budget", type=float, default=60, help="seconds per view before fewer repeats"
    )
    parser.add_argument("--zonder-exports", action="store_true", help="skip the CSV/Excel views")
    parser.add_argument("--jaar", type=int, default=None, help="year of the council report")
    parser.add_argument(
        "--zonder-bijwerken",
        action="store_true",
        help="do not run the refresh first (measure the database as it is)",
    )
    args = parser.parse_args()
    if not os.environ.get("DATABASE_URL"):
        parser.error("zet DATABASE_URL (PostgreSQL met de stad, of leeg met --seed)")
    setup()
    from django.db import connection
    from django.test import Client

    from openwmo.accounts.models import User
    from openwmo.demo.constants import PEILDATUM

    summary: dict = {"database": connection.vendor, "cpus": os.cpu_count(), "repeat": args.repeat}
    if args.seed:
        summary["seed_seconden"] = round(seed_first(args.scale), 1)
    summary["aantallen"] = counts()
    if not args.zonder_bijwerken:
        from openwmo.sturing.services import tussenstanden_bijwerken

        start = time.perf_counter()
        summary["bijwerken"] = tussenstanden_bijwerken()
        print(f"bijwerken (feitentabel + tussenstanden): {summary['bijwerken']}", flush=True)
        summary["bijwerken"]["wandklok_seconden"] = round(time.perf_counter() - start, 1)
    rows, misses, skipped = [], [], []
    targets = [t for t in views() if not (args.zonder_exports and t[2].get("export"))]
    # views that are not stored ahead (another year, another week): from the case table
    ouder = PEILDATUM.year - 3
    targets += [
        (f"strategisch {ouder}", f"/sturing/strategisch/?jaar={ouder}", {}),
        (f"tactisch {ouder}", f"/sturing/tactisch/?jaar={ouder}", {}),
        (f"wijken {ouder}", f"/sturing/wijken/?jaar={ouder}", {}),
        ("operationeel juni", f"/sturing/operationeel/?tot={PEILDATUM.year}-06-30", {}),
    ]
    for username in USERS:
        client = Client()
        client.force_login(User.objects.get(username=username))
        for label, url, options in targets:
            status, times = measure(client, url, args.repeat, args.budget)
            if status != 200:  # not this user's level (403) is fine; see below
                skipped.append({"view": label, "gebruiker": username, "status": status})
                continue
            row = {
                "view": label,
                "gebruiker": username,
                "n": len(times),
                "p50_ms": round(statistics.median(times), 1),
                "p95_ms": round(percentile(times, 0.95), 1),
                "max_ms": round(max(times), 1),
            }
            if not options.get("export") and row["p95_ms"] >= P95_TARGET_MS:
                misses.append(f"{label} ({username}): p95 {row['p95_ms']} ms")
            rows.append(row)
            print(
                f"{label:<34} {username:<14} p50 {row['p50_ms']:>8.1f}  "
                f"p95 {row['p95_ms']:>8.1f}  max {row['max_ms']:>8.1f} ms",
                flush=True,
            )
    opened = {row["view"] for row in rows}
    # a form's POST-only address (405 for a GET) is not a page
    acties = {s["view"] for s in skipped if s["status"] == 405}
    misses += [
        f"{label}: geen van {USERS} kon dit openen" for label, *_ in targets if label not in acties
    ]
    misses = [m for m in misses if m.split(":")[0] not in opened]
    client = Client()
    client.force_login(User.objects.get(username="beleid"))
    jaar = args.jaar or PEILDATUM.year - 1
    from django.urls import reverse

    start = time.perf_counter()
    response = client.get(reverse("sturing:raadsrapportage", args=[jaar]), secure=True)
    seconds = time.perf_counter() - start
    report_ok = response.status_code == 200 and response.content.startswith(b"%PDF")
    summary["raadsrapportage"] = {
        "jaar": jaar,
        "seconden": round(seconds, 2),
        "bytes": len(response.content),
        "ok": report_ok,
    }
    print(f"{'raadsrapportage ' + str(jaar):<34} {'beleid':<14} {seconds:.2f} s", flush=True)
    if not report_ok:
        misses.append(f"raadsrapportage: status {response.status_code}")
    elif seconds >= REPORT_TARGET_S:
        misses.append(f"raadsrapportage: {seconds:.1f} s")
    summary["views"] = rows
    summary["overgeslagen"] = skipped
    summary["gemist"] = misses
    print(json.dumps(summary, indent=2, ensure_ascii=False))
    return 1 if misses else 0


if __name__ == "__main__":
    sys.exit(main())
