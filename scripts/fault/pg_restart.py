"""Fault test 2: restart PostgreSQL while OpenWmo is under load.

Starts a PRIVATE PostgreSQL instance (initdb in /tmp/pgfault, port 5499; the shared server
on 5432 is not touched), migrates and seeds a small demo municipality into it, runs
gunicorn with 2 workers against it (persistent connections, DB_CONN_MAX_AGE=60), and
lets 8 logged-in users search residents and open the start page. After a few seconds
PostgreSQL is restarted (``pg_ctl restart -m fast``). Checks:

- no 500 and no broken connection: while the database is away every request gets the
  Dutch 503 page (or problem+json), with Retry-After;
- the app recovers by itself: requests succeed again after the restart, with the same
  gunicorn master and workers (no restart of the app).

    .venv/bin/python scripts/fault/pg_restart.py [--seconds 30]
"""

import argparse
import collections
import os
import re
import secrets
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parents[2]
PGBIN = Path(sorted(Path("/usr/lib/postgresql").iterdir())[-1]) / "bin"
DATA = Path("/tmp/pgfault")
PORT = 5499
WEB = "127.0.0.1:8101"
# The installation under test (default: this Python); the script itself needs requests.
PYTHON = os.environ.get("OPENWMO_PYTHON", sys.executable)
OPENWMO = [PYTHON, "-m", "openwmo"]


def als_postgres(*cmd):
    if os.geteuid() == 0:
        cmd = ["su", "postgres", "-c", " ".join(str(c) for c in cmd)]
    return subprocess.run(cmd, check=True, capture_output=True, text=True)


def pg_ctl(actie):
    return als_postgres(
        PGBIN / "pg_ctl",
        "-D",
        DATA,
        "-w",
        "-l",
        DATA / "log",
        "-m",
        "fast",
        "-o",
        f"'-p {PORT} -k {DATA} -c listen_addresses=127.0.0.1'",
        actie,
    )


def login(sessie, base):
    pagina = sessie.get(f"{base}/inloggen/").text
    csrf = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', pagina).group(1)
    r = sessie.post(
        f"{base}/inloggen/",
        data={
            "username": "consulent",
            "password": "demo-openwmo-2026",
            "csrfmiddlewaretoken": csrf,
        },
        headers={"Referer": f"{base}/inloggen/"},
    )
    assert r.ok and "/inloggen/" not in r.url, "inloggen mislukt"


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--seconds", type=float, default=30)
    p.add_argument("--restart-at", type=float, default=8)
    p.add_argument("--users", type=int, default=8)
    p.add_argument("--residents", type=int, default=2000)
    args = p.parse_args()
    if DATA.exists():
        shutil.rmtree(DATA)
    DATA.mkdir()
    if os.geteuid() == 0:
        shutil.chown(DATA, "postgres", "postgres")
    als_postgres(PGBIN / "initdb", "-D", DATA, "-U", "postgres", "--auth=trust", "-E", "UTF8")
    pg_ctl("start")
    db_url = f"postgres://postgres@127.0.0.1:{PORT}/openwmo"
    env = dict(os.environ)
    env.update(
        DATABASE_URL=db_url,
        SECRET_KEY=secrets.token_urlsafe(50),
        DEBUG="false",
        OPENWMO_DEMO="true",  # production settings plus the demo add-on for ``seed``
        ALLOWED_HOSTS="127.0.0.1",
        SECURE_SSL_REDIRECT="false",
        SECURE_COOKIES="false",
        TWEESTAPS_VERPLICHT="false",
        OPENWMO_VAR_DIR=str(DATA / "var"),
        STATIC_ROOT=str(DATA / "var" / "static"),
        DB_CONN_MAX_AGE="60",
        LOG_LEVEL="WARNING",
        LOG_LEVEL_VERZOEKEN="WARNING",
    )
    web = None
    try:
        subprocess.run(
            [PGBIN / "createdb", "-h", "127.0.0.1", "-p", str(PORT), "-U", "postgres", "openwmo"],
            check=True,
        )
        t0 = time.perf_counter()
        subprocess.run([*OPENWMO, "migrate", "-v", "0"], env=env, check=True)
        subprocess.run(
            [*OPENWMO, "seed", "--residents", str(args.residents)],
            env=env,
            check=True,
            stdout=subprocess.DEVNULL,
        )
        print(f"database klaar ({time.perf_counter() - t0:.0f} s)")
        web = subprocess.Popen(
            [
                PYTHON,
                "-m",
                "gunicorn",
                "openwmo.wsgi:application",
                "--workers",
                "2",
                "--bind",
                WEB,
                "--timeout",
                "60",
            ],
            env={**env, "WHITENOISE_USE_FINDERS": "1"},
            stderr=subprocess.DEVNULL,
        )
        base = f"http://{WEB}"
        for _ in range(100):
            try:
                if requests.get(f"{base}/health/live", timeout=10).ok:
                    break
            except requests.RequestException:
                time.sleep(0.5)
        workers_voor = sorted(_kinderen(web.pid))
        sessies = []
        for _ in range(args.users):
            s = requests.Session()
            login(s, base)
            sessies.append(s)
        uitkomsten = []  # (t, soort)
        stop = time.monotonic() + args.seconds
        begin = time.monotonic()

        def gebruiker(s, n):
            paden = ["/inwoners/?naam=Jansen", "/", "/inwoners/?postcode=1", "/api/v1/mij/"]
            i = n
            while time.monotonic() < stop:
                pad = paden[i % len(paden)]
                i += 1
                t = time.monotonic() - begin
                try:
                    r = s.get(base + pad, timeout=30, allow_redirects=False)
                    if r.status_code == 200:
                        soort = "200"
                    elif (
                        r.status_code == 503
                        and r.headers.get("Retry-After")
                        and ("tijdelijk niet beschikbaar" in r.text or "niet bereikbaar" in r.text)
                    ):
                        soort = "503 nl"
                    else:
                        soort = f"{r.status_code} anders"
                except requests.RequestException as e:
                    soort = f"verbindingsfout {type(e).__name__}"
                uitkomsten.append((t, soort))
                time.sleep(0.05)

        draden = [threading.Thread(target=gebruiker, args=(s, n)) for n, s in enumerate(sessies)]
        for d in draden:
            d.start()
        time.sleep(args.restart_at)
        weg = time.monotonic() - begin
        pg_ctl("restart")
        terug = time.monotonic() - begin
        for d in draden:
            d.join()
        workers_na = sorted(_kinderen(web.pid))
        print(
            f"PostgreSQL herstart van t={weg:.1f} s tot t={terug:.1f} s ({terug - weg:.1f} s weg)"
        )
        per_seconde = collections.defaultdict(collections.Counter)
        for t, soort in uitkomsten:
            per_seconde[int(t)][soort] += 1
        for sec in sorted(per_seconde):
            print(
                f"  t={sec:>3} s  "
                + ", ".join(f"{k}: {v}" for k, v in sorted(per_seconde[sec].items()))
            )
        totaal = collections.Counter(soort for _, soort in uitkomsten)
        na = [(t, s) for t, s in uitkomsten if t > terug]
        eerste_ok = next((t for t, s in na if s == "200"), None)
        fout_na_herstel = [s for t, s in na if eerste_ok and t > eerste_ok + 1 and s != "200"]
        print(f"totaal: {dict(totaal)}")
        print(
            f"eerste geslaagde verzoek na herstart: "
            f"{'-' if eerste_ok is None else f'{eerste_ok - terug:.2f} s'}"
        )
        print(f"gunicorn-workers voor/na: {workers_voor} / {workers_na}")
        goed = (
            set(totaal) <= {"200", "503 nl"}
            and eerste_ok is not None
            and not fout_na_herstel
            and workers_voor == workers_na
        )
        print("GESLAAGD" if goed else "MISLUKT")
        return 0 if goed else 1
    finally:
        if web is not None:
            web.terminate()
            web.wait(timeout=30)
        try:
            pg_ctl("stop")
        except subprocess.CalledProcessError:
            pass
        shutil.rmtree(DATA, ignore_errors=True)


def _kinderen(pid: int) -> list[int]:
    uit = subprocess.run(["pgrep", "-P", str(pid)], capture_output=True, text=True).stdout
    return [int(x) for x in uit.split()]


if __name__ == "__main__":
    sys.exit(main())
