#!/usr/bin/env bash
# The one test command (npm test): the typechecker, the linter, then every vitest
# test (unit, integration on real SQLite files, HTTP, end-to-end in Chromium,
# the offline packing check). Each step runs even when an earlier one failed, and
# the last line counts them all: "N passed, N failed" (CI reads it).
#   npm test                      everything
#   npm test -- tests/e2e/foo     only those vitest files (no static steps)
set -uo pipefail
cd "$(dirname "$0")/.."
export TZ="${TZ_OVERRIDE:-Asia/Shanghai}"

if (($#)); then
  exec npx vitest run "$@"
fi

passed=0
failed=0
step() {
  local name="$1"; shift
  echo "── $name"
  if "$@"; then passed=$((passed + 1)); echo "✓ $name"; else failed=$((failed + 1)); echo "✗ $name"; fi
}
step "typecheck: main, db, scripts, tests" npx tsc -p tsconfig.json --noEmit
step "typecheck: renderer" npx tsc -p renderer/tsconfig.json --noEmit
step "lint" npx eslint .

echo "── vitest"
log="$(mktemp)"
npx vitest run 2>&1 | tee "$log"
vitest_status=${PIPESTATUS[0]}
summary="$(grep -aEo '^[0-9]+ passed, [0-9]+ failed' "$log" | tail -1)"
rm -f "$log"
if [[ -n "$summary" ]]; then
  passed=$((passed + ${summary%% passed*}))
  rest="${summary#*passed, }"
  failed=$((failed + ${rest%% failed*}))
elif ((vitest_status != 0)); then
  failed=$((failed + 1))
fi

echo
echo "$passed passed, $failed failed"
((failed == 0))
