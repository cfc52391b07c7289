#!/usr/bin/env bash
# End-to-end tests of the real app in headless Chromium: installs Debian's
# chromium package when /usr/bin/chromium is missing, builds the frontend,
# starts the backend on a free port with e2e/app-config.e2e.yaml, runs e2e/tests.
# Called by `npm run test:e2e` and scripts/test-all.sh; prints
# "e2e: N passed, N failed".
set -euo pipefail
cd "$(dirname "$0")/.."
exec node -r @backstage/cli/config/nodeTransform.cjs e2e/run.ts
