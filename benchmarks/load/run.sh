#!/usr/bin/env bash
# Run the load test: 50 users for LAST_DUUR against the instance on 127.0.0.1 (loopback
# only), stopping by itself; CSV and HTML reports in LAST_UIT.
#
#   benchmarks/load/run.sh http://127.0.0.1:8100
# LAST_RESET=1 drops the figures of the ramp-up (50 logins with PBKDF2 in 10 s) once all
# users are spawned, so the report shows the steady state; the default keeps everything.
set -euo pipefail
HOST=${1:-http://127.0.0.1:8100}
HIER=$(cd "$(dirname "$0")" && pwd)
UIT=${LAST_UIT:-/tmp/openwmo-last}
mkdir -p "$UIT"
exec "${LOCUST:-locust}" -f "$HIER/locustfile.py" --headless --host "$HOST" \
  --users "${LAST_GEBRUIKERS:-50}" --spawn-rate "${LAST_SPAWN:-5}" \
  --run-time "${LAST_DUUR:-3m}" --stop-timeout 10 \
  --csv "$UIT/last" --html "$UIT/last.html" --only-summary \
  ${LAST_RESET:+--reset-stats}
