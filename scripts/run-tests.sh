#!/usr/bin/env bash
# Runs every suite in order: swift test, node --test, then the browser, HTML and accessibility
# suites against a freshly built sample portal. Each suite prints its own summary; the last line
# is the total across suites. Exit 1 if any suite failed.
set -uo pipefail
cd "$(dirname "$0")/.."
mkdir -p test-artifacts
total_pass=0
total_fail=0
failed_suites=()

record() { # suite pass fail rc
  total_pass=$((total_pass + $2))
  total_fail=$((total_fail + $3))
  if [ "$4" -ne 0 ] || [ "$3" -ne 0 ]; then failed_suites+=("$1"); fi
  echo "== $1: $2 passed, $3 failed"
}

echo "== swift test"
swift build --product portal 2>&1 | tail -1   # the CLI tests run the debug binary
swift test 2>&1 | tee test-artifacts/swift-test.log
rc=${PIPESTATUS[0]}
total=$(grep -oE 'Test run with [0-9]+ tests?' test-artifacts/swift-test.log | tail -1 | grep -oE '[0-9]+' || echo 0)
# One line per failed test ("✘ Test … failed after N seconds"), not per recorded issue.
fails=$(grep -cE '^✘ Test .* failed after [0-9.]+ seconds' test-artifacts/swift-test.log || true)
if [ "$rc" -ne 0 ] && [ "$fails" -eq 0 ]; then fails=1; fi
record "swift" $((total - fails)) "$fails" "$rc"

if ls Tests/js/*.test.js >/dev/null 2>&1; then
  echo "== node --test"
  node --test Tests/js/ 2>&1 | tee test-artifacts/node-test.log
  rc=${PIPESTATUS[0]}
  pass=$(grep -E '^# pass ' test-artifacts/node-test.log | awk '{print $3}' || echo 0)
  fail=$(grep -E '^# fail ' test-artifacts/node-test.log | awk '{print $3}' || echo 0)
  if [ "$rc" -ne 0 ] && [ "${fail:-0}" -eq 0 ]; then fail=1; fi
  record "node" "${pass:-0}" "${fail:-0}" "$rc"
fi

if [ -d Tests/browser ]; then
  echo "== browser, HTML and accessibility (pytest)"
  # `make release` itself, so that the tests run the binary users get and neither rebuilds the other's.
  make --no-print-directory release >/dev/null && .build/release/portal build --quiet
  python3 -m pytest -q -p no:cacheprovider Tests/browser 2>&1 | tee test-artifacts/pytest.log
  rc=${PIPESTATUS[0]}
  line=$(grep -E '[0-9]+ (passed|failed)' test-artifacts/pytest.log | tail -1)
  pass=$(echo "$line" | grep -oE '[0-9]+ passed' | grep -oE '[0-9]+' || echo 0)
  fail=$(echo "$line" | grep -oE '[0-9]+ (failed|error)' | grep -oE '^[0-9]+' | paste -sd+ | bc 2>/dev/null || echo 0)
  if [ "$rc" -ne 0 ] && [ "${fail:-0}" -eq 0 ]; then fail=1; fi
  record "browser" "${pass:-0}" "${fail:-0}" "$rc"
fi

if [ ${#failed_suites[@]} -gt 0 ]; then
  echo "failed suites: ${failed_suites[*]}"
fi
echo "${total_pass} passed, ${total_fail} failed"
[ ${#failed_suites[@]} -eq 0 ]
