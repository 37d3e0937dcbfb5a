#!/usr/bin/env bash
# Restore drill: restore a backup into a NEW database and prove it is complete.
#
#   DATABASE_URL=postgres://…/openwmo scripts/restore-drill.sh [BACKUP.dump]
#
# Without an argument the newest dump in BACKUP_DIR is used. Checks: sha256 of the files;
# pg_restore without errors; row count per table equal to the manifest written in the
# dump's snapshot; audit trail count, first/last id and checksum equal; the append-only
# trigger on the audit trail present and refusing an UPDATE and a DELETE; and, when the
# openwmo command is available, no unapplied migrations. The drill database is dropped
# afterwards (KEEP_DRILL_DB=1 keeps it). Exit code 0 only when everything matches.
set -euo pipefail
: "${DATABASE_URL:?zet DATABASE_URL (de server om op te oefenen)}"
BACKUP_DIR=${BACKUP_DIR:-/var/backups/openwmo}
HIER=$(cd "$(dirname "$0")/.." && pwd)
MANIFEST_SQL=${MANIFEST_SQL:-$HIER/deploy/backup-manifest.sql}
OPENWMO=${OPENWMO:-$(command -v openwmo || true)}
dump=${1:-$(ls -1t "$BACKUP_DIR"/openwmo-*.dump | head -n 1)}
basis=${dump%.dump}
server=${DATABASE_URL%/*}
drill="openwmo_drill_$(date -u +%Y%m%d%H%M%S)"
DRILL_URL="$server/$drill"
fout=0
start=$(date +%s.%N)
stap() { printf '%-58s' "$1"; }
ok() { echo "ok${1:+ ($1)}"; }
nietok() { echo "FOUT: $1"; fout=1; }

stap "checksums ($(basename "$basis").sha256)"
(cd "$(dirname "$dump")" && sha256sum --quiet -c "$(basename "$basis").sha256") && ok || nietok "sha256"

stap "nieuwe database $drill"
psql "$server/postgres" -qAtX -v ON_ERROR_STOP=1 -c "CREATE DATABASE $drill" && ok
opruimen() {
  if [ "${KEEP_DRILL_DB:-0}" != "1" ]; then
    psql "$server/postgres" -qAtX -c "DROP DATABASE IF EXISTS $drill" >/dev/null || true
  fi
}
trap opruimen EXIT

stap "pg_restore"
t0=$(date +%s.%N)
pg_restore --no-owner --no-privileges --exit-on-error -j "${RESTORE_JOBS:-2}" -d "$DRILL_URL" "$dump"
ok "$(printf '%.1f s' "$(echo "$(date +%s.%N) - $t0" | bc)")"

stap "rijen per tabel en audittrail gelijk aan het manifest"
psql "$DRILL_URL" -qAtX -F $'\t' -v ON_ERROR_STOP=1 -f "$MANIFEST_SQL" > "/tmp/$drill.manifest"
if diff -u "$basis.manifest" "/tmp/$drill.manifest" > "/tmp/$drill.diff"; then
  tabellen=$(grep -c '^tabel' "$basis.manifest")
  rijen=$(awk -F'\t' '$1=="tabel"{s+=$3} END{print s}' "$basis.manifest")
  ok "$tabellen tabellen, $rijen rijen"
  awk -F'\t' '$1=="audit"{split($3,a,"|"); printf "%58s%s auditregels, id %s–%s, md5 %s\n", "", a[1], a[2], a[3], a[4]}' "$basis.manifest"
else
  nietok "verschil:"; cat "/tmp/$drill.diff"
fi
rm -f "/tmp/$drill.manifest" "/tmp/$drill.diff"

stap "append-only trigger op de audittrail aanwezig"
trigger=$(psql "$DRILL_URL" -qAtX -c "SELECT count(*) FROM pg_trigger WHERE tgname = 'privacy_auditrecord_append_only' AND tgenabled <> 'D'")
[ "$trigger" = "1" ] && ok || nietok "trigger ontbreekt"
for opdracht in "UPDATE privacy_auditrecord SET doel = doel" "DELETE FROM privacy_auditrecord"; do
  stap "  weigert: ${opdracht%% *}"
  if psql "$DRILL_URL" -qAtX -c "BEGIN; $opdracht WHERE id = (SELECT max(id) FROM privacy_auditrecord); ROLLBACK;" >/dev/null 2>&1; then
    if [ "$(psql "$DRILL_URL" -qAtX -c 'SELECT count(*) FROM privacy_auditrecord')" = "0" ]; then
      ok "audittrail leeg, niets te weigeren"
    else
      nietok "$opdracht werd toegestaan"
    fi
  else
    ok
  fi
done

if [ -n "$OPENWMO" ]; then
  stap "migraties compleet (openwmo migrate --check)"
  if DATABASE_URL="$DRILL_URL" "$OPENWMO" migrate --check >/dev/null 2>&1; then ok; else nietok "niet toegepaste migraties"; fi
fi

echo "restore-oefening $( [ $fout = 0 ] && echo GESLAAGD || echo MISLUKT ) in $(printf '%.1f' "$(echo "$(date +%s.%N) - $start" | bc)") s"
exit $fout
