#!/usr/bin/env bash
# Make sure a PostgreSQL server listens on 127.0.0.1:5432 with a user that can
# create test databases; install it with apt when absent. Prints DATABASE_URL.
set -euo pipefail
sudo=""
if [ "$(id -u)" != "0" ]; then sudo="sudo"; fi
if ! command -v pg_lsclusters >/dev/null 2>&1; then
  echo "PostgreSQL ontbreekt: installeren met apt-get ..." >&2
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq postgresql >/dev/null
fi
if ! pg_isready -h 127.0.0.1 -p 5432 -q; then
  version=$(ls /etc/postgresql | sort -n | tail -n 1)
  $sudo pg_ctlcluster --skip-systemctl-redirect "$version" main start
  for _ in $(seq 1 30); do pg_isready -h 127.0.0.1 -p 5432 -q && break; sleep 1; done
fi
# A password for the postgres role, so that both trust and scram-sha-256 set-ups work.
sql="ALTER USER postgres PASSWORD 'postgres'"
if [ -z "$sudo" ]; then
  su postgres -c "psql -q -c \"$sql\"" >/dev/null
else
  sudo -u postgres psql -q -c "$sql" >/dev/null
fi
echo "postgres://postgres:postgres@127.0.0.1:5432/openwmo"
