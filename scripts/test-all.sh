#!/usr/bin/env bash
# Runs every check of the repository: type check, all jest suites (PostgreSQL 15
# and SQLite for database tests), then the end-to-end tests of the built app in
# headless Chromium. Called by `npm test`.
set -euo pipefail
cd "$(dirname "$0")/.."

# The e2e step gets the caller's settings: outside CI it may reuse an up-to-date
# frontend build, and the backend it starts needs no VM modules.
caller_ci="${CI:-}"
caller_node_options="${NODE_OPTIONS:-}"

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

echo "== end-to-end tests (built app, real backend, headless Chromium)"
e2e_log=$(mktemp)
set +e
CI="$caller_ci" NODE_OPTIONS="$caller_node_options" bash scripts/e2e.sh 2>&1 | tee "$e2e_log"
e2e_status=${PIPESTATUS[0]}
set -e
e2e_summary=$(grep -E '^e2e: [0-9]+ passed, [0-9]+ failed$' "$e2e_log" | tail -n 1 || true)
rm -f "$e2e_log"

echo "jest: ${passed} passed, ${failed} failed"
echo "${e2e_summary:-e2e: the runner stopped with exit code ${e2e_status} before its summary}"
if [ "$status" -ne 0 ] || [ "$e2e_status" -ne 0 ]; then
  exit 1
fi
