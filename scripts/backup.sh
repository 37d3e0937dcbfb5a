#!/usr/bin/env bash
# Back up the OpenWmo database: pg_dump in custom format (-Fc), plus a manifest with the
# row count per table and a checksum of the audit trail, taken in the SAME snapshot as the
# dump (so scripts/restore-drill.sh can verify a restore exactly), plus a sha256 file.
#
#   DATABASE_URL=postgres://… BACKUP_DIR=/var/backups/openwmo scripts/backup.sh
#
# Keeps BACKUP_KEEP_DAYS days (default 14). Exit code ≠ 0 when anything fails.
set -euo pipefail
: "${DATABASE_URL:?zet DATABASE_URL}"
BACKUP_DIR=${BACKUP_DIR:-/var/backups/openwmo}
KEEP=${BACKUP_KEEP_DAYS:-14}
HIER=$(cd "$(dirname "$0")/.." && pwd)
MANIFEST_SQL=${MANIFEST_SQL:-$HIER/deploy/backup-manifest.sql}
mkdir -p "$BACKUP_DIR"
naam="openwmo-$(date -u +%Y%m%dT%H%M%SZ)"
tmp="$BACKUP_DIR/.$naam"
start=$(date +%s.%N)

# One read-only transaction holds the snapshot while pg_dump uses it.
coproc PSQL { psql "$DATABASE_URL" -qAtX -F $'\t' -v ON_ERROR_STOP=1; }
echo "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY; SELECT pg_export_snapshot();" >&"${PSQL[1]}"
read -r snapshot <&"${PSQL[0]}"
pg_dump -Fc --snapshot="$snapshot" -f "$tmp.dump" "$DATABASE_URL"
{ cat "$MANIFEST_SQL"; echo "SELECT '--einde--'; COMMIT;"; } >&"${PSQL[1]}"
: > "$tmp.manifest"
while read -r regel <&"${PSQL[0]}"; do
  [ "$regel" = "--einde--" ] && break
  printf '%s\n' "$regel" >> "$tmp.manifest"
done
exec {PSQL[1]}>&-
wait "$PSQL_PID"

(cd "$BACKUP_DIR" && mv ".$naam.dump" "$naam.dump" && mv ".$naam.manifest" "$naam.manifest" \
  && sha256sum "$naam.dump" "$naam.manifest" > "$naam.sha256")
find "$BACKUP_DIR" -maxdepth 1 -name 'openwmo-*' -mtime +"$KEEP" -delete
duur=$(echo "$(date +%s.%N) - $start" | bc)
grootte=$(du -h "$BACKUP_DIR/$naam.dump" | cut -f1)
tabellen=$(grep -c '^tabel' "$BACKUP_DIR/$naam.manifest")
printf 'backup %s: %s, %s tabellen, %.1f s\n' "$BACKUP_DIR/$naam.dump" "$grootte" "$tabellen" "$duur"
