"""Benchmark: seed a demo municipality of N residents, then time resident searches on it.

    python benchmarks/seed.py --residents 1000000

Runs on a fresh SQLite database in a temporary folder (or on DATABASE_URL when set:
then that database must be empty and migrated). Prints one JSON object with the seed
time, peak memory and search latencies (median and p95 over repeated searches).
"""

import argparse
import json
import os
import resource
import statistics
import sys
import tempfile
import time


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--residents", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--searches", type=int, default=50)
    args = parser.parse_args()

    os.environ.setdefault("DEBUG", "true")
    os.environ.setdefault("OPENWMO_VAR_DIR", tempfile.mkdtemp(prefix="openwmo-bench-"))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "openwmo.conf.settings")
    import django

    django.setup()
    from django.core.management import call_command

    from openwmo.accounts.models import User
    from openwmo.demo.generator import seed
    from openwmo.inwoners import selectors
    from openwmo.inwoners.models import Persoon

    call_command("migrate", verbosity=0)
    start = time.perf_counter()
    seed(residents=args.residents, seed=args.seed)
    seed_seconds = time.perf_counter() - start

    user = User.objects.get(username="consulent")
    sample = list(
        Persoon.objects.order_by("?").values_list(
            "bsn", "achternaam", "huishouden__adres__postcode"
        )[: args.searches]
    )

    def timed(make_query) -> dict:
        times = []
        for row in sample:
            t0 = time.perf_counter()
            selectors.zoek_personen(user, make_query(row), kanaal="systeem")
            times.append((time.perf_counter() - t0) * 1000)
        times.sort()
        return {
            "p50_ms": round(statistics.median(times), 2),
            "p95_ms": round(times[int(len(times) * 0.95) - 1], 2),
        }

    result = {
        "residents": args.residents,
        "database": django.db.connection.vendor,
        "seed_seconds": round(seed_seconds, 1),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
        "search_bsn": timed(lambda r: selectors.Zoekvraag(bsn=r[0])),
        "search_achternaam": timed(lambda r: selectors.Zoekvraag(naam=r[1])),
        "search_postcode": timed(lambda r: selectors.Zoekvraag(postcode=r[2])),
    }
    json.dump(result, sys.stdout, indent=2)
    print()


if __name__ == "__main__":
    main()
