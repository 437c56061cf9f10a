#!/usr/bin/env bash
# The whole test suite: installs what is missing, builds, runs every test target.
# CI runs exactly this (.ci/run).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
swift build --build-tests
log=$(mktemp)
trap 'rm -f "$log"' EXIT
set +e
swift test --skip-build 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e
# One plain closing line with the Swift Testing totals.
passed=$(grep -cE '^✔ Test .+ passed after' "$log" || true)
failed=$(grep -cE '^✘ Test .+ failed after' "$log" || true)
if [ "$status" -eq 0 ]; then
  # The exported notebooks must match a fresh export and validate (installs nbformat if missing).
  if bash scripts/check-notebooks-export.sh; then passed=$((passed + 1)); else failed=$((failed + 1)); status=1; fi
fi
echo "tests: ${passed} passed, ${failed} failed"
exit "$status"
