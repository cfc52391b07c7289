#!/usr/bin/env bash
# Runs every check of the repository: type check, then all jest suites
# (PostgreSQL 15 and SQLite for database tests). Called by `npm test`.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/ensure-postgres.sh

export BACKSTAGE_TEST_DISABLE_DOCKER=1
export BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING="${BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING:-postgresql://postgres@127.0.0.1:5432}"
# backstage-cli only leaves watch mode when CI is set
export CI=true
# OpenTelemetry's exporters load node:http with import(); jest's VM needs this to allow it
export NODE_OPTIONS="${NODE_OPTIONS:-} --experimental-vm-modules"

echo "== type check"
npx tsc --noEmit -p .

echo "== unit, database and backend tests (PostgreSQL 15 and SQLite)"
log=$(mktemp)
set +e
npx backstage-cli repo test --verbose 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e

# Jest's own summary line ("Tests: 1 failed, 34 passed, 35 total") restated plainly.
summary=$(grep -E '^Tests:' "$log" | tail -n 1 || true)
passed=$(grep -oE '[0-9]+ passed' <<<"$summary" | grep -oE '[0-9]+' || echo 0)
failed=$(grep -oE '[0-9]+ failed' <<<"$summary" | grep -oE '[0-9]+' || echo 0)
rm -f "$log"
echo "jest: ${passed} passed, ${failed} failed"
exit "$status"
