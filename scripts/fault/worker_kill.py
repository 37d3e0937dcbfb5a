"""Fault test 1: SIGKILL a task worker in the middle of a batch of iWmo messages.

Creates a fresh PostgreSQL database, the demo municipality's providers and residents (the
generators of benchmarks/iwmo.py), and queues the providers' messages as batches
(``openwmo.berichten.tasks.verwerk_batch``). Two workers (``openwmo db_worker``) process
them; worker 1 is killed with SIGKILL while it is inside a batch, then restarted the way
systemd does it (``openwmo taken_herstellen --worker-id`` first). Checks afterwards:

- every message is stored exactly once (no duplicate, none missing) and has its retour;
- every stored message has exactly one audit record (nothing processed twice);
- every task ended SUCCESSFUL; the killed one was rerun and found its messages stored.

    DATABASE_URL=postgres://postgres:postgres@127.0.0.1:5432/postgres \
        .venv/bin/python scripts/fault/worker_kill.py --messages 600 --batch 25

Run it with the Python of the installation under test (its ``openwmo`` package is used
in-process and by the workers).
"""

import argparse
import os
import re
import secrets
import signal
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
OPENWMO = [sys.executable, "-m", "openwmo"]
AFZENDER = re.compile(r"<(?:\w+:)?Afzender>([^<]+)<")
IDENT = re.compile(r"<(?:\w+:)?Identificatie>([^<]+)<")


def omgeving(db_url: str, var_dir: str) -> dict:
    env = dict(os.environ)
    env.update(
        DATABASE_URL=db_url,
        SECRET_KEY=secrets.token_urlsafe(50),
        DEBUG="false",
        OPENWMO_VAR_DIR=var_dir,
        DJANGO_SETTINGS_MODULE="openwmo.conf.settings",
        LOG_LEVEL="WARNING",
    )
    return env


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--messages", type=int, default=600)
    p.add_argument("--batch", type=int, default=25)
    p.add_argument("--keep", action="store_true", help="keep the database")
    args = p.parse_args()
    beheer = os.environ.get("DATABASE_URL", "postgres://postgres:postgres@127.0.0.1:5432/postgres")
    server = beheer.rsplit("/", 1)[0]
    naam = f"openwmo_fault_kill_{int(time.time())}"
    import psycopg

    with psycopg.connect(f"{server}/postgres", autocommit=True) as c:
        c.execute(f"CREATE DATABASE {naam}")
    db_url = f"{server}/{naam}"
    var_dir = f"/tmp/{naam}"
    env = omgeving(db_url, var_dir)
    os.environ.update(env)
    sys.path.insert(0, str(ROOT / "benchmarks"))
    workers: dict[str, subprocess.Popen] = {}
    try:
        t0 = time.perf_counter()
        subprocess.run([*OPENWMO, "migrate", "-v", "0"], env=env, check=True)
        import django

        django.setup()
        import random

        import iwmo as bench  # benchmarks/iwmo.py: providers, residents, messages
        from django.db import connection
        from django.db.models import Count, Q
        from django_tasks_db.models import DBTaskResult

        from openwmo.berichten.models import Bericht
        from openwmo.berichten.tasks import verwerk_batch
        from openwmo.organisaties.models import Organisatie
        from openwmo.privacy.models import AuditRecord

        berichten = bench.prepare(args.messages, random.Random(7))
        volgorde = {"305": 0, "315": 1, "307": 2, "323": 3}
        berichten.sort(key=lambda b: volgorde[b[0]])
        per_aanbieder: dict[str, list[str]] = {}
        for _soort, raw in berichten:
            agb = AFZENDER.search(raw.decode("utf-8")).group(1)
            per_aanbieder.setdefault(agb, []).append(raw.decode("utf-8"))
        taken = 0
        for agb, lijst in per_aanbieder.items():
            org = Organisatie.objects.get(agb_code=agb)
            for i in range(0, len(lijst), args.batch):
                verwerk_batch.enqueue(org.pk, lijst[i : i + args.batch])
                taken += 1
        connection.close()
        print(
            f"voorbereid: {len(berichten)} berichten in {taken} taken "
            f"({time.perf_counter() - t0:.1f} s)"
        )

        def start(wid):
            subprocess.run(
                [*OPENWMO, "taken_herstellen", "--worker-id", wid],
                env=env,
                check=True,
                stdout=subprocess.DEVNULL,
            )
            workers[wid] = subprocess.Popen(
                [
                    *OPENWMO,
                    "db_worker",
                    "--no-reload",
                    "--worker-id",
                    wid,
                    "--interval",
                    "0.2",
                    "--no-startup-delay",
                    "-v",
                    "0",
                ],
                env=env,
            )

        t_start = time.perf_counter()
        start("fault-1")
        start("fault-2")
        # wait until worker 1 is inside a batch that has partly been stored
        geraakt = None
        deadline = time.time() + 300
        while time.time() < deadline and geraakt is None:
            for t in DBTaskResult.objects.running():
                if t.worker_ids[-1:] == ["fault-1"]:
                    _, lijst = t.args_kwargs["args"]
                    idents = [IDENT.search(r).group(1) for r in lijst]
                    klaar = Bericht.objects.filter(identificatie__in=idents).count()
                    if len(idents) // 4 <= klaar < len(idents) * 3 // 4:
                        geraakt = (t.pk, klaar, len(idents))
                        workers["fault-1"].send_signal(signal.SIGKILL)
                        workers["fault-1"].wait()
                        break
            connection.close()
            time.sleep(0.02)
        if geraakt is None:
            raise SystemExit("worker 1 kwam niet midden in een batch; probeer meer berichten")
        print(
            f"SIGKILL worker fault-1 in taak {geraakt[0]}: {geraakt[1]} van {geraakt[2]} "
            "berichten van die batch waren opgeslagen"
        )
        wees = DBTaskResult.objects.running().filter(pk=geraakt[0]).exists()
        print(f"taak na de kill nog RUNNING (wees): {wees}")
        time.sleep(1)
        start("fault-1")  # systemd: Restart=always, ExecStartPre=taken_herstellen
        while DBTaskResult.objects.exclude(status__in=["SUCCESSFUL", "FAILED"]).exists():
            connection.close()
            time.sleep(0.2)
        duur = time.perf_counter() - t_start
        for w in workers.values():
            w.send_signal(signal.SIGTERM)
        for w in workers.values():
            w.wait(timeout=60)

        # --- checks
        verwacht = len(berichten)
        ontvangen = Bericht.objects.filter(richting="in")
        uniek = ontvangen.values("afzender", "berichttype", "identificatie").distinct().count()
        zonder_retour = ontvangen.filter(retour__isnull=True).count()
        audit = AuditRecord.objects.filter(object_type="iwmo_bericht").count()
        met_client = ontvangen.filter(~Q(bsn="") | Q(berichttype="WMO323")).count()
        statussen = dict(DBTaskResult.objects.values_list("status").annotate(n=Count("id")))
        herhaling = DBTaskResult.objects.get(pk=geraakt[0])
        resultaat = [
            ("berichten verstuurd", verwacht, verwacht),
            ("berichten opgeslagen", ontvangen.count(), verwacht),
            ("verschillende berichten", uniek, verwacht),
            ("zonder retour", zonder_retour, 0),
            ("auditregels voor berichten", audit, met_client),
            ("taken SUCCESSFUL", statussen.get("SUCCESSFUL", 0), taken),
            ("taken FAILED", statussen.get("FAILED", 0), 0),
        ]
        herkend = herhaling.return_value["herhaald"]
        print(f"\nverwerkt in {duur:.1f} s (2 workers, 1 kill + herstart)")
        goed = True
        for naam_, waarde, verwachting in resultaat:
            ok = waarde == verwachting
            goed &= ok
            print(f"  {naam_:<34} {waarde:>6}  (verwacht {verwachting}) {'ok' if ok else 'FOUT'}")
        ok = herkend >= geraakt[1] > 0
        goed &= ok
        naam_ = "gekilde taak: al opgeslagen herkend"
        print(f"  {naam_:<34} {herkend:>6}  (verwacht ≥ {geraakt[1]}) {'ok' if ok else 'FOUT'}")
        print(f"  gekilde taak: workers {herhaling.worker_ids}, resultaat {herhaling.return_value}")
        print("GESLAAGD" if goed else "MISLUKT")
        return 0 if goed else 1
    finally:
        for w in workers.values():
            if w.poll() is None:
                w.kill()
        if not args.keep:
            from django.db import connections

            connections.close_all()
            with psycopg.connect(f"{server}/postgres", autocommit=True) as c:
                c.execute(f"DROP DATABASE IF EXISTS {naam} WITH (FORCE)")


if __name__ == "__main__":
    sys.exit(main())
