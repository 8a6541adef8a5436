#!/usr/bin/env bash
# Runs the whole RtfmGym test suite (C# and Python), installing what is missing first.
#   ./test.sh                    # everything
#   ./test.sh --filter Name~Pose # passes the filter to dotnet test
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$ROOT"
RTFMGYM_CONFIG=Release scripts/setup.sh --tests
export RTFMGYM_HOME="$ROOT" DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
RESULTS="$ROOT/TestResults"
rm -rf "$RESULTS"
status=0
dotnet test RtfmGym.sln -c Release --no-build --nologo -v q \
  --logger "trx" --results-directory "$RESULTS" "$@" || status=$?
# Python client tests (clients/python) against a live server, when present.
PY_PASSED=0; PY_FAILED=0
if [[ -x clients/python/run_tests.sh ]]; then
  py_log="$RESULTS/python.log"
  clients/python/run_tests.sh 2>&1 | tee "$py_log" || status=$?
  if line=$(grep -E '^[0-9]+ passed, [0-9]+ failed' "$py_log" | tail -1); then
    PY_PASSED=$(echo "$line" | cut -d' ' -f1); PY_FAILED=$(echo "$line" | cut -d' ' -f3)
  else
    PY_FAILED=1; status=1
  fi
fi
PY_PASSED=$PY_PASSED PY_FAILED=$PY_FAILED scripts/summarize-tests.sh "$RESULTS" || true
exit $status
