#!/usr/bin/env bash
# Makes sure the PostgreSQL server the database tests use answers at 127.0.0.1:5432,
# starting the machine's cluster if it is installed but stopped. Fails loudly otherwise:
# database tests never skip PostgreSQL.
set -euo pipefail

host=127.0.0.1
port=5432

if pg_isready -q -h "$host" -p "$port" 2>/dev/null; then
  exit 0
fi

if command -v pg_ctlcluster >/dev/null 2>&1 && [ -d /etc/postgresql ]; then
  version=$(ls /etc/postgresql | sort -V | tail -n 1)
  echo "PostgreSQL is not answering at $host:$port; starting cluster $version/main"
  pg_ctlcluster --skip-systemctl-redirect "$version" main start || true
  for _ in $(seq 1 30); do
    if pg_isready -q -h "$host" -p "$port" 2>/dev/null; then
      exit 0
    fi
    sleep 1
  done
fi

echo "ERROR: PostgreSQL is not reachable at $host:$port and could not be started." >&2
echo "The database tests run against PostgreSQL 15 and SQLite; start PostgreSQL (trust auth, user postgres) and retry." >&2
exit 1
